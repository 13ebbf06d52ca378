import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from chatkit.models import Deployment


@pytest.mark.django_db
def test_it_is_idempotent(capsys):
    call_command("demo")
    call_command("demo")
    deployment = Deployment.objects.get(public_key="pk_demo")
    assert deployment.allowed_origins == [settings.CHATKIT_PUBLIC_ORIGIN]
    assert deployment.agent == "demo"
    assert deployment.secret_key_hash
    user = get_user_model().objects.get(username="admin")
    assert user.is_staff and user.is_superuser
    out = capsys.readouterr().out
    assert f"{settings.CHATKIT_PUBLIC_URL}/admin/" in out
    assert "password" in out
    password = out.split("password ")[1].split(")")[0]
    assert user.check_password(password)
    assert Deployment.objects.count() == 1

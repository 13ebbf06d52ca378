import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/admin/chatkit/deployment/", "/admin/chatkit/deployment/add/", "ROTATE"]
)
def test_it_sends_anonymous_and_non_staff_users_to_login(client, deployment, path):
    path = f"/admin/chatkit/deployment/{deployment.pk}/rotate-keys/" if path == "ROTATE" else path
    response = client.get(path)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    user = get_user_model().objects.create_user("visitor", password="pw-visitor-123")
    client.force_login(user)
    response = client.post(path)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    deployment.refresh_from_db()
    assert deployment.key_version == 1

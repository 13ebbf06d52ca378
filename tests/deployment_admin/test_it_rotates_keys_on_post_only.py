import pytest

from chatkit.keys import check_secret_key


@pytest.mark.django_db
def test_it_asks_first_and_rotates_on_post(staff_client, deployment):
    url = f"/admin/chatkit/deployment/{deployment.pk}/rotate-keys/"
    confirm = staff_client.get(url)
    assert confirm.status_code == 200 and b"Rotate the keys" in confirm.content
    deployment.refresh_from_db()
    assert deployment.key_version == 1
    rotated = staff_client.post(url)
    deployment.refresh_from_db()
    assert deployment.key_version == 2
    assert check_secret_key(deployment, rotated.context["secret_key"])
    assert not check_secret_key(deployment, deployment.secret_key)


@pytest.mark.django_db
def test_it_refuses_a_rotation_without_csrf(deployment, client):
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_user("s", password="x", is_staff=True, is_superuser=True)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    response = strict.post(f"/admin/chatkit/deployment/{deployment.pk}/rotate-keys/")
    assert response.status_code == 403
    deployment.refresh_from_db()
    assert deployment.key_version == 1


@pytest.mark.django_db
def test_it_answers_404_for_an_unknown_deployment(staff_client):
    assert staff_client.post("/admin/chatkit/deployment/999/rotate-keys/").status_code in (302, 404)

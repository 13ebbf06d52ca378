import pytest


@pytest.mark.django_db
def test_it_reports_ok_when_the_database_and_channel_layer_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"

"""The server notes which sites embed a chat, and which were refused."""

import pytest

from chatkit.models import EmbedOrigin, LiveConnection
from tests.conftest import ChatClient


@pytest.mark.django_db
def test_it_notes_allowed_and_refused_embedders(client, make_deployment):
    deployment = make_deployment(allowed_origins=["https://shop.example"])
    url = f"/embed/{deployment.public_key}/"
    client.get(url, HTTP_REFERER="https://shop.example/products/42?x=1")
    client.get(url, HTTP_REFERER="https://copycat.example/")
    client.get(url, HTTP_REFERER="http://testserver/")  # our own pages are not embedders
    client.get(url)
    client.post(
        "/api/sessions",
        data={"deployment": deployment.public_key},
        content_type="application/json",
        HTTP_ORIGIN="https://thief.example",
    )
    seen = {(row.origin, row.status) for row in EmbedOrigin.objects.filter(deployment=deployment)}
    assert seen == {
        ("https://shop.example", "allowed"),
        ("https://copycat.example", "refused"),
        ("https://thief.example", "refused"),
    }


@pytest.mark.django_db
def test_it_writes_at_most_once_a_minute_per_site(client, make_deployment):
    deployment = make_deployment(allowed_origins=["https://shop.example"])
    for _ in range(5):
        client.get(f"/embed/{deployment.public_key}/", HTTP_REFERER="https://shop.example/")
    assert EmbedOrigin.objects.get(deployment=deployment).hits == 1


@pytest.mark.django_db(transaction=True)
async def test_it_tracks_live_connections(deployment):
    from channels.db import database_sync_to_async

    from chatkit.observed import live_connections

    client = ChatClient()
    await client.connect()
    assert await database_sync_to_async(LiveConnection.objects.count)() == 0
    await client.auth(deployment)
    assert await database_sync_to_async(live_connections)(deployment.pk) == 1
    await client.close()
    assert await database_sync_to_async(live_connections)(deployment.pk) == 0

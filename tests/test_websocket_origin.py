import pytest

from tests.conftest import ChatClient

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("origin", "host"),
    [
        ("https://evil.example", "testserver"),
        ("http://testserver.evil.example", "testserver"),
        ("http://testserver:8080", "testserver"),
        ("null", "testserver"),
        ("http://evil.example", "evil.example"),
    ],
)
async def test_it_refuses_foreign_origins(origin, host):
    client = ChatClient(origin, host)
    connected, code = await client.connect()
    assert not connected
    assert code == 4403


async def test_it_refuses_a_missing_origin():
    from channels.testing import WebsocketCommunicator

    from chatkit.asgi import application

    ws = WebsocketCommunicator(application, "/ws/chat/", headers=[(b"host", b"testserver")])
    connected, code = await ws.connect()
    assert (connected, code) == (False, 4403)


async def test_it_accepts_the_configured_public_origin():
    client = ChatClient("http://127.0.0.1:8000", "proxy.internal")
    connected, _ = await client.connect()
    assert connected
    await client.close()

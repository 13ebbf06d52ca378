"""X-Forwarded-For is believed only from CHATKIT_TRUSTED_PROXIES: a visitor who forges it
gets no fresh address (nor a fresh per-address limit); a request through a trusted proxy
is counted under the visitor's own address."""

import json

import httpx
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from chatkit.asgi import application
from chatkit.proxies import TrustedProxiesMiddleware, forwarded_client, parse_networks

pytestmark = pytest.mark.django_db(transaction=True)


async def sessions_accepted(trusted: list[str], peer: str, forwarded: list[str], deployment):
    with override_settings(CHATKIT_TRUSTED_PROXIES=trusted):
        app = TrustedProxiesMiddleware(application.app)
    transport = httpx.ASGITransport(app=app, client=(peer, 40000))
    accepted = 0
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        for address in forwarded:
            response = await client.post(
                "/api/sessions",
                content=json.dumps({"deployment": deployment.public_key}),
                headers={
                    "Content-Type": "application/json",
                    "Origin": "https://site.example",
                    "X-Forwarded-For": address,
                },
            )
            accepted += response.status_code == 200
    return accepted


@pytest.fixture
def limited(make_deployment):
    return make_deployment(rate_limits={"sessions_per_minute": 3})


async def test_a_forged_header_from_a_visitor_changes_nothing(limited):
    forged = [f"203.0.113.{i}" for i in range(10)]
    assert await sessions_accepted([], "198.51.100.7", forged, limited) == 3


async def test_a_trusted_proxy_passes_each_visitors_address(limited):
    visitors = [f"203.0.113.{i}" for i in range(10)]
    assert await sessions_accepted(["10.0.0.0/8"], "10.1.2.3", visitors, limited) == 10


async def test_a_header_from_an_untrusted_peer_is_ignored_even_when_proxies_are_set(limited):
    forged = [f"203.0.113.{i}" for i in range(10)]
    assert await sessions_accepted(["10.0.0.0/8"], "198.51.100.7", forged, limited) == 3


def test_it_takes_the_last_address_no_trusted_proxy_added():
    trusted = parse_networks(["10.0.0.0/8", "192.0.2.1"])
    assert forwarded_client("10.0.0.1", "1.1.1.1, 203.0.113.9", trusted) == "203.0.113.9"
    assert forwarded_client("10.0.0.1", "1.1.1.1, 203.0.113.9, 192.0.2.1", trusted) == (
        "203.0.113.9"
    )
    assert forwarded_client("10.0.0.1", "", trusted) == "10.0.0.1"
    assert forwarded_client("10.0.0.1", "not-an-address", trusted) == "10.0.0.1"
    assert forwarded_client("10.0.0.1", "10.0.0.5", trusted) == "10.0.0.5"
    assert forwarded_client("198.51.100.7", "203.0.113.9", trusted) == "198.51.100.7"


def test_it_refuses_a_setting_that_is_not_an_address():
    with pytest.raises(ImproperlyConfigured, match=r"'proxy\.example'"):
        parse_networks(["10.0.0.0/8", "proxy.example"])

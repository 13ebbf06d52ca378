"""Studio fixtures: staff and other users, drafts, and a signed-in browser on the live server."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from studio.drafts import draft_from_file
from widgets.gallery import gallery
from widgets.templates import WidgetFile

# A page under the studio's CSP records its violations here (see `studio_page`).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def make_user(username: str, *, staff: bool) -> Any:
    return get_user_model().objects.create_user(
        username=username, password="correct horse battery", is_staff=staff
    )


@pytest.fixture
def staff_user(db):
    return make_user("designer", staff=True)


@pytest.fixture
def staff_client(staff_user) -> Client:
    client = Client()
    client.force_login(staff_user)
    return client


def draft_of(widget_file: WidgetFile) -> dict[str, Any]:
    """The draft the workspace holds for a file."""
    return draft_from_file(widget_file)


def gallery_draft(name: str = "order_status") -> dict[str, Any]:
    return draft_of(gallery()[name])


def post_json(client: Client, url: str, body: Any, **extra: Any):
    return client.post(url, json.dumps(body), content_type="application/json", **extra)


@pytest.fixture
def studio_page(page, live_server, transactional_db):
    """A browser page signed in as a staff user, recording CSP violations and JS errors."""
    user = make_user("designer", staff=True)
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page.add_init_script(RECORD_VIOLATIONS)
    page.base_url = live_server.url
    yield page
    if not page.is_closed():
        assert page.evaluate("() => window.__violations || []") == []
    assert page.js_errors == []

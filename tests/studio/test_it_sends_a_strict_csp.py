"""Studio pages run under a strict CSP: own scripts only, no inline scripts or style attributes."""

import re

import pytest

from widgets.gallery import gallery
from widgets.models import WidgetTemplate


@pytest.fixture
def pages(staff_client):
    template = WidgetTemplate(name="mine", title="Mine")
    template.save_version(gallery()["survey"], message="first")
    return [
        staff_client.get(path)
        for path in [
            "/studio/",
            "/studio/new/",
            "/studio/new/?from=weather",
            "/studio/templates/mine/",
        ]
    ]


def test_it_allows_only_its_own_scripts(pages):
    for response in pages:
        policy = dict(
            part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
        )
        assert policy["script-src"] == "'self'"
        assert policy["default-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'"
        assert policy["object-src"] == "'none'"
        # Styles: files, and the editor's stylesheet by this response's nonce only.
        nonce = response.context["config"]["styleNonce"]
        assert policy["style-src"] == f"'self' 'nonce-{nonce}'"
        assert "unsafe" not in response["Content-Security-Policy"]


def test_it_uses_a_fresh_nonce_each_time(staff_client):
    nonces = {staff_client.get("/studio/").context["config"]["styleNonce"] for _ in range(3)}
    assert len(nonces) == 3


def test_it_has_no_inline_scripts_or_style_attributes(pages):
    for response in pages:
        html = response.content.decode()
        for attributes in re.findall(r"<script([^>]*)>", html):
            assert 'src="' in attributes or 'type="application/json"' in attributes, attributes
        assert not re.search(r"\sstyle=", html)
        assert not re.search(r"\son[a-z]+=", html)
        assert "<style" not in html


def test_it_is_not_cached(pages):
    for response in pages:
        assert response["Cache-Control"] == "no-store"

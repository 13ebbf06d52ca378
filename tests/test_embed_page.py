import pytest


@pytest.mark.django_db
def test_it_lets_only_allowed_origins_frame_the_chat(client, make_deployment):
    deployment = make_deployment(allowed_origins=["https://shop.example", "https://*.example.org"])
    response = client.get(f"/embed/{deployment.public_key}/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://shop.example https://*.example.org" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "X-Frame-Options" not in response


@pytest.mark.django_db
def test_it_lets_only_our_own_pages_frame_a_chat_without_allowed_origins(client, make_deployment):
    deployment = make_deployment(allowed_origins=[])
    csp = client.get(f"/embed/{deployment.public_key}/")["Content-Security-Policy"]
    assert csp.endswith("frame-ancestors 'self'")


@pytest.mark.django_db
def test_it_denies_framing_everywhere_else(client):
    assert client.get("/")["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_it_hides_unknown_and_disabled_chats(client, make_deployment):
    assert client.get("/embed/pk_nope/").status_code == 404
    disabled = make_deployment(is_active=False)
    assert client.get(f"/embed/{disabled.public_key}/").status_code == 404


@pytest.mark.django_db
def test_it_puts_the_public_config_in_the_page(client, make_deployment):
    deployment = make_deployment(
        start_screen={"greeting": "Hej <script>alert(1)</script>", "prompts": []}
    )
    html = client.get(f"/embed/{deployment.public_key}/").content.decode()
    assert '<script id="ck-config" type="application/json">' in html
    assert "<script>alert(1)</script>" not in html
    assert deployment.secret_nonce not in html


def test_it_serves_the_loader_for_any_site(client):
    response = client.get("/embed.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"]

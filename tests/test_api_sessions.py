import json
import time

import jwt
import pytest

from chatkit.sessions import read_session

OWN = "http://testserver"


def post(client, body, origin=OWN, raw=None):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    data = raw if raw is not None else json.dumps(body)
    return client.post("/api/sessions", data=data, content_type="application/json", **headers)


def user_token(deployment, **claims):
    claims.setdefault("sub", "user-42")
    claims.setdefault("exp", int(time.time()) + 600)
    return jwt.encode(claims, deployment.secret_key, algorithm="HS256")


@pytest.mark.django_db
def test_it_mints_a_session_for_the_chat_page(client, deployment):
    response = post(client, {"deployment": deployment.public_key})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {
        "token",
        "expires_at",
        "expires_in",
        "websocket_url",
        "config",
        "visitor",
        "visitor_token",
    }
    assert data["websocket_url"] == "ws://testserver/ws/chat/"
    assert data["expires_in"] == 900
    session = read_session(data["token"])
    assert session.deployment_id == deployment.pk
    assert session.visitor.key.startswith("anon:")
    assert data["config"]["public_key"] == deployment.public_key
    assert "secret" not in json.dumps(data["config"]).lower()
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_it_keeps_an_anonymous_visitor_with_their_token(client, deployment):
    first = post(client, {"deployment": deployment.public_key}).json()
    again = post(
        client, {"deployment": deployment.public_key, "visitor_token": first["visitor_token"]}
    ).json()
    assert again["visitor"]["id"] == first["visitor"]["id"]
    forged = post(
        client, {"deployment": deployment.public_key, "visitor_token": first["visitor_token"] + "x"}
    ).json()
    assert forged["visitor"]["id"] != first["visitor"]["id"]


@pytest.mark.django_db
def test_it_does_not_accept_a_visitor_token_of_another_deployment(
    client, deployment, make_deployment
):
    other = make_deployment()
    token = post(client, {"deployment": other.public_key}).json()["visitor_token"]
    data = post(client, {"deployment": deployment.public_key, "visitor_token": token}).json()
    assert data["visitor_token"] != token


@pytest.mark.django_db
def test_it_allows_a_host_page_on_an_allowed_origin_with_cors(client, make_deployment):
    deployment = make_deployment(allowed_origins=["https://shop.example", "https://*.example.org"])
    for origin in ("https://shop.example", "https://help.example.org", "https://a.b.example.org"):
        response = post(client, {"deployment": deployment.public_key}, origin=origin)
        assert response.status_code == 200, origin
        assert response["Access-Control-Allow-Origin"] == origin
    preflight = client.options("/api/sessions", HTTP_ORIGIN="https://shop.example")
    assert preflight.status_code == 204
    assert "POST" in preflight["Access-Control-Allow-Methods"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "http://shop.example",
        "https://shop.example:8443",
        "https://example.org",
        "null",
        None,
    ],
)
def test_it_refuses_other_origins(client, make_deployment, origin):
    deployment = make_deployment(allowed_origins=["https://shop.example", "https://*.example.org"])
    response = post(client, {"deployment": deployment.public_key}, origin=origin)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
def test_it_refuses_unknown_and_disabled_deployments(client, make_deployment):
    response = post(client, {"deployment": "pk_nope"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "deployment_not_found"
    disabled = make_deployment(is_active=False)
    response = post(client, {"deployment": disabled.public_key})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "deployment_disabled"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "status", "code"),
    [
        ("not json", 400, "invalid_json"),
        ("[]", 400, "invalid_request"),
        ('{"deployment": 5}', 400, "invalid_request"),
        ('{"deployment": "pk_x", "admin": true}', 400, "invalid_request"),
        ('{"deployment": ""}', 400, "invalid_request"),
        ('{"deployment": "pk_x", "user_token": "' + "a" * 5000 + '"}', 400, "invalid_request"),
        ('{"deployment": "' + "x" * 20000 + '"}', 413, "too_large"),
    ],
)
def test_it_refuses_malformed_bodies(client, raw, status, code):
    response = post(client, None, raw=raw)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


@pytest.mark.django_db
def test_it_only_accepts_post(client):
    assert client.get("/api/sessions").status_code == 405


@pytest.mark.django_db
def test_it_verifies_a_user_token(client, deployment):
    token = user_token(deployment, name="Ada", email="ada@example.com")
    data = post(client, {"deployment": deployment.public_key, "user_token": token}).json()
    assert data["visitor"]["verified"] is True
    assert data["visitor"]["name"] == "Ada"
    assert "visitor_token" not in data
    assert read_session(data["token"]).visitor.key == "user:user-42"


@pytest.mark.django_db
def test_it_refuses_bad_user_tokens_each_with_its_reason(client, deployment, make_deployment):
    other = make_deployment()
    cases = {
        "forged": user_token(other),
        "expired": user_token(deployment, exp=int(time.time()) - 3600),
        "too_long": user_token(deployment, exp=int(time.time()) + 3 * 86400),
        "no_sub": jwt.encode(
            {"exp": int(time.time()) + 60}, deployment.secret_key, algorithm="HS256"
        ),
        "no_exp": jwt.encode({"sub": "x"}, deployment.secret_key, algorithm="HS256"),
        "none_alg": jwt.encode({"sub": "x", "exp": int(time.time()) + 60}, None, algorithm="none"),
        "garbage": "not.a.jwt",
    }
    expected = {
        "forged": "invalid_user_token",
        "expired": "user_token_expired",
        "too_long": "invalid_user_token",
        "no_sub": "invalid_user_token",
        "no_exp": "invalid_user_token",
        "none_alg": "invalid_user_token",
        "garbage": "invalid_user_token",
    }
    for name, token in cases.items():
        response = post(client, {"deployment": deployment.public_key, "user_token": token})
        assert response.status_code == 401, name
        assert response.json()["error"]["code"] == expected[name], name


@pytest.mark.django_db
def test_it_limits_new_sessions_per_address(client, make_deployment):
    deployment = make_deployment(rate_limits={"sessions_per_minute": 2})
    for _ in range(2):
        assert post(client, {"deployment": deployment.public_key}).status_code == 200
    refused = post(client, {"deployment": deployment.public_key})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60
    other = post(client, {"deployment": deployment.public_key}, origin=OWN)
    assert other.status_code == 429
    assert post(client, {"deployment": make_deployment().public_key}).status_code == 200

import pytest

from chatkit.keys import check_secret_key
from chatkit.models import Deployment
from tests.deployment_admin.conftest import form_data


@pytest.mark.django_db
def test_it_creates_a_deployment_and_shows_the_secret_once(staff_client):
    response = staff_client.post("/admin/chatkit/deployment/add/", form_data())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    deployment = Deployment.objects.get()
    secret = response.context["secret_key"]
    assert secret.startswith("sk_") and check_secret_key(deployment, secret)
    html = response.content.decode()
    assert secret in html and deployment.public_key in html
    assert "shown only once" in html
    assert deployment.allowed_origins == ["https://shop.example", "https://*.example.org"]
    assert deployment.theme == {
        "colorScheme": "auto",
        "radius": "round",
        "density": "normal",
        "color": {"accent": {"primary": "#0f766e", "level": 1}},
    }
    assert deployment.start_screen == {
        "greeting": "Hi there",
        "prompts": [
            {"label": "Track my order", "prompt": "Where is my order?"},
            {"label": "Opening hours", "prompt": "Opening hours"},
        ],
    }
    assert deployment.rate_limits["messages_per_minute"] == 20
    assert deployment.features["attachments"] == {
        "enabled": False,
        "max_size": 10 * 1024 * 1024,
        "max_count": 5,
        "accept": ["image/*", "application/pdf"],
    }
    change_page = staff_client.get(
        f"/admin/chatkit/deployment/{deployment.pk}/change/"
    ).content.decode()
    assert secret not in change_page
    assert f'data-deployment="{deployment.public_key}"' in change_page.replace("&quot;", '"')
    assert "frame-src" in change_page


@pytest.mark.django_db
def test_it_round_trips_the_settings_through_the_form(staff_client):
    staff_client.post(
        "/admin/chatkit/deployment/add/",
        form_data(gray_hue="220", gray_tint="3", base_size="16", font_family="Inter, sans-serif"),
    )
    deployment = Deployment.objects.get()
    response = staff_client.get(f"/admin/chatkit/deployment/{deployment.pk}/change/")
    form = response.context["adminform"].form
    assert form["gray_hue"].value() == 220
    assert form["prompts_text"].value() == "Track my order | Where is my order?\nOpening hours"
    resubmitted = staff_client.post(
        f"/admin/chatkit/deployment/{deployment.pk}/change/",
        form_data(gray_hue="220", gray_tint="3", base_size="16", font_family="Inter, sans-serif"),
    )
    assert resubmitted.status_code == 302
    deployment.refresh_from_db()
    assert deployment.theme["color"]["grayscale"] == {"hue": 220, "tint": 3, "shade": 0}
    assert deployment.theme["typography"] == {"baseSize": 16, "fontFamily": "Inter, sans-serif"}

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_user(
        "staff", password="pw-staff-123", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


def form_data(**overrides):
    data = {
        "name": "Shop",
        "is_active": "on",
        "locale": "",
        "allowed_origins_text": "https://shop.example\nhttps://*.example.org",
        "agent": "demo",
        "agent_config_text": "{}",
        "color_scheme": "auto",
        "radius": "round",
        "density": "normal",
        "accent": "#0f766e",
        "accent_level": "1",
        "gray_hue": "",
        "gray_tint": "",
        "gray_shade": "",
        "surface_background": "",
        "surface_foreground": "",
        "base_size": "",
        "font_family": "",
        "greeting": "Hi there",
        "prompts_text": "Track my order | Where is my order?\nOpening hours",
        "composer_placeholder": "",
        "disclaimer": "",
        "history": "on",
        "feedback": "on",
        "retry": "on",
        "attachments_max_size_mb": "10",
        "attachments_max_count": "5",
        "attachments_accept": "image/*, application/pdf",
        "messages_per_minute": "20",
        "concurrent_streams": "2",
        "sessions_per_minute": "30",
        "deployment_messages_per_minute": "600",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}

import pytest

from chatkit.models import Deployment
from tests.deployment_admin.conftest import form_data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"allowed_origins_text": "shop.example"},
            "allowed_origins_text",
            "scheme must be http or https",
        ),
        ({"allowed_origins_text": "https://shop.example/path"}, "allowed_origins_text", "no path"),
        ({"allowed_origins_text": "javascript:alert(1)"}, "allowed_origins_text", "scheme"),
        ({"agent": "openai", "agent_config_text": "{}"}, "agent_config_text", "model"),
        ({"agent": "openai", "agent_config_text": "{nope"}, "agent_config_text", "Not valid JSON"),
        ({"agent": "openai", "agent_config_text": "[1]"}, "agent_config_text", "JSON object"),
        (
            {"agent": "http", "agent_config_text": '{"url": "gopher://x"}'},
            "agent_config_text",
            "url",
        ),
        (
            {"agent": "python", "agent_config_text": '{"path": "json:loads"}'},
            "agent_config_text",
            "not a subclass",
        ),
        ({"accent": "red; background: url(x)"}, "accent", "CSS color"),
        ({"accent": "</style><script>"}, "accent", "CSS color"),
        ({"surface_background": "#fff"}, "surface_background", "CSS color"),
        ({"font_family": "x; } body { display:none"}, "font_family", "font-family"),
        ({"gray_hue": "400"}, "gray_hue", "less than or equal to 360"),
        ({"radius": "blob"}, "radius", "Select a valid choice"),
        ({"prompts_text": "\n".join(f"p{n}" for n in range(9))}, "prompts_text", "at most 8"),
        ({"prompts_text": "x" * 81}, "prompts_text", "at most 80"),
        ({"messages_per_minute": "0"}, "messages_per_minute", "greater than or equal to 1"),
        ({"attachments_accept": "images"}, "attachments_accept", "should match pattern"),
        (
            {"attachments_accept": "text/html;x=<script>"},
            "attachments_accept",
            "should match pattern",
        ),
        ({"attachments_accept": ""}, "attachments_accept", "at least 1 item"),
        (
            {"attachments_max_size_mb": "500"},
            "attachments_max_size_mb",
            "less than or equal to 100",
        ),
    ],
)
def test_it_names_the_field_and_saves_nothing(staff_client, overrides, field, message):
    response = staff_client.post("/admin/chatkit/deployment/add/", form_data(**overrides))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors, errors
    assert message in " ".join(errors[field]), errors[field]
    assert Deployment.objects.count() == 0

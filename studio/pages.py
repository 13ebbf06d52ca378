"""What the studio's pages hand their scripts (embedded with `json_script`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.http import urlencode

from chatkit.models import Agent, Deployment
from studio.drafts import draft_from_file
from studio.flows import free_name
from widgets.gallery import gallery
from widgets.models import WidgetTemplate, template_name_for
from widgets.templates import WidgetFile

BLANK_TEMPLATE = """\
{
  "type": "Card",
  "size": "md",
  "children": [
    {"type": "Title", "value": {{ title | tojson }}, "size": "sm"},
    {"type": "Text", "value": {{ body | tojson }}, "color": "secondary"},
    {
      "type": "Row",
      "justify": "end",
      "children": [
        {"type": "Button", "label": "Got it", "style": "primary", "onClickAction": {"type": "card.acknowledge"}}
      ]
    }
  ]
}
"""

BLANK = WidgetFile(
    name="Untitled widget",
    template=BLANK_TEMPLATE,
    json_schema={
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"title": {"type": "string"}, "body": {"type": "string"}},
        "required": ["title", "body"],
        "additionalProperties": False,
    },
    output_json_preview=None,
    sample_data=[
        {
            "name": "default",
            "data": {"title": "Hello there", "body": "Edit the template, data and schema."},
        },
        {"name": "empty", "data": {"title": "", "body": ""}},
    ],
)


def _common(request: HttpRequest, nonce: str) -> dict[str, Any]:
    return {
        "csrfToken": get_token(request),
        "styleNonce": nonce,
        "urls": {
            "api": reverse("studio:preview").removesuffix("preview"),
            "gallery": reverse("studio:gallery"),
            "new": reverse("studio:new"),
            "embedScript": reverse("embed-js"),
        },
    }


def gallery_data(request: HttpRequest, nonce: str) -> dict[str, Any]:
    """Every template: the user's own, then the built-in gallery (installed or not)."""
    saved = WidgetTemplate.objects.filter(current_version__isnull=False).select_related(
        "current_version"
    )
    entries = []
    for template in sorted(saved, key=lambda t: (t.is_builtin, t.title.lower())):
        entries.append(
            {
                "name": template.name,
                "title": template.title,
                "description": template.description,
                "builtin": template.is_builtin,
                "version": template.current_version.number,
                "updatedAt": template.updated_at.isoformat(),
                "preview": template.current_version.output_preview,
                "url": _open_url(template.name, template.is_builtin),
            }
        )
    installed = {entry["name"] for entry in entries}
    for name, widget_file in gallery().items():
        if name not in installed:
            entries.append(
                {
                    "name": name,
                    "title": widget_file.name,
                    "description": widget_file.description,
                    "builtin": True,
                    "version": None,
                    "updatedAt": None,
                    "preview": widget_file.output_json_preview,
                    "url": _open_url(name, True),
                }
            )
    return {**_common(request, nonce), "templates": entries}


def _open_url(name: str, builtin: bool) -> str:
    # Built-in templates are starting points: the gallery reinstalls them (`manage.py demo`).
    if builtin:
        return f"{reverse('studio:new')}?{urlencode({'from': name})}"
    return reverse("studio:workspace", args=[name])


def workspace_data(
    request: HttpRequest,
    nonce: str,
    widget_file: WidgetFile | None,
    *,
    template: WidgetTemplate | None = None,
    source: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The workspace of a saved `template`, or of a new draft (from `source`, or blank)."""
    saved = None
    if template is not None:
        version = template.current_version
        saved = {
            "name": template.name,
            "version": version.number,
            "message": version.message,
            "savedAt": version.created_at.isoformat(),
        }
    deployments = [
        {
            "publicKey": deployment.public_key,
            "name": deployment.name,
            "agent": deployment.get_agent_display(),
            "canShowWidgets": deployment.agent == Agent.DEMO,
        }
        for deployment in Deployment.objects.filter(is_active=True).order_by("name")
    ]
    widget_file = widget_file or BLANK
    suggested = None if template else free_name(template_name_for(widget_file.name))
    return {
        **_common(request, nonce),
        "saved": saved,
        "source": source,
        "suggestedName": suggested,
        "draft": draft_from_file(widget_file),
        "deployments": deployments,
    }

"""The deployment form: friendly fields in, validated JSON settings out.

Theme, start screen, features and limits are stored as JSON shaped by chatkit.config; the
form shows them as ordinary fields and reports every problem on the field it belongs to.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from pydantic import ValidationError

from chatkit import config
from chatkit.agents.config import AgentConfigError, validate_agent_config
from chatkit.deployments import DeploymentError, clean_origins
from chatkit.models import Deployment

CHOICES_BLANK = [("", "Default")]


def _choices(values: list[Any]) -> list[tuple[str, str]]:
    return [(str(value), str(value)) for value in values]


class DeploymentForm(forms.ModelForm):
    allowed_origins_text = forms.CharField(
        label="Allowed sites",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": "https://www.example.com\nhttps://*.example.com"}
        ),
        help_text="One origin per line: scheme, host and optional port (https://shop.example:8443). "
        "https://*.example.com allows every subdomain. Only these sites can show the chat.",
    )
    agent_config_text = forms.CharField(
        label="Agent settings",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "class": "vLargeTextField", "spellcheck": "false"}),
        help_text='JSON. openai: {"model", "base_url"?, "api_key" or "api_key_env", "system_prompt"?, '
        '"temperature"?}; http: {"url", "timeout"?, "headers"?}; python: {"path": "package.module:Class"}; '
        "demo: {}.",
    )

    color_scheme = forms.ChoiceField(
        label="Color scheme", choices=_choices(["auto", "light", "dark"]), initial="auto"
    )
    accent = forms.CharField(
        label="Accent color",
        required=False,
        max_length=60,
        help_text="Any CSS color, e.g. #0f766e.",
    )
    accent_level = forms.TypedChoiceField(
        label="Accent strength",
        choices=_choices([0, 1, 2, 3]),
        coerce=int,
        initial=1,
        help_text="0 keeps the chat neutral; 2 and 3 also color the visitor's messages.",
    )
    radius = forms.ChoiceField(
        choices=_choices(["round", "pill", "soft", "sharp"]), initial="round"
    )
    density = forms.ChoiceField(
        choices=_choices(["normal", "compact", "spacious"]), initial="normal"
    )
    gray_hue = forms.IntegerField(label="Gray hue", required=False, min_value=0, max_value=360)
    gray_tint = forms.IntegerField(label="Gray tint", required=False, min_value=0, max_value=9)
    gray_shade = forms.IntegerField(label="Gray shade", required=False, min_value=-4, max_value=4)
    surface_background = forms.CharField(label="Surface background", required=False, max_length=60)
    surface_foreground = forms.CharField(label="Surface text", required=False, max_length=60)
    base_size = forms.TypedChoiceField(
        label="Base font size",
        choices=CHOICES_BLANK + _choices([14, 15, 16, 17, 18]),
        coerce=int,
        empty_value=None,
        required=False,
    )
    font_family = forms.CharField(label="Font family", required=False, max_length=200)

    greeting = forms.CharField(
        required=False, max_length=200, initial="What can I help with today?"
    )
    prompts_text = forms.CharField(
        label="Prompt chips",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": "Track my order | Where is my order?"}
        ),
        help_text="One per line: the label, optionally followed by | and the message it sends. At most 8.",
    )

    history = forms.BooleanField(label="Conversation history", required=False, initial=True)
    feedback = forms.BooleanField(label="Thumbs up/down", required=False, initial=True)
    retry = forms.BooleanField(label="Retry button", required=False, initial=True)
    attachments_enabled = forms.BooleanField(label="Visitors can attach files", required=False)
    attachments_max_size_mb = forms.IntegerField(
        label="Largest file (MB)", min_value=1, max_value=100, initial=10
    )
    attachments_max_count = forms.IntegerField(
        label="Files per message", min_value=1, max_value=20, initial=5
    )
    attachments_accept = forms.CharField(
        label="Accepted types",
        required=False,
        max_length=500,
        initial="image/*, application/pdf, text/plain",
        help_text="MIME types, comma separated; image/* accepts every image. Only PNG, JPEG, GIF and "
        "WebP show inline; other files download.",
    )

    messages_per_minute = forms.IntegerField(
        label="Messages per minute per visitor", min_value=1, max_value=10_000, initial=20
    )
    concurrent_streams = forms.IntegerField(
        label="Concurrent answers per visitor", min_value=1, max_value=100, initial=2
    )
    sessions_per_minute = forms.IntegerField(
        label="New sessions per minute per address", min_value=1, max_value=10_000, initial=30
    )
    deployment_messages_per_minute = forms.IntegerField(
        label="Messages per minute for the whole chat",
        min_value=1,
        max_value=1_000_000,
        initial=600,
    )

    THEME_FIELDS = (
        "color_scheme",
        "accent",
        "accent_level",
        "radius",
        "density",
        "gray_hue",
        "gray_tint",
        "gray_shade",
        "surface_background",
        "surface_foreground",
        "base_size",
        "font_family",
    )
    LIMIT_FIELDS = (
        "messages_per_minute",
        "concurrent_streams",
        "sessions_per_minute",
        "deployment_messages_per_minute",
    )

    class Meta:
        model = Deployment
        fields = ["name", "is_active", "agent", "composer_placeholder", "disclaimer", "locale"]
        help_texts = {
            "locale": "UI language such as en, de or ko; empty follows the visitor's browser.",
            "disclaimer": "A short line under the message box, e.g. 'Answers may be inaccurate.'",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        deployment = self.instance
        self.fields["allowed_origins_text"].initial = "\n".join(deployment.allowed_origins or [])
        self.fields["agent_config_text"].initial = json.dumps(
            deployment.agent_config or {}, indent=2
        )
        theme = config.Theme.model_validate(deployment.theme or {})
        colors = theme.color or config.ThemeColors()
        typography = theme.typography or config.Typography()
        initial = {
            "color_scheme": theme.colorScheme,
            "radius": theme.radius,
            "density": theme.density,
            "accent": colors.accent.primary if colors.accent else "",
            "accent_level": colors.accent.level if colors.accent else 1,
            "gray_hue": colors.grayscale.hue if colors.grayscale else None,
            "gray_tint": colors.grayscale.tint if colors.grayscale else None,
            "gray_shade": colors.grayscale.shade if colors.grayscale else None,
            "surface_background": colors.surface.background if colors.surface else "",
            "surface_foreground": colors.surface.foreground if colors.surface else "",
            "base_size": typography.baseSize,
            "font_family": typography.fontFamily or "",
        }
        start = config.StartScreen.model_validate(deployment.start_screen or {})
        initial["greeting"] = start.greeting
        initial["prompts_text"] = "\n".join(
            prompt.label if prompt.label == prompt.prompt else f"{prompt.label} | {prompt.prompt}"
            for prompt in start.prompts
        )
        features = config.Features.model_validate(deployment.features or {})
        initial.update(history=features.history, feedback=features.feedback, retry=features.retry)
        initial.update(
            attachments_enabled=features.attachments.enabled,
            attachments_max_size_mb=max(1, features.attachments.max_size // (1024 * 1024)),
            attachments_max_count=features.attachments.max_count,
            attachments_accept=", ".join(features.attachments.accept),
        )
        initial.update(config.RateLimits.model_validate(deployment.rate_limits or {}).model_dump())
        for name, value in initial.items():
            self.fields[name].initial = value

    # --- field by field -------------------------------------------------------------------

    def clean_allowed_origins_text(self) -> list[str]:
        lines = [
            line.strip()
            for line in self.cleaned_data["allowed_origins_text"].splitlines()
            if line.strip()
        ]
        if len(lines) > 100:
            raise forms.ValidationError("At most 100 sites.")
        try:
            return clean_origins(lines)
        except DeploymentError as e:
            raise forms.ValidationError(str(e)) from None

    def clean_agent_config_text(self) -> dict[str, Any]:
        text = self.cleaned_data["agent_config_text"].strip() or "{}"
        if len(text) > 50_000:
            raise forms.ValidationError("The agent settings are limited to 50,000 characters.")
        try:
            value = json.loads(text)
        except ValueError as e:
            raise forms.ValidationError(f"Not valid JSON: {e}") from None
        if not isinstance(value, dict):
            raise forms.ValidationError("The agent settings must be a JSON object.")
        return value

    def clean_prompts_text(self) -> list[dict[str, str]]:
        prompts = []
        for line in self.cleaned_data["prompts_text"].splitlines():
            if not line.strip():
                continue
            label, _, prompt = line.partition("|")
            prompts.append({"label": label.strip(), "prompt": (prompt or label).strip()})
        return prompts

    # --- the JSON settings, checked as a whole --------------------------------------------

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "agent" in data and "agent_config_text" in data:
            try:
                data["agent_config"] = validate_agent_config(
                    data["agent"], data["agent_config_text"]
                )
            except AgentConfigError as e:
                self.add_error("agent_config_text", [f"{f}: {m}" if f else m for f, m in e.errors])
        self._validate_json(
            "theme",
            config.Theme,
            self._theme(data),
            {
                "colorScheme": "color_scheme",
                "radius": "radius",
                "density": "density",
                "color.accent": "accent",
                "color.grayscale": "gray_hue",
                "color.surface": "surface_background",
                "typography": "font_family",
            },
            default="accent",
        )
        self._validate_json(
            "start_screen",
            config.StartScreen,
            {
                "greeting": data.get("greeting") or "What can I help with today?",
                "prompts": data.get("prompts_text", []),
            },
            {"greeting": "greeting", "prompts": "prompts_text"},
            default="prompts_text",
        )
        features = {name: bool(data.get(name)) for name in ("history", "feedback", "retry")}
        features["attachments"] = {
            "enabled": bool(data.get("attachments_enabled")),
            "max_size": (data.get("attachments_max_size_mb") or 10) * 1024 * 1024,
            "max_count": data.get("attachments_max_count") or 5,
            "accept": [
                part.strip()
                for part in (data.get("attachments_accept") or "").split(",")
                if part.strip()
            ],
        }
        self._validate_json(
            "features",
            config.Features,
            features,
            {
                "attachments.accept": "attachments_accept",
                "attachments.max_count": "attachments_max_count",
                "attachments.max_size": "attachments_max_size_mb",
            },
            default="history",
        )
        self._validate_json(
            "rate_limits",
            config.RateLimits,
            {name: data.get(name) for name in self.LIMIT_FIELDS if data.get(name)},
            {name: name for name in self.LIMIT_FIELDS},
            default="messages_per_minute",
        )
        return data

    def _theme(self, data: dict[str, Any]) -> dict[str, Any]:
        theme: dict[str, Any] = {
            "colorScheme": data.get("color_scheme") or "auto",
            "radius": data.get("radius") or "round",
            "density": data.get("density") or "normal",
        }
        color: dict[str, Any] = {}
        if data.get("accent"):
            color["accent"] = {"primary": data["accent"], "level": data.get("accent_level", 1)}
        if data.get("gray_hue") is not None or data.get("gray_tint") is not None:
            color["grayscale"] = {
                "hue": data.get("gray_hue") or 0,
                "tint": data.get("gray_tint") or 0,
                "shade": data.get("gray_shade") or 0,
            }
        if data.get("surface_background") or data.get("surface_foreground"):
            color["surface"] = {
                "background": data.get("surface_background") or "",
                "foreground": data.get("surface_foreground") or "",
            }
        if color:
            theme["color"] = color
        typography = {
            key: value
            for key, value in (
                ("baseSize", data.get("base_size")),
                ("fontFamily", data.get("font_family")),
            )
            if value
        }
        if typography:
            theme["typography"] = typography
        return theme

    def _validate_json(
        self, target: str, model: type, value: dict[str, Any], fields: dict[str, str], default: str
    ) -> None:
        try:
            self.cleaned_data[target] = model.model_validate(value).model_dump(
                mode="json", exclude_none=True
            )
        except ValidationError as e:
            for error in e.errors():
                location = ".".join(str(part) for part in error["loc"])
                field = next(
                    (f for prefix, f in fields.items() if location.startswith(prefix)), default
                )
                message = error["msg"].removeprefix("Value error, ")
                if field in self.fields and field not in self.errors:
                    self.add_error(field, message)

    def save(self, commit: bool = True) -> Deployment:
        deployment = super().save(commit=False)
        deployment.allowed_origins = self.cleaned_data["allowed_origins_text"]
        for target in ("agent_config", "theme", "start_screen", "features", "rate_limits"):
            if target in self.cleaned_data:
                setattr(deployment, target, self.cleaned_data[target])
        if commit:
            deployment.save()
        return deployment

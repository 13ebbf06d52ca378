"""Validated shapes of a deployment's JSON settings (theme, start screen, features, limits).

The admin form, the management commands and the chat page all go through these models,
so a value that reaches a visitor's browser has been checked once, here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from chatkit.models import Deployment

_CSS_COLOR = re.compile(
    r"""^(
        \#[0-9a-fA-F]{3,4} | \#[0-9a-fA-F]{6} | \#[0-9a-fA-F]{8}
      | (rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\(\s*[-0-9.%,\s/a-z]{1,60}\)
      | [a-zA-Z]{3,30}
    )$""",
    re.VERBOSE,
)
_FONT_FAMILY = re.compile(r"^[\w\s,'\"-]{1,200}$")


def css_color(value: str) -> str:
    if not _CSS_COLOR.match(value.strip()):
        raise ValueError(f"expected a CSS color such as #0f766e or rgb(15 118 110); got {value!r}")
    return value.strip()


def font_family(value: str) -> str:
    if not _FONT_FAMILY.match(value):
        raise ValueError(
            f"expected a CSS font-family list such as 'Inter, sans-serif'; got {value!r}"
        )
    return value


CssColor = Annotated[str, AfterValidator(css_color)]
FontFamily = Annotated[str, AfterValidator(font_family)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Grayscale(Strict):
    hue: int = Field(ge=0, le=360)
    tint: int = Field(ge=0, le=9)
    shade: int = Field(default=0, ge=-4, le=4)


class Accent(Strict):
    primary: CssColor
    level: Literal[0, 1, 2, 3] = 1


class Surface(Strict):
    background: CssColor
    foreground: CssColor


class ThemeColors(Strict):
    grayscale: Grayscale | None = None
    accent: Accent | None = None
    surface: Surface | None = None


class Typography(Strict):
    baseSize: Literal[14, 15, 16, 17, 18] | None = None
    fontFamily: FontFamily | None = None
    fontFamilyMono: FontFamily | None = None


class Theme(Strict):
    """ChatKit's ThemeOption, plus "auto" to follow the visitor's system setting."""

    colorScheme: Literal["light", "dark", "auto"] = "auto"
    radius: Literal["pill", "round", "soft", "sharp"] = "round"
    density: Literal["compact", "normal", "spacious"] = "normal"
    color: ThemeColors | None = None
    typography: Typography | None = None


class StartPrompt(Strict):
    label: str = Field(min_length=1, max_length=80)
    prompt: str = Field(min_length=1, max_length=2000)
    icon: str | None = Field(default=None, max_length=60)


class StartScreen(Strict):
    greeting: str = Field(default="What can I help with today?", max_length=200)
    prompts: list[StartPrompt] = Field(default_factory=list, max_length=8)


MimePattern = Annotated[
    str, Field(pattern=r"^[a-z0-9!#$&^_.+-]+/(\*|[a-z0-9!#$&^_.+-]+)$", max_length=100)
]


class Attachments(Strict):
    enabled: bool = False
    max_size: int = Field(default=10 * 1024 * 1024, ge=1, le=100 * 1024 * 1024)
    max_count: int = Field(default=5, ge=1, le=20)
    accept: list[MimePattern] = Field(
        default_factory=lambda: ["image/*", "application/pdf", "text/plain"],
        min_length=1,
        max_length=30,
    )


class Features(Strict):
    history: bool = True
    feedback: bool = True
    retry: bool = True
    attachments: Attachments = Field(default_factory=Attachments)


class RateLimits(Strict):
    messages_per_minute: int = Field(default=20, ge=1, le=10_000)
    concurrent_streams: int = Field(default=2, ge=1, le=100)
    sessions_per_minute: int = Field(default=30, ge=1, le=10_000)
    deployment_messages_per_minute: int = Field(default=600, ge=1, le=1_000_000)


def active_status() -> dict:
    return {"type": "active"}


class ClientConfig(BaseModel):
    """The public part of a deployment, sent to the chat page with its session."""

    name: str
    public_key: str
    theme: Theme
    start_screen: StartScreen
    placeholder: str
    disclaimer: str
    features: Features
    locale: str

    @classmethod
    def from_deployment(cls, deployment: Deployment) -> ClientConfig:
        return cls(
            name=deployment.name,
            public_key=deployment.public_key,
            theme=Theme.model_validate(deployment.theme or {}),
            start_screen=StartScreen.model_validate(deployment.start_screen or {}),
            placeholder=deployment.composer_placeholder or "Message the assistant",
            disclaimer=deployment.disclaimer,
            features=Features.model_validate(deployment.features or {}),
            locale=deployment.locale,
        )

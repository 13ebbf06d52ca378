"""The JSON bodies the studio's API accepts, validated at the edge.

Editors send their texts as typed (not parsed JSON), so a half-typed document reaches the
server intact and its syntax errors can be located in it.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from widgets.sandbox import MAX_SOURCE_CHARS
from widgets.templates import MAX_NAME_LENGTH

MAX_JSON_TEXT = 262_144  # the data and widget size limit, as text
MAX_CASES = 20
MAX_ENCODED_WIDGET = 524_288
MAX_MESSAGE = 500
MAX_DESCRIPTION = 2_000

# A template's name: what agents and `/widget NAME` use (the demo agent lowercases names).
TemplateName = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,99}$", max_length=100)
]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SampleCase(Body):
    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    data: str = Field(max_length=MAX_JSON_TEXT, description="The case's data as JSON text.")


class Draft(Body):
    """What the workspace's editors hold."""

    title: str = Field(max_length=MAX_NAME_LENGTH)
    description: str = Field(default="", max_length=MAX_DESCRIPTION)
    template: str = Field(max_length=MAX_SOURCE_CHARS)
    json_schema: str = Field(max_length=MAX_JSON_TEXT, description="JSON text.")
    cases: list[SampleCase] = Field(min_length=1, max_length=MAX_CASES)
    # Kept as they came, for lossless export: ChatKit Studio's project and unknown keys.
    encoded_widget: str | None = Field(default=None, max_length=MAX_ENCODED_WIDGET)
    extra: dict[str, Any] = Field(default_factory=dict)


class Base(Body):
    """The saved version a draft started from."""

    name: str = Field(max_length=100)
    version: int = Field(ge=1)


class PreviewRequest(Body):
    draft: Draft
    case: int = Field(default=0, ge=0, lt=MAX_CASES)


class ExportRequest(Body):
    draft: Draft
    base: Base | None = None


class CreateRequest(Body):
    draft: Draft
    name: TemplateName
    message: str = Field(default="", max_length=MAX_MESSAGE)
    base: Base | None = None


class SaveRequest(Body):
    draft: Draft
    message: str = Field(default="", max_length=MAX_MESSAGE)
    base_version: int = Field(ge=1, description="The version the draft was edited from.")


class RollbackRequest(Body):
    number: int = Field(ge=1)


class DuplicateRequest(Body):
    name: TemplateName | None = None

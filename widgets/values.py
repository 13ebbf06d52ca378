"""Leaf value types of the widget catalog: colors, lengths, URLs, icon names, numbers.

Each type validates in pydantic and describes itself in JSON Schema from the same
definition, so the models and the published schema cannot drift apart. Regular
expressions are written in the dialect that Python's `re` and JavaScript's `u`-mode
`RegExp` read alike (no `\\d`, `\\w`, inline flags or `\\Z`), because the browser renderer
checks the very same patterns. A published pattern is anchored as `^(?:...)(?![\\s\\S])`:
JSON Schema patterns are searched, and Python's `$` would also match before a final
newline.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import (
    BaseModel,
    Discriminator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Tag,
)
from pydantic_core import PydanticCustomError, core_schema
from typing_extensions import TypeAliasType

JsonSchema = dict[str, Any]


def anchored(regex: str) -> str:
    """The JSON Schema `pattern` that matches exactly the strings `regex` matches in full."""
    return f"^(?:{regex})(?![\\s\\S])"


@dataclass(frozen=True)
class Pattern:
    """A string matching `regex` in full; `expected` names it in error messages."""

    error: str
    expected: str
    regex: str
    max_length: int

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        compiled = re.compile(self.regex)

        def check(value: str) -> str:
            if len(value) > self.max_length or compiled.fullmatch(value) is None:
                raise PydanticCustomError(self.error, self.expected)
            return value

        return core_schema.no_info_after_validator_function(
            check, core_schema.str_schema(strict=True)
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchema:
        return {"type": "string", "maxLength": self.max_length, "pattern": anchored(self.regex)}


@dataclass(frozen=True)
class OneOfNames:
    """A string from a fixed list of names, or one matching `regex` (icon names)."""

    error: str
    expected: str
    names: tuple[str, ...]
    regex: str
    max_length: int

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        names = frozenset(self.names)
        compiled = re.compile(self.regex)

        def check(value: str) -> str:
            if value in names:
                return value
            if len(value) > self.max_length or compiled.fullmatch(value) is None:
                raise PydanticCustomError(self.error, self.expected)
            return value

        return core_schema.no_info_after_validator_function(
            check, core_schema.str_schema(strict=True)
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchema:
        return {
            "anyOf": [
                {"enum": list(self.names)},
                {"type": "string", "maxLength": self.max_length, "pattern": anchored(self.regex)},
            ]
        }


@dataclass(frozen=True)
class Number:
    """A finite JSON number, optionally bounded; `integer` also takes 2.0 (JSON cannot tell)."""

    integer: bool = False
    minimum: float | None = None

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def check(value: Any) -> int | float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PydanticCustomError("number_type", "expected a number")
            if isinstance(value, float):
                if not math.isfinite(value):
                    raise PydanticCustomError("number_type", "expected a finite number")
                if self.integer:
                    if not value.is_integer():
                        raise PydanticCustomError("integer_type", "expected a whole number")
                    value = int(value)
            if self.minimum is not None and value < self.minimum:
                raise PydanticCustomError(
                    "number_too_small",
                    "expected a number of at least {minimum}",
                    {"minimum": self.minimum},
                )
            return value

        return core_schema.no_info_plain_validator_function(check)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchema:
        result: JsonSchema = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            result["minimum"] = self.minimum
        return result


def json_kind(value: Any) -> str:
    """The JSON type name of a decoded value; dispatches unions whose members differ by it."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict | BaseModel):
        return "object"
    if isinstance(value, list):
        return "array"
    return "null" if value is None else "unknown"


def kind_tag(value: Any) -> str:
    """The union tag of a value's JSON type; angle brackets keep tags apart from prop names."""
    return f"<{json_kind(value)}>"


def by_kind(name: str, expected: str, **members: Any) -> TypeAliasType:
    """A named union whose member is chosen by the value's JSON type (`string=..., object=...`).

    Dispatching on the JSON type (not trying members in turn) gives one precise error for a
    wrong value instead of one per member.
    """
    choices = tuple(Annotated[member, Tag(f"<{kind}>")] for kind, member in members.items())
    union = Annotated[
        Union[choices],  # noqa: UP007 - built at run time from a tuple
        Discriminator(kind_tag, custom_error_type="wrong_kind", custom_error_message=expected),
    ]
    return TypeAliasType(name, union)


# --- numbers and plain strings ---------------------------------------------------------

Integer = Annotated[int, Number(integer=True)]
Count = Annotated[int, Number(integer=True, minimum=0)]
PositiveCount = Annotated[int, Number(integer=True, minimum=1)]
Float = Annotated[float, Number()]

Key = Annotated[str, Field(min_length=1, max_length=200)]

# Form field names nest by dots (`todo.title`); the segments a JavaScript object would
# treat specially are refused so merging form values can never reach a prototype.
_FIELD_SEGMENT = r"(?!(?:__proto__|prototype|constructor)(?![A-Za-z0-9_-]))[A-Za-z0-9_-]+"
FieldName = Annotated[
    str,
    Pattern(
        "field_name",
        "expected a field name made of letters, digits, '_' and '-', dotted to nest "
        "(and no '__proto__', 'prototype' or 'constructor' part)",
        rf"{_FIELD_SEGMENT}(?:\.{_FIELD_SEGMENT})*",
        200,
    ),
]

IsoDate = Annotated[
    str,
    Pattern(
        "iso_date",
        "expected an ISO 8601 date or date-time such as '2025-03-14' or '2025-03-14T09:30:00Z'",
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?"
        r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?",
        40,
    ),
]

# --- CSS values --------------------------------------------------------------------------

# No CSS value may mention `expression` (old IE script in CSS), in any letter case.
_NO_EXPRESSION = r"(?![\s\S]*[eE][xX][pP][rR][eE][sS][sS][iI][oO][nN])"
_NUMBER = r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
_UNSIGNED = r"(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
_UNIT = r"px|%|r?em|ch|ex|lh|[dsl]?v[hw]|vmin|vmax|cq(?:[whib]|min|max)|pt|fr"
_LENGTH = (
    rf"{_NUMBER}(?:{_UNIT})?|auto|none|fit-content|min-content|max-content"
    r"|(?:calc|min|max|clamp)\([0-9a-z.,%+*/ -]*\)"
)
_HEX = r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
_COLOR_FUNCTION = r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([0-9a-z.,%/ +-]*\)"
_COLOR_NAME = r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"
_GRADIENT = (
    r"(?:repeating-)?(?:linear|radial|conic)-gradient\("
    rf"(?:[0-9a-zA-Z.,%/ #+-]|{_COLOR_FUNCTION})*\)"
)

CssLength = Annotated[
    str,
    Pattern(
        "css_length",
        "expected a CSS length such as '12px', '50%', '2rem' or 'auto'",
        rf"{_NO_EXPRESSION}(?:{_LENGTH})",
        100,
    ),
]
CssSpacing = Annotated[
    str,
    Pattern(
        "css_spacing",
        "expected one to four CSS lengths such as '8px' or '8px 16px'",
        rf"{_NO_EXPRESSION}(?:{_LENGTH})(?: (?:{_LENGTH})){{0,3}}",
        200,
    ),
]
CssFlex = Annotated[
    str,
    Pattern(
        "css_flex",
        "expected a CSS flex value such as '1', '1 1 auto' or 'none'",
        rf"{_NO_EXPRESSION}(?:none|auto|initial|{_UNSIGNED}(?: {_UNSIGNED})?(?: (?:{_LENGTH}))?)",
        100,
    ),
]
CssRatio = Annotated[
    str,
    Pattern(
        "css_ratio",
        "expected an aspect ratio such as '16/9', '1.5' or 'auto'",
        rf"auto|{_UNSIGNED}(?: ?/ ?{_UNSIGNED})?",
        50,
    ),
]
CssColor = Annotated[
    str,
    Pattern(
        "css_color",
        "expected a color token (such as 'primary' or 'blue-500') or a CSS color "
        "(such as '#0a84ff', 'rgb(10 132 255)' or 'teal')",
        rf"{_NO_EXPRESSION}(?:{_HEX}|{_COLOR_FUNCTION}|{_COLOR_NAME})",
        200,
    ),
]
CssBackground = Annotated[
    str,
    Pattern(
        "css_background",
        "expected a color token (such as 'surface-secondary'), a CSS color or a CSS gradient",
        rf"{_NO_EXPRESSION}(?:{_HEX}|{_COLOR_FUNCTION}|{_COLOR_NAME}|{_GRADIENT})",
        500,
    ),
]

# --- URLs --------------------------------------------------------------------------------

# An absolute http(s) URL with a plain host (no user info, which hides the real host) and
# no quotes, spaces, angle brackets or backslashes.
_HTTP_URL = (
    r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?"
    r"(?:[/?#][A-Za-z0-9._~:/?#\[\]@!$&()*+,;=%-]*)?"
)
_DATA_IMAGE = (
    r"data:image/(?:png|jpeg|gif|webp|avif|bmp|svg\+xml|x-icon)(?:;[A-Za-z0-9=._-]+)*"
    r",[A-Za-z0-9+/=%._~!$&()*,;:@-]*"
)
ImageUrl = Annotated[
    str,
    Pattern(
        "image_url",
        "expected an absolute https:// or http:// URL, or a data:image/ URL",
        rf"{_HTTP_URL}|{_DATA_IMAGE}",
        262_144,
    ),
]

# --- icons -------------------------------------------------------------------------------

ICON_NAMES = (
    "agent",
    "analytics",
    "atom",
    "batch",
    "bolt",
    "book-open",
    "book-closed",
    "book-clock",
    "bug",
    "calendar",
    "chart",
    "check",
    "check-circle",
    "check-circle-filled",
    "chevron-left",
    "chevron-right",
    "circle-question",
    "clock",
    "compass",
    "confetti",
    "cube",
    "desktop",
    "document",
    "dot",
    "dots-horizontal",
    "dots-vertical",
    "empty-circle",
    "external-link",
    "globe",
    "keys",
    "lab",
    "images",
    "info",
    "lifesaver",
    "lightbulb",
    "mail",
    "map-pin",
    "maps",
    "mobile",
    "name",
    "notebook",
    "notebook-pencil",
    "page-blank",
    "phone",
    "play",
    "plus",
    "profile",
    "profile-card",
    "reload",
    "star",
    "star-filled",
    "search",
    "sparkle",
    "sparkle-double",
    "square-code",
    "square-image",
    "square-text",
    "suitcase",
    "settings-slider",
    "user",
    "wreath",
    "write",
    "write-alt",
    "write-alt2",
)
ICON_PATTERN = r"lucide:[a-z0-9]+(?:-[a-z0-9]+)*|vendor:[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*"

IconName = Annotated[
    str,
    OneOfNames(
        "icon_name",
        "expected a built-in icon name (such as 'check' or 'calendar'), "
        "'lucide:<name>' or 'vendor:<name>'",
        ICON_NAMES,
        ICON_PATTERN,
        100,
    ),
]

"""The ChatKit widget catalog as pydantic models: every component, prop and enum value.

This module is the single source of truth for widgets: `widgets.validation` validates with
these models, `widgets.schema` generates the published JSON Schema from them and
`widgets.docs` the reference page. The models are strict: unknown props, unknown component
types, wrong enum values and wrong JSON types are all errors, and an optional prop may be
left out but not set to `null` (ChatKit's client types have no nulls). That is why optional
props default to `None` without admitting it in their type.

Containment follows ChatKit: a root is `Card`, `ListView` or `Basic`; `ListViewItem` only
appears directly inside `ListView`, `Table.Row` only inside `Table` and `Table.Cell` only
inside `Table.Row`; `Basic` may also hold roots.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag
from typing_extensions import TypeAliasType

from widgets.values import (
    Count,
    CssBackground,
    CssColor,
    CssFlex,
    CssLength,
    CssRatio,
    CssSpacing,
    FieldName,
    Float,
    IconName,
    ImageUrl,
    Integer,
    IsoDate,
    Key,
    PositiveCount,
    by_kind,
)

# --- shared enums ------------------------------------------------------------------------

RadiusValue = Literal[
    "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none"
]
TextAlign = Literal["start", "center", "end"]
TextSize = Literal["xs", "sm", "md", "lg", "xl"]
IconSize = Literal["xs", "sm", "md", "lg", "xl", "2xl", "3xl"]
TitleSize = Literal["sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl"]
CaptionSize = Literal["sm", "md", "lg"]
Alignment = Literal["start", "center", "end", "baseline", "stretch"]
Justification = Literal["start", "center", "end", "between", "around", "evenly", "stretch"]
ControlVariant = Literal["solid", "soft", "outline", "ghost"]
ControlSize = Literal["3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"]
InputVariant = Literal["soft", "outline"]
GutterSize = Literal["2xs", "xs", "sm", "md", "lg", "xl"]
FontWeight = Literal["normal", "medium", "semibold", "bold"]
Direction = Literal["row", "col"]
Theme = Literal["light", "dark"]
BorderStyle = Literal["solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset"]
CurveType = Literal[
    "basis",
    "basisClosed",
    "basisOpen",
    "bumpX",
    "bumpY",
    "bump",
    "linear",
    "linearClosed",
    "natural",
    "monotoneX",
    "monotoneY",
    "monotone",
    "step",
    "stepBefore",
    "stepAfter",
]


class CatalogModel(BaseModel):
    """Base of every object in a widget document."""

    model_config = ConfigDict(
        extra="forbid", strict=True, use_attribute_docstrings=True, validate_default=False
    )


# --- shared prop types -------------------------------------------------------------------


class ThemeColor(CatalogModel):
    """A color per color scheme."""

    light: CssColor
    """Color used in the light scheme."""
    dark: CssColor
    """Color used in the dark scheme."""


class ThemeBackground(CatalogModel):
    """A background per color scheme."""

    light: CssBackground
    """Background used in the light scheme."""
    dark: CssBackground
    """Background used in the dark scheme."""


Color = by_kind(
    "Color",
    "expected a color token, a CSS color or a {light, dark} object",
    string=CssColor,
    object=ThemeColor,
)
Background = by_kind(
    "Background",
    "expected a color token, a CSS color or gradient, or a {light, dark} object",
    string=CssBackground,
    object=ThemeBackground,
)
Length = by_kind(
    "Length",
    "expected a number (px) or a CSS length string",
    number=Float,
    string=CssLength,
)
Flex = by_kind("Flex", "expected a number or a CSS flex string", number=Float, string=CssFlex)
AspectRatio = by_kind(
    "AspectRatio",
    "expected a number or a ratio string such as '16/9'",
    number=Float,
    string=CssRatio,
)


class Spacing(CatalogModel):
    """Spacing per side; numbers are spacing units, strings CSS lengths."""

    top: Length = None
    """Top spacing."""
    right: Length = None
    """Right spacing."""
    bottom: Length = None
    """Bottom spacing."""
    left: Length = None
    """Left spacing."""
    x: Length = None
    """Left and right spacing."""
    y: Length = None
    """Top and bottom spacing."""


SpacingValue = by_kind(
    "SpacingValue",
    "expected a number, a CSS spacing string or a spacing object",
    number=Float,
    string=CssSpacing,
    object=Spacing,
)


class Border(CatalogModel):
    """A border on one edge (or all edges)."""

    size: Count
    """Thickness in px."""
    color: Color = None
    """Border color: `default`, `subtle`, `strong`, a primitive token, a CSS color or {light, dark}."""
    style: BorderStyle = None
    """Line style."""


BorderSide = by_kind(
    "BorderSide", "expected a thickness in px or a border object", number=Count, object=Border
)


class Borders(CatalogModel):
    """Borders per edge."""

    top: BorderSide = None
    """Top border or its thickness in px."""
    right: BorderSide = None
    """Right border or its thickness in px."""
    bottom: BorderSide = None
    """Bottom border or its thickness in px."""
    left: BorderSide = None
    """Left border or its thickness in px."""
    x: BorderSide = None
    """Left and right borders or their thickness in px."""
    y: BorderSide = None
    """Top and bottom borders or their thickness in px."""


BORDER_KEYS = frozenset(Border.model_fields)


def border_kind(value: Any) -> str | None:
    """A number, a Border or Borders: an object naming a Border prop is a Border."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return "<number>"
    if isinstance(value, Border | Borders):
        return f"<{type(value).__name__}>"
    if isinstance(value, dict):
        return "<Border>" if BORDER_KEYS & value.keys() else "<Borders>"
    return None


BorderValue = TypeAliasType(
    "BorderValue",
    Annotated[
        Union[  # noqa: UP007 - tagged members
            Annotated[Count, Tag("<number>")],
            Annotated[Border, Tag("<Border>")],
            Annotated[Borders, Tag("<Borders>")],
        ],
        Discriminator(
            border_kind,
            custom_error_type="wrong_kind",
            custom_error_message="expected a thickness in px, a border object or a borders object",
        ),
    ],
)


class ActionConfig(CatalogModel):
    """What happens when a control is used: an action sent to the server or the client."""

    type: str = Field(min_length=1, max_length=200)
    """The action's name, such as `order.track`."""
    payload: dict[str, Any] = None
    """Data sent with the action; form values merge into it by field name."""
    handler: Literal["client", "server"] = "server"
    """Who handles the action: the server (`threads.custom_action`) or the host page."""
    loadingBehavior: Literal["auto", "none", "self", "container"] = "auto"
    """Loading state while the action runs: on the control (`self`), the whole widget
    (`container`), none, or chosen by the control (`auto`)."""
    streaming: bool = True
    """`false` sends the action without starting a response (`threads.sync_custom_action`),
    so it also works while a response streams."""


class CardAction(CatalogModel):
    """A footer button of a card."""

    label: str
    """Button label."""
    action: ActionConfig
    """Action sent when the button is pressed."""


class FaviconStatus(CatalogModel):
    """A status line with a favicon."""

    text: str
    """Status text."""
    favicon: ImageUrl = None
    """URL of a favicon shown before the text."""
    frame: bool = None
    """Draw a frame around the favicon."""


class IconStatus(CatalogModel):
    """A status line with an icon."""

    text: str
    """Status text."""
    icon: IconName
    """Icon shown before the text."""


def status_kind(value: Any) -> str | None:
    """`icon` for a status naming an icon, else `favicon` (both variants have `text`)."""
    if isinstance(value, IconStatus) or (isinstance(value, dict) and "icon" in value):
        return "<icon>"
    return "<favicon>" if isinstance(value, dict | FaviconStatus) else None


WidgetStatus = TypeAliasType(
    "WidgetStatus",
    Annotated[
        Union[  # noqa: UP007 - tagged members
            Annotated[FaviconStatus, Tag("<favicon>")],
            Annotated[IconStatus, Tag("<icon>")],
        ],
        Discriminator(
            status_kind,
            custom_error_type="wrong_kind",
            custom_error_message="expected a status object such as {text, icon}",
        ),
    ],
)


class EditableProps(CatalogModel):
    """Makes a Text editable inline, as a form field."""

    name: FieldName
    """Form field name of the edited value."""
    autoFocus: bool = None
    """Focus the field when it appears."""
    autoSelect: bool = None
    """Select all text on focus."""
    autoComplete: str = None
    """Native autocomplete hint."""
    allowAutofillExtensions: bool = None
    """Allow password managers and autofill extensions."""
    pattern: str = Field(None, max_length=1000)
    """Regular expression the value must match."""
    placeholder: str = None
    """Placeholder text."""
    required: bool = None
    """The field must be filled in."""


class SelectOption(CatalogModel):
    """An option of a Select."""

    value: str
    """Value submitted when chosen."""
    label: str
    """Text shown for the option."""
    disabled: bool = None
    """The option cannot be chosen."""
    description: str = None
    """Secondary text below the label."""


class RadioOption(CatalogModel):
    """An option of a RadioGroup."""

    label: str
    """Text shown next to the radio button."""
    value: str
    """Value submitted when chosen."""
    disabled: bool = None
    """The option cannot be chosen."""


class XAxis(CatalogModel):
    """X axis settings of a chart."""

    dataKey: str
    """Field of each data row used for the categories."""
    hide: bool = None
    """Hide the axis line, ticks and labels."""
    labels: dict[str, str] = None
    """Display labels per tick value."""


class BarSeries(CatalogModel):
    """Bars from a numeric field."""

    type: Literal["bar"]
    """Series kind."""
    label: str = None
    """Legend label."""
    dataKey: str
    """Field of each data row holding the value."""
    stack: str = None
    """Stack group: series with the same stack id are stacked."""
    color: Color = None
    """Series color: `blue`, `purple`, `orange`, `green`, `red`, `yellow`, `pink`, a primitive
    token, a CSS color or {light, dark}; assigned in turn when left out."""


class AreaSeries(CatalogModel):
    """A filled area from a numeric field."""

    type: Literal["area"]
    """Series kind."""
    label: str = None
    """Legend label."""
    dataKey: str
    """Field of each data row holding the value."""
    stack: str = None
    """Stack group: series with the same stack id are stacked."""
    color: Color = None
    """Series color (see `bar`)."""
    curveType: CurveType = None
    """Interpolation between points."""


class LineSeries(CatalogModel):
    """A line from a numeric field."""

    type: Literal["line"]
    """Series kind."""
    label: str = None
    """Legend label."""
    dataKey: str
    """Field of each data row holding the value."""
    color: Color = None
    """Series color (see `bar`)."""
    curveType: CurveType = None
    """Interpolation between points."""


def type_tag(value: Any) -> str | None:
    """The `type` of a component or series, the discriminator of every component union."""
    if isinstance(value, dict):
        tag = value.get("type")
        return tag if isinstance(tag, str) else None
    return getattr(value, "type", None) if isinstance(value, BaseModel) else None


def tagged_union(name: str, members: tuple[type[BaseModel], ...]) -> TypeAliasType:
    """A named union of models chosen by their `type`; the error names the union."""
    choices = tuple(Annotated[member, Tag(type_name(member))] for member in members)
    return TypeAliasType(
        name,
        Annotated[
            Union[choices],  # noqa: UP007 - built at run time from a tuple
            Discriminator(
                type_tag,
                custom_error_type="component_type",
                custom_error_message="unknown or misplaced type",
                custom_error_context={"union": name},
            ),
        ],
    )


def type_name(model: type[BaseModel]) -> str:
    """The `type` a model's documents carry (its one `Literal` value)."""
    return get_args(model.model_fields["type"].annotation)[0]


ChartValue = by_kind("ChartValue", "expected a string or a number", string=str, number=Float)


# --- components ----------------------------------------------------------------------------


class Component(CatalogModel):
    """Base of every component: each accepts an optional `key` and `id`."""

    key: Key = None
    """Stable identity among siblings, for smooth updates."""
    id: Key = None
    """Component id: the target of streamed text (`widget.streaming_text.value_delta`)
    and component updates."""


class BlockProps(CatalogModel):
    """Sizing props shared by blocks."""

    height: Length = None
    """Height: px or a CSS length."""
    width: Length = None
    """Width: px or a CSS length."""
    size: Length = None
    """Width and height at once."""
    minHeight: Length = None
    """Minimum height."""
    minWidth: Length = None
    """Minimum width."""
    minSize: Length = None
    """Minimum width and height."""
    maxHeight: Length = None
    """Maximum height."""
    maxWidth: Length = None
    """Maximum width."""
    maxSize: Length = None
    """Maximum width and height."""
    aspectRatio: AspectRatio = None
    """Aspect ratio, such as 1.5 or `16/9`."""
    radius: RadiusValue = None
    """Corner radius."""
    margin: SpacingValue = None
    """Outer spacing."""


class BoxProps(BlockProps):
    """Flex container props shared by Box, Row, Col and Form."""

    children: list[WidgetComponent] = None
    """Components inside the container."""
    align: Alignment = None
    """Cross-axis alignment of the children."""
    justify: Justification = None
    """Main-axis distribution of the children."""
    wrap: Literal["nowrap", "wrap", "wrap-reverse"] = None
    """Whether children wrap onto more lines."""
    flex: Flex = None
    """Flex grow/shrink factor or CSS flex value."""
    gap: Length = None
    """Space between children: spacing units or a CSS length."""
    padding: SpacingValue = None
    """Inner spacing."""
    border: BorderValue = None
    """Border: px, a border object or per-edge borders."""
    background: Background = None
    """Background: `surface`, `surface-secondary`, `surface-tertiary`, `surface-elevated`,
    `surface-elevated-secondary`, a primitive token, a CSS color or gradient, or {light, dark}."""


class Card(Component):
    """A self-contained card: a summary, a confirmation or a form (a root)."""

    type: Literal["Card"]
    children: list[WidgetComponent]
    """Components inside the card."""
    asForm: bool = None
    """Make the whole card a form whose values go to the `confirm` action."""
    background: Background = None
    """Background (see Box)."""
    border: BorderValue = None
    """Border: px, a border object or per-edge borders."""
    size: Literal["sm", "md", "lg", "full"] = None
    """Card width preset."""
    padding: SpacingValue = None
    """Inner spacing."""
    status: WidgetStatus = None
    """Status line above the card."""
    collapsed: bool = None
    """Collapse the body, e.g. after the main action completed."""
    confirm: CardAction = None
    """Primary footer button."""
    cancel: CardAction = None
    """Secondary footer button."""
    theme: Theme = None
    """Force the light or dark scheme for this widget."""


class ListViewItem(Component):
    """A row of a ListView (only directly inside a ListView)."""

    type: Literal["ListViewItem"]
    children: list[WidgetComponent]
    """Components inside the row."""
    onClickAction: ActionConfig = None
    """Action sent when the row is clicked."""
    gap: Length = None
    """Space between children."""
    align: Alignment = None
    """Vertical alignment of the children."""


ListLimit = by_kind(
    "ListLimit",
    "expected a number of items or 'auto'",
    number=PositiveCount,
    string=Literal["auto"],
)


class ListView(Component):
    """A list of options or results (a root)."""

    type: Literal["ListView"]
    children: list[ListViewItem]
    """The rows."""
    limit: ListLimit = None
    """Rows shown before a "Show more" control."""
    status: WidgetStatus = None
    """Status line above the list."""
    theme: Theme = None
    """Force the light or dark scheme for this widget."""


class Basic(Component):
    """A bare layout root, e.g. for entity previews; may also hold other roots."""

    type: Literal["Basic"]
    children: list[ComponentOrRoot]
    """Components or roots inside."""
    theme: Theme = None
    """Force the light or dark scheme for this widget."""
    direction: Direction = None
    """Lay children out in a row or a column."""
    gap: Length = None
    """Space between children."""
    padding: SpacingValue = None
    """Inner spacing."""
    align: Alignment = None
    """Cross-axis alignment of the children."""
    justify: Justification = None
    """Main-axis distribution of the children."""


class Box(Component, BoxProps):
    """A flex container with a direction."""

    type: Literal["Box"]
    direction: Direction = None
    """Lay children out in a row or a column."""


class Row(Component, BoxProps):
    """A horizontal flex container."""

    type: Literal["Row"]


class Col(Component, BoxProps):
    """A vertical flex container."""

    type: Literal["Col"]


class Form(Component, BoxProps):
    """A form: its controls' values are sent with `onSubmitAction`."""

    type: Literal["Form"]
    onSubmitAction: ActionConfig = None
    """Action sent on submit, with the form values merged into its payload."""
    direction: Direction = None
    """Lay children out in a row or a column."""


class Spacer(Component):
    """Flexible space that pushes siblings apart."""

    type: Literal["Spacer"]
    minSize: Length = None
    """Minimum size along the container's direction."""


class Divider(Component):
    """A line between sections."""

    type: Literal["Divider"]
    color: Color = None
    """Line color: `default`, `subtle`, `strong`, a primitive token, a CSS color or {light, dark}."""
    size: Length = None
    """Thickness."""
    spacing: Length = None
    """Space above and below."""
    flush: bool = None
    """Reach the container's edges, ignoring its padding."""


class Transition(Component):
    """Animates layout changes of its single child."""

    type: Literal["Transition"]
    children: WidgetComponent
    """The one animated child."""


class TextProps(CatalogModel):
    """Props shared by Text, Title and Caption."""

    value: str
    """The text (never interpreted as HTML)."""
    color: Color = None
    """Text color: `prose`, `primary`, `emphasis`, `secondary`, `tertiary`, `success`,
    `warning`, `danger`, a primitive token, a CSS color or {light, dark}."""
    weight: FontWeight = None
    """Font weight."""
    textAlign: TextAlign = None
    """Horizontal alignment."""
    truncate: bool = None
    """Cut overflowing text with an ellipsis."""
    maxLines: PositiveCount = None
    """Clamp to this many lines."""


Editable = by_kind(
    "Editable",
    "expected false or an editable-field object such as {name}",
    boolean=Literal[False],
    object=EditableProps,
)


class Text(Component, TextProps):
    """Plain text with typography controls."""

    type: Literal["Text"]
    streaming: bool = None
    """The value is still streaming in."""
    italic: bool = None
    """Italic text."""
    lineThrough: bool = None
    """Struck-through text."""
    width: Length = None
    """Width of the text box."""
    size: TextSize = None
    """Text size."""
    minLines: PositiveCount = None
    """Reserve room for at least this many lines."""
    editable: Editable = None
    """Edit the text inline as a form field (`false` or field settings)."""


class Title(Component, TextProps):
    """A heading."""

    type: Literal["Title"]
    size: TitleSize = None
    """Heading size."""


class Caption(Component, TextProps):
    """Small supporting text."""

    type: Literal["Caption"]
    size: CaptionSize = None
    """Caption size."""


class Markdown(Component):
    """Markdown, rendered to a safe subset (no raw HTML)."""

    type: Literal["Markdown"]
    value: str
    """Markdown source."""
    streaming: bool = None
    """The value is still streaming in."""


class Label(Component):
    """A label for a form control."""

    type: Literal["Label"]
    value: str
    """Label text."""
    fieldName: FieldName
    """Name of the control it labels."""
    size: TextSize = None
    """Text size."""
    weight: FontWeight = None
    """Font weight."""
    textAlign: TextAlign = None
    """Horizontal alignment."""
    color: Color = None
    """Text color (see Text)."""


class Badge(Component):
    """A small status or category label."""

    type: Literal["Badge"]
    label: str
    """Badge text."""
    color: Literal["secondary", "success", "danger", "warning", "info", "discovery"] = None
    """Badge color."""
    variant: Literal["solid", "soft", "outline"] = None
    """Visual style."""
    size: Literal["sm", "md", "lg"] = None
    """Badge size."""
    pill: bool = None
    """Fully rounded ends."""


class Icon(Component):
    """An icon."""

    type: Literal["Icon"]
    name: IconName
    """Built-in icon name, `lucide:<name>` or `vendor:<name>`."""
    color: Color = None
    """Icon color (text color tokens, see Text)."""
    size: IconSize = None
    """Icon size."""


class Image(Component, BlockProps):
    """An image from an http(s) or data:image/ URL."""

    type: Literal["Image"]
    src: ImageUrl
    """Image URL: absolute https:// or http://, or data:image/."""
    alt: str = None
    """Alternative text."""
    fit: Literal["cover", "contain", "fill", "scale-down", "none"] = None
    """How the image fills its box."""
    position: Literal[
        "top left",
        "top",
        "top right",
        "left",
        "center",
        "right",
        "bottom left",
        "bottom",
        "bottom right",
    ] = None
    """Focal point inside the box."""
    frame: bool = None
    """Draw a subtle frame."""
    flush: bool = None
    """Reach the container's edges, ignoring its padding."""
    background: Background = None
    """Background behind the image."""
    flex: Flex = None
    """Flex grow/shrink factor or CSS flex value."""


class Button(Component):
    """A button, usually bound to an action."""

    type: Literal["Button"]
    submit: bool = None
    """Submit the nearest form."""
    label: str = None
    """Button text."""
    onClickAction: ActionConfig = None
    """Action sent on click."""
    iconStart: IconName = None
    """Icon before the label (alone: an icon button)."""
    iconEnd: IconName = None
    """Icon after the label."""
    style: Literal["primary", "secondary"] = None
    """Style preset."""
    iconSize: Literal["sm", "md", "lg", "xl", "2xl"] = None
    """Icon size."""
    color: Literal[
        "primary", "secondary", "info", "discovery", "success", "caution", "warning", "danger"
    ] = None
    """Button color."""
    variant: ControlVariant = None
    """Visual variant."""
    size: ControlSize = None
    """Button size."""
    pill: bool = None
    """Fully rounded ends."""
    uniform: bool = None
    """Equal width and height."""
    block: bool = None
    """Full width."""
    disabled: bool = None
    """Cannot be pressed."""


class TextField(Component):
    """What `Input` and `Textarea` share."""

    name: FieldName
    """Form field name."""
    defaultValue: str = None
    """Initial value."""
    required: bool = None
    """Must be filled in."""
    pattern: str = Field(None, max_length=1000)
    """Regular expression the value must match."""
    placeholder: str = None
    """Placeholder text."""
    allowAutofillExtensions: bool = None
    """Allow password managers and autofill extensions."""
    autoSelect: bool = None
    """Select the contents when shown."""
    autoFocus: bool = None
    """Focus the field when shown."""
    disabled: bool = None
    """Cannot be edited."""
    variant: InputVariant = None
    """Visual style."""
    size: ControlSize = None
    """Field size."""
    gutterSize: GutterSize = None
    """Inner horizontal padding, overriding `size`."""


class Input(TextField):
    """A single-line text field."""

    type: Literal["Input"]
    inputType: Literal["number", "email", "text", "password", "tel", "url"] = None
    """Native input type."""
    pill: bool = None
    """Fully rounded ends."""


class Textarea(TextField):
    """A multi-line text field."""

    type: Literal["Textarea"]
    rows: PositiveCount = None
    """Visible rows."""
    autoResize: bool = None
    """Grow and shrink with the content."""
    maxRows: PositiveCount = None
    """Most rows when auto-resizing."""


class Select(Component):
    """A dropdown."""

    type: Literal["Select"]
    name: FieldName
    """Form field name."""
    options: list[SelectOption]
    """The choices."""
    onChangeAction: ActionConfig = None
    """Action sent when the value changes."""
    placeholder: str = None
    """Text shown while nothing is chosen."""
    defaultValue: str = None
    """Initially chosen value."""
    variant: ControlVariant = None
    """Visual variant."""
    size: ControlSize = None
    """Control size."""
    pill: bool = None
    """Fully rounded ends."""
    block: bool = None
    """Full width."""
    clearable: bool = None
    """Offer a control that clears the value."""
    disabled: bool = None
    """Cannot be changed."""
    searchable: bool = None
    """Filter options by typing (on by default above 15 options)."""


class DatePicker(Component):
    """A date field with a calendar."""

    type: Literal["DatePicker"]
    name: FieldName
    """Form field name."""
    onChangeAction: ActionConfig = None
    """Action sent when the date changes."""
    placeholder: str = None
    """Text shown while no date is chosen."""
    defaultValue: IsoDate = None
    """Initial date (ISO 8601)."""
    min: IsoDate = None
    """Earliest date (ISO 8601)."""
    max: IsoDate = None
    """Latest date (ISO 8601)."""
    variant: ControlVariant = None
    """Visual variant."""
    size: ControlSize = None
    """Control size."""
    side: Literal["top", "bottom", "left", "right"] = None
    """Preferred side of the calendar."""
    align: Literal["start", "center", "end"] = None
    """Calendar alignment against the field."""
    pill: bool = None
    """Fully rounded ends."""
    block: bool = None
    """Full width."""
    clearable: bool = None
    """Offer a control that clears the value."""
    disabled: bool = None
    """Cannot be changed."""


class Checkbox(Component):
    """A checkbox."""

    type: Literal["Checkbox"]
    name: FieldName
    """Form field name."""
    label: str = None
    """Text next to the box."""
    defaultChecked: bool = None
    """Initially checked."""
    onChangeAction: ActionConfig = None
    """Action sent when toggled."""
    disabled: bool = None
    """Cannot be toggled."""
    required: bool = None
    """Must be checked to submit."""


class RadioGroup(Component):
    """A set of mutually exclusive options."""

    type: Literal["RadioGroup"]
    name: FieldName
    """Form field name."""
    options: list[RadioOption] = None
    """The choices."""
    ariaLabel: str = None
    """Accessible name of the group (defaults to `name`)."""
    onChangeAction: ActionConfig = None
    """Action sent when the choice changes."""
    defaultValue: str = None
    """Initially chosen value."""
    direction: Direction = None
    """Lay options out in a row or a column."""
    disabled: bool = None
    """Cannot be changed."""
    required: bool = None
    """A choice is needed to submit."""


ChartSeries = tagged_union("ChartSeries", (BarSeries, AreaSeries, LineSeries))
XAxisValue = by_kind(
    "XAxisValue", "expected a data key or an x-axis object", string=str, object=XAxis
)


class Chart(Component, BlockProps):
    """A bar, area or line chart."""

    type: Literal["Chart"]
    data: list[dict[str, ChartValue]]
    """Rows of data: field name to string or number."""
    series: list[ChartSeries]
    """What to plot."""
    xAxis: XAxisValue
    """Category field, or x axis settings."""
    showYAxis: bool = None
    """Show the y axis."""
    showLegend: bool = None
    """Show a legend."""
    showTooltip: bool = None
    """Show a tooltip on hover."""
    barGap: Integer = None
    """Gap between bars of one category, in px."""
    barCategoryGap: Integer = None
    """Gap between categories, in px."""
    flex: Flex = None
    """Flex grow/shrink factor or CSS flex value."""


class TableCell(Component):
    """A cell (only directly inside a Table.Row)."""

    model_config = ConfigDict(title="Table.Cell")

    type: Literal["Table.Cell"]
    children: list[WidgetComponent] = None
    """Cell content."""
    width: Length = None
    """Cell width."""
    padding: Spacing = None
    """Inner spacing per side."""
    colSpan: PositiveCount = None
    """Columns spanned."""
    rowSpan: PositiveCount = None
    """Rows spanned."""
    align: Literal["start", "center", "end"] = None
    """Horizontal alignment."""
    vAlign: Literal["start", "center", "end"] = None
    """Vertical alignment."""
    colSize: Literal["xs", "sm", "md", "lg", "xl"] = None
    """Column width preset."""


class TableRow(Component):
    """A row (only directly inside a Table)."""

    model_config = ConfigDict(title="Table.Row")

    type: Literal["Table.Row"]
    children: list[TableCell] = None
    """The cells."""
    header: bool = None
    """A header row."""


class Table(Component):
    """A table of rows and cells."""

    type: Literal["Table"]
    children: list[TableRow] = None
    """The rows."""


ROOTS: tuple[type[Component], ...] = (Card, ListView, Basic)
WIDGET_COMPONENTS: tuple[type[Component], ...] = (
    Box,
    Row,
    Col,
    Form,
    Spacer,
    Divider,
    Transition,
    Text,
    Title,
    Caption,
    Markdown,
    Label,
    Badge,
    Icon,
    Image,
    Button,
    Input,
    Textarea,
    Select,
    DatePicker,
    Checkbox,
    RadioGroup,
    Chart,
    Table,
)
# Components that only appear directly inside one parent type.
NESTED_ONLY: dict[type[Component], type[Component]] = {
    ListViewItem: ListView,
    TableRow: Table,
    TableCell: TableRow,
}
COMPONENTS: dict[str, type[Component]] = {
    type_name(model): model
    for model in (*ROOTS, ListViewItem, *WIDGET_COMPONENTS, TableRow, TableCell)
}

WidgetComponent = tagged_union("WidgetComponent", WIDGET_COMPONENTS)
WidgetRoot = tagged_union("WidgetRoot", ROOTS)
ComponentOrRoot = tagged_union("ComponentOrRoot", ROOTS + WIDGET_COMPONENTS)

# The union a `component_type` error names, and what it admits.
UNIONS: dict[str, tuple[str, ...]] = {
    "WidgetComponent": tuple(type_name(model) for model in WIDGET_COMPONENTS),
    "WidgetRoot": tuple(type_name(model) for model in ROOTS),
    "ComponentOrRoot": tuple(type_name(model) for model in ROOTS + WIDGET_COMPONENTS),
    "ChartSeries": ("bar", "area", "line"),
}

for _model in (*COMPONENTS.values(), BoxProps, BlockProps):
    _model.model_rebuild()

"""The built-in widget gallery and the demo agent's widget commands (SPEC §9).

The gallery is the `.widget` files next to this module (`widgets/gallery/NAME.widget`);
`install_gallery` copies them into the database as built-in templates, where the studio
can edit them. The demo agent shows a template by name (`/widget NAME`), preferring the
database's current version so studio edits show up, and answers the actions of the
gallery's widgets: a short streamed acknowledgement, and the widget updated where that
makes sense (a submitted form collapses with a status line, a picked slot is marked).
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
from collections.abc import AsyncIterator, Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asgiref.sync import sync_to_async
from django.utils import timezone

from chatkit import protocol as p
from widgets.models import WidgetTemplate
from widgets.templates import RenderError, WidgetFile, render_widget
from widgets.tree import components, plain_text
from widgets.validation import validate_widget

if TYPE_CHECKING:
    from chatkit.agents.base import Agent, AgentContext

GALLERY_DIR = Path(__file__).resolve().parent / "gallery"
STREAM_DELAY = 0.02
SECRET_KEYS = re.compile(r"pass(word)?|secret|token|card", re.IGNORECASE)

Widget = dict[str, Any]


@cache
def _gallery_texts() -> dict[str, str]:
    return {
        path.stem: path.read_text(encoding="utf-8") for path in sorted(GALLERY_DIR.glob("*.widget"))
    }


def gallery() -> dict[str, WidgetFile]:
    """The built-in templates by name, in name order; fresh objects, so callers may change them."""
    return {name: WidgetFile.loads(text) for name, text in _gallery_texts().items()}


def install_gallery() -> int:
    """Create or update the built-in templates (idempotent); returns how many there are."""
    for name, widget_file in gallery().items():
        WidgetTemplate.import_widget_file(
            widget_file, name=name, message="Built-in gallery", is_builtin=True
        )
    return len(gallery())


def _stored_templates() -> dict[str, WidgetFile]:
    found = WidgetTemplate.objects.filter(current_version__isnull=False).select_related(
        "current_version"
    )
    return {template.name: template.to_widget_file() for template in found}


async def available_templates() -> dict[str, WidgetFile]:
    """Gallery files overlaid with the database's templates (studio edits win)."""
    stored = await sync_to_async(_stored_templates)()
    return dict(sorted({**gallery(), **stored}.items()))


# --- /widget -----------------------------------------------------------------------------


async def demo_widget_events(
    agent: Agent, ctx: AgentContext, name: str
) -> AsyncIterator[p.ThreadStreamEvent]:
    """`/widget` lists the templates; `/widget NAME` shows NAME with its sample data."""
    templates = await available_templates()
    name = name.strip().lower()
    if not name:
        async for event in _say(ctx, _listing(templates)):
            yield event
        return
    widget_file = templates.get(name)
    if widget_file is None:
        names = ", ".join(f"`{known}`" for known in templates)
        async for event in _say(ctx, f"There is no widget called `{name}`. Try one of: {names}."):
            yield event
        return
    try:
        widget = widget_file.render(widget_file.sample())
    except RenderError as error:
        problems = "\n".join(f"- `{e.pointer or '/'}`: {e.message}" for e in error.errors[:10])
        async for event in _say(ctx, f"The `{name}` widget does not render:\n\n{problems}\n"):
            yield event
        return
    async for event in _show(ctx, widget):
        yield event


def _listing(templates: dict[str, WidgetFile]) -> str:
    lines = [
        "## Widget gallery\n",
        "Type `/widget NAME` to see one with its sample data:\n",
        *(f"- `{name}`: {file.description or file.name}" for name, file in templates.items()),
    ]
    return "\n".join(lines) + "\n"


async def _say(ctx: AgentContext, text: str) -> AsyncIterator[p.ThreadStreamEvent]:
    """A streamed assistant message, a line at a time."""
    message = ctx.assistant_message()
    yield message.added()
    for line in text.splitlines(keepends=True):
        yield message.delta(line)
        await asyncio.sleep(STREAM_DELAY)
    yield message.done()


async def _show(ctx: AgentContext, widget: Widget) -> AsyncIterator[p.ThreadStreamEvent]:
    """The widget as an item; Text and Markdown components with an `id` stream in."""
    streamed = [
        component
        for component in components(widget)
        if component.get("type") in ("Text", "Markdown") and component.get("id")
    ]
    if not streamed:
        yield ctx.widget(widget, copy_text=plain_text(widget))
        return
    ids = {component["id"] for component in streamed}
    start = copy.deepcopy(widget)
    for component in components(start):
        if component.get("type") in ("Text", "Markdown") and component.get("id") in ids:
            component["value"] = ""
            component["streaming"] = True
    item = p.WidgetItem(
        id=ctx.new_item_id("wdg"),
        thread_id=ctx.thread_id,
        created_at=timezone.now(),
        widget=start,
        copy_text=plain_text(widget),
    )
    yield p.ThreadItemAdded(item=item)
    for component in streamed:
        words = re.findall(r"\S+\s*", component["value"]) or [""]
        for index, word in enumerate(words):
            await asyncio.sleep(STREAM_DELAY)
            yield p.ThreadItemUpdated(
                item_id=item.id,
                update=p.WidgetStreamingTextDelta(
                    component_id=component["id"], delta=word, done=index == len(words) - 1
                ),
            )
    yield p.ThreadItemDone(item=item.model_copy(update={"widget": widget}))


# --- actions -------------------------------------------------------------------------------


def _shown_payload(payload: Any) -> Any:
    """The payload as the acknowledgement shows it, with secrets (passwords) masked."""
    if isinstance(payload, dict):
        return {
            key: "••••••••" if SECRET_KEYS.search(key) else _shown_payload(value)
            for key, value in payload.items()
        }
    if isinstance(payload, list):
        return [_shown_payload(value) for value in payload]
    return payload


def _collapsed(widget: Widget, text: str, icon: str = "check-circle-filled") -> Widget:
    """A finished card: collapsed, with a status line and no footer buttons."""
    widget = copy.deepcopy(widget)
    widget["status"] = {"text": text, "icon": icon}
    if widget.get("type") == "Card":
        widget["collapsed"] = True
        widget.pop("confirm", None)
        widget.pop("cancel", None)
    return widget


def _booked(widget: Widget, payload: dict[str, Any]) -> Widget:
    booking = payload.get("booking") if isinstance(payload.get("booking"), dict) else {}
    guests, date, time = booking.get("guests"), booking.get("date"), booking.get("time")
    details = f": {guests} guests on {date} at {time}" if guests and date and time else ""
    return _collapsed(widget, f"Table booked{details}")


def _escalated(widget: Widget, payload: dict[str, Any]) -> Widget:
    widget = copy.deepcopy(widget)
    for component in components(widget):
        if component.get("type") == "Badge" and component.get("label") in (
            "Low",
            "Normal",
            "High",
        ):
            component.update(label="Urgent", color="danger")
        if component.get("type") == "Button" and component.get("label") == "Escalate":
            component["disabled"] = True
    widget["status"] = {"text": "Escalated to the on-call lead", "icon": "bolt"}
    return widget


def _closed(widget: Widget, payload: dict[str, Any]) -> Widget:
    widget = copy.deepcopy(widget)
    for component in components(widget):
        if component.get("type") == "Transition":
            component["children"].update(key="Closed", label="Closed", color="success")
        if component.get("type") == "Button":
            component["disabled"] = True
    widget["status"] = {"text": "Ticket closed", "icon": "check-circle-filled"}
    return widget


def _slot_picked(widget: Widget, payload: dict[str, Any]) -> Widget:
    widget = copy.deepcopy(widget)
    start = payload.get("start")
    for component in components(widget):
        action = component.get("onClickAction") or {}
        if component.get("type") != "Button" or action.get("type") != "slot.select":
            continue
        if action.get("payload", {}).get("start") == start:
            component.update(variant="solid", color="success", iconStart="check")
        else:
            component["disabled"] = True
    widget["status"] = {"text": f"Booked: {payload.get('label', start)}", "icon": "calendar"}
    return widget


def _refreshed(widget: Widget, payload: dict[str, Any]) -> Widget:
    widget = copy.deepcopy(widget)
    for component in components(widget):
        if component.get("type") == "Caption" and str(component.get("value")).startswith("Updated"):
            component["value"] = "Updated just now"
    return widget


# Per action type: what the acknowledgement adds, and how the sender widget changes.
ACTIONS: dict[str, tuple[str, Callable[[Widget, dict[str, Any]], Widget] | None]] = {
    "order.track": ("Your parcel left the Lisbon hub this morning and is on schedule.", None),
    "order.support": ("I've opened a support conversation about this order.", None),
    "flight.check_in": ("You're checked in. Boarding passes are on their way by e-mail.", None),
    "flight.add_to_calendar": ("I've added both flights to your calendar.", None),
    "booking.submit": (
        "Your table is booked; a confirmation is on its way.",
        _booked,
    ),
    "booking.cancel": (
        "No problem, nothing was booked.",
        lambda widget, payload: _collapsed(widget, "Booking cancelled", "empty-circle"),
    ),
    "product.select": ("Good choice. It's in stock in all sizes.", None),
    "ticket.escalate": ("Escalated: the on-call lead will pick this up next.", _escalated),
    "ticket.close": ("Closed. The customer gets a satisfaction survey.", _closed),
    "weather.refresh": ("Refreshed: nothing has changed since the last update.", _refreshed),
    "invoice.pay": ("Payment link sent. The invoice updates once the payment clears.", None),
    "invoice.download": ("Here's the PDF link: it stays valid for 24 hours.", None),
    "survey.submit": (
        "Thanks, your feedback goes straight to the delivery team.",
        lambda widget, payload: _collapsed(widget, "Thanks for your feedback"),
    ),
    "transfer.confirm": (
        "Done: the transfer is on its way.",
        lambda widget, payload: _collapsed(widget, "Transfer sent"),
    ),
    "transfer.cancel": (
        "Cancelled. No money has moved.",
        lambda widget, payload: _collapsed(widget, "Transfer cancelled", "empty-circle"),
    ),
    "contact.submit": (
        "Thanks! Someone from the team will reply within one business day.",
        lambda widget, payload: _collapsed(widget, "Message sent"),
    ),
    "faq.open": ("", None),
    "slot.select": ("You're booked; a calendar invitation is on its way.", _slot_picked),
    "shipment.open_carrier": ("Opening the carrier's tracking page.", None),
    "account.statement": ("Your March statement is ready to download.", None),
    "account.transfer": ("Who would you like to send money to?", None),
    "signup.submit": (
        "Welcome aboard! Check your inbox to confirm your e-mail address.",
        lambda widget, payload: _collapsed(widget, "Account created"),
    ),
}


async def demo_action_events(
    agent: Agent, ctx: AgentContext, action: p.ActionInput, sender: dict[str, Any] | None
) -> AsyncIterator[p.ThreadStreamEvent]:
    """Acknowledge an action (its type and payload) and update the sender widget."""
    payload = action.payload if isinstance(action.payload, dict) else {}
    reply, update = ACTIONS.get(action.type, ("", None))
    if update is not None and sender is not None:
        widget = update(sender["widget"], payload)
        if not validate_widget(widget):
            yield p.ThreadItemUpdated(
                item_id=sender["id"], update=p.WidgetRootUpdated(widget=widget)
            )
    shown = json.dumps(_shown_payload(action.payload), indent=2, ensure_ascii=False)
    text = f"Received the **`{action.type}`** action with this payload:\n\n```json\n{shown}\n```\n"
    if action.type == "faq.open" and isinstance(payload.get("answer"), str):
        reply = f"**{payload.get('question', 'Answer')}**\n\n{payload['answer']}"
    if reply:
        text += f"\n{reply}\n"
    async for event in _say(ctx, text):
        yield event


def demo_sync_action(action: p.ActionInput, sender: dict[str, Any] | None) -> dict | None:
    """`streaming: false` actions: the sender item with its widget updated, or None."""
    if sender is None or not isinstance(action.payload, dict | None):
        return None
    payload = action.payload or {}
    widget = sender["widget"]
    if action.type == "survey.select":
        widget = _survey_choice(widget, _changed_value(payload, "rating"))
    elif action.type == "shipment.notify":
        widget = _notify_choice(widget, _changed_value(payload, "notify"))
    elif action.type == "metrics.period":
        widget = _metrics_for(_changed_value(payload, "period"))
    else:
        return None
    if widget is None or validate_widget(widget):
        return None
    return {**sender, "widget": widget, "copy_text": plain_text(widget)}


def _changed_value(payload: dict[str, Any], name: str) -> Any:
    """The new value of a changed control: `value`, or its field name in the form values."""
    return payload.get("value", payload.get(name))


def _survey_choice(widget: Widget, value: Any) -> Widget | None:
    widget = copy.deepcopy(widget)
    label = None
    for component in components(widget):
        if component.get("type") == "RadioGroup":
            options = {option["value"]: option["label"] for option in component.get("options", [])}
            if value not in options:
                return None
            component["defaultValue"] = value
            label = options[value]
        if component.get("type") == "Caption" and component.get("key") == "choice" and label:
            component["value"] = f"You picked: {label}"
    return widget


def _notify_choice(widget: Widget, value: Any) -> Widget | None:
    if not isinstance(value, bool):
        return None
    widget = copy.deepcopy(widget)
    for component in components(widget):
        if component.get("type") == "Checkbox" and component.get("name") == "notify":
            component["defaultChecked"] = value
    widget["status"] = {
        "text": "We'll text you on delivery day" if value else "Delivery texts are off",
        "icon": "mobile",
    }
    return widget


PERIODS = {"7d": ("Last 7 days", 7), "30d": ("Last 30 days", 30), "90d": ("Last 90 days", 90)}


def metrics_data(period: str) -> dict[str, Any]:
    """Deterministic demo figures for the metrics chart over `period` (7d, 30d or 90d)."""
    label, days = PERIODS[period]
    buckets = 7 if days == 7 else days // 7 + (days % 7 > 0)
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    points = []
    for index in range(buckets):
        wave = (index * 37 % 11) / 10
        revenue = round((5.5 + wave + index * 0.15) * (1 if days == 7 else 7), 1)
        orders = int(revenue * (28 if days == 7 else 4))
        name = names[index] if days == 7 else f"W{index + 1}"
        points.append({"label": name, "revenue": revenue, "orders": orders})
    total = sum(point["revenue"] for point in points)
    orders = sum(point["orders"] for point in points)
    return {
        "title": "Revenue",
        "period": period,
        "range_label": label,
        "kpis": [
            {"label": "Revenue", "value": f"${total:,.1f}k", "change": "+12.4%"},
            {"label": "Orders", "value": f"{orders:,}", "change": "+8.1%"},
            {"label": "Avg. order", "value": f"${total * 1000 / orders:,.2f}", "change": "-1.9%"},
        ],
        "points": points,
    }


def _metrics_for(period: Any) -> Widget | None:
    if period not in PERIODS:
        return None
    widget_file = gallery()["metrics_chart"]
    return render_widget(widget_file.template, metrics_data(period), widget_file.json_schema)

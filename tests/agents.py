"""Agents used by tests through the `python` backend, as a site owner would plug theirs in."""

from chatkit import protocol as p
from chatkit.agents import Agent

VALID_CARD = {"type": "Card", "children": [{"type": "Text", "value": "Fine"}]}


class WidgetAgent(Agent):
    """Sends the widget named in `options`, valid or not."""

    async def respond(self, ctx, message):
        widget = self.config.get("widget", VALID_CARD)
        yield ctx.widget(widget, copy_text="a widget")
        answer = ctx.assistant_message()
        yield answer.added()
        yield answer.delta("after the widget")
        yield answer.done()

    async def sync_action(self, ctx, action, sender):
        return {**sender, "widget": self.config.get("sync_widget", VALID_CARD)}


class WidgetUpdatesAgent(Agent):
    """Streams a widget, then changes it in place as `options["change"]` says."""

    async def respond(self, ctx, message):
        widget = {
            "type": "Card",
            "children": [{"type": "Text", "id": "t", "value": "", "streaming": True}],
        }
        item = p.WidgetItem(
            id=ctx.new_item_id("wdg"),
            thread_id=ctx.thread_id,
            created_at="2026-01-01T00:00:00Z",
            widget=widget,
        )
        yield p.ThreadItemAdded(item=item)
        change = self.config.get("change")
        if change == "component":
            bad = {"type": "Image", "src": "javascript:alert(1)"}
            yield p.ThreadItemUpdated(
                item_id=item.id, update=p.WidgetComponentUpdated(component_id="t", component=bad)
            )
        elif change == "huge_text":
            for _ in range(5):
                yield p.ThreadItemUpdated(
                    item_id=item.id,
                    update=p.WidgetStreamingTextDelta(
                        component_id="t", delta="x" * 100_000, done=False
                    ),
                )
        else:
            yield p.ThreadItemUpdated(
                item_id=item.id,
                update=p.WidgetStreamingTextDelta(component_id="t", delta="Hello", done=True),
            )

"""Agents used by tests through the `python` backend, as a site owner would plug theirs in."""

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

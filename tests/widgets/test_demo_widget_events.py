"""The demo agent's /widget command and widget actions, driven directly (SPEC §9)."""

import copy
import json

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from chatkit import protocol as p
from chatkit.agents.base import AgentContext
from chatkit.agents.demo import DemoAgent
from chatkit.items import apply_update
from chatkit.sessions import Visitor
from widgets.gallery import gallery
from widgets.models import WidgetTemplate
from widgets.tree import components
from widgets.validation import validate_widget

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def agent_and_context(deployment):
    context = AgentContext(
        deployment=deployment, thread_id="thr_widgets", visitor=Visitor("anon:w")
    )
    return DemoAgent(deployment, {}), context


async def say(agent_and_context, text):
    agent, ctx = agent_and_context
    message = p.UserMessageItem(
        id="msg_user",
        thread_id=ctx.thread_id,
        created_at=timezone.now(),
        content=[p.InputText(text=text)],
    )
    return [event async for event in agent.respond(ctx, message)]


async def act(agent_and_context, action_type, payload, sender):
    agent, ctx = agent_and_context
    action = p.ActionInput(type=action_type, payload=payload)
    return [event async for event in agent.action(ctx, action, sender)]


def answer(events):
    [done] = [
        e for e in events if isinstance(e, p.ThreadItemDone) and e.item.type == "assistant_message"
    ]
    return done.item.content[0].text


def sender_for(name, case=None):
    widget_file = gallery()[name]
    widget = widget_file.render(widget_file.sample(case))
    item = p.WidgetItem(
        id="wdg_sender", thread_id="thr_widgets", created_at=timezone.now(), widget=widget
    )
    return item.dump()


async def test_widget_alone_lists_the_gallery(agent_and_context):
    events = await say(agent_and_context, "/widget")
    assert isinstance(events[0], p.ThreadItemAdded)
    assert any(isinstance(e, p.ThreadItemUpdated) for e in events)
    text = answer(events)
    assert text.startswith("## Widget gallery")
    for name in gallery():
        assert f"`{name}`" in text


async def test_widget_name_shows_the_template_with_its_sample_data(agent_and_context):
    [event] = await say(agent_and_context, "/widget order_status")
    assert isinstance(event, p.ThreadItemDone)
    assert event.item.type == "widget"
    assert event.item.widget == gallery()["order_status"].output_json_preview
    assert "Your order is on its way" in event.item.copy_text


@pytest.mark.parametrize("name", sorted(gallery()))
async def test_every_gallery_widget_can_be_shown(agent_and_context, name):
    events = await say(agent_and_context, f"/widget {name}")
    final = events[-1]
    assert isinstance(final, p.ThreadItemDone)
    assert validate_widget(final.item.widget) == []


async def test_an_unknown_name_lists_the_valid_ones(agent_and_context):
    text = answer(await say(agent_and_context, "/widget pie_chart"))
    assert text.startswith("There is no widget called `pie_chart`.")
    assert "`order_status`" in text


async def test_it_streams_text_into_a_widget(agent_and_context):
    events = await say(agent_and_context, "/widget support_ticket")
    added, *updates, done = events
    assert isinstance(added, p.ThreadItemAdded) and isinstance(done, p.ThreadItemDone)
    [summary] = [c for c in components(added.item.widget) if c.get("id") == "summary"]
    assert summary == {"type": "Markdown", "id": "summary", "value": "", "streaming": True}
    assert len(updates) > 10
    assert all(isinstance(u.update, p.WidgetStreamingTextDelta) for u in updates)
    assert [u.update.done for u in updates] == [False] * (len(updates) - 1) + [True]
    item = added.item.dump()
    for update in updates:
        assert update.item_id == added.item.id
        item = apply_update(item, update.update.dump())
    [streamed] = [c for c in components(item["widget"]) if c.get("id") == "summary"]
    [final] = [c for c in components(done.item.widget) if c.get("id") == "summary"]
    assert streamed["value"] == final["value"]
    assert streamed["streaming"] is False and "streaming" not in final
    assert done.item.id == added.item.id


async def test_a_studio_edit_shows_instead_of_the_built_in(agent_and_context):
    edited = copy.deepcopy(gallery()["confirmation"])
    edited.template = edited.template.replace('"size": "sm"', '"size": "lg"')
    template = await WidgetTemplate.objects.acreate(name="confirmation", title="Transfer")
    await sync_to_async(template.save_version)(edited)
    [event] = await say(agent_and_context, "/widget confirmation")
    assert event.item.widget["size"] == "lg"


async def test_a_form_submission_collapses_the_card_and_is_acknowledged(agent_and_context):
    sender = sender_for("booking_form")
    payload = {
        "restaurant": "Casa Azul",
        "booking": {"date": "2025-03-14", "time": "19:30", "guests": "4", "name": "Maria"},
    }
    events = await act(agent_and_context, "booking.submit", payload, sender)
    update = events[0]
    assert isinstance(update, p.ThreadItemUpdated) and update.item_id == "wdg_sender"
    widget = update.update.widget
    assert isinstance(update.update, p.WidgetRootUpdated)
    assert widget["collapsed"] is True and "confirm" not in widget
    assert widget["status"] == {
        "text": "Table booked: 4 guests on 2025-03-14 at 19:30",
        "icon": "check-circle-filled",
    }
    assert validate_widget(widget) == []
    text = answer(events)
    assert "`booking.submit`" in text
    assert json.dumps(payload["booking"]["time"]) in text


@pytest.mark.parametrize(
    ("name", "action", "payload"),
    [
        ("confirmation", "transfer.confirm", {"transfer_id": "tr_8F2K1"}),
        ("confirmation", "transfer.cancel", {"transfer_id": "tr_8F2K1"}),
        ("contact_form", "contact.submit", {"team": "sales", "contact": {"name": "Ana"}}),
        ("survey", "survey.submit", {"survey_id": "s", "rating": "good"}),
        ("support_ticket", "ticket.escalate", {"ticket_id": "#4821"}),
        ("support_ticket", "ticket.close", {"ticket_id": "#4821"}),
        (
            "calendar_slots",
            "slot.select",
            {"start": "2025-03-12T10:00:00Z", "label": "Wed, Mar 12 at 10:00"},
        ),
        ("weather", "weather.refresh", {"location": "Lisbon, Portugal"}),
        ("booking_form", "booking.cancel", {"restaurant": "Casa Azul"}),
    ],
)
async def test_actions_update_their_widget_validly(agent_and_context, name, action, payload):
    sender = sender_for(name)
    events = await act(agent_and_context, action, payload, sender)
    update = events[0]
    assert isinstance(update, p.ThreadItemUpdated)
    assert update.update.widget != sender["widget"]
    assert validate_widget(update.update.widget) == []
    assert f"`{action}`" in answer(events)


async def test_a_picked_slot_is_marked_and_the_others_disabled(agent_and_context):
    sender = sender_for("calendar_slots")
    start = "2025-03-12T10:00:00Z"
    events = await act(agent_and_context, "slot.select", {"start": start, "label": "Wed"}, sender)
    buttons = [c for c in components(events[0].update.widget) if c["type"] == "Button"]
    [picked] = [b for b in buttons if b["onClickAction"]["payload"]["start"] == start]
    assert picked["color"] == "success"
    assert all(b["disabled"] for b in buttons if b is not picked)


async def test_other_actions_are_acknowledged_with_their_payload(agent_and_context):
    events = await act(
        agent_and_context, "order.track", {"order_number": "#A-10482"}, sender_for("order_status")
    )
    assert not any(isinstance(e, p.ThreadItemUpdated) and e.item_id == "wdg_sender" for e in events)
    text = answer(events)
    assert "`order.track`" in text
    assert '"order_number": "#A-10482"' in text


async def test_an_faq_choice_is_answered(agent_and_context):
    payload = {
        "id": "returns",
        "question": "How do I return an item?",
        "answer": "Start a return from **Orders**.",
    }
    text = answer(await act(agent_and_context, "faq.open", payload, sender_for("faq_list")))
    assert "**How do I return an item?**" in text
    assert "Start a return from **Orders**." in text


async def test_it_never_echoes_a_password(agent_and_context):
    payload = {"source": "chat", "account": {"email": "a@b.example", "password": "hunter2hunter2"}}
    text = answer(await act(agent_and_context, "signup.submit", payload, sender_for("sign_up")))
    assert "hunter2" not in text
    assert '"password": "••••••••"' in text


async def test_an_action_without_a_sender_is_acknowledged(agent_and_context):
    events = await act(agent_and_context, "booking.submit", {}, None)
    assert all(not isinstance(e, p.ThreadItemUpdated) or e.item_id != "wdg_sender" for e in events)
    assert "`booking.submit`" in answer(events)


async def test_a_survey_choice_updates_the_widget_without_a_response(agent_and_context):
    agent, ctx = agent_and_context
    sender = sender_for("survey", "Unanswered")
    action = p.ActionInput(type="survey.select", payload={"survey_id": "s", "value": "okay"})
    updated = await agent.sync_action(ctx, action, sender)
    assert updated["id"] == sender["id"]
    [group] = [c for c in components(updated["widget"]) if c["type"] == "RadioGroup"]
    assert group["defaultValue"] == "okay"
    assert "You picked: Okay" in updated["copy_text"]
    assert p.WidgetItem.model_validate(updated)


async def test_a_checkbox_change_updates_the_widget(agent_and_context):
    agent, ctx = agent_and_context
    sender = sender_for("shipment_tracking")
    action = p.ActionInput(
        type="shipment.notify", payload={"tracking_number": "SP", "notify": True}
    )
    updated = await agent.sync_action(ctx, action, sender)
    [checkbox] = [c for c in components(updated["widget"]) if c["type"] == "Checkbox"]
    assert checkbox["defaultChecked"] is True


async def test_a_period_change_redraws_the_chart(agent_and_context):
    agent, ctx = agent_and_context
    sender = sender_for("metrics_chart")
    action = p.ActionInput(type="metrics.period", payload={"value": "90d"})
    updated = await agent.sync_action(ctx, action, sender)
    [chart] = [c for c in components(updated["widget"]) if c["type"] == "Chart"]
    assert len(chart["data"]) == 13
    [select] = [c for c in components(updated["widget"]) if c["type"] == "Select"]
    assert select["defaultValue"] == "90d"


@pytest.mark.parametrize(
    ("action_type", "payload"),
    [
        ("order.track", {}),
        ("survey.select", {"value": "nope"}),
        ("metrics.period", {"value": "1y"}),
        ("shipment.notify", {"value": "yes"}),
    ],
)
async def test_sync_actions_it_cannot_apply_change_nothing(agent_and_context, action_type, payload):
    agent, ctx = agent_and_context
    sender = sender_for("survey" if action_type == "survey.select" else "shipment_tracking")
    assert (
        await agent.sync_action(ctx, p.ActionInput(type=action_type, payload=payload), sender)
        is None
    )

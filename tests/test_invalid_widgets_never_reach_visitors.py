import pytest
from channels.db import database_sync_to_async

from chatkit.models import ThreadItem
from tests.agents import VALID_CARD
from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)

HOSTILE = {"type": "Card", "children": [{"type": "Image", "src": "javascript:alert(1)"}]}


async def deployment_with(make_deployment, **options):
    return await database_sync_to_async(make_deployment)(
        agent="python", agent_config={"path": "tests.agents:WidgetAgent", "options": options}
    )


async def test_it_passes_a_valid_widget(chat, make_deployment):
    deployment = await deployment_with(make_deployment)
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("show")))
    widgets = [
        e["item"]
        for e in events(frames)
        if e["type"] == "thread.item.done" and e["item"]["type"] == "widget"
    ]
    assert widgets[0]["widget"] == VALID_CARD
    assert widgets[0]["copy_text"] == "a widget"


async def test_it_replaces_an_invalid_widget_with_an_error(chat, make_deployment):
    deployment = await deployment_with(make_deployment, widget=HOSTILE)
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("show")))
    assert "javascript:" not in str(frames)
    error = next(e for e in events(frames) if e["type"] == "error")
    assert error["message"] == "The assistant sent a widget that cannot be shown."
    # The rest of the answer still arrives.
    assert events(frames)[-1]["item"]["content"][0]["text"] == "after the widget"
    stored = await database_sync_to_async(
        lambda: list(ThreadItem.objects.values_list("type", flat=True))
    )()
    assert "widget" not in stored


async def test_it_refuses_an_invalid_widget_from_a_sync_action(chat, make_deployment):
    deployment = await deployment_with(make_deployment, sync_widget=HOSTILE)
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("show")))
    thread_id = frames[0]["thread_id"]
    widget_id = next(
        e["item"]["id"]
        for e in events(frames)
        if e["type"] == "thread.item.done" and e["item"]["type"] == "widget"
    )
    frame = await client.request(
        "threads.sync_custom_action",
        {"thread_id": thread_id, "item_id": widget_id, "action": {"type": "toggle", "payload": {}}},
    )
    assert frame["error"]["code"] == "internal"
    stored = await database_sync_to_async(
        lambda: ThreadItem.objects.get(pk=widget_id).data["widget"]
    )()
    assert stored == VALID_CARD


@pytest.mark.parametrize("change", ["component", "huge_text"])
async def test_it_refuses_in_place_changes_that_break_a_widget(chat, make_deployment, change):
    deployment = await database_sync_to_async(make_deployment)(
        agent="python",
        agent_config={"path": "tests.agents:WidgetUpdatesAgent", "options": {"change": change}},
    )
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("go")))
    assert "javascript:" not in str(frames)
    assert any(e["type"] == "error" for e in events(frames))
    stored = await database_sync_to_async(
        lambda: ThreadItem.objects.get(type="widget").data["widget"]
    )()
    assert len(str(stored)) < 262_144
    assert stored["children"][0]["type"] == "Text"


async def test_it_streams_text_into_a_widget(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        agent="python", agent_config={"path": "tests.agents:WidgetUpdatesAgent"}
    )
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("go")))
    done = [e for e in events(frames) if e["type"] == "thread.item.done"][-1]["item"]
    assert done["widget"]["children"][0] == {
        "type": "Text",
        "id": "t",
        "value": "Hello",
        "streaming": False,
    }

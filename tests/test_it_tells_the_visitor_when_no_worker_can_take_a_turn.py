"""With CHATKIT_EXECUTOR=workers, a turn the channel layer refuses (Redis down, or the
workers so far behind that their queue is full) ends at once with a retryable error: the
visitor's message is kept, and the thread is free again."""

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.test import override_settings

from chatkit.models import Response, Thread, ThreadItem
from chatkit.responses import RESPONSES_CHANNEL
from chatkit.responses.runner import INTERRUPTED
from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)

FULL_LAYER = {
    "default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 1}}
}


@override_settings(CHATKIT_EXECUTOR="workers", CHANNEL_LAYERS=FULL_LAYER)
async def test_a_refused_turn_ends_with_retry(chat, deployment):
    await get_channel_layer().send(RESPONSES_CHANNEL, {"type": "response.run", "turn": {}})
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("anyone there?"))
    frames = await client.until_done(rid)
    thread_id = frames[0]["thread_id"]
    streamed = events(frames)
    assert streamed[-1] == {
        "type": "error",
        "code": "stream.error",
        "message": INTERRUPTED,
        "allow_retry": True,
    }

    def stored():
        return (
            list(Response.objects.filter(thread_id=thread_id).values_list("outcome", "error_code")),
            Thread.objects.get(pk=thread_id).running_response,
            ThreadItem.objects.filter(thread_id=thread_id, type="user_message").count(),
        )

    assert await database_sync_to_async(stored)() == ([("error", "interrupted")], "", 1)

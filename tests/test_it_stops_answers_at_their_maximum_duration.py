"""Every answer has a maximum duration (CHATKIT_MAX_ANSWER_SECONDS): reached, it stops
cleanly, keeping what it said, with a retryable error, and frees the thread."""

import pytest
from channels.db import database_sync_to_async
from django.test import override_settings

from chatkit.agents.demo import slow_answer
from chatkit.models import Response, Thread
from chatkit.responses.runner import TIMED_OUT
from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(CHATKIT_MAX_ANSWER_SECONDS=1)
async def test_it_stops_an_answer_that_runs_too_long(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("/slow"))
    frames = await client.until_done(rid, timeout=10)
    thread_id = frames[0]["thread_id"]
    streamed = events(frames)
    error = streamed[-1]
    assert error == {
        "type": "error",
        "code": "stream.error",
        "message": TIMED_OUT,
        "allow_retry": True,
    }
    done = [e for e in streamed if e["type"] == "thread.item.done"][-1]["item"]
    assert 0 < len(done["content"][0]["text"]) < len(slow_answer())
    assert slow_answer().startswith(done["content"][0]["text"])

    def stored():
        response = Response.objects.get(thread_id=thread_id)
        return (
            response.outcome,
            response.error_code,
            Thread.objects.get(pk=thread_id).running_response,
        )

    assert await database_sync_to_async(stored)() == ("error", "timed_out", "")

"""The OpenAI-compatible backend against a real local server speaking chat completions SSE."""

import pytest
from channels.db import database_sync_to_async

from tests.agent_servers import openai_server
from tests.conftest import events, message, text_of_answer

pytestmark = pytest.mark.django_db(transaction=True)


async def deployment_for(make_deployment, base_url, **extra):
    config = {"base_url": base_url, "model": "test-model", "api_key": "sk-test", **extra}
    return await database_sync_to_async(make_deployment)(agent="openai", agent_config=config)


async def test_it_streams_the_model_answer_token_by_token(chat, make_deployment):
    words = ["Hello", " there", ",", " traveller", "."]
    with openai_server(words) as (url, recorder):
        deployment = await deployment_for(
            make_deployment, url, system_prompt="Be brief.", temperature=0.2
        )
        client = await chat()
        await client.auth(deployment)
        frames = await client.until_done(await client.send("threads.create", message("Hi!")))
        thread_id = frames[0]["thread_id"]
        deltas = [
            e["update"]["delta"] for e in events(frames) if e["type"] == "thread.item.updated"
        ]
        assert deltas == words
        assert text_of_answer(frames) == "Hello there, traveller."
        request = recorder.requests[0]
        assert request["path"] == "/v1/chat/completions"
        assert request["headers"]["Authorization"] == "Bearer sk-test"
        assert request["body"]["model"] == "test-model"
        assert request["body"]["stream"] is True
        assert request["body"]["temperature"] == 0.2
        assert request["body"]["messages"] == [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi!"},
        ]
        await client.until_done(
            await client.send(
                "threads.add_user_message", {"thread_id": thread_id, **message("And?")}
            )
        )
        assert recorder.requests[1]["body"]["messages"][1:] == [
            {"role": "user", "content": "Hi!"},
            {"role": "assistant", "content": "Hello there, traveller."},
            {"role": "user", "content": "And?"},
        ]


@pytest.mark.parametrize(
    ("status", "expected"),
    [(401, "authentication failed"), (429, "busy right now"), (500, "HTTP 500")],
)
async def test_it_turns_http_failures_into_retryable_errors(
    chat, make_deployment, status, expected
):
    with openai_server([], status=status) as (url, _):
        deployment = await deployment_for(make_deployment, url)
        client = await chat()
        await client.auth(deployment)
        frames = await client.until_done(await client.send("threads.create", message("Hi")))
        error = next(e for e in events(frames) if e["type"] == "error")
        assert expected in error["message"]
        assert error["allow_retry"] is True
        assert "sk-test" not in str(frames)


async def test_it_refuses_a_malformed_stream(chat, make_deployment):
    with openai_server(["partial"], garbage=True) as (url, _):
        deployment = await deployment_for(make_deployment, url)
        client = await chat()
        await client.auth(deployment)
        frames = await client.until_done(await client.send("threads.create", message("Hi")))
        kinds = [e["type"] for e in events(frames)]
        assert "error" in kinds
        # What arrived before the failure is kept, finished, not lost.
        assert text_of_answer(frames) == "partial"


async def test_it_reports_an_unreachable_server(chat, make_deployment):
    deployment = await deployment_for(make_deployment, "http://127.0.0.1:9/v1")
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("Hi")))
    error = next(e for e in events(frames) if e["type"] == "error")
    assert error["message"] == "The assistant could not be reached. Please try again."


async def test_it_stops_the_upstream_request_on_cancel(chat, make_deployment):
    with openai_server(["tick "] * 200, delay=0.02) as (url, _):
        deployment = await deployment_for(make_deployment, url)
        client = await chat()
        await client.auth(deployment)
        rid = await client.send("threads.create", message("count"))
        seen = []
        while sum(1 for f in seen if f.get("event", {}).get("type") == "thread.item.updated") < 3:
            seen.append(await client.recv())
        await client.send("threads.cancel", {"thread_id": seen[0]["thread_id"]})
        rest = await client.until_done(rid)
        assert text_of_answer(seen + rest).count("tick") < 200

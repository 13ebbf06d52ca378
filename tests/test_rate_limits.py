"""Rate limits hold under a burst from one visitor while another chats normally."""

import pytest
from channels.db import database_sync_to_async

from chatkit import ratelimit
from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)


async def test_it_limits_a_bursting_visitor_and_not_the_others(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        rate_limits={"messages_per_minute": 3}
    )
    burst = await chat()
    await burst.auth(deployment, "anon:burst")
    thread_id = None
    for n in range(3):
        if thread_id is None:
            frames = await burst.until_done(await burst.send("threads.create", message(f"m{n}")))
            thread_id = frames[0]["thread_id"]
        else:
            await burst.until_done(
                await burst.send(
                    "threads.add_user_message", {"thread_id": thread_id, **message(f"m{n}")}
                )
            )
    refused = await burst.request(
        "threads.add_user_message", {"thread_id": thread_id, **message("one too many")}
    )
    error = refused["error"]
    assert error["code"] == "rate_limited"
    assert 1 <= error["retry_after"] <= 60
    assert f"try again in {error['retry_after']} s" in error["message"]
    items = (await burst.request("items.list", {"thread_id": thread_id}))["result"]["data"]
    assert "one too many" not in str(items)

    calm = await chat()
    await calm.auth(deployment, "anon:calm")
    frames = await calm.until_done(await calm.send("threads.create", message("hello")))
    assert events(frames)[-1]["type"] == "thread.item.done"


async def test_it_limits_concurrent_streams_per_visitor(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        rate_limits={"concurrent_streams": 1}
    )
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("/slow"))
    first = await client.recv()
    await client.send("threads.create", message("another thread"))
    frame = await client.recv()
    while "error" not in frame:
        frame = await client.recv()
    assert frame["error"]["code"] == "rate_limited"
    assert frame["error"]["scope"] == "concurrent_streams"
    await client.send("threads.cancel", {"thread_id": first["thread_id"]})
    await client.until_done(rid)


async def test_it_limits_the_whole_deployment(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        rate_limits={"deployment_messages_per_minute": 2}
    )
    for n in range(2):
        client = await chat()
        await client.auth(deployment, f"anon:v{n}")
        await client.until_done(await client.send("threads.create", message("hi")))
    late = await chat()
    await late.auth(deployment, "anon:late")
    assert (await late.request("threads.create", message("hi")))["error"]["scope"] == "deployment"


def test_the_window_slides_instead_of_resetting():
    start = 1_000_000 * 60.0
    for n in range(5):
        ratelimit.hit("test", "k", 5, now=start + n)
    with pytest.raises(ratelimit.Limited) as refused:
        ratelimit.hit("test", "k", 5, now=start + 59)
    assert refused.value.retry_after == 1
    # Right after the boundary the previous minute still counts almost fully.
    with pytest.raises(ratelimit.Limited) as refused:
        ratelimit.hit("test", "k", 5, now=start + 61)
    assert 1 <= refused.value.retry_after <= 12
    ratelimit.hit("test", "k", 5, now=start + 60 + 13)

"""`threads.resume` replays from the store, so a connection gets a bounded number of them;
the next one is refused with `rate_limited` and the connection stays usable."""

import pytest

from chatkit.consumers import RESUMES_PER_WINDOW
from tests.conftest import message

pytestmark = pytest.mark.django_db(transaction=True)


async def test_it_refuses_resumes_past_the_limit(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("hi"))
    thread_id = (await client.until_done(rid))[0]["thread_id"]
    for _ in range(RESUMES_PER_WINDOW):
        rid = await client.send("threads.resume", {"thread_id": thread_id, "after_seq": 0})
        frames = await client.until_done(rid)
        assert frames[-1]["done"] is True
    refused = await client.request("threads.resume", {"thread_id": thread_id, "after_seq": 0})
    assert refused["error"]["code"] == "rate_limited"
    assert refused["error"]["scope"] == "resume"
    assert 1 <= refused["error"]["retry_after"] <= 61
    assert (await client.request("ping"))["result"] == {}

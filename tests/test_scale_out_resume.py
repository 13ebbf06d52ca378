"""Two Daphne processes on PostgreSQL and Redis, answers run in the web process that was
asked (the embedded executor): a response started on one is followed, resumed and
stopped from the other (SPEC §7: "from any server process")."""

import pytest

from tests.cluster import demo_session, drop_database, needs_postgres_and_redis, start_cluster
from tests.live_chat import LiveChat, message

pytestmark = needs_postgres_and_redis


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    cluster, name = start_cluster(tmp_path_factory.mktemp("scale"))
    try:
        cluster.start_web()
        cluster.start_web()
        yield cluster
    finally:
        cluster.stop()
        drop_database(name)


async def test_it_follows_and_stops_a_response_from_another_process(two_servers):
    first, second = two_servers.ports
    token = demo_session(two_servers.env, "anon:follower")
    owner = await LiveChat.connect(first, token)
    ask = await owner.send("threads.create", message("/slow"))
    started = [await owner.recv() for _ in range(10)]
    thread_id = started[0]["thread_id"]

    watcher = await LiveChat.connect(second, token)
    follow = await watcher.send("threads.resume", {"thread_id": thread_id, "after_seq": 3})
    watched = []
    while sum(1 for f in watched if f.get("event", {}).get("type") == "thread.item.updated") < 25:
        watched.append(await watcher.recv(10))
    await watcher.send("threads.cancel", {"thread_id": thread_id})

    owned = started + await owner.until_done(ask)
    watched += await watcher.until_done(follow)
    assert owned[-1]["done"] and watched[-1]["done"]
    expected = [(f["seq"], f["event"]) for f in owned if "seq" in f and f["seq"] > 3]
    assert [(f["seq"], f["event"]) for f in watched if "seq" in f] == expected
    final = expected[-1][1]
    assert final["type"] == "thread.item.done"
    assert "That is the end of the slow answer" not in final["item"]["content"][0]["text"]
    await owner.close()
    await watcher.close()

"""A follower sends every stored event exactly once, in order, whatever the bus brings:
events it never heard of are read from the store, repeats are dropped, and before `done` it
reads the store once more."""

import asyncio
import time

import pytest
from channels.db import database_sync_to_async

from chatkit import store
from chatkit.responses.follower import MAX_WAITING, Follower
from chatkit.sessions import Session, Visitor

pytestmark = pytest.mark.django_db(transaction=True)


def delta(n: int) -> dict:
    return {"type": "progress_update", "text": f"step {n}"}


def seeded(deployment, count: int) -> tuple[str, list[dict]]:
    session = Session(deployment.pk, deployment.key_version, Visitor("anon:a"), time.time() + 60)
    thread = store.create_thread(session)
    batch = [delta(n) for n in range(count)]
    store.append_events(thread.id, "seed", batch, {})
    return thread.id, batch


class Recorder:
    def __init__(self) -> None:
        self.seqs: list[int] = []
        self.done = asyncio.Event()
        self.failure: BaseException | None = None

    async def send_events(self, request_id, thread_id, events):
        self.seqs += [seq for seq, _ in events]

    async def send_done(self, request_id, thread_id):
        self.done.set()

    async def room(self):
        return None

    async def ended(self, follower, failure):
        self.failure = failure


def follower(thread_id: str, recorder: Recorder, after_seq: int, replay: bool) -> Follower:
    return Follower(
        thread_id=thread_id,
        request_id="r",
        after_seq=after_seq,
        response_id="resp_x",
        replay=replay,
        send_events=recorder.send_events,
        send_done=recorder.send_done,
        room=recorder.room,
        on_end=recorder.ended,
    )


async def test_it_reads_what_the_bus_lost_and_drops_repeats(deployment):
    thread_id, events = await database_sync_to_async(seeded)(deployment, 30)
    recorder = Recorder()
    following = follower(thread_id, recorder, after_seq=5, replay=False)
    following.start()
    following.push(21, events[20:25])  # 6..20 never arrived
    following.push(21, events[20:25])  # a repeat
    following.push(29, events[28:29])  # 26..28 lost too
    following.finish("resp_x", None)  # and the end arrives without the last event
    await asyncio.wait_for(recorder.done.wait(), 10)
    assert recorder.failure is None
    assert recorder.seqs == list(range(6, 31))


async def test_a_follower_that_falls_behind_reads_from_the_store(deployment):
    thread_id, events = await database_sync_to_async(seeded)(deployment, MAX_WAITING + 50)
    recorder = Recorder()
    following = follower(thread_id, recorder, after_seq=0, replay=False)
    for n, event in enumerate(events):  # more than it may keep waiting, all at once
        following.push(n + 1, [event])
    following.start()
    following.finish("resp_x", len(events))
    await asyncio.wait_for(recorder.done.wait(), 20)
    assert recorder.seqs == list(range(1, len(events) + 1))


def test_it_ignores_the_end_of_another_answer():
    recorder = Recorder()
    following = follower("thr_x", recorder, after_seq=0, replay=True)
    following.finish("resp_other", None)  # a late word about the thread's previous answer
    assert not following._ending
    following.finish("resp_x", 3)
    assert following._ending

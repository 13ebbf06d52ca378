"""Memory of one server process while a client asks for 1,500 replays and reads nothing.

Each `threads.resume` of a thread with a finished `/slow` answer replays ~330 events. The
baseline is the same process's memory before the flood; the figure that matters is where it
stands during the flood and once the client is gone.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time

import websockets

from bench.server import running_process
from bench.ttft import session

RESUMES = 1_500


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def measure(url: str, pid: int) -> dict[str, float]:
    ws_url = url.replace("http", "ws", 1) + "/ws/chat/"
    token = session(url)
    async with websockets.connect(ws_url, origin=url) as ws:
        await ws.send(json.dumps({"id": "a", "type": "session.auth", "params": {"token": token}}))
        await ws.recv()
        content = {"input": {"content": [{"type": "input_text", "text": "/slow"}]}}
        await ws.send(json.dumps({"id": "q", "type": "threads.create", "params": content}))
        thread_id = None
        while True:
            frame = json.loads(await ws.recv())
            thread_id = thread_id or frame.get("thread_id")
            if frame.get("done"):
                break
    before = rss_mib(pid)

    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
    ws = await websockets.connect(ws_url, origin=url, sock=sock, max_size=None)
    await ws.send(json.dumps({"id": "a", "type": "session.auth", "params": {"token": token}}))
    await ws.recv()
    ws.transport.pause_reading()
    for n in range(RESUMES):
        params = {"thread_id": thread_id, "after_seq": 0}
        await ws.send(json.dumps({"id": f"r{n}", "type": "threads.resume", "params": params}))
    peak = before
    for _ in range(50):
        await asyncio.sleep(0.2)
        peak = max(peak, rss_mib(pid))
    ws.transport.abort()
    await asyncio.sleep(3)
    return {"before": before, "peak": peak, "after": rss_mib(pid)}


def main() -> None:
    with running_process() as (url, process):
        started = time.perf_counter()
        result = asyncio.run(measure(url, process.pid))
    print(f"one process, {RESUMES:,} unread resumes of a {330}-event thread")
    print(f"  RSS before   {result['before']:7.1f} MiB  (baseline)")
    print(f"  RSS peak     {result['peak']:7.1f} MiB  (+{result['peak'] - result['before']:.1f})")
    print(f"  RSS after    {result['after']:7.1f} MiB  (+{result['after'] - result['before']:.1f})")
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()

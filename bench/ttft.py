"""Time to first token of the demo agent over a loopback websocket (median of 20).

Baseline: a `ping` round trip on the same socket, the floor any answer pays.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
import urllib.request

import websockets

from bench.server import running_server

RUNS = 20


def session(url: str) -> str:
    request = urllib.request.Request(
        url + "/api/sessions",
        data=json.dumps({"deployment": "pk_demo"}).encode(),
        headers={"Content-Type": "application/json", "Origin": url},
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


async def measure(url: str) -> dict[str, list[float]]:
    ws_url = url.replace("http", "ws", 1) + "/ws/chat/"
    async with websockets.connect(ws_url, origin=url) as ws:
        await ws.send(
            json.dumps({"id": "a", "type": "session.auth", "params": {"token": session(url)}})
        )
        await ws.recv()
        pings, firsts, tokens = [], [], []
        thread_id = None
        for n in range(RUNS + 2):
            started = time.perf_counter()
            await ws.send(json.dumps({"id": f"p{n}", "type": "ping", "params": {}}))
            await ws.recv()
            ping = time.perf_counter() - started

            content = {"input": {"content": [{"type": "input_text", "text": f"question {n}"}]}}
            if thread_id is None:
                request = {"id": f"q{n}", "type": "threads.create", "params": content}
            else:
                request = {
                    "id": f"q{n}",
                    "type": "threads.add_user_message",
                    "params": {"thread_id": thread_id, **content},
                }
            started = time.perf_counter()
            await ws.send(json.dumps(request))
            first_event = first_token = None
            while True:
                frame = json.loads(await ws.recv())
                now = time.perf_counter() - started
                if "error" in frame:
                    raise RuntimeError(f"the server refused the benchmark: {frame['error']}")
                if first_event is None:
                    first_event = now
                thread_id = frame.get("thread_id", thread_id)
                event = frame.get("event", {})
                if first_token is None and event.get("type") == "thread.item.updated":
                    first_token = now
                if frame.get("done"):
                    break
            if n >= 2:  # the first two warm up imports and caches
                pings.append(ping)
                firsts.append(first_event)
                tokens.append(first_token)
        return {"ping": pings, "first_event": firsts, "first_token": tokens}


def main() -> None:
    with running_server() as url:
        results = asyncio.run(measure(url))
    ping = statistics.median(results["ping"]) * 1000
    print(f"time to first token, demo agent, loopback, SQLite, median of {RUNS}:")
    for name in ("ping", "first_event", "first_token"):
        values = sorted(v * 1000 for v in results[name])
        median = statistics.median(values)
        p90 = values[int(len(values) * 0.9) - 1]
        print(
            f"  {name:<12} median {median:7.2f} ms   p90 {p90:7.2f} ms   x{median / ping:6.1f} of ping"
        )


if __name__ == "__main__":
    main()

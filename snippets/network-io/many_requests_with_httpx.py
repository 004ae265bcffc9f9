import asyncio
import math
import time

import httpx
from _local_http_server import LocalServer


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def fetch(
    client: httpx.AsyncClient,
    page: int,
    limit: asyncio.Semaphore,
    start: float,
) -> tuple[str, float, float]:
    async with limit:  # at most three requests in flight
        begin = since(start)
        response = await client.get(f"/page/{page}")
        return response.text, begin, since(start)


async def main() -> None:
    local = LocalServer()
    limit = asyncio.Semaphore(3)
    pages = [3, 5, 2, 4, 3, 1]
    async with await local.start() as server:
        port = server.sockets[0].getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=url) as client:
            await client.get("/page/0")  # the first request sets the client up
            start = time.perf_counter()
            async with asyncio.TaskGroup() as group:  # ends before the client
                tasks = [
                    group.create_task(fetch(client, page, limit, start))
                    for page in pages
                ]
    results = [task.result() for task in tasks]
    for number, (text, begin, end) in enumerate(results, start=1):
        print(f"request {number}: {text} from {begin:.1f} s to {end:.1f} s")
    print(f"most requests the server handled at once: {local.most_busy}")


asyncio.run(main())

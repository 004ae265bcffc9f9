import asyncio

import httpx
from _local_http_server import LocalServer


async def main() -> None:
    async with httpx.AsyncClient() as client:
        limit = client.timeout  # what every client gets unless told
        print(
            f"seconds for each step: connect {limit.connect}, "
            f"read {limit.read}, write {limit.write}, pool {limit.pool}"
        )
    local = LocalServer()
    async with await local.start() as server:
        port = server.sockets[0].getsockname()[1]
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}",
            limits=httpx.Limits(max_connections=1),  # one at a time
            timeout=httpx.Timeout(2.0, pool=0.2),  # 0.2 s to get one
        ) as client:
            slow = asyncio.create_task(client.get("/page/5"))  # 0.5 s
            await asyncio.sleep(0.1)  # it holds the only connection
            try:
                await client.get("/page/1")
            except httpx.PoolTimeout as error:
                print(f"the second request: {type(error).__name__}")
            print(f"the first request: {(await slow).text}")


asyncio.run(main())

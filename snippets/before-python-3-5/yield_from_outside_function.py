import asyncio

yield from asyncio.sleep(0.1)

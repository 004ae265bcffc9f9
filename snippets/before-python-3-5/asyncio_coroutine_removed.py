import asyncio


@asyncio.coroutine  # the pre-3.5 way to mark a generator as a coroutine
def old_style_pause():
    yield from asyncio.sleep(0.1)

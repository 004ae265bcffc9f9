import asyncio


async def save() -> None:
    try:
        await asyncio.sleep(0.5)
        print("save: written")
    except asyncio.CancelledError:
        print("save: cancelled half-way by asyncio.run")
        raise


async def main() -> None:
    saving = asyncio.create_task(save())
    try:
        async with asyncio.timeout(0.1):
            await asyncio.shield(saving)
    except TimeoutError:
        print("main: stopped waiting; the save goes on, shielded")
    # main returns here, with the save still running


asyncio.run(main())

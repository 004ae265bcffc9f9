import asyncio


async def slow_answer() -> str:
    try:
        await asyncio.sleep(1)
        return "answer"
    except asyncio.CancelledError:
        print("slow_answer was cancelled")
        raise


async def main() -> None:
    try:
        print(await asyncio.wait_for(slow_answer(), timeout=0.2))
    except TimeoutError:
        print("wait_for raised TimeoutError after cancelling the work")


asyncio.run(main())

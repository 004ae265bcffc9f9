import asyncio


async def job() -> str:
    print("the job's body runs")
    return "done"


async def main() -> None:
    task = asyncio.create_task(job())
    task.cancel()  # before the loop had a chance to start it
    try:
        await task
    except asyncio.CancelledError:
        print(f"cancelled: {task.cancelled()}; the body never ran")


asyncio.run(main())

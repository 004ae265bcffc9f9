import asyncio


async def fail_soon() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("a child failed")


async def main() -> None:
    task = asyncio.current_task()
    assert task is not None
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail_soon())
            try:
                await asyncio.sleep(1)  # the body of the block
            except asyncio.CancelledError:
                print(
                    f"body cancelled by the group: cancelling() = "
                    f"{task.cancelling()}"
                )
                raise
    except* ValueError as part:
        print(
            f"the group raised {part.exceptions}; cancelling() = "
            f"{task.cancelling()}"
        )


asyncio.run(main())

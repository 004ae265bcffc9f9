import asyncio


async def cached_lookup() -> str:
    return "hit"  # returns at once: nothing to wait for


async def worker(switch: bool) -> None:
    done = asyncio.get_running_loop().create_future()
    done.set_result("ready")  # a future that is already done
    for step in range(3):
        await cached_lookup()  # neither await gives up control ...
        await done
        if switch:
            await asyncio.sleep(0)  # ... this one always does
        print(f"  worker: step {step}")


async def other() -> None:
    for _ in range(3):
        print("  other: my turn")
        await asyncio.sleep(0)


async def main() -> None:
    for switch in (False, True):
        print(f"with sleep(0): {switch}")
        async with asyncio.TaskGroup() as group:
            group.create_task(worker(switch))
            group.create_task(other())


asyncio.run(main())

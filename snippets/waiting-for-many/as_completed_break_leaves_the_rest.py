import asyncio

MIRRORS = {"eu": 0.3, "us": 0.1, "asia": 0.2}


async def fetch(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    print(f"  {name}: done")
    return name


async def first_of_coroutines() -> None:
    jobs = [fetch(name, seconds) for name, seconds in MIRRORS.items()]
    for finished in asyncio.as_completed(jobs):
        print(f"  first answer: {await finished}")
        break  # the others run on, and we hold nothing to cancel them with


async def first_of_tasks() -> None:
    tasks = [
        asyncio.create_task(fetch(name, seconds))
        for name, seconds in MIRRORS.items()
    ]
    for finished in asyncio.as_completed(tasks):
        print(f"  first answer: {await finished}")
        print(f"  one of our tasks? {finished in tasks}")
        break
    for task in tasks:
        task.cancel()  # does nothing to the one that is done


async def main() -> None:
    print("given coroutines:")
    await first_of_coroutines()
    await asyncio.sleep(0.4)
    print("given tasks, cancelled after the break:")
    await first_of_tasks()
    await asyncio.sleep(0.4)


asyncio.run(main())

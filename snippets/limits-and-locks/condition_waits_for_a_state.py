import asyncio


async def packer(box: list[str], changed: asyncio.Condition) -> None:
    def full() -> bool:
        print(f"packer: checks, {len(box)} in the box")
        return len(box) >= 3

    async with changed:
        await changed.wait_for(full)  # checks now, then on every notify
        print(f"packer: a full box: {box}")


async def main() -> None:
    box: list[str] = []
    changed = asyncio.Condition()
    packing = asyncio.create_task(packer(box, changed))
    for item in ["cup", "plate", "bowl"]:
        await asyncio.sleep(0.1)
        async with changed:
            box.append(item)
            print(f"main: added {item}")
            changed.notify_all()  # wake the waiters to check again
    await packing


asyncio.run(main())

import asyncio

balance = 100
lock = asyncio.Lock()


async def withdraw(amount: int) -> None:
    global balance
    async with lock:  # read, wait and write as one step
        seen = balance
        await asyncio.sleep(0.1)
        balance = seen - amount


async def main() -> None:
    await asyncio.gather(withdraw(30), withdraw(50))
    print(f"balance: {balance} (should be {100 - 30 - 50})")


asyncio.run(main())

import asyncio

balance = 100


async def withdraw(amount: int) -> None:
    global balance
    seen = balance  # read...
    await asyncio.sleep(0.1)  # ...wait on something (a database, say)...
    balance = seen - amount  # ...and write back what was read before


async def main() -> None:
    await asyncio.gather(withdraw(30), withdraw(50))
    print(f"balance: {balance} (should be {100 - 30 - 50})")


asyncio.run(main())

import asyncio
from concurrent.futures import InterpreterPoolExecutor  # 3.14+


def count_primes(limit: int) -> int:
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )


async def main() -> None:
    loop = asyncio.get_running_loop()
    with InterpreterPoolExecutor(max_workers=2) as pool:
        counts = await asyncio.gather(
            *(loop.run_in_executor(pool, count_primes, n) for n in (10, 100))
        )
    print("primes below 10 and 100:", counts)


asyncio.run(main())

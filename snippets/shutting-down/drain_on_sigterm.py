import asyncio
import os
import signal


async def job(number: int) -> None:
    try:
        await asyncio.sleep(number / 10)
        print(f"job {number}: done")
    except asyncio.CancelledError:
        print(f"job {number}: cancelled, cleaning up")
        raise


async def main() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)  # Unix only
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)
    jobs = {asyncio.create_task(job(number)) for number in (2, 3, 9)}
    await stop.wait()
    print("SIGTERM: no new work; the jobs in flight get 0.4 s")
    done, late = await asyncio.wait(jobs, timeout=0.4)
    for task in late:
        task.cancel()
    if late:
        await asyncio.wait(late)
    print(f"stopped cleanly: {len(done)} finished, {len(late)} cancelled")


asyncio.run(main())

import asyncio
import os
import threading
import time


class Peak:
    """How many threads were inside `wait` at the same time, at most."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = 0

    def wait(self) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(0.2)
        with self.lock:
            self.now -= 1


async def main(peak: Peak) -> None:
    await asyncio.gather(*(asyncio.to_thread(peak.wait) for _ in range(40)))


os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # use one CPU (Linux)
peak = Peak()
asyncio.run(main(peak))
machine, usable = os.cpu_count() or 1, len(os.sched_getaffinity(0))
print("min(32, the machine's CPUs + 4):", peak.most == min(32, machine + 4))
print("min(32, the CPUs it may use + 4):", peak.most == min(32, usable + 4))

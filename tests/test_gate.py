"""The gate that bounds a build's runs: shared places, and runs declared ``alone``.

``Gate`` is what makes ``alone`` mean alone, and what keeps hundreds of
waiting runs to a bound. These tests drive it directly with asyncio tasks
that record what they see; the end-to-end check (an ``alone`` snippet in a
real build) is in ``test_build_cache.py``.
"""

from __future__ import annotations

import asyncio
import random

from sitebuild.scheduling import Gate


def test_shared_holders_never_exceed_the_limit_and_every_waiter_gets_in() -> None:
    async def scenario() -> tuple[int, int]:
        gate = Gate(4)
        inside = most = done = 0

        async def holder(number: int) -> None:
            nonlocal inside, most, done
            async with gate.shared():
                inside += 1
                most = max(most, inside)
                for _ in range(number % 3):  # holders leave in a mixed order
                    await asyncio.sleep(0)
                inside -= 1
                done += 1

        await asyncio.wait_for(asyncio.gather(*(holder(n) for n in range(300))), 10)
        return most, done

    assert asyncio.run(scenario()) == (4, 300)


def test_exclusive_waits_for_the_holders_and_holds_back_later_ones() -> None:
    async def scenario() -> list[str]:
        gate = Gate(4)
        events: list[str] = []
        release = asyncio.Event()

        async def shared(name: str, hold: asyncio.Event | None = None) -> None:
            async with gate.shared():
                events.append(f"{name} in")
                if hold is not None:
                    await hold.wait()
                events.append(f"{name} out")

        async def exclusive() -> None:
            async with gate.exclusive():
                events.append("alone in")
                await asyncio.sleep(0.01)
                events.append("alone out")

        first = [asyncio.create_task(shared(f"s{n}", release)) for n in (1, 2)]
        await asyncio.sleep(0.01)  # both hold their places
        alone = asyncio.create_task(exclusive())
        await asyncio.sleep(0.01)  # the exclusive request waits for them
        later = asyncio.create_task(shared("late"))  # a free place, but it must wait
        await asyncio.sleep(0.01)
        release.set()
        await asyncio.wait_for(asyncio.gather(*first, alone, later), 10)
        return events

    events = asyncio.run(scenario())
    assert events[:2] == ["s1 in", "s2 in"]
    assert sorted(events[2:4]) == ["s1 out", "s2 out"]
    assert events[4:] == ["alone in", "alone out", "late in", "late out"]


def test_mixed_arrivals_keep_the_rules_and_everyone_finishes() -> None:
    """Newcomers overtake woken waiters, exclusive requests arrive mid-release."""

    async def scenario(seed: int) -> bool:
        chance = random.Random(seed)
        limit = chance.choice([1, 2, 4, 8])
        gate = Gate(limit)
        shared = exclusive = finished = 0

        async def pause() -> None:
            for _ in range(chance.randrange(4)):
                await asyncio.sleep(0)

        async def share() -> None:
            nonlocal shared, finished
            async with gate.shared():
                shared += 1
                assert shared <= limit and not exclusive
                await pause()
                shared -= 1
            finished += 1

        async def alone() -> None:
            nonlocal exclusive, finished
            async with gate.exclusive():
                exclusive += 1
                assert exclusive == 1 and not shared
                await pause()
                exclusive -= 1
            finished += 1

        tasks = []
        for _ in range(chance.randrange(5, 120)):
            job = alone if chance.random() < 0.05 else share
            tasks.append(asyncio.create_task(job()))
            if chance.random() < 0.3:  # staggered: some arrive while others leave
                await asyncio.sleep(0)
        await asyncio.wait_for(asyncio.gather(*tasks), 10)
        return finished == len(tasks)

    assert all(asyncio.run(scenario(seed)) for seed in range(300))

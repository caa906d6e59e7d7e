"""The worker pool behind the server: time caps kill and replace, the queue is bounded."""

from __future__ import annotations

import asyncio
import operator
import os
import time

import pytest

from uztranslit.web._pool import Overrun, QueueFull, WorkerDied, WorkerPool


def run_in_pool(pool: WorkerPool, *calls: tuple[object, ...]) -> list[object]:
    """Start *pool*, run *calls* one after the other, stop it; their results or errors."""

    async def go() -> list[object]:
        pool.start()
        results: list[object] = []
        try:
            for function, *args in calls:
                try:
                    results.append(await pool.run(function, *args))  # type: ignore[arg-type]
                except Exception as error:
                    results.append(error)
        finally:
            pool.stop()
        return results

    return asyncio.run(go())


def test_jobs_run_in_other_processes() -> None:
    results = run_in_pool(WorkerPool(1, 1, 10.0), (operator.add, 2, 3), (os.getpid,))
    assert results[0] == 5
    assert results[1] != os.getpid()


def test_an_overrunning_job_is_stopped_and_its_worker_replaced() -> None:
    pool = WorkerPool(1, 1, 0.5)
    started = time.monotonic()
    slow, pid_after, fast = run_in_pool(pool, (time.sleep, 60), (os.getpid,), (operator.mul, 6, 7))
    assert isinstance(slow, Overrun)
    assert time.monotonic() - started < 30  # not the 60 s the job asked for
    assert isinstance(pid_after, int)
    assert fast == 42


def test_a_job_s_error_comes_back_as_itself() -> None:
    (error,) = run_in_pool(WorkerPool(1, 1, 10.0), (int, "x"))
    assert isinstance(error, ValueError)
    assert "invalid literal" in str(error)


def test_a_worker_that_dies_is_replaced() -> None:
    dead, after = run_in_pool(WorkerPool(1, 1, 10.0), (os._exit, 3), (operator.add, 1, 1))
    assert isinstance(dead, WorkerDied)
    assert after == 2


def test_admission_is_bounded() -> None:
    pool = WorkerPool(1, 2, 1.0)
    with pool.admission(), pool.admission():
        assert pool.held == 2
        with pytest.raises(QueueFull, match="busy"), pool.admission():
            pass
    assert pool.held == 0


def test_short_jobs_overtake_big_ones_waiting_but_not_forever() -> None:
    pool = WorkerPool(1, 10, 30.0)

    async def go() -> list[str]:
        pool.start()
        finished: list[str] = []

        async def job(name: str, size: int, seconds: float) -> None:
            await pool.run(time.sleep, seconds, size=size)
            finished.append(name)

        try:
            await pool.run(operator.add, 1, 1)  # the worker is up
            busy = asyncio.create_task(job("first", 0, 2))
            await asyncio.sleep(0.1)  # "first" holds the worker; the others queue
            big = asyncio.create_task(job("big", 2_000_000, 0))
            await asyncio.sleep(0.01)
            short = asyncio.create_task(job("short", 10, 0))
            await asyncio.gather(busy, big, short)
            # A big job that has waited longer than its size's delay goes first.
            busy = asyncio.create_task(job("second", 0, 2))
            await asyncio.sleep(0.1)
            old = asyncio.create_task(job("old-big", 100_000, 0))
            await asyncio.sleep(0.2)  # more than 100_000 characters' delay
            late = asyncio.create_task(job("late-short", 10, 0))
            await asyncio.gather(busy, old, late)
        finally:
            pool.stop()
        return finished

    assert asyncio.run(go()) == ["first", "short", "big", "second", "old-big", "late-short"]

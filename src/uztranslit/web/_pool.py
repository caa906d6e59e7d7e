"""Worker processes that convert, each job with a time cap, behind a bounded queue.

Conversion is CPU work, so it runs in processes, not on the event loop: a
thread cannot be stopped when its time runs out, a process can.  A worker
that overruns the cap is killed and a fresh one takes its place.  The pool
admits at most ``workers + queue_size`` requests at once; one more is turned
away at the door (QueueFull, which the app answers with 503) before its body
is even kept, so memory stays bounded.

Requests waiting for a worker are served smallest first, within reason: each
waits in order of its arrival time plus SIZE_DELAY per character, so a short
text overtakes the 1 MB ones queued before it, while a big one is never held
back more than that delay (no starvation).

Each worker runs ``serve``: it warms up, says READY, then receives
``(function, args)`` through a pipe, calls it and sends back ``(True, result)``
or ``(False, exception)``.  The functions are module-level ones from _jobs, so
they pickle by name.  A job's time starts once its worker is ready, so a fresh
worker's start-up is not counted against the request it serves.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import heapq
import itertools
import multiprocessing
import pickle
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any, Final, TypeVar

from .._api import transliterate

Result = TypeVar("Result")

# Seconds a stopping worker gets to finish before it is killed.
STOP_GRACE: Final = 2.0
# Seconds a new worker may take to start (import and warm up) before it counts as dead.
START_TIMEOUT: Final = 120.0
# What a worker sends once it can take jobs.
READY: Final = "ready"
# Seconds added to a waiting job's place in the queue per character (or byte) of input:
# 1 s per million, so a 1 MB text lets the short ones that come in the next ~0.5 s pass.
SIZE_DELAY: Final = 1e-6


class QueueFull(Exception):
    """Every worker is busy and the queue is full: try again shortly (503)."""


class Overrun(Exception):
    """A job ran past the time cap; its worker was killed and replaced (504)."""


class WorkerDied(Exception):
    """A worker process died during a job (out of memory, a crash); it was replaced."""


def warm_up() -> None:
    """Load the rules and lexicons both ways now, not in the first request's time."""
    transliterate("Шаҳар", to="latin")
    transliterate("Shahar", to="cyrillic")


def serve(conn: Connection) -> None:
    """A worker's loop: run each job received on *conn* until None or the pipe closes."""
    warm_up()
    conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        function, args = job
        try:
            reply: tuple[bool, Any] = (True, function(*args))
        except Exception as error:  # sent back to be raised in the server
            reply = (False, error)
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError):
            conn.send((False, RuntimeError(f"{type(reply[1]).__name__} (not picklable)")))


class Worker:
    """One worker process and the parent's end of its pipe; restarts itself."""

    def __init__(self, context: multiprocessing.context.SpawnContext) -> None:
        self._context = context
        self._stopped = False
        self._ready = False
        self.conn, self.process = self._start()

    def _start(self) -> tuple[Connection, multiprocessing.process.BaseProcess]:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=serve, args=(child,), daemon=True)
        process.start()
        child.close()
        self._ready = False
        return parent, process

    def wait_ready(self) -> None:
        """Block until the worker has started (at most START_TIMEOUT s)."""
        if self._ready:
            return
        if not self.conn.poll(START_TIMEOUT) or self.conn.recv() != READY:
            raise EOFError("the worker did not start")
        self._ready = True

    def call(self, job: tuple[Callable[..., Any], tuple[Any, ...]], time_cap: float) -> Any:
        """Run *job* in the worker (blocking: called in a thread); its result or its error."""
        try:
            self.wait_ready()
            deadline = time.monotonic() + time_cap
            self.conn.send(job)
            if not self.conn.poll(max(0.0, deadline - time.monotonic())):
                self.restart()
                raise Overrun(f"the conversion took more than {time_cap:g} s and was stopped")
            ok, value = self.conn.recv()
        except (EOFError, OSError) as error:
            self.restart()
            raise WorkerDied("the conversion process stopped unexpectedly") from error
        if ok:
            return value
        raise value

    def restart(self) -> None:
        """Kill the process (whatever it is doing) and start a fresh one."""
        self.process.kill()
        self.process.join()
        self.conn.close()
        if not self._stopped:
            self.conn, self.process = self._start()

    def stop(self) -> None:
        """Ask the process to end; kill it if it does not within STOP_GRACE."""
        self._stopped = True
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(STOP_GRACE)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """*workers* processes, at most *admitted* requests at once, *time_cap* s per job.

    Use ``with pool.admission():`` around a whole request (raises QueueFull when
    full), and ``await pool.run(function, *args)`` for the conversion in it.
    start() and stop() are called from the app's lifespan, in its event loop.
    """

    def __init__(self, workers: int, admitted: int, time_cap: float) -> None:
        self.size = workers
        self.admitted = admitted
        self.time_cap = time_cap
        self.held = 0  # requests admitted and not yet answered
        self._workers: list[Worker] = []
        self._idle: list[Worker] = []
        # Jobs waiting for a worker: (place in the queue, arrival number, where to hand it).
        self._waiting: list[tuple[float, int, asyncio.Future[Worker]]] = []
        self._arrivals = itertools.count()
        self._threads: concurrent.futures.ThreadPoolExecutor | None = None

    def start(self) -> None:
        # spawn, not fork: the server has threads, and a forked child would copy
        # their locks; a spawned one starts clean with only what it imports.
        context = multiprocessing.get_context("spawn")
        self._workers = [Worker(context) for _ in range(self.size)]
        self._idle = list(self._workers)
        self._waiting = []
        self._threads = concurrent.futures.ThreadPoolExecutor(
            self.size, thread_name_prefix="uztranslit-worker"
        )

    def stop(self) -> None:
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def pids(self) -> list[int | None]:
        """The process ids of the workers (for tests and the load benchmark)."""
        return [worker.process.pid for worker in self._workers]

    @contextlib.contextmanager
    def admission(self) -> Iterator[None]:
        """Hold one of the *admitted* places for a request, or raise QueueFull."""
        if self.held >= self.admitted:
            raise QueueFull(
                f"the server is busy ({self.size} converting, {self.admitted - self.size} "
                "waiting); try again in a moment"
            )
        self.held += 1
        try:
            yield
        finally:
            self.held -= 1

    async def _acquire(self, size: int) -> Worker:
        """A free worker, after the waiting jobs placed before a job of *size*."""
        if self._idle and not self._waiting:
            return self._idle.pop()
        handed: asyncio.Future[Worker] = asyncio.get_running_loop().create_future()
        place = time.monotonic() + size * SIZE_DELAY
        heapq.heappush(self._waiting, (place, next(self._arrivals), handed))
        try:
            return await handed
        except asyncio.CancelledError:
            if handed.done() and not handed.cancelled():
                self._release(handed.result())  # handed over just as the request went
            raise

    def _release(self, worker: Worker) -> None:
        """Give *worker* to the first job still waiting, or mark it free."""
        while self._waiting:
            _, _, handed = heapq.heappop(self._waiting)
            if not handed.done():
                handed.set_result(worker)
                return
        self._idle.append(worker)

    async def run(self, function: Callable[..., Result], *args: Any, size: int = 0) -> Result:
        """*function(*args)* run in a free worker; raises what it raised, or Overrun.

        *size* (characters or bytes of input) places the job in the queue.
        """
        if self._threads is None:
            raise RuntimeError("the worker pool is not started")
        worker = await self._acquire(size)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._threads, worker.call, (function, args), self.time_cap)

        def job_over(done: asyncio.Future[Any]) -> None:
            # The worker goes back only when its job is over, even if the request that
            # asked for it has gone (a client that hung up does not free a busy worker);
            # the error of a job nobody waits for any more is dropped here.
            self._release(worker)
            if not done.cancelled():
                done.exception()

        future.add_done_callback(job_over)
        result: Result = await asyncio.shield(future)
        return result

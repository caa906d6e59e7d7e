"""--in-place and --output-dir: each input converted into its own file, -j at a time.

Before any file is converted, every input is checked: it can be opened, it is
not a second name of a file already listed (each file is converted once), and
its target can be replaced without splitting hard links.  Then files are
converted one after another, or by up to --jobs worker processes (never more
than the files or the usable cores).  After the first failure, Ctrl-C, SIGTERM
or SIGHUP no new file is started; a file being converted at that moment is
finished if it failed to stop in time, otherwise rolled back, and the command
says which files were converted and which were left untouched.

Workers die with the command: each watches its parent and, when the parent is
gone (even killed with SIGKILL), rolls back the file it is writing and exits.
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING, Final, NamedTuple

from ._cli_errors import PROG, CliError
from ._files import HardLinkError, write_output
from ._inputs import check_readable, convert_input
from ._progress import Progress
from ._signals import CAUGHT, Terminated, interrupt_main_thread

if TYPE_CHECKING:  # the worker machinery is imported only when workers start
    import concurrent.futures
    from multiprocessing.synchronize import Event

WATCH_INTERVAL: Final = 0.1  # seconds between a worker's looks at its parent
ROLLBACK_GRACE: Final = 5.0  # seconds an orphaned worker waits for its rollback
PROGRESS_TICK: Final = 0.25  # seconds between looks at the workers, to redraw progress


class Work(NamedTuple):
    """One input, the file its conversion goes to, and its size before (for progress)."""

    name: str
    target: str
    size: int = 0


def usable_cores() -> int:
    """The cores this process may run on (its affinity), not all the machine has."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(requested: int, files: int) -> int:
    """--jobs capped: 0 means one per usable core; never more than files or cores."""
    cores = usable_cores()
    return max(1, min(requested or cores, cores, files))


def plan(args: argparse.Namespace) -> list[Work]:
    """Each input once with its target; CliError (nothing converted) if any input
    cannot be read or its target cannot be written without splitting links."""
    problems: list[str] = []
    work: list[Work] = []
    seen: set[tuple[int, int]] = set()
    for name in args.files:
        try:
            check_readable(name)
            identity = _identity(name)
        except CliError as error:
            problems.append(error.message)
            continue
        if args.in_place and identity in seen:
            continue  # a second name for a file already listed: converted once
        seen.add(identity)
        target = os.path.realpath(name) if args.in_place else _output_dir_target(name, args)
        problem = _target_problem(name, target, args)
        if problem:
            problems.append(problem)
        else:
            work.append(Work(name, target, _size(name)))
    if problems:
        for message in problems[:-1]:
            sys.stderr.write(f"{PROG}: {message}\n")
        raise CliError(f"{problems[-1]}\n{PROG}: nothing was converted")
    return work


def _identity(name: str) -> tuple[int, int]:
    found = os.stat(name)
    return found.st_dev, found.st_ino


def _output_dir_target(name: str, args: argparse.Namespace) -> str:
    return os.path.join(args.output_dir, os.path.basename(name))


def _target_problem(name: str, target: str, args: argparse.Namespace) -> str | None:
    """Why *target* cannot take *name*'s conversion, or None."""
    try:
        found = os.stat(target)
    except OSError:
        return None  # a new file; a real problem shows when it is written
    if args.in_place and not stat.S_ISREG(found.st_mode):
        return f"{name}: --in-place converts regular files only"
    if stat.S_ISREG(found.st_mode) and found.st_nlink > 1 and not args.allow_hardlinks:
        return hard_link_message(target, found.st_nlink)
    return None


def hard_link_message(target: str, links: int) -> str:
    """Why a hard-linked file is refused, and the option that allows it."""
    return (
        f"{target}: has {links} hard links; replacing it would split them (the other names "
        "would keep the old text); pass --allow-hardlinks to rewrite it in place (not atomically)"
    )


def convert_one(
    work: Work,
    args: argparse.Namespace,
    committed: Callable[[], None],
    progress: Progress | None = None,
) -> None:
    """Convert one input into its target; *committed* runs once the target is written."""
    try:
        write_output(
            work.target,
            lambda out: convert_input(work.name, args, out, progress=progress),
            hard_links="rewrite" if args.allow_hardlinks else "refuse",
            committed=committed,
        )
    except HardLinkError:
        raise CliError(hard_link_message(work.target, os.stat(work.target).st_nlink)) from None
    except OSError as error:
        raise CliError(f"{error.filename or work.target}: {error.strerror}") from None


def convert_each(args: argparse.Namespace, progress: Progress) -> None:
    """Convert every input into its own file; see the module's docstring."""
    work = plan(args)
    progress.files = len(work)
    progress.total = sum(item.size for item in work)
    if args.output_dir is not None:
        try:
            os.makedirs(args.output_dir, exist_ok=True)
        except OSError as error:
            raise CliError(f"{args.output_dir}: cannot create: {error.strerror}") from None
    jobs = worker_count(args.jobs, len(work))
    tally = Tally(work, progress)
    try:
        if jobs == 1:
            _one_after_another(args, tally)
        else:
            _in_workers(args, jobs, tally)
    except (KeyboardInterrupt, Terminated):
        progress.clear()
        sys.stderr.write(f"{PROG}: interrupted; {tally.summary()}\n")
        raise
    progress.clear()
    if tally.failed:
        raise CliError(tally.summary(), tally.failed[0].status)


def _size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except OSError:
        return 0


class Tally:
    """What became of each file: converted, failed (reported at once), or neither."""

    def __init__(self, work: list[Work], progress: Progress) -> None:
        self.work = work
        self.progress = progress
        self.done: list[str] = []
        self.failed: list[CliError] = []

    def converted(self, name: str) -> None:
        """*name*'s target is written (called right after its rename)."""
        self.done.append(name)

    def finished(self, size: int = 0) -> None:
        """One more file is done; *size*: its bytes, if a worker read them."""
        self.progress.add_file(size)

    def report(self, error: CliError) -> None:
        """A file failed: say so now (and start no other file)."""
        self.failed.append(error)
        self.progress.clear()
        sys.stderr.write(f"{PROG}: {error.message}\n")

    def summary(self) -> str:
        """Which files were converted and which were left untouched."""
        untouched = [item.name for item in self.work if item.name not in self.done]
        return (
            f"converted: {', '.join(self.done) or 'none'}; left untouched: {', '.join(untouched)}"
        )


def _one_after_another(args: argparse.Namespace, tally: Tally) -> None:
    for item in tally.work:
        try:
            convert_one(item, args, functools.partial(tally.converted, item.name), tally.progress)
        except CliError as error:
            tally.report(error)
            return
        tally.finished()


def _in_workers(args: argparse.Namespace, jobs: int, tally: Tally) -> None:
    """At most *jobs* files in flight; none started after a failure or interruption."""
    import concurrent.futures  # noqa: PLC0415 - only with workers, for start-up time
    import multiprocessing  # noqa: PLC0415 - the same

    context = multiprocessing.get_context()
    cancel = context.Event()
    waiting = collections.deque(tally.work)
    running: dict[concurrent.futures.Future[None], Work] = {}
    with concurrent.futures.ProcessPoolExecutor(
        jobs,
        mp_context=context,
        initializer=_start_worker,
        initargs=(args, cancel),
    ) as pool:
        try:
            while waiting or running:
                while waiting and len(running) < jobs and not tally.failed:
                    item = waiting.popleft()
                    running[pool.submit(_convert_in_worker, item)] = item
                if not running:
                    break
                finished, _ = concurrent.futures.wait(
                    running, timeout=PROGRESS_TICK, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in finished:
                    _record(future, running.pop(future), tally)
                tally.progress.tick()
        except BaseException:
            cancel.set()  # workers roll back what they are writing
            finished, _ = concurrent.futures.wait(running)
            for future in finished:
                _record(future, running.pop(future), tally)
            raise


def _record(future: concurrent.futures.Future[None], item: Work, tally: Tally) -> None:
    import concurrent.futures.process  # noqa: PLC0415 - loaded already by _in_workers

    name = item.name
    error = future.exception()
    if error is None:
        tally.converted(name)
        tally.finished(item.size)
    elif isinstance(error, CliError):
        tally.report(error)
    elif isinstance(error, concurrent.futures.process.BrokenProcessPool):
        tally.report(CliError(f"{name}: the process converting it died"))
    elif not isinstance(error, (KeyboardInterrupt, Terminated)):
        tally.report(CliError(f"{name}: {type(error).__name__}: {error}"))


class _WorkerState:
    """A worker process's own state: set by _start_worker, read by its signal
    handler and its watcher thread."""

    args: argparse.Namespace | None = None
    cancel: Event | None = None
    task = 0  # how many files this worker has been given
    converting = False  # between starting a file and its rename


_worker: Final = _WorkerState()


def _start_worker(args: argparse.Namespace, cancel: Event) -> None:
    """Set up a worker: Ctrl-C is the parent's to handle; SIGTERM and SIGHUP roll
    back the file being written; a thread watches the parent and the cancel flag.

    The parent watched is the one the worker has now: the command itself when
    workers are forked, the fork server (which ends with the command) otherwise.
    """
    parent = os.getppid()
    _worker.args, _worker.cancel = args, cancel
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in CAUGHT:
        signal.signal(signum, _on_worker_signal)
    threading.Thread(target=_watch, args=(parent, cancel), daemon=True).start()


def _on_worker_signal(signum: int, frame: FrameType | None) -> None:
    del frame
    if _worker.converting:
        raise Terminated(signum)
    # Idle, or the file is written: nothing to undo; the parent decides when to end.


def _convert_in_worker(item: Work) -> None:
    assert _worker.args is not None
    assert _worker.cancel is not None
    _worker.task += 1
    if _worker.cancel.is_set():
        raise Terminated(signal.SIGTERM)
    _worker.converting = True
    try:
        convert_one(item, _worker.args, _committed_in_worker)
    finally:
        _worker.converting = False


def _committed_in_worker() -> None:
    _worker.converting = False  # the file is written: a signal now must not undo it


def _watch(parent: int, cancel: Event) -> None:
    """A worker's watcher: roll back on cancel; when the parent is gone, roll back
    and exit (a worker never outlives the command)."""
    main = threading.main_thread().ident
    assert main is not None
    signalled = 0
    while True:
        time.sleep(WATCH_INTERVAL)
        orphaned = os.getppid() != parent
        if (orphaned or cancel.is_set()) and _worker.converting and signalled != _worker.task:
            signalled = _worker.task
            interrupt_main_thread(main)
        if orphaned:
            deadline = time.monotonic() + ROLLBACK_GRACE
            while _worker.converting and time.monotonic() < deadline:
                time.sleep(WATCH_INTERVAL / 10)
            os._exit(1)

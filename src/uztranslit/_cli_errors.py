"""The command's exit statuses, the exception that carries a message and one, the
argument parser that raises instead of exiting, and how messages name an input.
Shared by ``uztranslit`` and ``uztranslit serve``."""

from __future__ import annotations

import argparse
import sys
from typing import Final, NoReturn

PROG: Final = "uztranslit"

EXIT_OK: Final = 0
EXIT_FAILURE: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE, as the shell reports a filter killed by it


class CliError(Exception):
    """A failure to report in one line and exit with *status*."""

    def __init__(self, message: str, status: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __reduce__(self) -> tuple[type[CliError], tuple[str, int]]:
        return (CliError, (self.message, self.status))


def display(name: str) -> str:
    """How an input is named in messages (``-`` is standard input)."""
    return "<stdin>" if name == "-" else name


class UsageExit(Exception):
    """argparse wanted to exit (--help, a usage error); carries its status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageExit instead of exiting, so that main()
    returns the status (tests call main(argv))."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise UsageExit(status)

"""The command's exit statuses, the exception that carries a message and one, and
how messages name an input."""

from __future__ import annotations

from typing import Final

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

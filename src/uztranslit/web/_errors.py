"""Errors as JSON with the status that says what went wrong."""

from __future__ import annotations

from typing import Final

from starlette.responses import JSONResponse

from .._lexicon import LexiconError
from ..formats import FormatError
from ._body import BadForm, TooLarge, TooManyFiles, TooSlow
from ._jobs import UnsupportedFile
from ._pool import Overrun, QueueFull, WorkerDied
from ._request import BadOption, TooLong

# Seconds a client is asked to wait after a 503.
RETRY_AFTER: Final = "1"


class ApiError(Exception):
    """An error with its HTTP status, raised by the handlers."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# Exception → status, first match wins (subclasses before their bases).
STATUSES: Final[tuple[tuple[type[Exception], int], ...]] = (
    (QueueFull, 503),  # every worker busy and the queue full
    (Overrun, 504),  # the time cap ran out
    (TooSlow, 408),  # body not in within read_timeout
    (TooLarge, 413),  # body over max_body_bytes
    (TooManyFiles, 413),  # more than max_files
    (TooLong, 413),  # text or lexicon over max_text_chars
    (UnsupportedFile, 415),  # a file in no format the server reads
    (FormatError, 422),  # a file that is not valid in its format, e.g. not UTF-8
    (UnicodeError, 422),  # text that is not valid Unicode
    (BadOption, 400),  # an option the library refuses, with its message
    (LexiconError, 400),  # a malformed lexicon row
    (BadForm, 400),  # a multipart body that cannot be parsed
    (ValueError, 422),  # any other refusal of a file's content by a format
    (WorkerDied, 500),  # a worker crashed, e.g. out of memory
)


def status_of(error: Exception) -> int | None:
    """The status for *error*, or None for one that is not expected (a bug: 500)."""
    if isinstance(error, ApiError):
        return error.status
    for kind, status in STATUSES:
        if isinstance(error, kind):
            return status
    return None


def error_response(status: int, message: str) -> JSONResponse:
    """``{"error": message, "status": status}`` with that status."""
    headers = {"retry-after": RETRY_AFTER} if status == 503 else None
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)

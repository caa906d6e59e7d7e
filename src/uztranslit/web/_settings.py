"""The server's settings: where it listens, how much it takes, how long it works."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Final

MIB: Final = 1 << 20


def default_workers() -> int:
    """One conversion process per core (at least one)."""
    return max(1, os.cpu_count() or 1)


# The longest time cap or read timeout (a day): longer ones are no cap, and the
# pipes' poll() refuses a timeout past about 24 days (an inf made every request fail).
MOST_SECONDS: Final = 86_400


@dataclass(frozen=True)
class Settings:
    """Everything the server can be told; each default is documented in docs/web.md.

    >>> Settings().host
    '127.0.0.1'
    >>> Settings(workers=0)
    Traceback (most recent call last):
      ...
    ValueError: workers must be at least 1; got 0
    """

    host: str = "127.0.0.1"  # loopback only: open it to a network on purpose
    port: int = 8000
    keep_alive: int = 30  # seconds an idle connection stays open (uvicorn's own is 5)
    workers: int = field(default_factory=default_workers)  # conversion processes
    max_body_bytes: int = 10 * MIB  # one request's body, counted while it arrives
    max_files: int = 20  # files in one upload
    max_text_chars: int = 2_000_000  # characters of text (and of a lexicon) per request
    max_unpacked_bytes: int = 200 * MIB  # what one zip-based document may unpack to
    time_cap: float = 30.0  # seconds of conversion per request before its worker is killed
    read_timeout: float = 60.0  # seconds a request's body may take to arrive
    queue_size: int = 32  # requests waiting for a worker beyond those converting; then 503
    cors_origins: tuple[str, ...] = ()  # origins allowed to call the API; none by default

    def __post_init__(self) -> None:
        for name in ("workers", "max_body_bytes", "max_files", "max_text_chars"):
            check_at_least(name, getattr(self, name), 1)
        check_at_least("max_unpacked_bytes", self.max_unpacked_bytes, 1)
        check_at_least("queue_size", self.queue_size, 0)
        check_at_least("port", self.port, 0)
        if self.port > 65535:
            raise ValueError(f"port must be at most 65535; got {self.port}")
        check_at_least("keep_alive", self.keep_alive, 1)
        for name in ("time_cap", "read_timeout"):
            if not 0 < getattr(self, name) <= MOST_SECONDS:  # nan and inf too
                raise ValueError(
                    f"{name} must be more than 0 and at most {MOST_SECONDS} seconds;"
                    f" got {getattr(self, name)}"
                )
        if isinstance(self.cors_origins, str):
            raise TypeError("cors_origins must be a tuple of origins, not one str")

    @property
    def admitted(self) -> int:
        """Requests held at once: converting plus waiting.  One more gets 503."""
        return self.workers + self.queue_size


def check_at_least(name: str, value: object, least: int) -> None:
    """Raise unless *value* is an int of at least *least*."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int; got {value!r}")
    if value < least:
        raise ValueError(f"{name} must be at least {least}; got {value}")

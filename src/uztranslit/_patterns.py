"""Regular expressions compiled on first use, so that importing uztranslit stays quick.

A complex pattern takes a millisecond or more to compile; the modules that convert
keep theirs as Lazy constants and call them where they use them: ``_YE().sub(...)``.
"""

from __future__ import annotations

import re


class Lazy:
    """A pattern's text now, its compiled form on the first call (then kept)."""

    __slots__ = ("compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        if self.compiled is None:
            self.compiled = re.compile(self.pattern)
        return self.compiled

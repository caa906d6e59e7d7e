"""Test settings shared by every module."""

from __future__ import annotations

import os
import signal

from hypothesis import settings

# No timed assertions in the suite: Hypothesis's per-example deadline would fail a
# property on a loaded machine (CI shares its cores), which says nothing about the code.
settings.register_profile("uztranslit", deadline=None, print_blob=True)
# In CI the examples are chosen the same way on every run, so that a run is green or
# red for the code, not for the draw; properties explore new examples on every other run.
settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "uztranslit")

# A shell starts a background job (pytest … &) with SIGINT ignored, and every command a
# test starts would keep ignoring it, so the tests that press Ctrl-C would wait for
# ever.  With Python's own handler here, the commands start with SIGINT as a terminal
# gives it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

"""Test settings shared by every module."""

from __future__ import annotations

from hypothesis import settings

# No timed assertions in the suite: Hypothesis's per-example deadline would fail a
# property on a loaded machine (CI shares its cores), which says nothing about the code.
settings.register_profile("uztranslit", deadline=None, print_blob=True)
settings.load_profile("uztranslit")

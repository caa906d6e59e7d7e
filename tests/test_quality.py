"""The code stays ruff-clean, formatted, and mypy --strict clean."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ._docs import ROOT


def run_tool(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "argv",
    [("ruff", "check", "."), ("ruff", "format", "--check", "."), ("mypy",)],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_tool_is_clean(argv: tuple[str, ...]) -> None:
    done = run_tool(*argv)
    assert done.returncode == 0, done.stdout + done.stderr

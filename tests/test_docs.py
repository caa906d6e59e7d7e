"""The README and docs say what the code does: their examples run as doctests."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import uztranslit
import uztranslit._api
import uztranslit._detect
import uztranslit._transliterator
import uztranslit.review
from uztranslit._cli import build_parser

from ._docs import ROOT

DOCTEST_FILES = [
    ROOT / "README.md",
    ROOT / "docs" / "api.md",
    ROOT / "docs" / "new-latin.md",
    ROOT / "docs" / "review.md",
]


@pytest.mark.parametrize("path", DOCTEST_FILES, ids=lambda path: path.name)
def test_examples_in_docs(path: Path) -> None:
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 3
    assert result.failed == 0


@pytest.mark.parametrize(
    "module",
    [
        uztranslit,
        uztranslit._api,
        uztranslit._detect,
        uztranslit._transliterator,
        uztranslit.review,
    ],
    ids=lambda m: m.__name__,
)
def test_examples_in_docstrings(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def _words(text: str) -> str:
    return " ".join(text.split())


def test_cli_help_in_docs_is_current() -> None:
    documented = _words((ROOT / "docs" / "cli.md").read_text(encoding="utf-8"))
    parser = build_parser()
    for action in parser._actions:
        if action.help:
            assert _words(action.help % {"prog": "uztranslit"}) in documented
    assert _words(parser.description or "") in documented


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    return block.group(1).strip().splitlines()


def test_readme_opens_with_the_two_commands() -> None:
    run_seed, run_tests = readme_commands()
    assert "seeds/000_cef08cc270b87343.txt" in run_seed
    assert "pip install . " in run_seed
    assert "'.[test]'" in run_tests
    assert "pytest" in run_tests


def test_ci_runs_the_readme_test_command_in_a_fresh_venv() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    _, run_tests = readme_commands()
    assert run_tests in ci
    assert ci.index("rm -rf .venv") < ci.index(run_tests)


@pytest.mark.skipif(os.name != "posix", reason="uses the venv layout of POSIX")
def test_readme_seed_command_output() -> None:
    script = Path(sys.executable).parent / "uztranslit"
    done = subprocess.run(
        [str(script), "seeds/000_cef08cc270b87343.txt"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    seed = (ROOT / "seeds" / "000_cef08cc270b87343.txt").read_text(encoding="utf-8")
    assert done.stdout.decode("utf-8") == uztranslit.to_latin(seed)
    assert "Oʻzbekistonda" in done.stdout.decode("utf-8")


def test_parallel_example_runs_and_is_the_one_in_the_docs() -> None:
    example = ROOT / "docs" / "examples" / "parallel.py"
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert example.read_text(encoding="utf-8").strip() in page
    done = subprocess.run(
        [sys.executable, str(example)], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout == "Oʻzbekiston Respublikasi | Toshkent shahri | Syezd va konsert\n"

"""The engine recipes of docs/scale.md run, on small generated data (docs/examples/)."""

from __future__ import annotations

import doctest
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import uztranslit

from ._docs import ROOT

EXAMPLES = ROOT / "docs" / "examples"
SCALE = ROOT / "docs" / "scale.md"

# Rows of every kind a mixed corpus has: Cyrillic, 1995 Latin, 2026 Latin, no letters,
# missing, and Cyrillic with the loanwords and apostrophes that the rules care about.
ROWS: list[str | None] = [
    "Ўзбекистон Республикаси",
    "Oʻzbekiston Respublikasi",
    "Şahar öğli",
    "2025 — 3.14 %",
    None,
    "Съезд ва концерт, маъно, октябрь",
    "",
    "ТОШКЕНТ ШАҲРИ\tҒАЗНА",
]


def expected_latin(row: str | None) -> str | None:
    """The row in 1995 Latin: converted from whichever script it is in."""
    return None if row is None else uztranslit.transliterate(row, to="latin")


def run_example(name: str, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def write_parquet(path: Path, rows: list[str | None]) -> None:
    pyarrow = pytest.importorskip("pyarrow", reason="pyarrow comes with the test extra")
    parquet = pytest.importorskip("pyarrow.parquet")
    parquet.write_table(pyarrow.table({"id": list(range(len(rows))), "body": rows}), path)


def read_parquet(path: Path) -> list[dict[str, Any]]:
    parquet = pytest.importorskip("pyarrow.parquet")
    rows: list[dict[str, Any]] = parquet.read_table(path).to_pylist()
    return sorted(rows, key=lambda row: row["id"])


def test_hugging_face_datasets_recipe(tmp_path: Path) -> None:
    pytest.importorskip("datasets", reason="datasets comes with the test extra")
    rows = ROWS * 40
    write_parquet(tmp_path / "corpus.parquet", rows)
    offline = {
        "HF_DATASETS_OFFLINE": "1",
        "HF_HUB_OFFLINE": "1",
        "HF_HOME": str(tmp_path / "hf"),
        "HF_DATASETS_CACHE": str(tmp_path / "hf" / "datasets"),
        "HF_DATASETS_DISABLE_PROGRESS_BARS": "1",
    }
    out = run_example(
        "hf_datasets.py",
        str(tmp_path / "corpus.parquet"),
        str(tmp_path / "latin.parquet"),
        "--column=body",
        "--num-proc=2",
        "--batch-size=64",
        env=offline,
    )
    assert out == "ScriptCounts(cyrillic=120, latin=40, new_latin=40, neither=80, missing=40)\n"
    written = read_parquet(tmp_path / "latin.parquet")
    assert [row["body"] for row in written] == rows
    assert [row["script"] for row in written] == uztranslit.detect_scripts(rows)
    assert [row["body_latin"] for row in written] == [expected_latin(row) for row in rows]
    assert written[0]["body_latin"] == "Oʻzbekiston Respublikasi"
    assert written[2]["body_latin"] == "Shahar oʻgʻli"


def test_multiprocessing_recipe_equals_converting_the_whole_file(tmp_path: Path) -> None:
    lines = [row for row in ROWS if row is not None and uztranslit.detect_script(row) != "latin"]
    text = "\n".join(lines * 300) + "\r\nохирги сатр, янги қаторсиз"
    (tmp_path / "corpus.txt").write_bytes(text.encode("utf-8"))
    run_example(
        "multiprocessing_lines.py",
        str(tmp_path / "corpus.txt"),
        str(tmp_path / "latin.txt"),
        "--workers=2",
        "--batch-lines=97",
    )
    written = (tmp_path / "latin.txt").read_bytes().decode("utf-8")
    assert written == uztranslit.to_latin(text)
    assert written.count("\n") == text.count("\n")


def _java_missing() -> str | None:
    if shutil.which("java") is None:
        return "no Java runtime (on Debian: apt-get install default-jre-headless)"
    return None


@pytest.mark.spark
def test_spark_pandas_udf_recipe(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install pyspark")
    if missing := _java_missing():
        pytest.skip(missing)
    rows = ROWS * 25
    write_parquet(tmp_path / "corpus.parquet", rows)
    out = run_example(
        "spark_udf.py",
        str(tmp_path / "corpus.parquet"),
        str(tmp_path / "latin"),
        "--column=body",
        "--master=local[2]",
    )
    assert out.splitlines() == ["None 75", "cyrillic 75", "latin 25", "new-latin 25"]
    written = read_parquet(tmp_path / "latin")
    assert [row["body"] for row in written] == rows
    assert [row["script"] for row in written] == uztranslit.detect_scripts(rows)
    assert [row["body_latin"] for row in written] == [expected_latin(row) for row in rows]


@pytest.mark.parametrize("name", ["hf_datasets.py", "spark_udf.py"])
def test_the_recipes_in_the_docs_are_the_files_the_tests_run(name: str) -> None:
    page = SCALE.read_text(encoding="utf-8")
    assert (EXAMPLES / name).read_text(encoding="utf-8").strip() in page


def test_the_examples_in_scale_md() -> None:
    result = doctest.testfile(str(SCALE), module_relative=False)
    assert result.attempted >= 4
    assert result.failed == 0

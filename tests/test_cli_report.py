"""``uztranslit --report``: the review report beside the conversion."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from uztranslit import to_cyrillic
from uztranslit._cli import main

TEXT = "Biz yod va Konsertlarimizda bo'ldik\n"


def test_the_report_goes_to_stderr_and_the_output_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["--report", "-t", "cyrillic", str(source)]) == 0
    captured = capsys.readouterr()
    assert captured.out == to_cyrillic(TEXT)
    assert f"{source}: 2 words to check" in captured.err
    assert "| 4 | yod | ёд | homograph | йод |" in captured.err


def test_json_lines_into_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    report = tmp_path / "report.jsonl"
    status = main(
        ["--report", str(report), "--report-format", "jsonl", "-t", "cyrillic", str(source)]
    )
    assert status == 0
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [(row["word"], row["kind"], row["start"]) for row in rows] == [
        ("yod", "homograph", 4),
        ("Konsertlarimizda", "lexicon", 11),
    ]
    assert all(row["file"] == str(source) for row in rows)
    assert capsys.readouterr().out == to_cyrillic(TEXT)


def test_standard_input_is_reported_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Тоққа чиқдик\n".encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["--report"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Toqqa chiqdik\n"
    assert "| 0 | Тоққа | Toqqa | homograph | Togʻga |" in captured.err


def test_report_does_not_go_with_files_written_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["--report", "--in-place", str(source)]) == 2
    assert "--report goes with output to stdout or -o" in capsys.readouterr().err


def test_a_report_format_without_a_report_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # it was silently ignored: the user asked for a report and got none
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["--report-format", "jsonl", "-t", "cyrillic", str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--report-format goes with --report" in captured.err

"""``uztranslit --check``: entries in the wrong script, with their lines; exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from uztranslit._cli import main

LATIN_PO = """\
msgid ""
msgstr ""
"Language: uz\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Open"
msgstr "Ochish"

msgid "Close"
msgstr "Ёпиш"
"""


def test_a_cyrillic_string_in_a_latin_catalogue_is_listed_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = tmp_path / "uz.po"
    catalogue.write_text(LATIN_PO, encoding="utf-8")
    assert main(["--check", str(catalogue)]) == 3
    assert capsys.readouterr().out == f"{catalogue}:10: Ёпиш\n"
    assert catalogue.read_text(encoding="utf-8") == LATIN_PO  # nothing converted


def test_a_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalogue = tmp_path / "uz.po"
    catalogue.write_text(LATIN_PO.replace("Ёпиш", "Yopish"), encoding="utf-8")
    assert main(["--check", str(catalogue)]) == 0
    assert capsys.readouterr().out == ""


def test_plain_text_is_checked_against_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Salom dunyo\nШаҳар\nToshkent\n", encoding="utf-8")
    assert main(["--check", "--from", "latin", str(text)]) == 3
    assert capsys.readouterr().out == f"{text}:2: Шаҳар\n"
    assert main(["--check", "--from", "cyrillic", str(text)]) == 3
    assert capsys.readouterr().out == f"{text}:1: Salom dunyo\n{text}:3: Toshkent\n"


def test_errors_exit_1_and_misuse_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--check", str(tmp_path / "missing.po")]) == 1
    assert "missing.po: no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a\nmsgstr "b"\n', encoding="utf-8")
    assert main(["--check", str(broken)]) == 1
    assert "line 1" in capsys.readouterr().err
    assert main(["--check", "--in-place", str(broken)]) == 2
    assert "--check writes a list" in capsys.readouterr().err

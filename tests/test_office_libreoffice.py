"""A real client opens what we write: LibreOffice exports each converted file as
text (Writer), CSV (Calc) or PDF (Impress, read back with pdftotext), and that
must equal uztranslit's plain-text conversion of the original's own export.

Needs `soffice` (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui,
libreoffice-impress-nogui) and, for presentations, `pdftotext` (poppler-utils);
skipped without them.  The fixtures are tried as made by the Python writers and
as saved by LibreOffice in the other family's format (docx → odt, odt → docx …).
About a minute: LibreOffice starts nine times.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from uztranslit import to_latin
from uztranslit.formats import convert_bytes

from . import test_odf, test_office, test_office_pptx, test_office_xlsx

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# format → (the fixture maker, the export filter, the ending of the export)
DOCUMENTS: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "docx": (test_office.rich_document, "txt:Text (encoded):UTF8", "txt"),
    "odt": (test_odf.text_document, "txt:Text (encoded):UTF8", "txt"),
    "xlsx": (test_office_xlsx.workbook, "csv:Text - txt - csv (StarCalc):44,34,76", "csv"),
    "ods": (test_odf.spreadsheet, "csv:Text - txt - csv (StarCalc):44,34,76", "csv"),
    "pptx": (test_office_pptx.presentation, "pdf", "pdf"),
    "odp": (test_odf.slides, "pdf", "pdf"),
}


def export(files: list[Path], to: str, tmp: Path) -> None:
    """Export *files* with LibreOffice's filter *to* into their own directory."""
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp / 'profile'}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(files[0].parent),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def exported_text(path: Path) -> str:
    if path.suffix == ".pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext (poppler-utils) is not installed")
        done = subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, timeout=60
        )
        text = done.stdout.decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8-sig")
    return re.sub(r"\s+", " ", text).strip()  # pages wrap lines where they can


DELETED = "ўчирилди"  # the deleted word of the Word fixture


# Each fixture saved by LibreOffice in the other family's format, so that files
# written by LibreOffice itself (data descriptors, its own part layout) are tried too.
SIBLINGS = {
    "docx": "odt",
    "odt": "docx",
    "xlsx": "ods",
    "ods": "xlsx",
    "pptx": "odp",
    "odp": "pptx",
}
CASES = [*DOCUMENTS, *(f"{name}-from-{other}" for other, name in SIBLINGS.items())]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """case → (the original's export converted as plain text, the converted file's export)."""
    tmp = tmp_path_factory.mktemp("libreoffice")
    originals: dict[str, bytes] = {}
    for name, (make, _to, _ending) in DOCUMENTS.items():
        originals[name] = make()
        (tmp / "fixtures").mkdir(exist_ok=True)
        (tmp / "fixtures" / f"{name}-from-x.{name}").write_bytes(originals[name])
    for name, sibling in SIBLINGS.items():
        export([tmp / "fixtures" / f"{name}-from-x.{name}"], sibling, tmp)
        saved = tmp / "fixtures" / f"{name}-from-x.{sibling}"
        originals[f"{sibling}-from-{name}"] = saved.read_bytes()
    by_filter: dict[str, list[Path]] = {}
    for case, source in originals.items():
        name = case.split("-")[0]
        to = DOCUMENTS[name][1]
        for stem, data in (("original", source), ("converted", convert_bytes(source, to="latin"))):
            path = tmp / f"{case}-{stem}.{name}"
            path.write_bytes(data)
            by_filter.setdefault(to, []).append(path)
    for to, files in by_filter.items():
        export(files, to, tmp)
    result = {}
    for case in originals:
        ending = DOCUMENTS[case.split("-")[0]][2]
        original = exported_text(tmp / f"{case}-original.{ending}")
        converted = exported_text(tmp / f"{case}-converted.{ending}")
        result[case] = (to_latin(original), converted)
    return result


@pytest.mark.parametrize("name", CASES)
def test_libreoffice_reads_the_converted_file_as_the_converted_text(
    name: str, exports: dict[str, tuple[str, str]]
) -> None:
    expected, converted = exports[name]
    assert len(converted) > 10
    # LibreOffice shows deleted text of tracked changes; that stays as it was
    expected = expected.replace(to_latin(DELETED), DELETED)
    assert converted == expected

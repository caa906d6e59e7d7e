"""Excel workbooks (xlsx): cell texts, formulas' string literals, headers and
footers, comments convert; sheet names, numbers, dates and references stay."""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

import pytest

from uztranslit import to_latin
from uztranslit.formats import convert_bytes, detect_format

openpyxl = pytest.importorskip("openpyxl")
etree = pytest.importorskip("lxml.etree")

from openpyxl.comments import Comment  # type: ignore[import-untyped]  # noqa: E402
from openpyxl.workbook.defined_name import (  # type: ignore[import-untyped]  # noqa: E402
    DefinedName,
)
from openpyxl.worksheet.table import Table  # type: ignore[import-untyped]  # noqa: E402

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Маълумот"
    sheet["A1"] = "Тошкент"
    sheet["A2"] = "Самарқанд"
    sheet["B1"] = '=IF(A1="Тошкент","ҳа","йўқ")'
    sheet["B2"] = "='Маълумот'!A2&\" шаҳри\""
    sheet["C1"] = 3500000
    sheet["C2"] = datetime.date(2024, 5, 12)
    sheet["D1"] = "=SUM(C1:C1)"
    sheet["A1"].comment = Comment("Пойтахт", "Али")
    sheet.oddHeader.center.text = "Ҳисобот &P"
    sheet.oddFooter.left.text = "Бет"
    for row, values in enumerate((("Шаҳар", "Сони"), ("Хива", 5), ("Бухоро", 3)), start=1):
        sheet.cell(row, 6, values[0])
        sheet.cell(row, 7, values[1])
    sheet.add_table(Table(displayName="Jadval1", ref="F1:G3"))
    sheet["H1"] = "=SUM(Jadval1[Сони])"
    sheet["H2"] = '=COUNTIF(Jadval1[Шаҳар],"Хива")'
    book.defined_names["Poytaxt"] = DefinedName("Poytaxt", attr_text='"Тошкент"')
    other = book.create_sheet("Ҳисоб")
    other["A1"] = "=Маълумот!A1"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_inline_string(data: bytes) -> bytes:
    """*data* with a cell written as an inline string in rich-text runs (openpyxl
    writes shared strings only), its word split between two runs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                root = etree.fromstring(content)
                row = root.find(f"{S}sheetData/{S}row")
                cell = etree.SubElement(row, S + "c", r="E1", t="inlineStr")
                inline = etree.SubElement(cell, S + "is")
                for piece, bold in (("Ш", True), ("аҳар маркази", False)):
                    run = etree.SubElement(inline, S + "r")
                    if bold:
                        etree.SubElement(etree.SubElement(run, S + "rPr"), S + "b")
                    etree.SubElement(run, S + "t").text = piece
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, content)
    return out.getvalue()


@pytest.fixture(scope="module")
def source() -> bytes:
    return with_inline_string(workbook())


@pytest.fixture(scope="module")
def latin(source: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(convert_bytes(source, to="latin")))


def test_cell_texts_convert_and_numbers_and_dates_stay(latin: Any) -> None:
    sheet = latin["Маълумот"]
    assert (sheet["A1"].value, sheet["A2"].value) == ("Toshkent", "Samarqand")
    assert sheet["C1"].value == 3500000
    assert sheet["C2"].value == datetime.datetime(2024, 5, 12)


def test_formula_literals_convert_with_the_cells_and_references_stay(latin: Any) -> None:
    sheet = latin["Маълумот"]
    # the literal still equals the converted cell it is compared with
    assert sheet["B1"].value == '=IF(A1="Toshkent","ha","yoʻq")'
    assert sheet["B2"].value == "='Маълумот'!A2&\" shahri\""
    assert sheet["D1"].value == "=SUM(C1:C1)"
    assert latin["Ҳисоб"]["A1"].value == "=Маълумот!A1"


def test_tables_keep_their_columns_named_as_their_header_cells(latin: Any) -> None:
    sheet = latin["Маълумот"]
    table = sheet.tables["Jadval1"]
    assert [column.name for column in table.tableColumns] == ["Shahar", "Soni"]
    assert (sheet["F1"].value, sheet["G1"].value) == ("Shahar", "Soni")
    assert sheet["H1"].value == "=SUM(Jadval1[Soni])"
    assert sheet["H2"].value == '=COUNTIF(Jadval1[Shahar],"Xiva")'
    assert latin.defined_names["Poytaxt"].attr_text == '"Toshkent"'


def test_sheet_names_are_kept(latin: Any) -> None:
    assert latin.sheetnames == ["Маълумот", "Ҳисоб"]


def test_headers_footers_and_comments_convert(latin: Any) -> None:
    sheet = latin["Маълумот"]
    assert sheet.oddHeader.center.text == "Hisobot &P"
    assert sheet.oddFooter.left.text == "Bet"
    assert sheet["A1"].comment.text == "Poytaxt"
    assert sheet["A1"].comment.author == "Али"


def test_an_inline_string_split_across_runs_converts_whole(source: bytes) -> None:
    out = convert_bytes(source, to="latin")
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        root = etree.fromstring(package.read("xl/worksheets/sheet1.xml"))
    cell = root.find(f".//{S}c[@r='E1']")
    runs = cell.findall(f"{S}is/{S}r")
    assert [r.find(S + "t").text for r in runs] == ["Shahar", " markazi"]
    assert runs[0].find(f"{S}rPr/{S}b") is not None
    assert runs[1].find(S + "t").get("{http://www.w3.org/XML/1998/namespace}space") == ("preserve")


def test_header_footer_codes_are_kept() -> None:
    from uztranslit import Transliterator  # noqa: PLC0415
    from uztranslit.formats.office import convert_header_footer  # noqa: PLC0415

    latin = Transliterator(to="latin", source="cyrillic")
    text = '&L&"Arial,Bold"&12Ҳ&Bисобот&B &P/&N&RТошкент &D'
    assert convert_header_footer(text, latin) == (
        '&L&"Arial,Bold"&12Hisobot&B&B &P/&N&RToshkent &D'
    )
    assert to_latin("Ҳисобот") == "Hisobot"


def test_recognised_by_content(source: bytes) -> None:
    assert detect_format("book.bin", source[:4096]) == "xlsx"


def test_excel_escapes_are_not_read_as_letters() -> None:
    from uztranslit.formats.office import escape_excel, unescape_excel  # noqa: PLC0415

    book = openpyxl.Workbook()
    book.active["A1"] = "Salom"
    out = io.BytesIO()
    book.save(out)
    escaped = ("Salom_x000D_\ndunyo", "Fayl _x005F_x0041_ nomi")  # a CR; a literal _x0041_
    changed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(out.getvalue())) as source,
        zipfile.ZipFile(changed, "w") as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                root = etree.fromstring(content)
                for t, text in zip(root.iter(S + "t"), escaped[:1], strict=False):
                    t.text = text
                row = root.find(f"{S}sheetData/{S}row")
                cell = etree.SubElement(row, S + "c", r="B1", t="inlineStr")
                etree.SubElement(etree.SubElement(cell, S + "is"), S + "t").text = escaped[1]
                content = etree.tostring(root)
            target.writestr(info, content)
    cyrillic = convert_bytes(changed.getvalue(), to="cyrillic")
    with zipfile.ZipFile(io.BytesIO(cyrillic)) as package:
        root = etree.fromstring(package.read("xl/worksheets/sheet1.xml"))
    assert [t.text for t in root.iter(S + "t")] == [
        "Салом_x000D_\nдунё",
        "Файл _х0041_ номи",  # it was text: converted (no longer an escape once Cyrillic)
    ]
    for text in ("a\rb", "_x0041_", "x\x01y", "plain"):
        assert unescape_excel(escape_excel(text)) == text

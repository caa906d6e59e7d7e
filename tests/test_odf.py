"""OpenDocument (odt, ods, odp), with fixtures written by odfpy."""

from __future__ import annotations

import io
import itertools
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import to_latin
from uztranslit.formats import FormatError, convert_bytes, detect_format

odf = pytest.importorskip("odf")
etree = pytest.importorskip("lxml.etree")

from odf import (  # type: ignore[import-untyped]  # noqa: E402
    dc,
    draw,
    office,
    presentation,
    style,
    table,
    teletype,
    text,
)
from odf.opendocument import (  # type: ignore[import-untyped]  # noqa: E402
    OpenDocumentPresentation,
    OpenDocumentSpreadsheet,
    OpenDocumentText,
)

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"


def save(document: Any) -> bytes:
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def text_document() -> bytes:
    document = OpenDocumentText()
    uzbek = style.Style(name="Uzbek", family="paragraph")
    uzbek.addElement(style.TextProperties(language="uz", country="UZ", script="Cyrl"))
    russian = style.Style(name="Russian", family="text")
    russian.addElement(style.TextProperties(language="ru", country="RU"))
    bold = style.Style(name="Bold", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    document.styles.addElement(uzbek)
    document.styles.addElement(russian)
    document.automaticstyles.addElement(bold)
    layout = style.PageLayout(name="Page")
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(text.P(text="Юқори колонтитул"))
    master.addElement(header)
    document.masterstyles.addElement(master)

    add_body(document, uzbek, bold)
    document.meta.addElement(dc.Title(text="Ҳисобот"))
    document.meta.addElement(dc.Subject(text="Йиллик ҳисобот"))
    document.meta.addElement(dc.Language(text="uz-Cyrl-UZ"))
    return with_tracked_change(save(document))


def add_body(document: Any, uzbek: Any, bold: Any) -> None:
    """Paragraphs with split words, a heading, a link, a tab, a note, a comment,
    a bookmark and a text box."""
    split = text.P(stylename=uzbek)
    split.addText("Т")
    split.addElement(text.Span(stylename=bold, text="ошкент ш"))
    split.addText("аҳри")
    document.text.addElement(split)
    document.text.addElement(text.H(outlinelevel=1, text="Сарлавҳа"))
    linked = text.P()
    linked.addElement(text.A(href="https://example.uz/Тошкент", text="Ҳавола"))
    linked.addElement(text.Tab())
    linked.addText("маркази")
    document.text.addElement(linked)
    noted = text.P(text="Изоҳли")
    note = text.Note(noteclass="footnote", id="n1")
    note.addElement(text.NoteCitation(text="1"))
    body = text.NoteBody()
    body.addElement(text.P(text="шарҳ"))
    note.addElement(body)
    noted.addElement(note)
    noted.addText(" сўз")
    document.text.addElement(noted)
    commented = text.P(text="Изоҳланган")
    annotation = office.Annotation()
    annotation.addElement(dc.Creator(text="Али"))
    annotation.addElement(text.P(text="Изоҳ матни"))
    commented.addElement(annotation)
    document.text.addElement(commented)
    bookmarked = text.P()
    bookmarked.addElement(text.Bookmark(name="Бўлим"))
    bookmarked.addText("Бўлим 2024")
    document.text.addElement(bookmarked)
    frame = draw.Frame(width="5cm", height="2cm", anchortype="paragraph")
    box = draw.TextBox()
    box.addElement(text.P(text="Матн қутиси"))
    frame.addElement(box)
    framed = text.P(text="Олдин ")
    framed.addElement(frame)
    document.text.addElement(framed)


def with_tracked_change(data: bytes) -> bytes:
    """*data* with a deleted paragraph recorded as a tracked change (odfpy's
    ChangedRegion does not take text:deletion's paragraph as we need it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "content.xml":
                content = content.replace(
                    b"<office:text>",
                    b'<office:text><text:tracked-changes><text:changed-region text:id="c1">'
                    b"<text:deletion><office:change-info><dc:creator>\xd0\x90\xd0\xbb\xd0\xb8"
                    b"</dc:creator><dc:date>2024-05-12T10:00:00</dc:date></office:change-info>"
                    b"<text:p>\xd1\x9e\xd1\x87\xd0\xb8\xd1\x80\xd0\xb8\xd0\xbb\xd0\xb4\xd0\xb8"
                    b"</text:p></text:deletion></text:changed-region></text:tracked-changes>",
                )
            target.writestr(info, content)
    return out.getvalue()


def part(data: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def paragraphs(root: Any) -> list[str]:
    return ["".join(p.itertext()) for p in root.iter(TEXT + "p", TEXT + "h")]


@pytest.fixture(scope="module")
def source() -> bytes:
    return text_document()


@pytest.fixture(scope="module")
def latin(source: bytes) -> bytes:
    return convert_bytes(source, to="latin", filename="report.odt")


def test_text_document_converts_everywhere_a_reader_looks(latin: bytes) -> None:
    content = paragraphs(part(latin, "content.xml"))
    for expected in (
        "Toshkent shahri",
        "Sarlavha",
        "Havolamarkazi",  # the tab is an element: itertext joins around it
        "sharh",
        "Izoh matni",
        "Boʻlim 2024",
        "Matn qutisi",
    ):
        assert expected in content
    assert "Yuqori kolontitul" in paragraphs(part(latin, "styles.xml"))
    meta = part(latin, "meta.xml")
    found = {el.tag.split("}")[1]: el.text for el in meta.iter()}
    assert (found["title"], found["subject"], found["language"]) == (
        "Hisobot",
        "Yillik hisobot",
        "uz-Latn-UZ",
    )


def test_split_word_goes_into_the_node_where_it_starts(latin: bytes) -> None:
    first = part(latin, "content.xml").find(f".//{OFFICE}text/{TEXT}p")
    span = first.find(TEXT + "span")
    assert (first.text, span.text, span.tail) == ("Toshkent", " shahri", None)


def test_what_is_not_visible_text_stays(latin: bytes) -> None:
    content = part(latin, "content.xml")
    deleted = content.find(f".//{TEXT}deletion/{TEXT}p")
    assert deleted.text == "ўчирилди"
    assert [a.get("{http://www.w3.org/1999/xlink}href") for a in content.iter(TEXT + "a")] == [
        "https://example.uz/Тошкент"
    ]
    assert [b.get(TEXT + "name") for b in content.iter(TEXT + "bookmark")] == ["Бўлим"]
    creators = [c.text for c in content.iter("{http://purl.org/dc/elements/1.1/}creator")]
    assert creators == ["Али", "Али"]
    assert [s.tail for s in content.iter(TEXT + "tab")] == ["markazi"]


def test_uzbek_language_attributes_follow_the_script(latin: bytes) -> None:
    styles = part(latin, "styles.xml")
    props = {
        (p.get(FO + "language"), p.get(FO + "script"))
        for p in styles.iter(STYLE + "text-properties")
        if p.get(FO + "language")
    }
    assert ("uz", "Latn") in props
    assert ("ru", None) in props
    back = convert_bytes(latin, to="cyrillic")
    props = {
        (p.get(FO + "language"), p.get(FO + "script"))
        for p in part(back, "styles.xml").iter(STYLE + "text-properties")
        if p.get(FO + "language")
    }
    assert ("uz", "Cyrl") in props


def test_the_mimetype_entry_stays_first_and_stored(source: bytes, latin: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(latin)) as package:
        first = package.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert latin[:80] == source[:80]


def test_round_trip_gives_the_original_paragraphs(source: bytes, latin: bytes) -> None:
    back = convert_bytes(latin, to="cyrillic")
    assert paragraphs(part(back, "content.xml")) == paragraphs(part(source, "content.xml"))


def spreadsheet() -> bytes:
    document = OpenDocumentSpreadsheet()
    sheet = table.Table(name="Маълумот")
    row = table.TableRow()
    city = table.TableCell(valuetype="string")
    city.addElement(text.P(text="Тошкент"))
    row.addElement(city)
    formula = table.TableCell(
        formula='of:=IF([.A1]="Тошкент";"ҳа";"йўқ")', valuetype="string", stringvalue="ҳа"
    )
    formula.addElement(text.P(text="ҳа"))
    row.addElement(formula)
    number = table.TableCell(valuetype="float", value="3500000")
    number.addElement(text.P(text="3500000"))
    row.addElement(number)
    sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    return save(document)


def test_spreadsheet_cells_and_formula_literals_convert() -> None:
    out = convert_bytes(spreadsheet(), to="latin")
    content = part(out, "content.xml")
    cells = list(content.iter(TABLE + "table-cell"))
    assert ["".join(c.itertext()) for c in cells] == ["Toshkent", "ha", "3500000"]
    assert cells[1].get(TABLE + "formula") == 'of:=IF([.A1]="Toshkent";"ha";"yoʻq")'
    assert cells[1].get(OFFICE + "string-value") == "ha"
    assert content.find(f".//{TABLE}table").get(TABLE + "name") == "Маълумот"
    assert detect_format(None, out[:4096]) == "ods"


def slides() -> bytes:
    document = OpenDocumentPresentation()
    layout = style.PageLayout(name="Layout")
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Master", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    page = draw.Page(masterpagename=master)
    frame = draw.Frame(width="20cm", height="3cm", x="1cm", y="1cm")
    box = draw.TextBox()
    box.addElement(text.P(text="Тақдимот сарлавҳаси"))
    frame.addElement(box)
    page.addElement(frame)
    notes = presentation.Notes()
    notes_frame = draw.Frame(width="20cm", height="3cm", x="1cm", y="1cm")
    notes_box = draw.TextBox()
    notes_box.addElement(text.P(text="Маърузачи учун"))
    notes_frame.addElement(notes_box)
    notes.addElement(notes_frame)
    page.addElement(notes)
    document.presentation.addElement(page)
    return save(document)


def test_presentation_slides_and_notes_convert() -> None:
    out = convert_bytes(slides(), to="latin")
    assert paragraphs(part(out, "content.xml")) == [
        "Taqdimot sarlavhasi",
        "Maʼruzachi uchun",
    ]
    assert detect_format("x.bin", out[:4096]) == "odp"
    assert detect_format(None, text_document()[:4096]) == "odt"


def test_a_zip_without_mimetype_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("content.xml", "<x/>")
    with pytest.raises(FormatError, match="no mimetype"):
        convert_bytes(out.getvalue(), to="latin", format="odt")


def test_teletype_reading_agrees(latin: bytes) -> None:
    """odfpy reads what we wrote, with the words where we put them."""
    from odf.opendocument import load  # noqa: PLC0415

    document = load(io.BytesIO(latin))
    first = document.text.getElementsByType(text.P)[1]  # the first after the deleted one
    assert teletype.extractText(first) == to_latin("Тошкент шаҳри")


SPLIT_TEXT = "Тошкент шаҳри телефон, Ўзбекистон «Ҳаёт» 2024 йил."


def split_paragraph(pieces: list[str]) -> bytes:
    """One paragraph whose pieces alternate between plain text and bold spans."""
    document = OpenDocumentText()
    bold = style.Style(name="Bold", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    paragraph = text.P()
    for index, piece in enumerate(pieces):
        if index % 2:
            paragraph.addElement(text.Span(stylename=bold, text=piece))
        else:
            paragraph.addText(piece)
    document.text.addElement(paragraph)
    return save(document)


def pieces_of(data: bytes) -> list[str]:
    paragraph = part(data, "content.xml").find(f".//{OFFICE}text/{TEXT}p")
    found = [paragraph.text or ""]
    for span in paragraph:
        found += [span.text or "", span.tail or ""]
    return found


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, len(SPLIT_TEXT)), min_size=1, max_size=8))
def test_split_spans_convert_as_whole_words_and_round_trip(points: list[int]) -> None:
    edges = [0, *sorted(set(points)), len(SPLIT_TEXT)]
    pieces = [SPLIT_TEXT[a:b] for a, b in itertools.pairwise(edges)]
    source = split_paragraph(pieces)
    latin = convert_bytes(source, to="latin")
    back = convert_bytes(latin, to="cyrillic")
    before, after, returned = pieces_of(source), pieces_of(latin), pieces_of(back)
    assert len(after) == len(returned) == len(before)
    assert "".join(after) == to_latin(SPLIT_TEXT)
    assert "".join(returned) == SPLIT_TEXT

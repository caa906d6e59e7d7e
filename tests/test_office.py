"""Word documents (docx): every part a reader sees converts, everything else stays.

The fixtures are made here with python-docx, plus lxml edits for what it cannot
write (split runs, footnotes, text boxes, fields, tracked changes).
"""

from __future__ import annotations

import io
import itertools
import random
import zipfile
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import to_cyrillic, to_latin
from uztranslit.formats import FormatError, Limits, convert_bytes, detect_format

docx = pytest.importorskip("docx")
etree = pytest.importorskip("lxml.etree")

from docx.opc.constants import CONTENT_TYPE as CT  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
NSDECLS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
# Formatting put on the runs of split words: bold, italic, a colour, or none.
FORMATS = (
    "<w:rPr><w:b/></w:rPr>",
    "<w:rPr><w:i/></w:rPr>",
    '<w:rPr><w:color w:val="C00000"/></w:rPr>',
    "",
)
SPLIT_TEXT = "Тошкент шаҳри телефон, Ўзбекистон «Ҳаёт» 2024 йил."


def runs_xml(pieces: Sequence[str]) -> str:
    """Runs holding *pieces*, with formatting changing from run to run."""
    return "".join(
        f'<w:r>{FORMATS[i % len(FORMATS)]}<w:t xml:space="preserve">{piece}</w:t></w:r>'
        for i, piece in enumerate(pieces)
    )


def cut(text: str, points: Sequence[int]) -> list[str]:
    edges = [0, *sorted({min(p, len(text)) for p in points}), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(edges)]


def paragraph(body: str) -> Any:
    return parse_xml(f"<w:p {NSDECLS}>{body}</w:p>")


def save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_footnotes(document: Any, text: str) -> None:
    """A footnotes part with the separator notes and one note holding *text*."""
    blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NSDECLS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p>{runs_xml(["И", "зоҳ ", text])}</w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def rich_document(pieces: Sequence[str] = ("Т", "ошкент ш", "аҳри")) -> bytes:
    """A Word document with text in every kind of place a reader sees it."""
    document = docx.Document()
    defaults = document.styles.element.find(f".//{W}rPrDefault//{W}lang")
    defaults.set(W + "val", "uz-Cyrl-UZ")  # the document's default language
    body = document.element.body
    sect = body[-1]
    link = document.part.relate_to("https://example.uz/Тошкент", RT.HYPERLINK, is_external=True)
    paragraphs = [
        runs_xml(pieces),
        f'<w:hyperlink r:id="{link}"><w:r><w:t>Ҳавола</w:t></w:r></w:hyperlink>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://mail.uz/Шаҳар" </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Шаҳар</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:ins w:id="11" w:author="Али"><w:r><w:t xml:space="preserve">қўшилди </w:t></w:r>'
        "</w:ins>"
        '<w:del w:id="12" w:author="Али"><w:r><w:delText>ўчирилди</w:delText></w:r></w:del>',
        '<w:bookmarkStart w:id="0" w:name="Бўлим"/><w:r><w:t>Бўлим</w:t></w:r>'
        '<w:bookmarkEnd w:id="0"/>',
        '<w:r><w:t>Изоҳли сўз</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        '</w:rPr><w:footnoteReference w:id="1"/></w:r>',
        '<w:r><w:t xml:space="preserve">Олдин </w:t></w:r><w:r><w:pict>'
        '<v:shape style="width:200pt;height:40pt"><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>Матн қутиси</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
        '</w:pict></w:r><w:r><w:t xml:space="preserve"> кейин</w:t></w:r>',
        '<w:r><w:rPr><w:lang w:val="uz-Cyrl-UZ" w:eastAsia="ru-RU" w:bidi="uz-Cyrl-UZ"/>'
        '</w:rPr><w:t>Сўз</w:t></w:r><w:r><w:rPr><w:lang w:val="ru-RU"/></w:rPr>'
        '<w:t xml:space="preserve"> ва ўзбек</w:t></w:r>',
        "<w:r><w:t>Шаҳар</w:t><w:tab/><w:t>маркази</w:t></w:r>",
        "<w:r><w:t>12.05.2024 йил, 3 500 000 сўм</w:t></w:r>",
    ]
    for body_xml in paragraphs:
        sect.addprevious(paragraph(body_xml))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Жадвал"
    table.cell(0, 1).text = "ҳужайра"
    commented = document.add_paragraph().add_run("Изоҳланган")
    document.add_comment(commented, text="Изоҳ матни", author="Али")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Юқори колонтитул"
    section.footer.paragraphs[0].text = "Пастки колонтитул"
    add_footnotes(document, "шарҳ")
    document.core_properties.title = "Ҳисобот"
    document.core_properties.subject = "Йиллик ҳисобот"
    document.core_properties.language = "uz-Cyrl-UZ"
    document.core_properties.keywords = "калит"
    return save(document)


def part(data: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def paragraph_runs(root: Any) -> list[list[tuple[str, bytes]]]:
    """Each paragraph's runs as (text, formatting), nested paragraphs on their own."""
    result = []
    for p in root.iter(W + "p"):
        runs = []
        for run in p.iter(W + "r"):
            if next(run.iterancestors(W + "p")) is not p:
                continue
            props = run.find(W + "rPr")
            text = "".join(t.text or "" for t in run.iter(W + "t"))
            runs.append((text, b"" if props is None else etree.tostring(props)))
        result.append(runs)
    return result


def joined(runs: list[tuple[str, bytes]]) -> str:
    return "".join(text for text, _props in runs)


@pytest.fixture(scope="module")
def rich() -> bytes:
    return rich_document()


@pytest.fixture(scope="module")
def latin(rich: bytes) -> bytes:
    return convert_bytes(rich, to="latin", filename="report.docx")


def all_text(data: bytes, name: str) -> str:
    return "".join(t.text or "" for t in part(data, name).iter(W + "t"))


def test_every_part_a_reader_sees_is_converted(latin: bytes) -> None:
    body = all_text(latin, "word/document.xml")
    for expected in (
        "Toshkent shahri",  # split runs
        "Havola",  # a hyperlink's text
        "Shahar",  # a field's result
        "qoʻshildi",  # inserted text
        "Boʻlim",  # a bookmarked word
        "Izohli soʻz",  # before a footnote mark
        "Matn qutisi",  # a text box
        "Jadval",  # a table
        "Izohlangan",  # commented text
        "12.05.2024 yil, 3 500 000 soʻm",  # numbers kept, words converted
    ):
        assert expected in body
    assert not any("\u0400" <= ch <= "\u04ff" for ch in body)
    assert all_text(latin, "word/header1.xml") == "Yuqori kolontitul"
    assert all_text(latin, "word/footer1.xml") == "Pastki kolontitul"
    assert "Izoh sharh" in all_text(latin, "word/footnotes.xml")
    assert all_text(latin, "word/comments.xml") == "Izoh matni"
    properties = docx.Document(io.BytesIO(latin)).core_properties
    assert (properties.title, properties.subject) == ("Hisobot", "Yillik hisobot")
    assert properties.language == "uz-Latn-UZ"


def test_what_is_not_visible_text_stays(latin: bytes) -> None:
    document = part(latin, "word/document.xml")
    instructions = [t.text for t in document.iter(W + "instrText")]
    assert instructions == [' HYPERLINK "https://mail.uz/Шаҳар" ']
    assert [t.text for t in document.iter(W + "delText")] == ["ўчирилди"]
    assert [b.get(W + "name") for b in document.iter(W + "bookmarkStart")] == ["Бўлим"]
    rels = part(latin, "word/_rels/document.xml.rels")
    assert "https://example.uz/Тошкент" in [r.get("Target") for r in rels]
    comments = part(latin, "word/comments.xml")
    assert [c.get(W + "author") for c in comments.iter(W + "comment")] == ["Али"]
    # a tab still parts the two words
    assert ["Shahar", "markazi"] in [
        [t.text for t in p.iter(W + "t")] for p in document.iter(W + "p")
    ]


def test_language_tags_follow_the_script_and_only_uzbek_ones(latin: bytes) -> None:
    langs = [
        {k.split("}")[1]: v for k, v in lang.attrib.items()}
        for lang in part(latin, "word/document.xml").iter(W + "lang")
    ]
    assert {"val": "uz-Latn-UZ", "eastAsia": "ru-RU", "bidi": "uz-Latn-UZ"} in langs
    assert {"val": "ru-RU"} in langs
    default = part(latin, "word/styles.xml").find(f".//{W}rPrDefault//{W}lang")
    assert default.get(W + "val") == "uz-Latn-UZ"
    back = convert_bytes(latin, to="cyrillic")
    default = part(back, "word/styles.xml").find(f".//{W}rPrDefault//{W}lang")
    assert default.get(W + "val") == "uz-Cyrl-UZ"


def test_parts_and_zip_entries_with_nothing_to_change_are_kept_byte_for_byte(
    rich: bytes, latin: bytes
) -> None:
    with zipfile.ZipFile(io.BytesIO(rich)) as before, zipfile.ZipFile(io.BytesIO(latin)) as after:
        old, new = before.infolist(), after.infolist()
        assert [i.filename for i in old] == [i.filename for i in new]
        for a, b in zip(old, new, strict=True):
            assert (a.compress_type, a.date_time, a.external_attr) == (
                b.compress_type,
                b.date_time,
                b.external_attr,
            )
        changed = {a.filename for a, b in zip(old, new, strict=True) if a.CRC != b.CRC}
        for info in old:
            if info.filename not in changed:
                raw = rich[info.header_offset : info.header_offset + 30 + info.compress_size]
                other = after.getinfo(info.filename)
                assert latin[other.header_offset :].startswith(raw[:30])
    assert changed == {
        "docProps/core.xml",
        "word/document.xml",
        "word/styles.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "word/footnotes.xml",
        "word/comments.xml",
    }


def test_a_document_with_nothing_to_convert_comes_back_unchanged() -> None:
    document = docx.Document()
    document.add_paragraph("Only Latin letters here, 2024.")
    data = save(document)
    assert convert_bytes(data, to="latin") == data
    document = docx.Document()
    document.add_paragraph("Фақат кирилл, 2024.")
    data = save(document)
    assert convert_bytes(data, to="cyrillic") == data


def test_the_direction_is_detected_from_the_document_text(latin: bytes) -> None:
    back = convert_bytes(latin, to="cyrillic")
    assert "Тошкент шаҳри" in all_text(back, "word/document.xml")
    # asking for the script it is already in changes nothing
    assert convert_bytes(latin, to="latin") == latin


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, len(SPLIT_TEXT)), min_size=1, max_size=12))
def test_split_runs_convert_as_whole_words_and_round_trip(points: list[int]) -> None:
    pieces = cut(SPLIT_TEXT, points)
    source = rich_document(pieces)
    original = paragraph_runs(part(source, "word/document.xml"))
    latin = convert_bytes(source, to="latin")
    converted = paragraph_runs(part(latin, "word/document.xml"))
    back = paragraph_runs(part(convert_bytes(latin, to="cyrillic"), "word/document.xml"))
    assert joined(converted[0]) == to_latin(SPLIT_TEXT)
    for before, after, returned in zip(original, converted, back, strict=True):
        # no run merged or lost, each keeps its formatting
        assert [props.replace(b"uz-Latn", b"uz-Cyrl") for _t, props in after] == [
            props for _t, props in before
        ]
        assert [props for _t, props in returned] == [props for _t, props in before]
        assert joined(after) == to_latin(joined(before))
        assert joined(returned) == joined(before)


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["т", "елефон"], ["telefon", ""]),  # not tyelefon
        (["Ш", "аҳар"], ["Shahar", ""]),
        (["апре", "л"], ["aprel", ""]),
    ],
)
def test_a_word_goes_into_the_run_where_it_starts(pieces: list[str], expected: list[str]) -> None:
    latin = convert_bytes(rich_document(pieces), to="latin")
    assert [t for t, _p in paragraph_runs(part(latin, "word/document.xml"))[0]] == expected


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["S", "hahar"], "Шаҳар"),  # not Сҳаҳар
        (["O", "ʻzbekiston"], "Ўзбекистон"),  # not Оʻзбекистон
        (["apre", "l"], "апрель"),  # not апрел
    ],
)
def test_latin_words_split_across_runs_convert_whole(pieces: list[str], expected: str) -> None:
    document = docx.Document()
    p = document.add_paragraph()
    for piece in pieces:
        p.add_run(piece).bold = piece == pieces[0]
    out = docx.Document(io.BytesIO(convert_bytes(save(document), to="cyrillic")))
    assert [r.text for r in out.paragraphs[0].runs] == [expected, ""]
    assert expected == to_cyrillic("".join(pieces))


def test_a_run_with_new_edge_spaces_keeps_them() -> None:
    document = docx.Document()
    p = document.add_paragraph()
    for piece in ("Ш", "аҳар маркази"):
        p.add_run(piece)
    out = convert_bytes(save(document), to="latin")
    assert [r.text for r in docx.Document(io.BytesIO(out)).paragraphs[0].runs] == [
        "Shahar",
        " markazi",
    ]


def test_recognised_by_content_whatever_the_name(rich: bytes) -> None:
    assert detect_format("report.bin", rich[:4096]) == "docx"
    assert detect_format(None, rich[:4096]) == "docx"
    assert convert_bytes(rich, to="latin") == convert_bytes(rich, to="latin", format="docx")


def with_document_xml(data: bytes, xml: bytes) -> bytes:
    """*data* with word/document.xml replaced by *xml*."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info, content)
    return out.getvalue()


def test_entities_and_dtds_are_refused(rich: bytes) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&b;</w:t>'
        b"</w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(FormatError, match="DTD"):
        convert_bytes(with_document_xml(rich, bomb), to="latin")
    external = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    )
    with pytest.raises(FormatError, match="DTD"):
        convert_bytes(with_document_xml(rich, external), to="latin")


def test_broken_xml_names_the_part(rich: bytes) -> None:
    with pytest.raises(FormatError, match=r"word/document\.xml.*not well-formed"):
        convert_bytes(with_document_xml(rich, b"<w:document"), to="latin")


def test_old_binary_and_encrypted_files_get_a_clear_error() -> None:
    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    old_word = magic + b"\0" * 100 + "WordDocument".encode("utf-16-le")
    with pytest.raises(FormatError, match=r"soffice --headless --convert-to docx"):
        convert_bytes(old_word, to="latin", filename="old.doc")
    old_excel = magic + b"\0" * 100 + "Workbook".encode("utf-16-le")
    with pytest.raises(FormatError, match=r"--convert-to xlsx"):
        convert_bytes(old_excel, to="latin", filename="old.xls")
    encrypted = magic + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(FormatError, match=r"encrypted.*decrypt it first"):
        convert_bytes(encrypted, to="latin", filename="secret.docx")


def test_corrupt_and_foreign_zips_are_refused(rich: bytes) -> None:
    with pytest.raises(FormatError, match="not a readable zip"):
        convert_bytes(rich[: len(rich) // 2], to="latin", format="docx")
    with pytest.raises(FormatError, match="not a zip"):
        convert_bytes(b"plain text", to="latin", format="docx")
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as package:
        package.writestr("notes.txt", "Шаҳар")
    with pytest.raises(FormatError, match=r"no \[Content_Types\]\.xml"):
        convert_bytes(plain_zip.getvalue(), to="latin", format="docx")


def test_a_zip_bomb_is_refused_unless_the_cap_is_raised(rich: bytes) -> None:
    with pytest.raises(FormatError, match=r"zip bomb.*Limits\.max_unpacked"):
        convert_bytes(rich, to="latin", limits=Limits(max_unpacked=10_000))
    assert convert_bytes(rich, to="latin", limits=Limits(max_unpacked=10_000_000))


def test_the_document_functions_come_from_uztranslit_without_slowing_its_import() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    import uztranslit  # noqa: PLC0415
    from uztranslit import formats  # noqa: PLC0415

    assert uztranslit.convert_bytes is formats.convert_bytes
    assert uztranslit.convert_file is formats.convert_file
    assert uztranslit.FormatError is FormatError
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        uztranslit.nothing  # noqa: B018
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, uztranslit; print(sorted(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "uztranslit.formats" not in loaded
    assert "lxml" not in loaded


def test_strict_open_xml_is_refused_not_passed_through(rich: bytes) -> None:
    strict = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/'
        b'wordprocessingml/main"><w:body><w:p><w:r><w:t>\xd0\xa8</w:t></w:r></w:p></w:body>'
        b"</w:document>"
    )
    with pytest.raises(FormatError, match="Strict Office Open XML is not supported"):
        convert_bytes(with_document_xml(rich, strict), to="latin")


def test_the_examples_in_docs_documents_md_run() -> None:
    import doctest  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    path = Path(__file__).resolve().parent.parent / "docs" / "documents.md"
    result = doctest.testfile(str(path), module_relative=False)
    assert result.attempted >= 3
    assert result.failed == 0


def test_the_content_says_office_and_the_ending_says_which() -> None:
    """A zip whose head shows only package parts, written with data descriptors
    (sizes after the data) as LibreOffice and streaming writers do."""
    noise = random.Random(0).randbytes(3000)  # does not compress
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in ("_rels/.rels", "docProps/core.xml", "[Content_Types].xml"):
            with package.open(name, "w") as entry:  # streamed: a data descriptor
                entry.write(noise)
        package.writestr("xl/workbook.xml", b"<x/>")
    head = out.getvalue()[:4096]
    assert b"xl/" not in head
    assert detect_format("book.xlsx", head) == "xlsx"
    assert detect_format("deck.pptx", head) == "pptx"
    assert detect_format(None, head) == "docx"
    assert detect_format("notes.txt", head) == "docx"  # the content wins over the ending

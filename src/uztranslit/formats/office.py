"""Office Open XML: Word (.docx, .docm), Excel (.xlsx, .xlsm) and PowerPoint (.pptx).

Which parts hold text is read from ``[Content_Types].xml``, not guessed from
names.  Converted (docs/documents.md has the full list):

- Word: the body, headers, footers, footnotes, endnotes and comments, with the
  tables and text boxes inside them (``w:t`` of each paragraph, a word split
  between runs converted whole); charts and SmartArt as DrawingML;
- Excel: shared and inline strings, the text results of formulas, string
  literals in formulas, headers and footers (their ``&`` codes kept), comments,
  drawings and charts.  Sheet names are kept: formulas, defined names, charts,
  pivot tables, macros and other workbooks refer to them by name;
- PowerPoint: slides, notes, layouts, masters (DrawingML ``a:t``) and comments;
- every package: the title and subject in ``docProps/core.xml``; language tags
  ``uz-Cyrl-*`` ↔ ``uz-Latn-*`` (``w:lang``, ``w:themeFontLang``, DrawingML
  ``lang``/``altLang``, ``dc:language``), the document defaults included.

Not touched: field codes (``w:instrText``), deleted text (``w:delText``),
hyperlink targets and every relationship, bookmark, style and sheet names,
numbers, dates, pictures, embedded objects, macros, custom XML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from .._transliterator import Transliterator
from . import _safexml, _safezip
from ._base import Chooser, FormatError, Limits
from ._office_text import (
    PROPERTIES,
    Codec,
    PartKind,
    Segment,
    convert_formula,
    convert_package,
    convert_segments,
    no_texts,
    open_package,
    retag_attributes,
    segment_texts,
)

if TYPE_CHECKING:
    from lxml import etree

    Element = etree._Element
else:
    Element = object

NAME: Final = "office"  # the module of the formats docx, xlsx and pptx

CONTENT_TYPES: Final = "[Content_Types].xml"
OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Strict Office Open XML writes its elements in these namespaces, which this
# module does not read (Word, Excel and PowerPoint save Transitional by default).
STRICT_NAMESPACE: Final = b'"http://purl.oclc.org/ooxml/'

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A: Final = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_S: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C: Final = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_P: Final = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_XML: Final = "{http://www.w3.org/XML/1998/namespace}"
_CT: Final = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_THREADED: Final = "{http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments}"

# --- Word ------------------------------------------------------------------------

W_P: Final = _W + "p"
W_T: Final = _W + "t"
# Elements of a run that stand between pieces of text: the text on their two
# sides is not one word (tabs, breaks, symbols, pictures, field boundaries,
# note marks, a ruby's reading and its base).  A soft hyphen is not among them:
# it sits inside a word.
W_BREAKS: Final = frozenset(
    _W + name
    for name in (
        "tab",  # a tab character
        "ptab",  # an absolute tab
        "br",  # a line, column or page break
        "cr",  # a carriage return
        "sym",  # a symbol from a symbol font
        "noBreakHyphen",  # a visible hyphen
        "drawing",  # a picture or a shape
        "pict",  # a VML picture or text box
        "object",  # an embedded object
        "fldChar",  # the start, separator or end of a field
        "footnoteReference",  # a footnote's number
        "endnoteReference",  # an endnote's number
        "rt",  # a ruby's reading, shown above its base: a text of its own
        "rubyBase",  # a ruby's base text, after its reading
    )
)
# Containers whose w:t is not part of the paragraph being read: a paragraph
# inside a text box, and deleted or moved-away text (written as w:t by some tools).
W_NOT_OURS: Final = frozenset((W_P, _W + "del", _W + "moveFrom"))
W_LANG_ATTRIBUTES: Final = (_W + "val", _W + "eastAsia", _W + "bidi")
W_LANG_ELEMENTS: Final = (_W + "lang", _W + "themeFontLang")


def word_segments(root: Element) -> Iterator[Segment]:
    """The segments of every paragraph of a Word part (nested ones on their own)."""
    wanted = (W_T, *W_BREAKS)
    for paragraph in root.iter(W_P):
        nested = paragraph.iter(*W_NOT_OURS)
        next(nested)  # the paragraph itself
        mixed = next(nested, None) is not None
        segment: Segment = []
        for element in paragraph.iter(*wanted):
            if mixed and not _belongs_to(element, paragraph):
                continue
            if element.tag == W_T:
                segment.append((element, False))
            elif segment:
                yield segment
                segment = []
        if segment:
            yield segment


def _belongs_to(element: Element, paragraph: Element) -> bool:
    """Whether *element* is *paragraph*'s own, not inside a nested paragraph or deletion."""
    for ancestor in element.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag in W_NOT_OURS:
            return False
    return False


def keep_spaces(element: Element, tail: bool, text: str) -> None:
    """Mark a Word or Excel text element whose new text starts or ends with a
    space as xml:space="preserve", else the space would be dropped on reading."""
    if not tail and text and (text[0].isspace() or text[-1].isspace()):
        element.set(_XML + "space", "preserve")


def retag_elements(
    root: Element, elements: Sequence[str], attributes: Sequence[str], target: str
) -> bool:
    """Retag the language *attributes* of every one of *elements* under *root* for
    *target*; whether any changed."""
    changed = False
    for element in root.iter(*elements):
        if retag_attributes(element, attributes, target):
            changed = True
    return changed


def retag_word(root: Element, target: str) -> bool:
    return retag_elements(root, W_LANG_ELEMENTS, W_LANG_ATTRIBUTES, target)


def convert_word(root: Element, translit: Transliterator) -> bool:
    converted = convert_segments(word_segments(root), translit, keep_spaces)
    retagged = retag_word(root, translit.target)
    return converted or retagged


def word_texts(root: Element) -> Iterator[str]:
    return segment_texts(word_segments(root))


# --- DrawingML (PowerPoint, charts, shapes in Excel, SmartArt) -----------------------

A_P: Final = _A + "p"
A_R: Final = _A + "r"
A_T: Final = _A + "t"
A_FLD: Final = _A + "fld"
A_LANG_ELEMENTS: Final = (_A + "rPr", _A + "defRPr", _A + "endParaRPr")
A_LANG_ATTRIBUTES: Final = ("lang", "altLang")
C_STR_CACHE: Final = _C + "strCache"
C_V: Final = _C + "v"


def drawing_segments(root: Element) -> Iterator[Segment]:
    """The runs of each DrawingML paragraph, cut at line breaks and fields; and
    each cached text of a chart (category and series names)."""
    for paragraph in root.iter(A_P):
        segment: Segment = []
        for child in paragraph:
            text = child.find(A_T) if child.tag in (A_R, A_FLD) else None
            if child.tag == A_R and text is not None:
                segment.append((text, False))
                continue
            if segment:
                yield segment
                segment = []
            if text is not None:  # a field: its text on its own
                yield [(text, False)]
        if segment:
            yield segment
    for cache in root.iter(C_STR_CACHE):
        for value in cache.iter(C_V):
            yield [(value, False)]


def retag_drawing(root: Element, target: str) -> bool:
    return retag_elements(root, A_LANG_ELEMENTS, A_LANG_ATTRIBUTES, target)


def convert_drawing(root: Element, translit: Transliterator) -> bool:
    converted = convert_segments(drawing_segments(root), translit)
    retagged = retag_drawing(root, translit.target)
    return converted or retagged


def drawing_texts(root: Element) -> Iterator[str]:
    return segment_texts(drawing_segments(root))


# PowerPoint's comments (p:cm/p:text): plain text.
P_TEXT: Final = _P + "text"


def slide_comment_segments(root: Element) -> Iterator[Segment]:
    for text in root.iter(P_TEXT):
        yield [(text, False)]


# --- Excel -----------------------------------------------------------------------

S_T: Final = _S + "t"
S_R: Final = _S + "r"
S_SI: Final = _S + "si"
S_IS: Final = _S + "is"
S_C: Final = _S + "c"
S_V: Final = _S + "v"
S_TEXT: Final = _S + "text"
# Elements holding a formula: a cell's, a data validation's, a conditional format's.
S_FORMULAS: Final = (_S + "f", _S + "formula", _S + "formula1", _S + "formula2")
S_HEADER_FOOTER: Final = tuple(
    _S + name
    for name in (
        "oddHeader",
        "oddFooter",
        "evenHeader",
        "evenFooter",
        "firstHeader",
        "firstFooter",
    )
)
THREADED_TEXT: Final = _THREADED + "text"
# An autofilter's values: those it shows, and those of a custom filter.
S_FILTERS: Final = (_S + "filter", _S + "customFilter")


# Excel stores a character XML cannot hold (a carriage return, a control
# character) as _xHHHH_, and a literal "_x" that would read as one as _x005F_x.
_EXCEL_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EXCEL_UNSAFE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")


def unescape_excel(text: str) -> str:
    """The text a reader sees in an Excel string (escapes resolved)."""
    if "_x" not in text:
        return text
    return _EXCEL_ESCAPE.sub(lambda found: chr(int(found[1], 16)), text)


def escape_excel(text: str) -> str:
    """*text* stored as Excel stores it (unescape_excel undone)."""
    text = _EXCEL_ESCAPE.sub(lambda found: "_x005F" + found[0], text)
    return _EXCEL_UNSAFE.sub(lambda found: f"_x{ord(found[0]):04X}_", text)


EXCEL_ESCAPES: Final = Codec(unescape_excel, escape_excel)


def rich_text_segment(element: Element) -> Segment:
    """The pieces of an Excel string (si, is, a comment's text): its t, or the t
    of each of its runs; the phonetic guide (rPh) is not part of it."""
    segment: Segment = []
    for child in element:
        if child.tag == S_T:
            segment.append((child, False))
        elif child.tag == S_R:
            text = child.find(S_T)
            if text is not None:
                segment.append((text, False))
    return segment


def shared_string_segments(root: Element) -> Iterator[Segment]:
    for item in root.iter(S_SI):
        yield rich_text_segment(item)


def excel_comment_segments(root: Element) -> Iterator[Segment]:
    for text in root.iter(S_TEXT):
        yield rich_text_segment(text)
    for text in root.iter(THREADED_TEXT):
        yield [(text, False)]


def sheet_segments(root: Element) -> Iterator[Segment]:
    """A worksheet's inline strings and the text results of its formulas."""
    for cell in root.iter(S_C):
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(S_IS)
            if inline is not None:
                yield rich_text_segment(inline)
        elif kind == "str":
            value = cell.find(S_V)
            if value is not None:
                yield [(value, False)]


# A header or footer code: && (an ampersand), &"font,style", &K and a colour,
# &12 (a font size), or & and one letter (&L &C &R sections, &P page, &B bold…).
_HF_CODE: Final = re.compile(r'&&|&"[^"]*"|&K(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})|&\d+|&.', re.S)
_HF_SECTIONS: Final = frozenset(("&L", "&C", "&R"))
# Codes that put something in the text (a page number, a date, a file name…):
# the text on their two sides is not one word.
_HF_FIELDS: Final = frozenset(("&P", "&N", "&D", "&T", "&Z", "&F", "&A", "&G", "&&"))


def convert_header_footer(text: str, translit: Transliterator) -> str:
    """An Excel header or footer with its text converted and its & codes kept;
    text on both sides of a formatting code (&B, &"Arial,Bold") converts as one."""
    tokens: list[str] = []  # text and codes, alternating, starting with text
    position = 0
    for found in _HF_CODE.finditer(text):
        tokens += [text[position : found.start()], found[0]]
        position = found.end()
    tokens.append(text[position:])
    run: list[int] = []  # indices of the texts converted together
    for index, token in enumerate(tokens):
        if index % 2 == 0:
            run.append(index)
        elif token.upper() in _HF_SECTIONS or token.upper() in _HF_FIELDS:
            _convert_run(tokens, run, translit)
            run = []
    _convert_run(tokens, run, translit)
    return "".join(tokens)


def _convert_run(tokens: list[str], run: list[int], translit: Transliterator) -> None:
    """The texts of *tokens* at the indices *run* converted together, in place."""
    converted = translit.convert_pieces([tokens[index] for index in run])
    for index, new in zip(run, converted, strict=True):
        tokens[index] = new


def convert_formulas(root: Element, tags: Sequence[str], translit: Transliterator) -> bool:
    """The formulas in the elements *tags* with their texts converted (convert_formula)."""
    changed = False
    for element in root.iter(*tags):
        if element.text and ('"' in element.text or "[" in element.text):
            new = convert_formula(element.text, translit, excel=True)
            if new != element.text:
                element.text = new
                changed = True
    return changed


def convert_filter_values(root: Element, translit: Transliterator) -> bool:
    """The values an autofilter shows or matches: they are cell texts."""
    changed = False
    for element in root.iter(*S_FILTERS):
        value = element.get("val")
        if value:
            new = translit(value)
            if new != value:
                element.set("val", new)
                changed = True
    return changed


def convert_sheet(root: Element, translit: Transliterator) -> bool:
    changed = convert_segments(sheet_segments(root), translit, keep_spaces, EXCEL_ESCAPES)
    if convert_formulas(root, S_FORMULAS, translit):
        changed = True
    if convert_filter_values(root, translit):
        changed = True
    for element in root.iter(*S_HEADER_FOOTER):
        if element.text:
            new = escape_excel(convert_header_footer(unescape_excel(element.text), translit))
            if new != element.text:
                element.text = new
                changed = True
    return changed


# A table's columns are named by its header cells, and structured references in
# formulas (Table1[Column]) name them: both convert as the header cells do.
S_TABLE_COLUMN: Final = _S + "tableColumn"
S_TABLE_FORMULAS: Final = (_S + "calculatedColumnFormula", _S + "totalsRowFormula")
S_DEFINED_NAME: Final = _S + "definedName"


def convert_table(root: Element, translit: Transliterator) -> bool:
    changed = False
    for column in root.iter(S_TABLE_COLUMN):
        name = column.get("name")
        if name:
            new = translit(name)
            if new != name:
                column.set("name", new)
                changed = True
    if convert_formulas(root, S_TABLE_FORMULAS, translit):
        changed = True
    if convert_filter_values(root, translit):
        changed = True
    return changed


def convert_workbook(root: Element, translit: Transliterator) -> bool:
    """The formulas of defined names (sheet names in them are kept, like the sheets')."""
    return convert_formulas(root, (S_DEFINED_NAME,), translit)


def sheet_texts(root: Element) -> Iterator[str]:
    yield from segment_texts(sheet_segments(root), EXCEL_ESCAPES)
    for element in root.iter(*S_HEADER_FOOTER):
        yield _HF_CODE.sub(" ", element.text or "")


# --- which parts are which ------------------------------------------------------------


def _kind_of(
    find: Callable[[Element], Iterator[Segment]],
    priority: int = 1,
    codec: Codec | None = None,
) -> PartKind:
    """A PartKind from a segment finder (and how the format stores text)."""

    def convert(root: Element, translit: Transliterator) -> bool:
        return convert_segments(find(root), translit, keep_spaces, codec)

    return PartKind(lambda root: segment_texts(find(root), codec), convert, priority)


WORD_TEXT: Final = PartKind(word_texts, convert_word, 0)
WORD_SIDE: Final = PartKind(word_texts, convert_word, 1)
WORD_LANGUAGE: Final = PartKind(no_texts, lambda root, to: retag_word(root, to.target), 2)
DRAWING: Final = PartKind(drawing_texts, convert_drawing, 1)
SLIDE: Final = PartKind(drawing_texts, convert_drawing, 0)
DRAWING_LANGUAGE: Final = PartKind(no_texts, lambda root, to: retag_drawing(root, to.target), 2)
SLIDE_COMMENTS: Final = _kind_of(slide_comment_segments)
SHARED_STRINGS: Final = _kind_of(shared_string_segments, 0, EXCEL_ESCAPES)
SHEET: Final = PartKind(sheet_texts, convert_sheet, 1)
EXCEL_COMMENTS: Final = _kind_of(excel_comment_segments, 1, EXCEL_ESCAPES)
TABLE: Final = PartKind(no_texts, convert_table, 2)
WORKBOOK: Final = PartKind(no_texts, convert_workbook, 2)

_OOXML: Final = "application/vnd.openxmlformats-officedocument."
# Content type (or its ending after the vendor prefix) → how the part is converted.
KINDS_BY_CONTENT_TYPE: Final = MappingProxyType(
    {
        # Word: the main document (document, template, with macros) and its side parts
        "wordprocessingml.document.main+xml": WORD_TEXT,
        "wordprocessingml.template.main+xml": WORD_TEXT,
        "application/vnd.ms-word.document.macroEnabled.main+xml": WORD_TEXT,
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": WORD_TEXT,
        "wordprocessingml.header+xml": WORD_SIDE,  # headers
        "wordprocessingml.footer+xml": WORD_SIDE,  # footers
        "wordprocessingml.footnotes+xml": WORD_SIDE,  # footnotes
        "wordprocessingml.endnotes+xml": WORD_SIDE,  # endnotes
        "wordprocessingml.comments+xml": WORD_SIDE,  # comments
        "wordprocessingml.styles+xml": WORD_LANGUAGE,  # the default language, styles' languages
        "wordprocessingml.settings+xml": WORD_LANGUAGE,  # w:themeFontLang
        "wordprocessingml.numbering+xml": WORD_LANGUAGE,  # list numbers' languages
        # Excel
        "spreadsheetml.sharedStrings+xml": SHARED_STRINGS,  # cell texts
        "spreadsheetml.worksheet+xml": SHEET,  # inline strings, formulas, headers, footers
        "spreadsheetml.comments+xml": EXCEL_COMMENTS,  # notes (old-style comments)
        "spreadsheetml.table+xml": TABLE,  # tables: column names, formulas, filters
        "spreadsheetml.sheet.main+xml": WORKBOOK,  # defined names; sheet names are kept
        "spreadsheetml.template.main+xml": WORKBOOK,
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml": WORKBOOK,
        "application/vnd.ms-excel.template.macroEnabled.main+xml": WORKBOOK,
        "application/vnd.ms-excel.threadedcomments+xml": EXCEL_COMMENTS,  # threaded comments
        "drawing+xml": DRAWING,  # shapes and text boxes on a sheet
        # PowerPoint
        "presentationml.slide+xml": SLIDE,
        "presentationml.slideLayout+xml": DRAWING,
        "presentationml.slideMaster+xml": DRAWING,
        "presentationml.notesSlide+xml": DRAWING,
        "presentationml.notesMaster+xml": DRAWING,
        "presentationml.handoutMaster+xml": DRAWING,
        "presentationml.comments+xml": SLIDE_COMMENTS,
        "application/vnd.ms-powerpoint.comments+xml": DRAWING,  # modern comments
        "presentationml.presentation.main+xml": DRAWING_LANGUAGE,  # the default text style
        "presentationml.slideshow.main+xml": DRAWING_LANGUAGE,
        "presentationml.template.main+xml": DRAWING_LANGUAGE,
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": DRAWING_LANGUAGE,
        # Charts and SmartArt, in any of the three
        "drawingml.chart+xml": DRAWING,
        "drawingml.diagramData+xml": DRAWING,
        "application/vnd.ms-office.drawingml.diagramDrawing+xml": DRAWING,
        # Title and subject
        "application/vnd.openxmlformats-package.core-properties+xml": PROPERTIES,
    }
)

# The main part's content type tells the application.
_APPLICATIONS: Final = (
    ("wordprocessingml", "docx"),
    ("ms-word", "docx"),
    ("spreadsheetml.sheet", "xlsx"),
    ("ms-excel.sheet", "xlsx"),
    ("presentationml", "pptx"),
    ("ms-powerpoint", "pptx"),
)


def kind_for(content_type: str) -> PartKind | None:
    content_type = content_type.strip()
    if content_type.startswith(_OOXML):
        content_type = content_type[len(_OOXML) :]
    return KINDS_BY_CONTENT_TYPE.get(content_type)


def part_kinds(package: _safezip.SafeZip) -> dict[str, PartKind]:
    """Each entry of *package* that holds text, with how to convert it, from
    [Content_Types].xml (Override by part name, else Default by extension)."""
    root = _safexml.parse(package.read(CONTENT_TYPES))
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for element in root:
        if element.tag == _CT + "Override":
            overrides[element.get("PartName", "").lstrip("/").lower()] = element.get(
                "ContentType", ""
            )
        elif element.tag == _CT + "Default":
            defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
    kinds: dict[str, PartKind] = {}
    for info in package.infos:
        name = info.filename
        lowered = name.lower()
        content_type = overrides.get(lowered)
        if content_type is None:
            content_type = defaults.get(lowered.rpartition(".")[2], "")
        kind = kind_for(content_type)
        if kind is not None:
            kinds[name] = kind
    return kinds


# --- recognising and refusing ----------------------------------------------------------


def application(content_types: bytes) -> str | None:
    """docx, xlsx or pptx from the text of [Content_Types].xml, None if none of them."""
    for found in re.finditer(rb'ContentType="([^"]*\.main\+xml)"', content_types):
        content_type = found[1].decode("ascii", "replace")
        for marker, name in _APPLICATIONS:
            if marker in content_type:
                return name
    return None


def sniff(head: bytes) -> str | None:
    """The format of a file by its first bytes: docx, xlsx or pptx for an Office
    Open XML zip (and for an old binary or encrypted Office file, which convert
    refuses with a helpful message); None for anything else."""
    if head.startswith(OLE2_MAGIC):
        return _ole2_kind(head)
    if not head.startswith(_safezip.ZIP_MAGIC):
        return None
    first = _safezip.first_entry(head)
    if first is not None and first[0] == CONTENT_TYPES and first[1]:
        return application(first[1])
    names = list(_safezip.entry_names(head))
    for name in names:
        for prefix, found in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
            if name.startswith(prefix):
                return found
    # a package whose application's parts lie beyond the head: Office Open XML all
    # the same (this module converts all three alike; the file's ending may say which)
    package_parts = (CONTENT_TYPES, "_rels/.rels", "docProps/core.xml", "docProps/app.xml")
    return "docx" if any(name in package_parts for name in names) else None


# Streams that name an old binary format, in UTF-16 as the OLE2 directory holds them.
_OLE2_STREAMS: Final = (
    ("WordDocument", "docx"),
    ("Workbook", "xlsx"),
    ("Book", "xlsx"),
    ("PowerPoint Document", "pptx"),
)


def _ole2_kind(data: bytes) -> str:
    for stream, name in _OLE2_STREAMS:
        if stream.encode("utf-16-le") in data:
            return name
    return "docx"


# The error for a password-protected document (Office's OLE2 wrapper, ODF's manifest).
ENCRYPTED: Final = (
    "the document is encrypted (password-protected); decrypt it first "
    "(open it and save it without a password)"
)


def refuse_ole2(data: bytes) -> FormatError:
    """The error for an OLE2 file: an encrypted Office file, or an old binary one."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return FormatError(ENCRYPTED)
    kind = _ole2_kind(data)
    return FormatError(
        "an old binary Office file (.doc, .xls or .ppt) is not supported; convert it first: "
        f"soffice --headless --convert-to {kind} FILE"
    )


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """An Office Open XML document with its visible text converted, all else kept."""
    if data.startswith(OLE2_MAGIC):
        raise refuse_ole2(data)
    if not data.startswith(_safezip.ZIP_MAGIC) and b"PK\x05\x06" not in data[-(1 << 16) :]:
        raise FormatError("not an Office Open XML document (not a zip file)")
    package = open_package(data, limits)
    if CONTENT_TYPES not in package.names:
        raise FormatError("not an Office Open XML document (no [Content_Types].xml)")
    kinds = part_kinds(package)
    for name, kind in kinds.items():
        if kind.priority == 0 and STRICT_NAMESPACE in package.head(name, 4096):
            raise FormatError(
                "Strict Office Open XML is not supported; save the file as a "
                "(Transitional) Word, Excel or PowerPoint document"
            )
    return convert_package(package, kinds, choose, "Office")

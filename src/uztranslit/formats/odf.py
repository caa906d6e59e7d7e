"""OpenDocument: text (.odt), spreadsheets (.ods) and presentations (.odp).

Recognised by the ``mimetype`` entry, which stays the first entry and stored.
Converted: every paragraph and heading (``text:p``, ``text:h``) of
``content.xml`` and ``styles.xml`` (the body, tables, lists, notes, comments,
text boxes, frames, slides, speaker notes, headers and footers of page styles),
also those of embedded objects (charts); a spreadsheet cell's string value and
the string literals in its formula; the title and subject in ``meta.xml``.
Language attributes follow the script: ``fo:language="uz"`` with ``fo:script``
(and their -asian and -complex twins), ``style:rfc-language-tag``, ``dc:language``.

Not touched: deleted text of tracked changes, link targets, bookmark, style and
sheet names, numbers, dates, pictures, macros, settings and the manifest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from .._transliterator import Transliterator
from . import _safezip
from ._base import Chooser, FormatError, Limits
from ._office_text import (
    PROPERTIES,
    SCRIPT_SUBTAG,
    PartKind,
    Segment,
    convert_formula,
    convert_package,
    convert_segments,
    open_package,
    retag_attributes,
    segment_texts,
)
from .office import ENCRYPTED, OLE2_MAGIC, refuse_ole2

if TYPE_CHECKING:
    from lxml import etree

    Element = etree._Element
else:
    Element = object

NAME: Final = "odf"  # the module of the formats odt, ods and odp

MIMETYPE: Final = "mimetype"
MANIFEST: Final = "META-INF/manifest.xml"
# What the manifest says of each entry a password encrypts (its zip entry is not
# marked encrypted: the zip only sees bytes that are not XML).
ENCRYPTION_DATA: Final = b"encryption-data"
# The mimetype entry's content → format name (templates are converted the same).
MEDIA_TYPES: Final = MappingProxyType(
    {
        "application/vnd.oasis.opendocument.text": "odt",
        "application/vnd.oasis.opendocument.text-template": "odt",
        "application/vnd.oasis.opendocument.spreadsheet": "ods",
        "application/vnd.oasis.opendocument.spreadsheet-template": "ods",
        "application/vnd.oasis.opendocument.presentation": "odp",
        "application/vnd.oasis.opendocument.presentation-template": "odp",
    }
)

_TEXT: Final = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE: Final = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE: Final = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE: Final = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO: Final = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"

TEXT_P: Final = _TEXT + "p"
TEXT_H: Final = _TEXT + "h"
TRACKED_CHANGES: Final = _TEXT + "tracked-changes"
# Elements inside a paragraph whose text reads on with the text around them.
INLINE: Final = frozenset(
    _TEXT + name
    for name in (
        "span",  # formatted text
        "a",  # a link (its target is an attribute, kept)
        "meta",  # text with metadata
        "ruby",  # text with a ruby annotation
        "ruby-base",
    )
)
# Elements with no text of their own; the text on their two sides reads on.
MARKS: Final = frozenset(
    _TEXT + name
    for name in (
        "bookmark",
        "bookmark-start",
        "bookmark-end",
        "reference-mark",
        "reference-mark-start",
        "reference-mark-end",
        "soft-page-break",
        "change",
        "change-start",
        "change-end",
        "alphabetical-index-mark",
        "alphabetical-index-mark-start",
        "alphabetical-index-mark-end",
        "toc-mark",
        "toc-mark-start",
        "toc-mark-end",
    )
)
# Elements of the text namespace that are not text of the paragraph: a note
# (its paragraphs are read on their own) and its citation.
NOT_OURS: Final = frozenset((_TEXT + "note", _TEXT + "tracked-changes"))


def paragraph_segments(root: Element) -> Iterator[Segment]:
    """The segments of every paragraph and heading, except deleted text."""
    deleted = {
        paragraph
        for changes in root.iter(TRACKED_CHANGES)
        for paragraph in changes.iter(TEXT_P, TEXT_H)
    }
    for paragraph in root.iter(TEXT_P, TEXT_H):
        if paragraph not in deleted:
            yield from _segments_of(paragraph)


def _segments_of(paragraph: Element) -> Iterator[Segment]:
    segment: Segment = [(paragraph, False)]
    # (element, whether its children are read) in document order, without recursion
    stack: list[tuple[Element, int]] = [(paragraph, 0)]
    while stack:
        parent, index = stack.pop()
        if index >= len(parent):
            if parent is not paragraph:
                segment.append((parent, True))
            continue
        stack.append((parent, index + 1))
        child = parent[index]
        tag = child.tag
        if tag in INLINE:
            segment.append((child, False))
            stack.append((child, 0))
        elif tag in MARKS or not isinstance(tag, str):
            segment.append((child, True))  # a comment or PI in the XML, or a mark
        else:
            # a tab, a space (text:s), a line break, a field, a note, a frame, a comment:
            # a field's text on its own, anything else's paragraphs read on their own
            yield segment
            if tag.startswith(_TEXT) and tag not in NOT_OURS and len(child) == 0:
                yield [(child, False)]
            segment = [(child, True)]
    yield segment


# --- spreadsheets --------------------------------------------------------------------

TABLE_CELL: Final = _TABLE + "table-cell"
TABLE_FORMULA: Final = _TABLE + "formula"
STRING_VALUE: Final = _OFFICE + "string-value"


def convert_cells(root: Element, translit: Transliterator) -> bool:
    """The string values of cells and the string literals of their formulas."""
    changed = False
    for cell in root.iter(TABLE_CELL):
        value = cell.get(STRING_VALUE)
        if value:
            new = translit(value)
            if new != value:
                cell.set(STRING_VALUE, new)
                changed = True
        formula = cell.get(TABLE_FORMULA)
        if formula and '"' in formula:
            new = convert_formula(formula, translit)
            if new != formula:
                cell.set(TABLE_FORMULA, new)
                changed = True
    return changed


# --- language --------------------------------------------------------------------

TEXT_PROPERTIES: Final = _STYLE + "text-properties"
# (language attribute, script attribute) of the three kinds of script a style sets.
LANGUAGE_SCRIPT: Final = (
    (_FO + "language", _FO + "script"),  # western
    (_STYLE + "language-asian", _STYLE + "script-asian"),
    (_STYLE + "language-complex", _STYLE + "script-complex"),
)
RFC_TAGS: Final = (
    _STYLE + "rfc-language-tag",
    _STYLE + "rfc-language-tag-asian",
    _STYLE + "rfc-language-tag-complex",
)


def retag_styles(root: Element, target: str) -> bool:
    """Uzbek's script in each text style made that of *target*: fo:script (or its
    twins) where fo:language is uz, and style:rfc-language-tag."""
    script = SCRIPT_SUBTAG[target]
    changed = False
    for properties in root.iter(TEXT_PROPERTIES):
        for language, script_attribute in LANGUAGE_SCRIPT:
            if (properties.get(language) or "").lower() != "uz":
                continue
            old = properties.get(script_attribute)
            if old != script:
                properties.set(script_attribute, script)
                changed = True
        if retag_attributes(properties, RFC_TAGS, target):
            changed = True
    return changed


def convert_body(root: Element, translit: Transliterator) -> bool:
    converted = convert_segments(paragraph_segments(root), translit)
    cells = convert_cells(root, translit)
    retagged = retag_styles(root, translit.target)
    return converted or cells or retagged


def body_texts(root: Element) -> Iterator[str]:
    return segment_texts(paragraph_segments(root))


CONTENT: Final = PartKind(body_texts, convert_body, 0)
STYLES: Final = PartKind(body_texts, convert_body, 1)
# content.xml and styles.xml of the document and of embedded objects (charts)
_BODY_PART: Final = re.compile(r"(?:Object [^/]*/)?(content|styles)\.xml")


def part_kinds(package: _safezip.SafeZip) -> dict[str, PartKind]:
    kinds: dict[str, PartKind] = {}
    for info in package.infos:
        found = _BODY_PART.fullmatch(info.filename)
        if found:
            kinds[info.filename] = CONTENT if found[1] == "content" else STYLES
        elif info.filename == "meta.xml":
            kinds[info.filename] = PROPERTIES
    return kinds


def sniff(head: bytes) -> str | None:
    """odt, ods or odp if *head* starts a zip whose first entry is an ODF mimetype."""
    first = _safezip.first_entry(head)
    if first is None or first[0] != MIMETYPE:
        return None
    return MEDIA_TYPES.get(first[1].decode("ascii", "replace").strip())


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """An OpenDocument file with its visible text converted, all else kept."""
    if data.startswith(OLE2_MAGIC):
        raise refuse_ole2(data)
    if not data.startswith(_safezip.ZIP_MAGIC):
        raise FormatError("not an OpenDocument file (not a zip file)")
    package = open_package(data, limits)
    if MIMETYPE not in package.names:
        raise FormatError("not an OpenDocument file (no mimetype entry)")
    media_type = package.read(MIMETYPE).decode("ascii", "replace").strip()
    if media_type not in MEDIA_TYPES:
        raise FormatError(f"not an OpenDocument text, spreadsheet or presentation: {media_type}")
    if MANIFEST in package.names and ENCRYPTION_DATA in package.read(MANIFEST):
        raise FormatError(ENCRYPTED)
    return convert_package(package, part_kinds(package), choose, "OpenDocument")

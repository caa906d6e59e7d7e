"""What OOXML and OpenDocument share: paragraphs in pieces, language tags,
string literals in formulas, and the walk over a package's parts.

A paragraph is given as *segments*: lists of slots, each slot one stored piece
of text (a Word ``w:t``, an ODF text node).  The slots of one segment are what
the reader sees as one stretch of text, so they are converted together
(Transliterator.convert_pieces) and a word split between them converts whole.
Segments are cut where something that is not stored text stands between
pieces: a tab, a line break, a field, a picture; otherwise the text on both
sides would be read as one word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, NamedTuple

from .._transliterator import Transliterator
from . import _safexml
from ._base import DETECT_SIZE, Chooser, FormatError, Limits
from ._safezip import SafeZip

if TYPE_CHECKING:
    from lxml import etree

    Element = etree._Element
else:
    Element = object

# One stored piece of text: an element and whether the piece is its tail
# (the text after it, in mixed content as ODF has) rather than its text.
Slot = tuple["Element", bool]
Segment = list[Slot]

# Called after a slot's text changed (Word wants xml:space="preserve" kept right).
AfterSet = Callable[["Element", bool, str], None]


def slot_text(slot: Slot) -> str:
    element, tail = slot
    return (element.tail if tail else element.text) or ""


def set_slot(slot: Slot, text: str) -> None:
    element, tail = slot
    if tail:
        element.tail = text or None
    else:
        element.text = text


class Codec(NamedTuple):
    """How a format stores text that XML cannot hold: *decode* gives the text a
    reader sees, *encode* stores it again (Excel's ``_x000D_`` escapes)."""

    decode: Callable[[str], str]
    encode: Callable[[str], str]


def convert_segment(
    segment: Sequence[Slot],
    translit: Transliterator,
    after_set: AfterSet | None = None,
    codec: Codec | None = None,
) -> bool:
    """Convert the slots of *segment* as one text; True if any slot changed."""
    stored = [slot_text(slot) for slot in segment]
    texts = stored if codec is None else [codec.decode(text) for text in stored]
    converted = translit.convert_pieces(texts)
    changed = False
    for slot, text, old, new in zip(segment, texts, stored, converted, strict=True):
        if new == text:
            continue
        store = new if codec is None else codec.encode(new)
        set_slot(slot, store)
        if after_set is not None:
            after_set(slot[0], slot[1], store)
        changed = changed or store != old
    return changed


def convert_segments(
    segments: Iterable[Sequence[Slot]],
    translit: Transliterator,
    after_set: AfterSet | None = None,
    codec: Codec | None = None,
) -> bool:
    """Convert each segment; True if anything changed."""
    changed = False
    for segment in segments:
        if segment and convert_segment(segment, translit, after_set, codec):
            changed = True
    return changed


def segment_texts(segments: Iterable[Sequence[Slot]], codec: Codec | None = None) -> Iterator[str]:
    """The joined text of each segment, for choosing the direction."""
    for segment in segments:
        text = "".join(slot_text(slot) for slot in segment)
        yield text if codec is None else codec.decode(text)


# --- language tags --------------------------------------------------------------

# The script subtag each target script gives an Uzbek language tag.
SCRIPT_SUBTAG: Final = MappingProxyType({"latin": "Latn", "cyrillic": "Cyrl"})
_UZBEK_TAG: Final = re.compile(r"(?i)^(uz)([-_])(cyrl|latn)(?=$|[-_])")


def uzbek_tag(tag: str, target: str) -> str:
    """*tag* with its script subtag made that of *target* if it is an Uzbek tag
    with a script (``uz-Cyrl-UZ`` ↔ ``uz-Latn-UZ``); any other tag as it was.
    A tag without a script (``uz-UZ``) says nothing about it and stays."""
    found = _UZBEK_TAG.match(tag)
    if found is None:
        return tag
    return f"{found[1]}{found[2]}{SCRIPT_SUBTAG[target]}{tag[found.end() :]}"


def retag_attributes(element: Element, names: Sequence[str], target: str) -> bool:
    """Each attribute of *names* on *element* made uzbek_tag; True if one changed."""
    changed = False
    for name in names:
        value = element.get(name)
        if value is not None:
            new = uzbek_tag(value, target)
            if new != value:
                element.set(name, new)
                changed = True
    return changed


# --- string literals in formulas --------------------------------------------------

# The parts of a spreadsheet formula that hold text: a quoted sheet name ('…', kept),
# a string literal ("…", with "" for one quote), and in Excel a structured
# reference's item ([Column], or [#Headers], kept).
_QUOTED_OR_LITERAL: Final = r"'(?:[^']|'')*'|" + r'"((?:[^"]|"")*)"'
_FORMULA_TEXTS: Final = re.compile(_QUOTED_OR_LITERAL)
_EXCEL_FORMULA_TEXTS: Final = re.compile(_QUOTED_OR_LITERAL + r"|\[([^\[\]]*)\]")


def convert_formula(formula: str, translit: Transliterator, *, excel: bool = False) -> str:
    """*formula* with the text of each string literal converted, and in Excel
    (*excel*) each table column named in a structured reference, as the table's
    header converts.  Function names, cell references, sheet names (quoted
    with ' or not) and items such as [#This Row] are not touched.  (In an
    OpenDocument formula brackets hold cell references, so they are kept.)"""

    def text(found: re.Match[str]) -> str:
        literal = found[1]
        if literal is not None:
            return '"' + translit(literal.replace('""', '"')).replace('"', '""') + '"'
        item = found.group(2) if found.re.groups > 1 else None
        if item and not item.startswith("#") and not item.isdigit():
            return "[" + translit(item) + "]"
        return found[0]

    return (_EXCEL_FORMULA_TEXTS if excel else _FORMULA_TEXTS).sub(text, formula)


# --- document properties ----------------------------------------------------------

# The properties a reader sees as text (Office's docProps/core.xml and ODF's
# meta.xml both use Dublin Core); dc:language is a language tag.
_DC: Final = "{http://purl.org/dc/elements/1.1/}"
XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
DC_TEXTS: Final = (_DC + "title", _DC + "subject")
DC_LANGUAGE: Final = _DC + "language"


def property_segments(root: Element) -> Iterator[Segment]:
    for element in root.iter(*DC_TEXTS):
        yield [(element, False)]


def retag_properties(root: Element, target: str) -> bool:
    """dc:language and any xml:lang in a properties part made uzbek_tag."""
    changed = False
    for element in root.iter():
        if element.tag == DC_LANGUAGE and element.text:
            new = uzbek_tag(element.text.strip(), target)
            if new != element.text.strip():
                element.text = new
                changed = True
        if retag_attributes(element, (XML_LANG,), target):
            changed = True
    return changed


def convert_properties(root: Element, translit: Transliterator) -> bool:
    converted = convert_segments(property_segments(root), translit)
    retagged = retag_properties(root, translit.target)
    return converted or retagged


def no_texts(root: Element) -> Iterator[str]:
    """The texts of a part that has none to choose the direction by."""
    del root
    return iter(())


# --- parts of a package ----------------------------------------------------------


# The start of a UTF-8 XML part before its first node: a byte order mark, the XML
# declaration and the white space after it (each may be missing).
_UTF8_HEAD: Final = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml[^>]*\?>[ \t\r\n]*)?")
_UTF8_NAMES: Final = frozenset(("utf-8", "utf8"))


def serialize(root: Element, head: bytes = b"") -> bytes:
    """The XML document of *root*, with its namespace prefixes, comments and
    processing instructions.  A UTF-8 part keeps its byte order mark, declaration
    and the line end after it as they were in *head* (the part's first bytes);
    a part in another encoding gets a declaration of it (encoding, standalone)."""
    lxml = _safexml.lxml_etree()
    tree = root.getroottree()
    docinfo = tree.docinfo
    encoding = docinfo.encoding or "UTF-8"
    if encoding.lower() in _UTF8_NAMES:
        kept = _UTF8_HEAD.match(head)
        body: bytes = lxml.tostring(tree, encoding="UTF-8", xml_declaration=False)
        return (kept.group() if kept else b"") + body
    data: bytes = lxml.tostring(
        tree, xml_declaration=True, encoding=encoding, standalone=docinfo.standalone
    )
    return data


@dataclass(frozen=True)
class PartKind:
    """How to read and convert one kind of XML part.

    *texts* gives the part's visible texts (to choose the direction); *convert*
    converts it in place and says whether anything changed.  *priority* orders
    the parts read to choose the direction (main text first)."""

    texts: Callable[[Element], Iterator[str]]
    convert: Callable[[Element, Transliterator], bool]
    priority: int = 1


# Bytes read from the start of a changed part for its XML declaration.
_HEAD_SIZE: Final = 512


def convert_package(
    package: SafeZip, kinds: dict[str, PartKind], choose: Chooser, label: str
) -> bytes:
    """Convert the XML parts of *package* named in *kinds*; every other entry,
    and every part with nothing to change, is copied byte for byte.

    The direction is chosen from the visible texts of the main parts (priority
    0: the body, the shared strings, the slides), or of the others when those
    have no letters: layouts and masters hold the prompts of the application's
    language ("Click to edit") that must not outvote the document's own text.
    The trees parsed for that are kept for the conversion, so that the largest
    part is not parsed twice."""
    parsed: dict[str, Element] = {}

    def parse(name: str) -> Element:
        root = parsed.pop(name, None)
        if root is not None:
            return root
        try:
            return _safexml.parse(package.read(name))
        except FormatError as error:
            raise FormatError(f"{label} part {name}: {error}") from None

    def texts_of(names: Iterable[str]) -> Iterator[str]:
        for name in names:
            root = parse(name)
            parsed[name] = root
            yield from kinds[name].texts(root)

    main = [name for name in kinds if kinds[name].priority == 0]
    rest = sorted((name for name in kinds if kinds[name].priority), key=lambda n: kinds[n].priority)
    sample = _first_texts(texts_of(main), DETECT_SIZE)
    if not any(character.isalpha() for text in sample for character in text):
        # no letters in the main text: the side parts decide
        sample += _first_texts(texts_of(rest), DETECT_SIZE)
    translit = choose(sample)
    if translit.source == translit.target:
        return package.data  # nothing in another script: the file as it was

    def transform(name: str) -> bytes | None:
        kind = kinds.get(name)
        if kind is None:
            return None
        root = parse(name)
        if not kind.convert(root, translit):
            return None
        return serialize(root, package.head(name, _HEAD_SIZE))

    return package.rewrite(transform)


def _first_texts(texts: Iterable[str], size: int) -> list[str]:
    """The first texts of *texts* that hold *size* characters (the last one whole)."""
    taken: list[str] = []
    total = 0
    for text in texts:
        if total >= size:
            break
        taken.append(text)
        total += len(text)
    return taken


PROPERTIES: Final = PartKind(
    lambda root: segment_texts(property_segments(root)), convert_properties, 2
)


def open_package(data: bytes, limits: Limits) -> SafeZip:
    """The zip in *data*, checked against *limits*."""
    return SafeZip(data, limits)

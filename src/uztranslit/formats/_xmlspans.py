"""Where each element of an XML file lies, in bytes, for splicing text back.

lxml (_safexml) re-serialises what it reads; the catalogue formats (Android,
XLIFF, .stringsdict) must leave every byte they do not convert as it was, so
they read with the standard library's expat, which reports the byte offset of
each tag.  Like _safexml, this never expands a declared entity or reaches the
network: a document type declaration with an internal subset (where entities
are declared) is refused, an external DTD (the plist one) is never loaded, and
parameter entities are never parsed.

The inner XML of an element (inner_parts) is cut into Parts: tags, comments,
processing instructions and CDATA markers are syntax; so is the whole of each
element whose content is code, not text (*kept*: Android's xliff:g, XLIFF's
ph); text and CDATA content are given to the format's *read_text*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Final
from xml.parsers import expat

from ._base import FormatError
from ._parts import Part
from .text import decode

_ENCODING: Final = re.compile(
    rb"""(?:\xef\xbb\xbf)?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']"""
)
# What may stand before the root element (for recognising a file by its head, with
# re.DOTALL): a byte order mark, the XML declaration and other processing
# instructions, comments, and a document type declaration with its internal subset
# (which read() then refuses), with white space between.
PROLOG: Final = (
    rb"(?:\xef\xbb\xbf)?\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)\s*)*"
)
_NOT_TRANSLATED: Final = re.compile(
    r"""\s(?:translate\s*=\s*["']no["']|mtype\s*=\s*["']protected["'])"""
)
# An entity of the string's own HTML, written escaped in XML: &amp;nbsp;, &amp;#8212;.
ESCAPED_ENTITY: Final = r"&amp;(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
# A tag written with entities in text: &lt;b&gt;, &lt;a href=&quot;…&quot;&gt; (Android's
# strings use it too); such a tag or such an entity.
ESCAPED_TAG: Final = r"&lt;/?[A-Za-z](?:[^&<>]|&(?!gt;))*?(?:&gt;|>)"
_ESCAPED_MARKUP: Final = re.compile(f"{ESCAPED_TAG}|{ESCAPED_ENTITY}")
_TAG_END: Final = re.compile(rb"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_MARKUP: Final = re.compile(
    r"""<!\[CDATA\[(?P<cdata>.*?)\]\]>|<!--.*?-->|<\?.*?\?>"""
    r"""|<(?P<close>/)?(?P<name>[^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(?P<empty>/)?>""",
    re.DOTALL,
)


@dataclass
class Element:
    """An element: its name, attributes, and byte offsets in the file."""

    name: str
    attrs: dict[str, str]
    line: int
    start: int  # at its "<"
    content_start: int = 0  # after its start tag
    content_end: int = 0  # at its end tag ("</"); content_start if empty
    end: int = 0  # after its end tag
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.content_start == self.end


def _refuse_internal_subset(
    name: str, system_id: str | None, public_id: str | None, has_internal_subset: bool
) -> None:
    del name, system_id, public_id
    if has_internal_subset:
        raise FormatError("XML declaring entities (a DTD internal subset) is refused")


def read(data: bytes) -> Element:
    """The root element of the UTF-8 XML *data*, with every element's offsets."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError("only UTF-8 XML is read here; this file is UTF-16")
    decode(data)  # FormatError naming the line of a byte that is not UTF-8
    declared = _ENCODING.match(data)
    if declared is not None and declared[1].lower().replace(b"-", b"") != b"utf8":
        raise FormatError(f"only UTF-8 XML is read here; this file is {declared[1].decode()}", 1)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_internal_subset
    stack: list[Element] = []
    roots: list[Element] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        offset = parser.CurrentByteIndex
        tag = _TAG_END.match(data, offset)
        assert tag is not None  # expat has read the whole tag
        element = Element(name, attrs, parser.CurrentLineNumber, offset, tag.end())
        if stack:
            element.parent = stack[-1]
            stack[-1].children.append(element)
        else:
            roots.append(element)
        if data[tag.end() - 2 : tag.end()] == b"/>":
            element.content_end = element.end = tag.end()
        stack.append(element)

    def end(name: str) -> None:
        del name
        element = stack.pop()
        if element.end:
            return
        element.content_end = parser.CurrentByteIndex
        tag = _TAG_END.match(data, element.content_end)
        assert tag is not None
        element.end = tag.end()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        message = expat.ErrorString(error.code)
        raise FormatError(f"not well-formed XML: {message}", error.lineno) from None
    return roots[0]


def walk(element: Element) -> list[Element]:
    """*element* and all its descendants, in document order."""
    found: list[Element] = []
    stack = [element]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(current.children))
    return found


def inner(data: bytes, element: Element) -> str:
    """The inner XML of *element*, as text."""
    return data[element.content_start : element.content_end].decode("utf-8")


# Reads a run of text (kind "xml") or CDATA content (kind "cdata") into parts.
ReadText = Callable[[str, str], list[Part]]


def inner_parts(xml: str, kept: Collection[str], read_text: ReadText) -> list[Part]:
    """The inner XML *xml* of an element as parts (see the module's docstring).

    An element is kept whole when its name is in *kept*, or when it says its
    content is not to be translated (``translate="no"``, XLIFF 1.2's
    ``mtype="protected"``).
    """
    found: list[Part] = []
    last = 0
    kept_name = None  # the name of the kept element we are in, if any
    depth = 0  # how many elements of that name are open
    kept_start = 0
    for match in _MARKUP.finditer(xml):
        if kept_name is None and match.start() > last:
            found.extend(read_text(xml[last : match.start()], "xml"))
        last = match.end()
        name = match["name"]
        if kept_name is not None:
            if name == kept_name and not match["empty"]:
                depth += -1 if match["close"] else 1
                if depth == 0:
                    found.append(Part(xml[kept_start : match.end()]))
                    kept_name = None
            continue
        opens = name is not None and not match["close"] and not match["empty"]
        if opens and (name in kept or _NOT_TRANSLATED.search(match.group())):
            kept_name, depth, kept_start = name, 1, match.start()
        elif match["cdata"] is not None:
            found.append(Part("<![CDATA["))
            found.extend(read_text(match["cdata"], "cdata"))
            found.append(Part("]]>"))
        else:
            found.append(Part(match.group()))
    if kept_name is not None:
        found.append(Part(xml[kept_start:]))
    elif last < len(xml):
        found.extend(read_text(xml[last:], "xml"))
    return found


def xml_text(text: str, kind: str) -> list[Part]:
    """A ReadText for XML whose text is converted as written: entities are kept by
    the converter, and it never makes the < or & that would need escaping.  A tag
    written with entities (``&lt;b&gt;``: the string's own HTML) is kept whole, and
    so is an entity of that HTML (``&amp;nbsp;``), whose name is not a word."""
    if "&lt;" not in text and "&amp;" not in text:
        return [Part(text, text, kind)] if text else []
    found: list[Part] = []
    last = 0
    for tag in _ESCAPED_MARKUP.finditer(text):
        if tag.start() > last:
            found.append(Part(text[last : tag.start()], text[last : tag.start()], kind))
        found.append(Part(tag.group()))
        last = tag.end()
    if last < len(text):
        found.append(Part(text[last:], text[last:], kind))
    return found


def set_attribute(start_tag: str, name: str, value: str) -> str:
    """*start_tag* with the value of its attribute *name* replaced (quotes kept)."""
    pattern = re.compile(rf"""(\s{re.escape(name)}\s*=\s*)(["'])(.*?)\2""", re.DOTALL)
    return pattern.sub(lambda found: found[1] + found[2] + value + found[2], start_tag, count=1)

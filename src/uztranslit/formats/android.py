"""Android string resources (res/values*/strings.xml): the strings converted.

``<string>``, and the ``<item>`` of ``<string-array>`` and ``<plurals>``, are
converted; names, attributes and everything outside them stay byte for byte
(read with expat, _xmlspans, and spliced).  Left as written: elements with
``translatable="false"`` (and the items of such an array), strings that are
references (``@string/app_name``, ``?attr/x``), the contents of ``<xliff:g>``
(code or a placeholder's example), tags (``<b>``, ``<a href>``) and tags written
with entities (``&lt;b&gt;``), entities, and Android's escapes other than ``\\'``.
CDATA stays CDATA; the text in it is converted, its tags kept.

``\\'`` is an apostrophe, and in Uzbek Latin the apostrophe of oʻ, gʻ and the
tutuq: ``O\\'zbekiston`` → ``Ўзбекистон``.  A converted text whose Latin has
ASCII apostrophes gets them escaped, ``\\'``, except inside a double-quoted
stretch, where Android reads them as they are.

A file is this format when its head has ``<resources`` (sniff); a generic
``.xml`` is not converted as Android by its ending alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from . import _xmlspans
from ._base import Chooser, Entry, Limits
from ._parts import Part, convert_strings, visible_text

NAME: Final = "android"

# In a string's raw text: things kept as written, and \' (an apostrophe).
_TOKEN: Final = re.compile(
    r"(?P<apostrophe>\\')"
    r"|(?P<quote>\")"
    rf"|(?P<kept>\\u[0-9A-Fa-f]{{4}}|\\.|{_xmlspans.ESCAPED_TAG}"
    rf"|{_xmlspans.ESCAPED_ENTITY}|&[^;\s]+;|</?[A-Za-z][^<>]*>)",
    re.DOTALL,
)
_KEPT_ELEMENTS: Final = frozenset({"xliff:g"})
_STRING_ELEMENTS: Final = frozenset({"string"})
_CONTAINERS: Final = frozenset({"string-array", "plurals"})
# The head of a resources file: <resources> after the XML prolog.
_HEAD: Final = re.compile(_xmlspans.PROLOG + rb"<resources[\s>/]", re.DOTALL)
_QUOTED: Final = "quoted"
_APOSTROPHE: Final = "apostrophe"  # the kind of a \' part


def sniff(head: bytes) -> bool:
    """Whether *head* is the start of an Android resources file."""
    return _HEAD.match(head) is not None


class _TextReader:
    """Reads runs of a string's text into parts, following Android's double quotes
    across the runs of one string."""

    def __init__(self) -> None:
        self.quoted = False

    def __call__(self, text: str, kind: str) -> list[Part]:
        del kind
        found: list[Part] = []
        last = 0
        for match in _TOKEN.finditer(text):
            if match.start() > last:
                found.append(self._text(text[last : match.start()]))
            if match["apostrophe"]:
                found.append(Part(match.group(), "'", _APOSTROPHE))
            else:
                if match["quote"]:
                    self.quoted = not self.quoted
                found.append(Part(match.group()))
            last = match.end()
        if last < len(text):
            found.append(self._text(text[last:]))
        return found

    def _text(self, text: str) -> Part:
        return Part(text, text, _QUOTED if self.quoted else "")


def escape(part: Part, text: str) -> str:
    """*text* written in an Android string: ASCII apostrophes escaped unless quoted."""
    return text if part.kind == _QUOTED else text.replace("'", "\\'")


def string_parts(xml: str) -> list[Part]:
    """The parts of a string's inner XML."""
    return _xmlspans.inner_parts(xml, _KEPT_ELEMENTS, _TextReader())


def _is_reference(xml: str) -> bool:
    stripped = xml.strip()
    return stripped.startswith(("@", "?")) and not stripped.startswith(("@@", "??"))


def _translatable(element: _xmlspans.Element) -> bool:
    return element.attrs.get("translatable", "true") != "false"


def strings(root: _xmlspans.Element) -> Iterator[_xmlspans.Element]:
    """The elements whose text is converted (module docstring)."""
    for child in root.children:
        if not _translatable(child):
            continue
        if child.name in _STRING_ELEMENTS:
            yield child
        elif child.name in _CONTAINERS:
            yield from (item for item in child.children if item.name == "item")


def _read(data: bytes) -> list[tuple[_xmlspans.Element, list[Part]]]:
    root = _xmlspans.read(data)
    found = []
    for element in strings(root):
        xml = _xmlspans.inner(data, element)
        if not _is_reference(xml):
            found.append((element, string_parts(xml)))
    return found


def declared_script(data: bytes) -> str | None:
    """None: Android declares the language in the folder name (values-b+uz+Cyrl)."""
    del data
    return None


def entries(data: bytes) -> Iterator[Entry]:
    """Each string's visible text (kept parts read as spaces) with its line."""
    for element, parts in _read(data):
        text = visible_text(parts)
        if text.strip():
            yield Entry(element.line, text)


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The resources with their strings converted (see the module's docstring)."""
    del limits  # a resource file unpacks to nothing
    found = _read(data)
    translit = choose(visible_text(parts) for _, parts in found)
    new_strings = convert_strings(translit, [parts for _, parts in found], escape)
    out, last = [], 0
    for (element, _), new_string in zip(found, new_strings, strict=True):
        new = new_string.encode("utf-8")
        if new != data[element.content_start : element.content_end]:
            out += [data[last : element.content_start], new]
            last = element.content_end
    out.append(data[last:])
    return b"".join(out)

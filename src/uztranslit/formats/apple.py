"""Apple catalogues: ``.strings`` and ``.stringsdict``; the values converted.

``.strings`` (``"key" = "value";``): values are converted, keys and comments
stay.  The file may be UTF-8, or UTF-16 or UTF-32 with its byte order mark (older
Xcode wrote UTF-16), read as plain text reads it (text.encoding_of); it is written back in
the same encoding.  A changed value
is written with the escapes of the format (``\\"``, ``\\\\``, ``\\n``, ``\\t``);
unchanged ones stay byte for byte.

``.stringsdict`` (a property list in XML): the ``<string>`` values are
converted (``NSStringLocalizedFormatKey``'s text and the plural forms ``one``,
``other`` …), never a ``<key>``, nor the values of ``NSStringFormatSpecTypeKey``
and ``NSStringFormatValueTypeKey``.  Read with expat (_xmlspans): the plist DTD
declared in every such file is never loaded; an internal subset is refused.

Format specifiers stay: ``%@``, ``%1$@``, ``%lld``, and ``%#@files@`` (the
variable of a stringsdict).  Both are chosen by file name only: a property list
can be anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from . import _xmlspans
from ._base import Chooser, Entry, FormatError, Limits
from ._parts import Part, convert_strings, unescaped, visible_text
from .text import encoding_of

NAME: Final = "apple"

# Format specifiers: printf with Apple's %@, and %#@variable@.
_SPECIFIER: Final = re.compile(
    r"%#@[^@\s]+@"
    r"|%(?:[0-9]+\$)?[-+ #0']*(?:[0-9]+|\*)?(?:\.(?:[0-9]+|\*))?(?:hh|h|ll|l|q|L|z|t|j)?"
    r"[@dDiuUxXoOfFeEgGcCsSpaA%]"
)
_TOKEN: Final = re.compile(
    r"""(?P<space>\s+)|(?P<comment>/\*.*?\*/|//[^\n]*)|(?P<string>"[^"\\]*(?:\\.[^"\\]*)*")"""
    r"""|(?P<word>[A-Za-z0-9_.$:/-]+)|(?P<punct>[=;])""",
    re.DOTALL,
)
_ESCAPES: Final = MappingProxyType(
    {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'", "0": "\0"}
)
_ESCAPE: Final = re.compile(r"\\(?:[Uu]([0-9A-Fa-f]{4})|(.))", re.DOTALL)
_WRITTEN: Final = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"})
_NEEDS_ESCAPE: Final = re.compile('[\\\\"\n\t]')
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_TYPE_KEYS: Final = frozenset({"NSStringFormatSpecTypeKey", "NSStringFormatValueTypeKey"})


def specifier_parts(text: str) -> list[Part]:
    """*text* cut at format specifiers, which are kept."""
    found: list[Part] = []
    last = 0
    for match in _SPECIFIER.finditer(text):
        if match.start() > last:
            found.append(Part(text[last : match.start()], text[last : match.start()]))
        found.append(Part(match.group()))
        last = match.end()
    if last < len(text):
        found.append(Part(text[last:], text[last:]))
    return found


def stringsdict_parts(xml: str) -> list[Part]:
    """The inner XML of a .stringsdict <string> cut at format specifiers and at
    tags written with entities (&lt;b&gt;), which are kept."""
    return [
        piece
        for part in _xmlspans.xml_text(xml, "")
        for piece in (specifier_parts(part.raw) if part.text is not None else [part])
    ]


def decode_string(raw: str) -> str:
    """The text of a .strings quoted string's content."""

    def decoded(found: re.Match[str]) -> str:
        code, char = found.groups()
        return chr(int(code, 16)) if code else _ESCAPES.get(char, char)

    return _ESCAPE.sub(decoded, raw) if "\\" in raw else raw


def encode_string(text: str) -> str:
    """*text* written as the content of a .strings quoted string."""
    written = text.translate(_WRITTEN) if _NEEDS_ESCAPE.search(text) else text
    if _SURROGATE.search(written) is None:
        return written
    return _SURROGATE.sub(lambda found: f"\\U{ord(found.group()):04X}", written)


@dataclass(frozen=True)
class Value:
    """A value of a .strings file: its bounds (quotes included), line and text."""

    start: int
    end: int
    line: int
    text: str
    raw: str


def decode_file(data: bytes) -> tuple[bytes, str, str]:
    """The byte order mark, encoding and text of a .strings file."""
    bom, encoding = encoding_of(data)  # the byte order mark's, as for plain text
    try:
        return bom, encoding, data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FormatError(f"cannot decode the file as {encoding}", line) from None


def parse_strings(text: str) -> list[Value]:
    """The values of a .strings *text*; FormatError naming the line if malformed."""
    values: list[Value] = []
    expected = ("key", "=", "value", ";")
    state = 0
    pos = 0
    line, counted = 1, 0  # the line of *pos*, counted up to *counted*
    while pos < len(text):
        found = _TOKEN.match(text, pos)
        line += text.count("\n", counted, pos)
        counted = pos
        if text.startswith("/*", pos) and (found is None or not found["comment"]):
            raise FormatError("an unclosed comment", line)
        if found is None:
            what = "an unclosed string" if text[pos] == '"' else repr(text[pos])
            raise FormatError(f"unexpected {what}", line)
        pos = found.end()
        if found["space"] or found["comment"]:
            continue
        token = found.group()
        want = expected[state]
        if want in ("key", "value"):
            if found["punct"]:
                raise FormatError(f"expected a {want}, got {token!r}", line)
            if want == "value":
                raw = token[1:-1] if found["string"] else token
                values.append(Value(found.start(), found.end(), line, decode_string(raw), raw))
        elif token != want:
            raise FormatError(
                f"expected {want!r} after a {expected[state - 1]}, got {token!r}", line
            )
        state = (state + 1) % 4
    if state:
        raise FormatError(f"the file ends before {expected[state]!r}", text.count("\n") + 1)
    return values


def _is_plist(data: bytes) -> bool:
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<plist", b"<!DOCTYPE"))


def _stringsdict_values(data: bytes) -> list[tuple[_xmlspans.Element, list[Part]]]:
    """Each user-text <string> of a .stringsdict with its parts."""
    root = _xmlspans.read(data)
    found = []
    for element in _xmlspans.walk(root):
        if element.name != "dict":
            continue
        key = None
        for child in element.children:
            if child.name == "key":
                key = _xmlspans.inner(data, child).strip()
                continue
            if child.name == "string" and key not in _TYPE_KEYS:
                found.append((child, stringsdict_parts(_xmlspans.inner(data, child))))
            key = None
    return found


def declared_script(data: bytes) -> str | None:
    """None: Apple declares the language in the folder name (uz-Cyrl.lproj)."""
    del data
    return None


def entries(data: bytes) -> Iterator[Entry]:
    """Each value's text (specifiers read as spaces) with its line."""
    if _is_plist(data):
        for element, parts in _stringsdict_values(data):
            if visible_text(parts).strip():
                yield Entry(element.line, visible_text(parts))
        return
    for value in parse_strings(decode_file(data)[2]):
        text = visible_text(specifier_parts(value.text))
        if text.strip():
            yield Entry(value.line, text)


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The catalogue with its values converted (see the module's docstring)."""
    del limits  # a catalogue unpacks to nothing
    if _is_plist(data):
        return _convert_stringsdict(data, choose)
    bom, encoding, text = decode_file(data)
    values = parse_strings(text)
    all_parts = [specifier_parts(v.text) for v in values]
    translit = choose(visible_text(parts) for parts in all_parts)
    out, last = [], 0
    for value, new in zip(values, convert_strings(translit, all_parts, unescaped), strict=True):
        if new != value.text:
            out += [text[last : value.start], f'"{encode_string(new)}"']
            last = value.end
    out.append(text[last:])
    return bom + "".join(out).encode(encoding)


def _convert_stringsdict(data: bytes, choose: Chooser) -> bytes:
    found = _stringsdict_values(data)
    translit = choose(visible_text(parts) for _, parts in found)
    out, last = [], 0
    new_values = convert_strings(translit, [parts for _, parts in found], unescaped)
    for (element, _), new_value in zip(found, new_values, strict=True):
        new = new_value.encode("utf-8")
        if new != data[element.content_start : element.content_end]:
            out += [data[last : element.content_start], new]
            last = element.content_end
    out.append(data[last:])
    return b"".join(out)

"""gettext catalogues (.po, .pot): the translations converted, all else kept.

Only ``msgstr`` and ``msgstr[n]`` are converted.  ``msgid``, ``msgctxt``,
comments, references, flags and obsolete (``#~``) entries stay byte for byte,
and so does the header, except its ``Language:``, which is turned into the
other script's tag (_langtags; ``Plural-Forms`` is kept).  Placeholders (``%s``,
``%(name)s``, ``{name}``) are kept by the converter itself.

The file is read line by line here rather than with polib: polib re-serialises
(rewrapping lines, normalising escapes), while this reader knows the line and
columns of every string, so that the converted strings are spliced into the
original text and a diff shows only changed strings.  A string wrapped over
several lines is converted as pieces of one text; each line keeps its place.
The tests read the output back with polib to check it.

A template (.pot) has empty ``msgstr``: it is left unchanged, with a
FormatWarning saying so, unless *from_source* is set, which fills every empty
``msgstr`` with its ``msgid`` converted (``msgstr[0]`` from ``msgid``, the other
forms from ``msgid_plural``), for catalogues whose source language is Uzbek.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from .._transliterator import Transliterator
from . import _langtags
from ._base import Chooser, Entry, FormatError, FormatWarning, Limits
from ._parts import Part, converted_texts
from .text import BOM, decode

NAME: Final = "po"

# A keyword and the space before its string: msgctxt, msgid, msgid_plural,
# msgstr, msgstr[N].
_KEYWORD: Final = re.compile(r"[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9]+)\])?)[ \t]*")
# The escapes of a PO string and the character each stands for.
_ESCAPES: Final = MappingProxyType(
    {
        "\\": "\\",  # a backslash
        '"': '"',  # a double quote
        "'": "'",  # an apostrophe (accepted by msgfmt)
        "?": "?",  # a question mark (C trigraph guard)
        "n": "\n",  # a new line: ends most lines of a wrapped string
        "t": "\t",  # a tab
        "r": "\r",  # a carriage return
        "a": "\a",  # the C escapes msgfmt accepts
        "b": "\b",
        "f": "\f",
        "v": "\v",
    }
)
_ESCAPE: Final = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
# How a character of converted text is written back in a PO string.
# Control characters without a letter escape are written in octal (three digits,
# so that a digit after them is not read as part of the escape).
_WRITTEN: Final = str.maketrans(
    {
        **{chr(code): f"\\{code:03o}" for code in (*range(0x20), 0x7F)},
        **{char: "\\" + letter for letter, char in _ESCAPES.items() if char != letter},
        "\\": "\\\\",
        '"': '\\"',
    }
)
_NEEDS_ESCAPE: Final = re.compile('[\\\\"\x00-\x1f\x7f]')
# The end of a line: gettext ends lines at \n (a \r before it is kept with it, and a
# lone \r ends a line of an old Mac file); str.splitlines would also split at
# U+2028, U+0085, form feeds and other characters a string may hold.
_LINE: Final = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
# A quoted string: its content, up to the first unescaped quote.
_STRING: Final = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"', re.DOTALL)
_LANGUAGE: Final = re.compile(r"Language:[ \t]*([^\\]*)")


@dataclass
class Segment:
    """One quoted string on one line: *start* and *end* bound its content."""

    line: int  # index into the lines
    start: int
    end: int
    raw: str
    text: str


@dataclass
class Field:
    """A keyword with its strings (one per line)."""

    keyword: str
    line: int  # index of the keyword's line
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)


@dataclass
class Message:
    """One entry: msgctxt?, msgid, msgid_plural?, msgstr or msgstr[n]."""

    fields: list[Field] = field(default_factory=list)

    def get(self, keyword: str) -> Field | None:
        return next((f for f in self.fields if f.keyword == keyword), None)

    @property
    def translations(self) -> list[Field]:
        return [f for f in self.fields if f.keyword.startswith("msgstr")]

    @property
    def is_header(self) -> bool:
        msgid = self.get("msgid")
        return msgid is not None and msgid.text == "" and self.get("msgctxt") is None


def _is_scalar(code: int) -> bool:
    """Whether *code* is a Unicode scalar value (a character UTF-8 can write)."""
    return code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF


def decode_string(raw: str, line: int) -> str:
    """The text of a PO string's content *raw* (escapes decoded)."""

    def decoded(found: re.Match[str]) -> str:
        octal, hexadecimal, char = found.groups()
        if octal is not None:
            return chr(int(octal, 8))
        if hexadecimal is not None:
            if len(hexadecimal) > 6 or not _is_scalar(int(hexadecimal, 16)):
                raise FormatError(f"escape \\x{hexadecimal} out of range", line)
            return chr(int(hexadecimal, 16))
        if char in _ESCAPES:
            return _ESCAPES[char]
        raise FormatError(f"unknown escape \\{char} in a string", line)

    return _ESCAPE.sub(decoded, raw) if "\\" in raw else raw


def encode_string(text: str) -> str:
    """*text* written as the content of a PO string."""
    return text.translate(_WRITTEN) if _NEEDS_ESCAPE.search(text) else text


def _string_at(line_text: str, start: int, number: int) -> tuple[int, int]:
    """The bounds of the content of the string whose opening quote is at *start*."""
    if start >= len(line_text) or line_text[start] != '"':
        raise FormatError("expected a quoted string", number)
    found = _STRING.match(line_text, start)
    if found is None:
        raise FormatError("string not closed with a quote", number)
    if line_text[found.end() :].strip():
        raise FormatError("unexpected text after the closing quote", number)
    return found.span(1)


def parse(text: str) -> tuple[list[str], list[Message]]:
    """The lines of *text* (with their ends) and its entries, with positions."""
    lines = _LINE.findall(text)
    messages: list[Message] = []
    current: Field | None = None
    has_msgstr = False  # whether the last message has a msgstr yet
    for index, line in enumerate(lines):
        number = index + 1
        body = line.rstrip("\r\n")
        stripped = body.lstrip()
        if not stripped or stripped.startswith("#"):
            current = None
            continue
        if stripped.startswith('"'):
            if current is None:
                raise FormatError("a string without a keyword before it", number)
            start = len(body) - len(stripped)
        else:
            found = _KEYWORD.match(body)
            if found is None:
                word = stripped.split()[0]
                raise FormatError(
                    f"expected msgid, msgstr or a quoted string, got {word!r}", number
                )
            keyword = found[1]
            current = Field(keyword, index)
            entry_starts = keyword in ("msgctxt", "msgid")
            if (
                not messages
                or (entry_starts and has_msgstr)
                or (keyword == "msgid" and messages[-1].get("msgid") is not None)
            ):
                messages.append(Message())
                has_msgstr = False
            has_msgstr = has_msgstr or keyword.startswith("msgstr")
            messages[-1].fields.append(current)
            start = found.end()
        begin, end = _string_at(body, start, number)
        raw = body[begin:end]
        current.segments.append(Segment(index, begin, end, raw, decode_string(raw, number)))
    for message in messages:
        check_entry(message)
    return lines, messages


def check_entry(message: Message) -> None:
    """FormatError naming the line unless *message* is an entry msgfmt takes: msgid
    and msgstr, each keyword once, msgstr[N] if and only if there is msgid_plural."""
    if message.get("msgid") is None or not message.translations:
        raise FormatError("an entry needs both msgid and msgstr", message.fields[0].line + 1)
    seen: set[str] = set()
    for found in message.fields:
        if found.keyword in seen:
            raise FormatError(f"a second {found.keyword} in one entry", found.line + 1)
        seen.add(found.keyword)
    plural = message.get("msgid_plural") is not None
    for translation in message.translations:
        if (translation.keyword != "msgstr") != plural:
            wanted = "msgstr[N] after msgid_plural" if plural else "msgstr without msgid_plural"
            raise FormatError(f"expected {wanted}, got {translation.keyword}", translation.line + 1)


def _read(data: bytes) -> tuple[bytes, list[str], list[Message]]:
    bom = BOM if data.startswith(BOM) else b""
    lines, messages = parse(decode(data[len(bom) :]))
    return bom, lines, messages


def _header(messages: list[Message]) -> Message | None:
    return messages[0] if messages and messages[0].is_header else None


def language(messages: list[Message]) -> tuple[Segment, re.Match[str]] | None:
    """The header's ``Language:`` line, as its segment and the match of its value."""
    header = _header(messages)
    if header is None:
        return None
    for translation in header.translations:
        for segment in translation.segments:
            found = _LANGUAGE.match(segment.raw)
            if found is not None:
                return segment, found
    return None


def declared_script(data: bytes) -> str | None:
    """ "latin" or "cyrillic" from the header's Language; None if it names no Uzbek script."""
    found = language(_read(data)[2])
    return None if found is None else _langtags.declared_script(found[1][1])


def entries(data: bytes) -> Iterator[Entry]:
    """Each non-empty translation (msgstr, msgstr[n]) with the line of its keyword."""
    for message in _read(data)[2]:
        if message.is_header:
            continue
        for translation in message.translations:
            if translation.text:
                yield Entry(translation.line + 1, translation.text)


# Stands between two translations, so that each is converted as a text of its own.
_BETWEEN: Final = Part("")

# An edit of one line: (start, end, new text) within the line.
_Edit = tuple[int, int, str]


def _fill_from_source(
    message: Message, lines: list[str], translit: Transliterator
) -> dict[int, str]:
    """New lines for each empty msgstr of *message*: its msgid (msgstr[0]) or
    msgid_plural (the others) converted, in the source's line layout."""
    replaced: dict[int, str] = {}
    for translation in message.translations:
        if translation.text or len(translation.segments) != 1:
            continue
        plural = translation.keyword not in ("msgstr", "msgstr[0]")
        source = message.get("msgid_plural" if plural else "msgid")
        if source is None or not source.text:
            continue
        parts = [Part(segment.raw, segment.text) for segment in source.segments]
        texts = converted_texts(translit, parts)
        new_lines = []
        for number, (segment, text) in enumerate(zip(source.segments, texts, strict=True)):
            line = lines[segment.line]
            content = encode_string(text or "")
            new = line[: segment.start] + content + line[segment.end :]
            if number == 0:
                new = new.replace(source.keyword, translation.keyword, 1)
            new_lines.append(new)
        replaced[translation.segments[0].line] = "".join(new_lines)
    return replaced


def convert(data: bytes, choose: Chooser, limits: Limits, /, *, from_source: bool = False) -> bytes:
    """The catalogue with its translations converted (see the module's docstring)."""
    del limits  # a catalogue unpacks to nothing
    bom, lines, messages = _read(data)
    body = [m for m in messages if not m.is_header]
    translations = [t for m in body for t in m.translations if t.text]
    if from_source:
        translit = choose(msgid.text for m in body if (msgid := m.get("msgid")) is not None)
    else:
        translit = choose(t.text for t in translations)
        if body and not translations:
            warnings.warn(
                FormatWarning("no translations to convert (a .pot template); left unchanged"),
                stacklevel=2,
            )
    edits: dict[int, list[_Edit]] = {}
    segments: list[Segment | None] = []
    for translation in translations:  # each its own run of text: syntax between
        segments += [*translation.segments, None]
    parts = [_BETWEEN if s is None else Part(s.raw, s.text) for s in segments]
    for segment, text in zip(segments, converted_texts(translit, parts), strict=True):
        if segment is not None and text is not None and text != segment.text:
            new = (segment.start, segment.end, encode_string(text))
            edits.setdefault(segment.line, []).append(new)
    found = language(messages)
    if found is not None:
        segment, match = found
        tag = match[1]
        new_tag = _langtags.for_script(tag, translit.target, style="posix")
        if not tag.strip() and from_source:
            new_tag = _langtags.for_script("uz", translit.target, style="posix")
        if new_tag != tag:
            start = segment.start + match.start(1)
            edits.setdefault(segment.line, []).append((start, start + len(tag), new_tag))
    replaced: dict[int, str] = {}
    if from_source:
        for message in body:
            replaced.update(_fill_from_source(message, lines, translit))
    return bom + _spliced(lines, edits, replaced).encode("utf-8")


def _spliced(lines: list[str], edits: dict[int, list[_Edit]], replaced: dict[int, str]) -> str:
    """*lines* with *edits* made (right to left in each line) and whole lines *replaced*."""
    out = []
    for index, line in enumerate(lines):
        if index in replaced:
            out.append(replaced[index])
            continue
        text = line
        for start, end, new in sorted(edits.get(index, ()), reverse=True):
            text = text[:start] + new + text[end:]
        out.append(text)
    return "".join(out)

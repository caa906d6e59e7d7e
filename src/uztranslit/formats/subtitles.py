"""Subtitles, SubRip (.srt) and WebVTT (.vtt): the cue text, nothing else.

A file is a list of blocks separated by blank lines.  A cue is an optional
number (SRT) or identifier (VTT), a timing line, and its text lines; the text
lines of one cue are converted as one text.  Cue numbers, identifiers, timings,
cue settings and SRT coordinates stay as written, and so do the tags inside
the text (``<i>``, ``<b>``, ``<u>``, ``<c.class>``, ``<v Name>``,
``<00:01.500>``, ``<font …>``, ``{\\an8}``) and character references
(``&amp;``).  A WebVTT file's header, NOTE, STYLE and REGION blocks are kept; an
Uzbek ``Language:`` header names the new script.

The file must be UTF-8 (a byte order mark is kept).  A block that is neither a
cue nor one of VTT's other blocks, or a timing line that is malformed, is a
FormatError naming its line: such a file is never converted as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, NamedTuple

from ._base import Chooser, Entry, FormatError
from ._markup import (
    HTML_MARKUP,
    Group,
    Piece,
    converted_edits,
    group_entries,
    group_text,
    splice,
    unchanged,
)
from .html import LangValue, lang_edits
from .text import BOM, decode

# Timestamps: SRT writes 00:01:02,500 (some tools write a dot); VTT 01:02.500 or 00:01:02.500.
_SRT_TIME: Final = r"\d{1,3}:\d{1,2}:\d{1,2}[,.]\d{1,3}"
_VTT_TIME: Final = r"(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}"
# A timing line; SRT may add X1: Y1: coordinates, VTT cue settings.
SRT_TIMING: Final = re.compile(rf"[ \t]*{_SRT_TIME}[ \t]*-->[ \t]*{_SRT_TIME}(?:[ \t]+[^\r\n]*)?")
VTT_TIMING: Final = re.compile(rf"{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t]+[^\r\n]*)?")
# Markup inside cue text, kept as written: tags and SSA override blocks.
_MARKUP: Final = re.compile(r"<[^<>\r\n]*>|\{\\[^{}\r\n]*\}")
# Character references inside cue text (WebVTT's, which players also read in SRT).
_REFERENCE: Final = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_REFERENCES: Final = MappingProxyType(
    {"amp": "&", "lt": "<", "gt": ">", "nbsp": "\u00a0", "lrm": "\u200e", "rlm": "\u200f"}
)
# VTT blocks that are not cues: kept whole.
VTT_OTHER_BLOCKS: Final = ("NOTE", "STYLE", "REGION")
_VTT_HEADER: Final = re.compile(r"WEBVTT(?:[ \t]|$)")
_VTT_LANGUAGE: Final = re.compile(r"Language:[ \t]*(\S+)", re.IGNORECASE)


class Line(NamedTuple):
    """A line of the file: its text without the line break, and where it starts."""

    number: int
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Subtitles:
    """The cue texts of a subtitle file (as groups) and its language headers."""

    source: str
    cues: list[Group]
    languages: list[LangValue]  # the value of each Language: header, to be retagged


def _lines(source: str) -> list[Line]:
    lines: list[Line] = []
    at = 0
    for number, found in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", source), 1):
        text = found.group().rstrip("\r\n")
        lines.append(Line(number, at, text))
        at = found.end()
    return lines


def _blocks(lines: list[Line]) -> Iterator[list[Line]]:
    """Runs of lines that are not blank."""
    block: list[Line] = []
    for line in lines:
        if line.text.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


# The tags that cut a cue's text in two: a ruby's reading (<rt>) is not part of the
# word it stands over (<ruby>Тош<rt>ер</rt></ruby>), as in HTML.
_CUTTING_TAG: Final = re.compile(r"</?(?:ruby|rt)(?:[.\s][^>]*)?>", re.IGNORECASE)
# WebVTT's language span, <lang uz-Latn> (classes may follow lang): its tag is retagged.
_LANG_TAG: Final = re.compile(r"<lang(?:\.[^\s>]*)?[ \t]+([^\s>]+)[ \t]*>")


def _cue_text(source: str, lines: Sequence[Line], languages: list[LangValue]) -> list[Group]:
    """The groups of a cue's text lines, each of pieces (text between tags, and
    references): one, or more where a ruby's tags cut it.  The language of each
    <lang …> span goes into *languages*."""
    if not lines:
        return []
    start, end = lines[0].start, lines[-1].end
    groups: list[Group] = []
    pieces: list[Piece] = []
    at = start
    for found in re.finditer(rf"{_MARKUP.pattern}|{_REFERENCE.pattern}", source[start:end]):
        begin, finish = start + found.start(), start + found.end()
        if begin > at:
            pieces.append(Piece(at, begin, source[at:begin]))
        if found.group().startswith("&"):
            pieces.append(Piece(begin, finish, _unescape(found.group()), reference=True))
        elif _CUTTING_TAG.fullmatch(found.group()) and pieces:
            groups.append(Group(tuple(pieces), unchanged, markup=HTML_MARKUP))
            pieces = []
        elif (lang := _LANG_TAG.fullmatch(found.group())) is not None:
            languages.append(LangValue(begin + lang.start(1), begin + lang.end(1), lang[1]))
        at = finish
    if at < end:
        pieces.append(Piece(at, end, source[at:end]))
    if pieces:
        groups.append(Group(tuple(pieces), unchanged, markup=HTML_MARKUP))
    return groups


def _unescape(reference: str) -> str:
    name = reference[1:-1]
    if name.startswith(("#x", "#X")):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _REFERENCES.get(name, reference)


def _timing_error(line: Line, kind: str) -> FormatError:
    return FormatError(f"malformed {kind} timing: {line.text.strip()!r}", line.number)


def read_srt(source: str) -> Subtitles:
    """The cues of a SubRip file: [number], timing, text lines."""
    cues: list[Group] = []
    for block in _blocks(_lines(source)):
        first = block[0]
        if SRT_TIMING.fullmatch(first.text):
            text = block[1:]
        elif first.text.strip().isdigit():
            if len(block) < 2 or not SRT_TIMING.fullmatch(block[1].text):
                after = block[1] if len(block) > 1 else first
                raise _timing_error(after, "SRT")
            text = block[2:]
        elif "-->" in first.text:
            raise _timing_error(first, "SRT")
        else:
            raise FormatError(f"expected a cue number or timing: {first.text!r}", first.number)
        cues += _cue_text(source, text, [])
    return Subtitles(source, cues, [])


def read_vtt(source: str) -> Subtitles:
    """The cues of a WebVTT file: [identifier], timing and settings, text lines."""
    lines = _lines(source)
    if not lines or not _VTT_HEADER.match(lines[0].text):
        raise FormatError("a WebVTT file must begin with WEBVTT", 1)
    blocks = list(_blocks(lines))
    languages = []
    for line in blocks[0][1:]:
        found = _VTT_LANGUAGE.fullmatch(line.text.strip())
        if found is not None:
            begin = line.start + line.text.index(found.group(1))
            languages.append(LangValue(begin, begin + len(found.group(1)), found.group(1)))
    cues: list[Group] = []
    for block in blocks[1:]:
        first = block[0]
        if first.text.split(maxsplit=1)[0] in VTT_OTHER_BLOCKS and "-->" not in first.text:
            continue
        timing = 0 if "-->" in first.text else 1
        if timing >= len(block) or "-->" not in block[timing].text:
            raise FormatError(f"a cue without a timing line: {first.text!r}", first.number)
        if not VTT_TIMING.fullmatch(block[timing].text):
            raise _timing_error(block[timing], "WebVTT")
        cues += _cue_text(source, block[timing + 1 :], languages)
    return Subtitles(source, cues, languages)


def convert_subtitles(subtitles: Subtitles, choose: Chooser) -> str:
    """The subtitle text with each cue's text converted."""
    translit = choose(group_text(cue) for cue in subtitles.cues)
    edits = [
        *converted_edits(subtitles.cues, translit),
        *lang_edits(subtitles.languages, translit),
    ]
    return splice(subtitles.source, edits)


def split_bom(data: bytes) -> tuple[bytes, str]:
    """The byte order mark of *data* (or b"") and its text decoded as UTF-8."""
    bom = BOM if data.startswith(BOM) else b""
    return bom, decode(data[len(bom) :])


def cue_entries(subtitles: Subtitles) -> Iterator[Entry]:
    """Each cue's text and the line it starts on."""
    return group_entries(subtitles.source, subtitles.cues)

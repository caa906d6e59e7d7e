"""Markdown: the prose converts; code, URLs and markup stay byte for byte.

markdown-it-py (CommonMark, with GitHub tables and strikethrough) finds the
blocks and, with their line ranges, where each paragraph, heading and table
cell lies in the source.  Its inline rules are wrapped to record where each
construct starts and ends, so the text between them is known by position and
converted text is spliced into the untouched source; the file is never
re-rendered.

- Converted: paragraphs, headings, list items, quotes, table cells, link text
  and image alt text, the text of HTML blocks and inline HTML (by the HTML
  rules of formats.html), and in YAML front matter the values of
  FRONT_MATTER_TEXT_KEYS.
- Kept: code spans, fenced and indented code, link and image destinations and
  titles, autolinks, reference definitions, the text of a collapsed or shortcut
  reference link or image (``[Toshkent][]``, ``[Toshkent]``: it is also the label,
  which must still find its definition), emphasis markers, backslash
  escapes and entities (unless they stand for a letter of a converted word),
  front-matter keys and every other front-matter value, TOML front matter.
- The lines of a paragraph are read as one text.  A word split by emphasis
  (``Ш*аҳ*ар``) keeps its parts in place when they convert alike apart and
  together (``Sh*ah*ar``).  Otherwise the word moves whole into the part where
  it starts, except out of emphasis, which would leave an ``**`` that shows:
  there each part converts on its own (``т*елефон*`` → ``t*yelefon*``).
  A link's text is converted on its own, so its words stay inside the brackets.
"""

from __future__ import annotations

import bisect
import functools
import html as html_entities
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from ._base import Chooser, Entry, FormatError, Limits
from ._markup import (
    MARKDOWN_MARKUP,
    Edit,
    Group,
    Piece,
    converted_edits,
    group_entries,
    group_text,
    splice,
    unchanged,
)
from .html import INLINE, SKIPPED
from .html import scan as scan_html
from .text import BOM, decode

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

NAME: Final = "markdown"

# Top-level front-matter keys whose values are prose a reader sees.
FRONT_MATTER_TEXT_KEYS: Final = frozenset(
    {"title", "subtitle", "description", "summary", "excerpt", "caption"}
)
# The key of a top-level "key: value" line of YAML.
_FRONT_MATTER_KEY: Final = re.compile(r"([A-Za-z_][\w-]*):[ \t]+")
# A quoted YAML scalar, and what may follow it on its line (a comment).
_QUOTED: Final = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'""")
_AFTER_QUOTED: Final = re.compile(r"(?:[ \t]+#.*)?")
# How a value starts that is not a plain one-line scalar: a block scalar, a
# flow collection, an anchor, alias, tag, directive, comment or reserved sign.
_NOT_PLAIN: Final = tuple("|>&*!%@`#[{\"'")
# An escape inside a double-quoted YAML value, and the characters they stand for.
_YAML_ESCAPE: Final = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_YAML_ESCAPES: Final = MappingProxyType(
    {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "\\": "\\", "/": "/", " ": " "}
)
_NEWLINE: Final = re.compile(r"\r\n|\r|\n")


# The characters where an inline construct of CommonMark, tables or strikethrough may start.
_INLINE_MARKUP: Final = re.compile(r"[!&*<\[\\\]_`~]")
_TAG: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_NO_TRANSLATE: Final = re.compile(
    r"""\stranslate\s*=\s*["']?no\b|\sclass\s*=\s*["'][^"']*\bnotranslate\b""", re.IGNORECASE
)


class Span(NamedTuple):
    """What an inline rule matched in a paragraph's source: kind and offsets."""

    start: int
    end: int
    kind: str  # "open", "close", "markup", "kept", "reference", "html", "text"


@dataclass
class _Recorder:
    """The spans the wrapped inline rules match in the text being parsed."""

    source: str = ""
    spans: list[Span] = field(default_factory=list)
    # Each emphasis or strikethrough delimiter: its offset, width and token.
    delimiters: list[tuple[int, int, Token]] = field(default_factory=list)

    def delimiter_spans(self) -> None:
        """Spans for the delimiters, once paired: an opening or closing one is
        markup, one that pairs with nothing stays text (``2 * 3``)."""
        for start, width, token in self.delimiters:
            kind = {1: "open", -1: "close"}.get(token.nesting)
            if kind is None and token.content == "":
                kind = "markup"  # the other half of ** or __
            if kind is not None:
                self.spans.append(Span(start, start + width, kind))


# Inline rules whose matches are delimiters, and how wide each delimiter is.
_DELIMITER_WIDTHS: Final = MappingProxyType({"emphasis": 1, "strikethrough": 2})


def _recorder(state: StateInline) -> _Recorder | None:
    """The recorder of the text *state* parses (not of an image's alt text)."""
    recorder = state.env.get("uztranslit")
    return recorder if recorder is not None and state.src is recorder.source else None


def _recording(name: str, rule: Callable[[StateInline, bool], bool]) -> Any:
    """*rule*, recording into env["uztranslit"] where it matched."""
    width = _DELIMITER_WIDTHS.get(name)

    def wrapped(state: StateInline, silent: bool) -> bool:
        start, delimiters = state.pos, len(state.delimiters)
        if not rule(state, silent):
            return False
        recorder = None if silent else _recorder(state)
        if recorder is None:
            return True
        if width is None:
            recorder.spans.extend(_spans_of(name, state, start, state.pos))
            return True
        added = state.delimiters[delimiters:]
        first = state.pos - width * len(added)
        for number, delimiter in enumerate(added):
            token = state.tokens[delimiter.token]
            recorder.delimiters.append((first + number * width, width, token))
        return True

    return wrapped


def _pairing_recorded(rule: Callable[[StateInline], None]) -> Any:
    """The inline post-processing rule *rule* (fragments_join, which merges
    text tokens), run after the delimiters' pairing is recorded."""

    def wrapped(state: StateInline) -> None:
        recorder = _recorder(state)
        if recorder is not None:
            recorder.delimiter_spans()
        rule(state)

    return wrapped


def _kept(state: StateInline, start: int, end: int) -> list[Span]:
    return [Span(start, end, "kept")]


def _html(state: StateInline, start: int, end: int) -> list[Span]:
    return [Span(start, end, "html")]


def _escape(state: StateInline, start: int, end: int) -> list[Span]:
    if state.src[start + 1 : start + 2] == "\n":  # a hard line break
        return [Span(start, start + 1, "markup")]
    return [Span(start, end, "reference")]


def _entity(state: StateInline, start: int, end: int) -> list[Span]:
    return [Span(start, end, "reference")]


# What follows the text of a collapsed ([text][]) or shortcut ([text]) reference link,
# whose text is also its label.
_TEXT_IS_LABEL: Final = ("]", "][]")


def _link(state: StateInline, start: int, end: int) -> list[Span]:
    label_end = state.md.helpers.parseLinkLabel(state, start, True)
    if state.src[label_end:end] in _TEXT_IS_LABEL:  # converted, it would find no definition
        return [Span(start, end, "kept")]
    return [Span(start, start + 1, "kept"), Span(label_end, end, "kept")]


def _image(state: StateInline, start: int, end: int) -> list[Span]:
    label_end = state.md.helpers.parseLinkLabel(state, start + 1, False)
    if state.src[label_end:end] in _TEXT_IS_LABEL:
        return [Span(start, end, "kept")]
    return [
        Span(start, start + 2, "kept"),
        Span(start + 2, label_end, "text"),  # the alt text: its inner markup is not recorded
        Span(label_end, end, "kept"),
    ]


# Inline rule → the spans of what it matched (rules not listed match text).
_SPANS_OF: Final = MappingProxyType(
    {
        "backticks": _kept,  # code spans
        "autolink": _kept,  # <https://…>
        "linkify": _kept,  # bare URLs, when enabled
        "html_inline": _html,  # tags, by the HTML rules
        "escape": _escape,  # \* stands for *
        "entity": _entity,  # &amp; stands for &
        "link": _link,  # [text](destination "title"): the text converts, on its own
        "image": _image,  # ![alt](destination): the alt text converts
    }
)


def _spans_of(name: str, state: StateInline, start: int, end: int) -> list[Span]:
    """The spans of a construct the rule *name* matched at source[start:end]."""
    spans_of = _SPANS_OF.get(name)
    return [] if spans_of is None else spans_of(state, start, end)


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough, its inline rules recording
    spans (shared: what one parse records goes into its own env)."""
    try:
        from markdown_it import MarkdownIt  # noqa: PLC0415 - an optional dependency
    except ImportError:
        raise FormatError(
            "Markdown needs markdown-it-py: pip install 'uztranslit[formats]'"
        ) from None

    class SourceMarkdown(MarkdownIt):
        """Links as written: no HTML is made, so none needs normalising (it is slow)."""

        def normalizeLink(self, url: str) -> str:
            return url

        def normalizeLinkText(self, link: str) -> str:
            return link

    md = SourceMarkdown("commonmark").enable(["table", "strikethrough"])
    md.disable("inline")  # each inline token is parsed below, with its spans recorded
    for name in (*_SPANS_OF, *_DELIMITER_WIDTHS):  # not text or newline: they match text
        if name in md.inline.ruler.get_all_rules():
            rule = md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn
            md.inline.ruler.at(name, _recording(name, rule))
    ruler2 = md.inline.ruler2
    joining = ruler2.__rules__[ruler2.__find__("fragments_join")].fn
    ruler2.at("fragments_join", _pairing_recorded(joining))
    return md


# --- where each text lies ---------------------------------------------------------------


class _Line(NamedTuple):
    start: int
    text: str


def _lines(source: str) -> list[_Line]:
    lines: list[_Line] = []
    at = 0
    for found in _NEWLINE.finditer(source):
        lines.append(_Line(at, source[at : found.start()]))
        at = found.end()
    lines.append(_Line(at, source[at:]))
    return lines


@dataclass
class _Paragraph:
    """One inline text (a paragraph, a heading, a cell) and where its lines lie."""

    content: str
    content_starts: list[int]  # where each line starts in the content
    source_starts: list[int]  # and in the source

    def to_source(self, offset: int) -> int:
        """The source offset of the content *offset* (not a line break)."""
        line = bisect.bisect_right(self.content_starts, offset) - 1
        return self.source_starts[line] + offset - self.content_starts[line]


def _locate(
    content: str, first_line: int, lines: list[_Line], cursor: dict[int, int]
) -> _Paragraph | None:
    """Where each line of *content* lies, from source line *first_line* on;
    None if a line is not found as written (tabs expanded, NUL replaced)."""
    content_starts: list[int] = []
    source_starts: list[int] = []
    offset = 0
    for number, text in enumerate(content.split("\n"), first_line):
        if number >= len(lines):
            return None
        line = lines[number]
        at = line.text.find(text, cursor.get(number, 0))
        if at < 0:
            return None
        cursor[number] = at + len(text)
        content_starts.append(offset)
        source_starts.append(line.start + at)
        offset += len(text) + 1
    return _Paragraph(content, content_starts, source_starts)


class _Groups:
    """Builds the groups of one inline text from its spans."""

    def __init__(self, source: str, paragraph: _Paragraph) -> None:
        self.source = source
        self.paragraph = paragraph
        self.groups: list[Group] = []
        self.pieces: list[Piece] = []
        self.skipping: list[str] = []  # open HTML elements whose text is kept
        self.filled: set[int] = set()  # pieces of the group inside emphasis
        self.depth = 0  # how many emphases are open

    def end_group(self) -> None:
        if self.pieces:
            self.groups.append(
                Group(tuple(self.pieces), unchanged, frozenset(self.filled), MARKDOWN_MARKUP)
            )
            self.pieces = []
        self.filled = set()

    def add(self, piece: Piece) -> None:
        if self.depth > 0:
            self.filled.add(len(self.pieces))
        self.pieces.append(piece)

    def text(self, start: int, end: int) -> None:
        if self.skipping or start >= end:
            return
        content = self.paragraph.content
        at = start
        while at < end:
            newline = content.find("\n", at, end)
            stop = end if newline < 0 else newline
            if stop > at:
                begin = self.paragraph.to_source(at)
                self.add(Piece(begin, begin + stop - at, content[at:stop]))
            if newline < 0:
                break
            separator = self.paragraph.to_source(newline - 1) + 1 if newline > 0 else 0
            self.pieces.append(Piece(separator, separator, "\n"))
            at = newline + 1

    def reference(self, start: int, end: int) -> None:
        if self.skipping:
            return
        raw = self.paragraph.content[start:end]
        meant = raw[1:] if raw.startswith("\\") else html_entities.unescape(raw)
        begin = self.paragraph.to_source(start)
        self.add(Piece(begin, begin + end - start, meant, reference=True))

    def html_tag(self, start: int, end: int) -> None:
        raw = self.paragraph.content[start:end]
        found = _TAG.match(raw)
        if found is None:  # a comment, a declaration: invisible
            return
        closing, tag = found.group(1) == "/", found.group(2).lower()
        if tag not in INLINE:
            self.end_group()
        if closing:
            if self.skipping and self.skipping[-1] == tag:
                self.skipping.pop()
            return
        if self.skipping or tag in SKIPPED or _NO_TRANSLATE.search(raw):
            self.skipping.append(tag)
            return
        if "\n" not in raw:  # the visible attributes of a tag on one line
            begin = self.paragraph.to_source(start)
            self.groups.extend(_shifted(group, begin) for group in scan_html(raw).groups)


def _shifted(group: Group, by: int) -> Group:
    pieces = tuple(
        piece._replace(start=piece.start + by, end=piece.end + by) for piece in group.pieces
    )
    return group._replace(pieces=pieces)


def _inline_groups(
    md: MarkdownIt, source: str, paragraph: _Paragraph, env: dict[str, Any]
) -> list[Group]:
    recorder = _Recorder(paragraph.content)
    if _INLINE_MARKUP.search(paragraph.content):  # else it is all text: no need to parse
        md.inline.parse(paragraph.content, md, {**env, "uztranslit": recorder}, [])
    builder = _Groups(source, paragraph)
    at = 0
    for span in sorted(recorder.spans):
        if span.start < at:
            continue  # inside a span kept whole ([**Toshkent**][]: emphasis in a label)
        builder.text(at, span.start)
        if span.kind == "text":
            builder.text(span.start, span.end)
        elif span.kind == "reference":
            builder.reference(span.start, span.end)
        elif span.kind in {"open", "close"}:
            builder.depth += 1 if span.kind == "open" else -1
        elif span.kind == "kept":
            builder.end_group()
        elif span.kind == "html":
            builder.html_tag(span.start, span.end)
        at = span.end
    builder.text(at, len(paragraph.content))
    builder.end_group()
    return builder.groups


# --- front matter -----------------------------------------------------------------------


def _front_matter_end(lines: list[_Line], fence: str = "---") -> int:
    """The number of lines of YAML front matter (0 if there is none); with *fence*
    "+++", of TOML front matter."""
    if not lines or lines[0].text.rstrip() != fence:
        return 0
    closing = {"---", "..."} if fence == "---" else {fence}
    for number, line in enumerate(lines[1:], 1):
        if line.text.rstrip() in closing:
            return number + 1
    return 0


def _front_matter_groups(lines: list[_Line]) -> Iterator[Group]:
    for line in lines:
        found = _front_matter_value(line.text)
        if found is None:
            continue
        at, value = found
        start = line.start + at
        if value[0] == '"':
            yield Group(_double_quoted_pieces(value, start), _double_quoted)
        elif value[0] == "'":
            yield Group(_single_quoted_pieces(value, start), _single_quoted)
        else:
            yield Group((Piece(start, start + len(value), value),), unchanged)


def _front_matter_value(line: str) -> tuple[int, str] | None:
    """Where the one-line value of a text key (FRONT_MATTER_TEXT_KEYS) starts on
    *line*, and the value as written (quotes included); None for any other line."""
    key = _FRONT_MATTER_KEY.match(line)
    if key is None or key.group(1) not in FRONT_MATTER_TEXT_KEYS:
        return None
    at = key.end()
    rest = line[at:].rstrip(" \t")
    if not rest:
        return None
    if rest[0] in "\"'":
        quoted = _QUOTED.match(rest)
        if quoted is None or not _AFTER_QUOTED.fullmatch(rest, quoted.end()):
            return None
        return at, quoted.group()
    if rest.startswith(_NOT_PLAIN):
        return None
    comment = min((i for i in (rest.find(" #"), rest.find("\t#")) if i >= 0), default=len(rest))
    return at, rest[:comment].rstrip(" \t")


def _double_quoted_pieces(value: str, start: int) -> tuple[Piece, ...]:
    """The pieces of a double-quoted YAML value: text runs and escapes."""
    pieces: list[Piece] = []
    at = 1
    for found in _YAML_ESCAPE.finditer(value, 1, len(value) - 1):
        if found.start() > at:
            pieces.append(Piece(start + at, start + found.start(), value[at : found.start()]))
        code = found.group()[1:]
        meant = chr(int(code[1:], 16)) if len(code) > 1 else _YAML_ESCAPES.get(code, " ")
        pieces.append(Piece(start + found.start(), start + found.end(), meant))
        at = found.end()
    if at < len(value) - 1:
        pieces.append(Piece(start + at, start + len(value) - 1, value[at:-1]))
    return tuple(pieces)


def _single_quoted_pieces(value: str, start: int) -> tuple[Piece, ...]:
    """The pieces of a single-quoted YAML value: text runs and '' (a quote)."""
    pieces: list[Piece] = []
    at = 1
    for found in re.finditer("''", value[1:-1]):
        begin = found.start() + 1
        if begin > at:
            pieces.append(Piece(start + at, start + begin, value[at:begin]))
        pieces.append(Piece(start + begin, start + begin + 2, "'"))
        at = begin + 2
    if at < len(value) - 1:
        pieces.append(Piece(start + at, start + len(value) - 1, value[at:-1]))
    return tuple(pieces)


def _double_quoted(text: str) -> str:
    return text.replace('"', '\\"')


def _single_quoted(text: str) -> str:
    return text.replace("'", "''")


# --- the format -------------------------------------------------------------------------


def groups(source: str) -> list[Group]:
    """The groups of text a reader sees in the Markdown *source*."""
    md = _parser()
    lines = _lines(source)
    front = _front_matter_end(lines)
    found = list(_front_matter_groups(lines[1 : front - 1])) if front else []
    front = front or _front_matter_end(lines, "+++")  # TOML: kept whole
    body = "\n".join("" if number < front else line.text for number, line in enumerate(lines))
    cursor: dict[int, int] = {}
    env: dict[str, Any] = {}  # the reference definitions, for [text][label] links
    for token in md.parse(body, env):
        if token.map is None:
            continue
        if token.type == "inline":
            paragraph = _locate(token.content, token.map[0], lines, cursor)
            if paragraph is not None:
                found += _inline_groups(md, source, paragraph, env)
        elif token.type == "html_block":
            begin, end = lines[token.map[0]].start, lines[token.map[1] - 1]
            block = source[begin : end.start + len(end.text)]
            if _NEWLINE.sub("\n", block) == token.content.rstrip("\n"):
                found += [_shifted(group, begin) for group in scan_html(block).groups]
            else:  # inside a list item or block quote: its lines carry their prefixes
                found += _html_behind_prefixes(token.content, lines[token.map[0] : token.map[1]])
    return found


def _html_behind_prefixes(content: str, lines: list[_Line]) -> list[Group]:
    """The groups of an HTML block whose source *lines* end with the lines of its
    *content* (a list item's indent, a quote's ``>`` before each); none if they do not.

    A text that runs across lines is cut at each line break, the break standing as a
    separator piece (the prefix after it is not the reader's text)."""
    texts = content.rstrip("\n").split("\n")
    if len(texts) != len(lines) or not all(
        line.text.endswith(text) for line, text in zip(lines, texts, strict=True)
    ):
        return []
    # where each content line starts, in the content and in the source
    starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    sources = [
        line.start + len(line.text) - len(text) for line, text in zip(lines, texts, strict=True)
    ]
    groups = []
    for group in scan_html("\n".join(texts)).groups:
        pieces: list[Piece] = []
        for piece in group.pieces:
            pieces += _pieces_behind_prefixes(piece, starts, sources, texts)
        groups.append(group._replace(pieces=tuple(pieces)))
    return groups


def _pieces_behind_prefixes(
    piece: Piece, starts: list[int], sources: list[int], texts: list[str]
) -> list[Piece]:
    """*piece* of the content as pieces of the source, one per line it runs over."""
    if piece.start == piece.end:
        return [piece]
    first = bisect.bisect_right(starts, piece.start) - 1
    if piece.end <= starts[first] + len(texts[first]):  # on one line
        shift = sources[first] - starts[first]
        return [piece._replace(start=piece.start + shift, end=piece.end + shift)]
    found: list[Piece] = []
    line = first
    at = piece.start
    while at < piece.end:
        stop = min(piece.end, starts[line] + len(texts[line]))
        shift = sources[line] - starts[line]
        if stop > at:
            found.append(
                Piece(at + shift, stop + shift, piece.text[at - piece.start : stop - piece.start])
            )
        if stop < piece.end:  # the line break, behind which the prefix stands
            found.append(Piece(stop + shift, stop + shift, "\n"))
        at = stop + 1
        line += 1
    return found


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The Markdown in *data* with its prose converted; every other byte as it was."""
    del limits  # Markdown unpacks to nothing
    bom = BOM if data.startswith(BOM) else b""
    source = decode(data[len(bom) :])
    found = groups(source)
    translit = choose(group_text(group) for group in found)
    edits: list[Edit] = list(converted_edits(found, translit))
    return bom + splice(source, edits).encode("utf-8")


def entries(data: bytes) -> Iterator[Entry]:
    """Each paragraph, heading, cell and front-matter text, and the line it starts on."""
    bom = BOM if data.startswith(BOM) else b""
    source = decode(data[len(bom) :])
    return group_entries(source, groups(source))

"""Text held in pieces of a marked-up source, converted and spliced back in place.

The web formats (HTML, Markdown, subtitles) find the text a reader sees as
*pieces* of their source: the text nodes of one paragraph, the runs of an
attribute value between its character references.  The pieces of one *group*
are read as one text (``<b>Ш</b>аҳар`` is one word) and converted together
(_converted); each piece that changed is then written over its
own span of the source, and every other byte of the source stays as it was.
"""

from __future__ import annotations

import bisect
import html
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, NamedTuple

import regex

from .._transliterator import Transliterator
from ._base import Entry

# A letter of any script: a group with none has nothing to convert.
_LETTER: Final = regex.compile(r"\p{L}")


class Piece(NamedTuple):
    """A span of the source and the text a reader sees there.

    For plain text *text* is the source span itself; for a character reference
    (``&amp;``, ``\\*``: *reference*) it is the character meant, and the source is
    written back unchanged unless the conversion changed that character.  A piece with
    an empty span (start == end) stands for a separator that is not in the
    source text run (a line break behind a Markdown quote marker): it gives
    context only and must come back unchanged.
    """

    start: int
    end: int
    text: str
    reference: bool = False


class Group(NamedTuple):
    """Pieces a reader sees as one text, and how to write converted text there.

    *filled* holds the indexes of pieces that must not come back empty when
    they held letters (their word moved whole into an earlier piece): that is
    harmless for ``<b></b>``, but an emptied Markdown emphasis shows its ``**``.

    *markup*: how the source writes, as text, the characters that are otherwise its
    markup (HTML, Markdown, subtitles); see written_text.
    """

    pieces: tuple[Piece, ...]
    escape: Callable[[str], str]
    filled: frozenset[int] = frozenset()
    markup: Markup | None = None


class Markup(NamedTuple):
    """The characters that are markup in a format's text, and how to write them as text."""

    characters: str
    escape: Callable[[str], str]  # a text with each of them written as text


class Edit(NamedTuple):
    """Replace source[start:end] by *text*."""

    start: int
    end: int
    text: str


def unchanged(text: str) -> str:
    """The escape of text written where nothing needs escaping."""
    return text


def group_text(group: Group) -> str:
    """The text a reader sees in *group*."""
    return "".join(piece.text for piece in group.pieces)


def has_letters(text: str) -> bool:
    """Whether *text* holds a letter of any script (anything to convert)."""
    return _LETTER.search(text) is not None


def converted_edits(groups: Iterable[Group], translit: Transliterator) -> Iterator[Edit]:
    """The edits that write each group converted by *translit*: one per piece that changed."""
    for group in groups:
        texts = [piece.text for piece in group.pieces]
        if not has_letters("".join(texts)):
            continue
        for piece, new in zip(group.pieces, _converted(group, texts, translit), strict=True):
            if new != piece.text:
                yield Edit(piece.start, piece.end, written_text(group, piece, new))


def _html_escaped(text: str) -> str:
    return html.escape(text, quote=False)


def _backslashed(text: str) -> str:
    return "".join("\\" + char if char in _MARKDOWN_CHARACTERS else char for char in text)


# HTML's (and subtitles') text: & < > as character references.
HTML_MARKUP: Final = Markup("&<>", _html_escaped)
# Markdown's inline text: each character that may begin or end a construct, backslashed.
_MARKDOWN_CHARACTERS: Final = "\\`*_[]<>&!~|"
MARKDOWN_MARKUP: Final = Markup(_MARKDOWN_CHARACTERS, _backslashed)


def written_text(group: Group, piece: Piece, new: str) -> str:
    r"""*new*, the converted text of *piece*, as the source must write it.

    In a group with *markup*, a piece that was a character reference or escape, or
    that now holds more of the markup characters than it did (a kept span, such as
    ``<p>`` read from ``&lt;p&gt;`` or a URL with ``&amp;`` or ``\*``, moves whole
    into the piece where it starts), has them written as text: written raw they would
    be markup (escaped text would come back as a live tag, an escaped ``*`` as
    emphasis).  Another piece keeps its own raw ones as they were (``a < b`` is text
    in HTML)."""
    markup = group.markup
    if markup is not None and (
        piece.reference
        or any(new.count(char) > piece.text.count(char) for char in markup.characters)
    ):
        new = markup.escape(new)
    return group.escape(new)


def _converted(group: Group, texts: list[str], translit: Transliterator) -> list[str]:
    """The pieces' texts converted as one text.

    Each piece keeps its own converted text when that reads the same as the
    whole converted at once (``Тошкент|да`` → ``Toshkent|da``); otherwise words
    move whole into the piece where they start (convert_pieces: ``т|елефон`` →
    ``telefon|``).  Where that would empty a piece the group keeps *filled*, the
    group is cut before each such piece and each part is converted so; a part
    that would still empty one is converted piece by piece.
    """
    if len(texts) == 1:
        return [translit(texts[0])]
    apart = [translit(text) for text in texts]
    best = _apart_or_together(texts, apart, group.pieces, translit)
    emptied = _emptied(group, texts, best, 0)
    if not emptied:
        return best
    result: list[str] = []
    for low, high in itertools.pairwise([0, *emptied, len(texts)]):
        part = _apart_or_together(
            texts[low:high], apart[low:high], group.pieces[low:high], translit
        )
        result += apart[low:high] if _emptied(group, texts[low:high], part, low) else part
    return result


def _apart_or_together(
    texts: list[str], apart: list[str], pieces: Sequence[Piece], translit: Transliterator
) -> list[str]:
    """*apart* (each piece converted alone) if it reads as the whole converted
    at once, else the pieces converted together (words kept whole)."""
    if len(texts) == 1 or "".join(apart) == translit("".join(texts)):
        return apart
    return _words_kept_whole(texts, pieces, translit)


def _emptied(group: Group, texts: list[str], new: list[str], offset: int) -> list[int]:
    """The pieces (their index in *group*) of *texts*, which start at *offset* in
    the group, but the first, that the group keeps filled and *new* empties, or
    that *new* makes start with another kind of character right after an emphasis
    opens or closes, where Markdown would read it otherwise: a space after the
    opening (``Ў**Ў Ш**`` → ``OʻOʻ** SH**``, no emphasis), or a mark after either
    (``**Ш**Ў**`` → ``**SHOʻ****``).  A space after the closing is harmless
    (``**S**hahar va`` → ``**Шаҳар** ва``)."""
    found = []
    for index in range(1, len(texts)):
        at = offset + index
        old, now = _kind(texts[index][:1]), _kind(new[index][:1])
        if at in group.filled and now == "none" and has_letters(texts[index]):
            found.append(at)
        elif now not in {old, "none"} and {at, at - 1} & group.filled:
            closing = at not in group.filled
            if not (closing and now == "space"):
                found.append(at)
    return found


def _kind(char: str) -> str:
    """What Markdown's rules for emphasis see in a character beside a delimiter."""
    if not char:
        return "none"
    if char.isspace():
        return "space"
    return "word" if char.isalnum() else "mark"


def _words_kept_whole(
    texts: list[str], pieces: Sequence[Piece], translit: Transliterator
) -> list[str]:
    """convert_pieces; where that would move text into or out of a separator
    piece (which has no span to write to), each run between separators is
    converted on its own."""
    new = translit.convert_pieces(texts)
    if all(n == t for n, t, p in zip(new, texts, pieces, strict=True) if p.start == p.end):
        return new
    result: list[str] = []
    run: list[str] = []
    for text, piece in zip(texts, pieces, strict=True):
        if piece.start == piece.end:
            result += translit.convert_pieces(run) if run else []
            result.append(text)
            run = []
        else:
            run.append(text)
    result += translit.convert_pieces(run) if run else []
    return result


def splice(source: str, edits: Iterable[Edit]) -> str:
    """*source* with each edit applied; the edits must not overlap."""
    chunks: list[str] = []
    at = 0
    for edit in sorted(edits):
        chunks.append(source[at : edit.start])
        chunks.append(edit.text)
        at = edit.end
    chunks.append(source[at:])
    return "".join(chunks)


class Lines:
    """Line numbers (from 1) of offsets in one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        at = find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = find("\n", at + 1)

    def offset(self, line: int, column: int) -> int:
        """The offset of *column* on *line* (html.parser's getpos())."""
        return self.starts[line - 1] + column

    def line(self, offset: int) -> int:
        """The line that *offset* lies on."""
        return bisect.bisect_right(self.starts, offset)


def group_entries(source: str, groups: Iterable[Group]) -> Iterator[Entry]:
    """An Entry for each group with letters: its text and the line it starts on."""
    lines = Lines(source)
    for group in groups:
        text = group_text(group)
        if has_letters(text):
            yield Entry(lines.line(group.pieces[0].start), text)

"""A string of a catalogue as parts: text a reader sees, and syntax kept as written.

Every catalogue format stores a translated string with something inside it that
is not text: placeholders ({name}, $COUNT$), ICU plural syntax, inline tags,
escapes in another form than the text's.  Its reader cuts the string into Parts;
text parts carry both their raw form and the text they mean (escapes decoded).
convert_parts converts the text parts with full context and gives back the
string's new raw form:

- syntax parts stay byte for byte, and separate words (a syntax part between two
  words is a boundary, as a placeholder is);
- adjacent text parts are converted as pieces of one text (Transliterator.
  convert_pieces), so that a word split between two of them is not broken;
- a text part whose conversion equals its text keeps its raw form, so that only
  the strings that change differ in the output; one that changed is written
  with the format's *escape*.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, NamedTuple

from .._transliterator import Transliterator

# Stands for a syntax part while a whole string is converted in one call: a
# private-use character, never a letter, so it separates words as syntax does.
_MARK: Final = "\ue000"


class Part(NamedTuple):
    """One part of a string: *text* None is syntax, kept as *raw*."""

    raw: str
    text: str | None = None
    kind: str = ""  # a tag the format's escape reads (for example "quoted")


# Given a part and its new text, the raw form to write.
Escape = Callable[[Part, str], str]


def text_part(raw: str, text: str | None = None, kind: str = "") -> Part:
    """A text part; its text is its raw form unless given."""
    return Part(raw, raw if text is None else text, kind)


def visible_text(parts: Iterable[Part]) -> str:
    """What a reader sees of the string: its text parts, syntax read as a space."""
    return "".join(" " if part.text is None else part.text for part in parts)


def _runs(parts: Sequence[Part]) -> list[list[int]]:
    """The indexes of the text parts, grouped where they are adjacent."""
    runs: list[list[int]] = []
    previous_was_text = False
    for index, part in enumerate(parts):
        if part.text is None:
            previous_was_text = False
            continue
        if previous_was_text:
            runs[-1].append(index)
        else:
            runs.append([index])
        previous_was_text = True
    return runs


def converted_texts(translit: Transliterator, parts: Sequence[Part]) -> list[str | None]:
    """The converted text of each part (None for syntax); see the module's docstring.

    Runs of one part are converted together in one call, joined by a mark that
    stands for the syntax between them (the conversion of a text is that of its
    words, and the mark separates words); runs of several parts are converted as
    pieces.
    """
    result: list[str | None] = [None] * len(parts)
    singles: list[int] = []
    for run in _runs(parts):
        if len(run) == 1:
            singles.append(run[0])
            continue
        pieces = [parts[index].text or "" for index in run]
        for index, text in zip(run, translit.convert_pieces(pieces), strict=True):
            result[index] = text
    texts = [parts[index].text or "" for index in singles]
    joined = None if any(_MARK in text for text in texts) else translit(_MARK.join(texts))
    split = joined.split(_MARK) if joined is not None else []
    if len(split) != len(singles):
        split = [translit(text) for text in texts]
    for index, text in zip(singles, split, strict=True):
        result[index] = text
    return result


def convert_parts(translit: Transliterator, parts: Sequence[Part], escape: Escape) -> str:
    """The new raw form of the string made of *parts* (module docstring)."""
    written = []
    for part, text in zip(parts, converted_texts(translit, parts), strict=True):
        if text is None or text == part.text:
            written.append(part.raw)
        else:
            written.append(escape(part, text))
    return "".join(written)


# Stands between two strings converted in one run, so that each is a text of its own.
_BETWEEN: Final = Part("")


def convert_strings(
    translit: Transliterator, strings: Sequence[Sequence[Part]], escape: Escape
) -> list[str]:
    """The new raw form of each string (as convert_parts), all converted in one run."""
    joined: list[Part] = []
    for parts in strings:
        joined += [*parts, _BETWEEN]
    results: list[str] = []
    current: list[str] = []
    for part, text in zip(joined, converted_texts(translit, joined), strict=True):
        if part is _BETWEEN:
            results.append("".join(current))
            current = []
        elif text is None or text == part.text:
            current.append(part.raw)
        else:
            current.append(escape(part, text))
    return results


def unescaped(part: Part, text: str) -> str:
    """An Escape for formats whose text needs none."""
    del part
    return text

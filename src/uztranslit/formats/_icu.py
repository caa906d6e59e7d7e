"""ICU MessageFormat messages as Parts: the message text, and the syntax kept.

``{count, plural, offset:1 =0 {Hech narsa} one {# ta fayl} other {# ta fayl}}``:
argument names, the types and styles (``plural``, ``select``, ``selectordinal``,
``number``, ``::currency/UZS``), the selectors (``one``, ``=0``), offsets and
``#`` are syntax; only the texts of the (sub-)messages are text parts.

Apostrophes follow ICU's default mode (DOUBLE_OPTIONAL): ``''`` is an
apostrophe; a single ``'`` quotes literal text when it comes before ``{``, ``}``,
``|`` or (in a plural) ``#``, and is an apostrophe otherwise.  Text parts hold
the text unescaped; quoted literal text is kept as written.  An apostrophe in
converted text is written ``''`` (ESCAPE), so that Latin ``O'zbekiston`` in ASCII
apostrophes stays one word of text.
"""

from __future__ import annotations

import re
from typing import Final

from ._parts import Part

# The argument types whose sub-messages are text; plural-like ones give "#" a meaning.
_PLURAL_TYPES: Final = frozenset({"plural", "selectordinal"})
_CHOICE_TYPES: Final = _PLURAL_TYPES | {"select"}
_NAME: Final = re.compile(r"\s*([^\s{}#',|]+)\s*")
_SELECTOR: Final = re.compile(r"\s*(?:offset:\s*[0-9]+\s*)?(=?-?[^\s{}]+)\s*")
_SPACE: Final = re.compile(r"\s*")
KIND: Final = "icu"
# The characters that may end a run of plain message text, and such a run.
_SPECIAL: Final = frozenset("'{}#")
_PLAIN: Final = re.compile(r"[^'{}#]+")  # the kind of ICU text parts
# Arguments nested deeper than this are refused (the reader recurses; real
# messages nest a select in a plural, two or three deep).
MAX_DEPTH: Final = 64


class IcuError(ValueError):
    """Not a well-formed ICU message."""


def looks_like_icu(text: str) -> bool:
    """Whether *text* holds an ICU plural, select or selectordinal argument."""
    return _COMPLEX_ARGUMENT.search(text) is not None


_COMPLEX_ARGUMENT: Final = re.compile(
    r"\{\s*[^\s{}#',|]+\s*,\s*(?:plural|select|selectordinal)\s*,"
)


def escape(part: Part, text: str) -> str:
    """*text* written as ICU message text: apostrophes doubled."""
    del part
    return text.replace("'", "''")


def parts(message: str) -> list[Part]:
    """*message* cut into text parts and syntax parts; IcuError if malformed."""
    reader = _Reader(message)
    found = reader.message(in_plural=False)
    if reader.pos < len(message):
        raise IcuError(f"unmatched }} at character {reader.pos + 1}")
    return found


class _Reader:
    """A recursive-descent reader of one message, from *pos* on."""

    def __init__(self, message: str) -> None:
        self.text = message
        self.pos = 0
        self.depth = 0  # how many choice arguments are open

    def message(self, in_plural: bool) -> list[Part]:
        """Parts up to the end or to an unmatched ``}`` (not consumed)."""
        found: list[Part] = []
        raw_start = self.pos
        chars: list[str] = []
        text = self.text

        def flush() -> None:
            if self.pos > raw_start:
                found.append(Part(text[raw_start : self.pos], "".join(chars), KIND))
            chars.clear()

        while self.pos < len(text):
            char = text[self.pos]
            if char == "'":
                following = text[self.pos + 1 : self.pos + 2]
                if following == "'":
                    chars.append("'")
                    self.pos += 2
                    continue
                if following in ("{", "}", "|") or (following == "#" and in_plural):
                    flush()
                    found.append(Part(self._quoted()))
                    raw_start = self.pos
                    continue
                chars.append("'")
                self.pos += 1
                continue
            if char not in _SPECIAL:
                run = _PLAIN.match(text, self.pos)
                assert run is not None
                chars.append(run.group())
                self.pos = run.end()
                continue
            if char == "}":
                break
            if char == "{" or (char == "#" and in_plural):
                flush()
                if char == "#":
                    found.append(Part("#"))
                    self.pos += 1
                else:
                    found.extend(self._argument(in_plural))
                raw_start = self.pos
                continue
            chars.append(char)
            self.pos += 1
        flush()
        return found

    def _quoted(self) -> str:
        """A quoted literal from its opening apostrophe to its closing one (or the end)."""
        start = self.pos
        self.pos += 1
        while self.pos < len(self.text):
            if self.text[self.pos] == "'":
                if self.text[self.pos + 1 : self.pos + 2] == "'":
                    self.pos += 2
                    continue
                self.pos += 1
                return self.text[start : self.pos]
            self.pos += 1
        return self.text[start:]

    def _expect(self, char: str) -> None:
        if self.text[self.pos : self.pos + 1] != char:
            where = "the end" if self.pos >= len(self.text) else f"character {self.pos + 1}"
            raise IcuError(f"expected {char!r} at {where}")
        self.pos += 1

    def _match(self, pattern: re.Pattern[str]) -> re.Match[str]:
        found = pattern.match(self.text, self.pos)
        if found is None or not found.group(0):
            if self.pos >= len(self.text):
                raise IcuError("the message ends inside an argument")
            raise IcuError(f"unexpected {self.text[self.pos]!r} at character {self.pos + 1}")
        self.pos = found.end()
        return found

    def _argument(self, in_plural: bool) -> list[Part]:
        """An argument from its ``{``: one syntax part, or syntax around sub-messages."""
        start = self.pos
        self.pos += 1
        self._match(_NAME)
        if self.text[self.pos : self.pos + 1] == "}":
            self.pos += 1
            return [Part(self.text[start : self.pos])]
        self._expect(",")
        kind = self._match(_NAME)[1]
        if kind not in _CHOICE_TYPES:
            self._skip_style()
            return [Part(self.text[start : self.pos])]
        self._expect(",")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise IcuError(f"arguments nested more than {MAX_DEPTH} deep")
        found: list[Part] = []
        syntax_start = start
        nested_plural = in_plural or kind in _PLURAL_TYPES
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.text[self.pos : self.pos + 1] == "}":
                self.pos += 1
                found.append(Part(self.text[syntax_start : self.pos]))
                self.depth -= 1
                return found
            self._match(_SELECTOR)
            self._expect("{")
            found.append(Part(self.text[syntax_start : self.pos]))
            found.extend(self.message(nested_plural))
            syntax_start = self.pos
            self._expect("}")

    def _skip_style(self) -> None:
        """To the end of a simple argument, past a style with nested braces or quotes."""
        depth = 0
        while self.pos < len(self.text):
            char = self.text[self.pos]
            self.pos += 1
            if char == "'":
                self._skip_quote()
            elif char == "{":
                depth += 1
            elif char == "}":
                if depth == 0:
                    return
                depth -= 1
        raise IcuError("an argument is not closed with }")

    def _skip_quote(self) -> None:
        end = self.text.find("'", self.pos)
        self.pos = len(self.text) if end < 0 else end + 1

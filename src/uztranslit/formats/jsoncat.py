"""JSON catalogues: i18next, vue-i18n, Flutter ARB, Chrome messages.json.

String values are converted, never keys.  The json module checks the file and
tells the kind of catalogue, but cannot write it back as it was (key order is
kept, spacing and escapes are not), so this module finds the position of every
string token and splices each changed value into the original text: a diff
shows only changed strings.  A changed value is decoded, converted and encoded
again in the file's style (non-ASCII as ``\\uXXXX`` if the file writes it so,
``\\/`` if the file escapes slashes).

The kinds, told by their content:

- Chrome ``messages.json`` (every value an object with a ``message``): only
  ``message`` is converted; ``description`` and ``placeholders`` are kept, and
  so are ``$NAME$`` and ``$1`` in the message.
- Flutter ARB (a ``@@locale`` or ``@key`` entry): every value is an ICU message
  (_icu), its apostrophes ICU-escaped; ``@`` entries are metadata, kept.
- Any other JSON (i18next, vue-i18n, nested or flat): every string value,
  except under keys that start with ``@``; a value with an ICU plural or select
  is read as ICU.  Interpolations stay: ``{{count}}``, ``{name}``, ``$t(key)``,
  ``@:key``, ``%s``, tags.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final

from . import _icu, _langtags
from ._base import Chooser, Entry, FormatError, Limits
from ._parts import Part, convert_strings, visible_text
from .text import BOM, decode

NAME: Final = "json"

_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SPACE: Final = re.compile(r"[ \t\r\n]*")
_LITERAL: Final = re.compile(r"[^,\]}\s]+")
_DIGITS: Final = re.compile(r"[0-9]+")
# Interpolations and markup kept as written in catalogue strings (not ICU ones):
_PLACEHOLDER: Final = re.compile(
    r"\{\{.*?\}\}"  # i18next {{count}}, {{- html}}, {{value, number}}
    r"|\{[^{}]*\}"  # vue-i18n and others {name}, {0}, {'@'}
    r"|\$t\([^)]*\)"  # i18next nesting $t(common.ok)
    r"|@(?:\.[A-Za-z]+)?:(?:\([^)]*\)|[\w.\-]+)"  # vue-i18n linked @:key, @.lower:key
    r"|\$[A-Za-z0-9_@]+\$|\$[0-9]"  # Chrome $COUNT$ and $1
    r"|</?[A-Za-z][^<>]*>",  # tags
    re.DOTALL,
)
# The short escapes JSON has, as json.dumps writes them; other control characters
# are written \u00XX.
_ESCAPED: Final = MappingProxyType(
    {
        '"': '\\"',  # the quote
        "\\": "\\\\",  # the backslash
        "\n": "\\n",  # line feed
        "\r": "\\r",  # carriage return
        "\t": "\\t",  # tab
        "\b": "\\b",  # backspace
        "\f": "\\f",  # form feed
    }
)
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NON_ASCII_ESCAPE: Final = re.compile(
    r"\\u(?:00[89a-fA-F][0-9a-fA-F]|0[1-9a-fA-F]..|[1-9a-fA-F]...)"
)


@dataclass(frozen=True)
class Style:
    """How the file writes strings: non-ASCII as \\uXXXX?  "/" as \\/?"""

    ascii_only: bool = False
    upper_hex: bool = False
    escaped_slash: bool = False


@dataclass(frozen=True)
class Token:
    """A string value: its key path, and its bounds in the text (with quotes)."""

    path: tuple[str | int, ...]
    start: int
    end: int
    value: str


def load(text: str) -> Any:
    """The JSON value of *text*; FormatError naming the line if invalid."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"invalid JSON: {error.msg}", error.lineno) from None
    except RecursionError:
        raise FormatError("JSON nested too deeply") from None
    except ValueError as error:  # a number longer than int() reads (sys.get_int_max_str_digits)
        raise FormatError(f"invalid JSON: {error}", _line_of_longest_number(text)) from None


def _line_of_longest_number(text: str) -> int | None:
    """The line of the longest run of digits in *text*, None if it has none."""
    runs = list(_DIGITS.finditer(text))
    if not runs:
        return None
    longest = max(runs, key=lambda found: len(found.group()))
    return text.count("\n", 0, longest.start()) + 1


def string_tokens(text: str) -> Iterator[Token]:
    """Each string value of valid JSON *text*, in order, with its key path."""
    stack: list[list[Any]] = []  # [kind, key or index] per open container
    expecting_key = False
    pos, end = 0, len(text)
    while pos < end:
        char = text[pos]
        if char in " \t\r\n":
            pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        elif char in "{[":
            stack.append(["object", None] if char == "{" else ["array", 0])
            expecting_key = char == "{"
            pos += 1
        elif char in "}]":
            stack.pop()
            pos += 1
        elif char == ",":
            if stack[-1][0] == "object":
                expecting_key = True
            else:
                stack[-1][1] += 1
            pos += 1
        elif char == ":":
            expecting_key = False
            pos += 1
        elif char == '"':
            found = _STRING.match(text, pos)
            assert found is not None  # the text was checked by load()
            token = found.group()
            value = json.loads(token) if "\\" in token else token[1:-1]
            if expecting_key:
                stack[-1][1] = value
            else:
                yield Token(tuple(frame[1] for frame in stack), pos, found.end(), value)
            pos = found.end()
        else:
            pos = _LITERAL.match(text, pos).end()  # type: ignore[union-attr]


def kind_of(value: Any) -> str:
    """ "chrome", "arb" or "plain" (the module's docstring)."""
    if not isinstance(value, dict) or not value:
        return "plain"
    if all(isinstance(v, dict) and isinstance(v.get("message"), str) for v in value.values()):
        return "chrome"
    # ARB describes a message "key" in "@key"; a lone "@x" holding an object is no
    # sign of it (i18next and vue-i18n files may have such keys of their own)
    if "@@locale" in value or any(
        k.startswith("@") and isinstance(v, dict) and isinstance(value.get(k[1:]), str)
        for k, v in value.items()
    ):
        return "arb"
    return "plain"


def _is_text(path: tuple[str | int, ...], kind: str) -> bool:
    if kind == "chrome":
        return len(path) == 2 and path[1] == "message"
    if kind == "arb" and len(path) != 1:
        return False
    return not any(isinstance(key, str) and key.startswith("@") for key in path)


def placeholder_parts(text: str) -> list[Part]:
    """*text* cut at interpolations and tags, which are kept (syntax parts)."""
    found: list[Part] = []
    last = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > last:
            found.append(Part(text[last : match.start()], text[last : match.start()]))
        found.append(Part(match.group()))
        last = match.end()
    if last < len(text) or not found:
        found.append(Part(text[last:], text[last:]))
    return found


def message_parts(text: str, kind: str) -> list[Part]:
    """The parts of one catalogue string: ICU in ARB or when it looks like ICU."""
    if kind == "arb" or (kind == "plain" and _icu.looks_like_icu(text)):
        try:
            return _icu.parts(text)
        except _icu.IcuError:
            pass  # not ICU after all: read its interpolations as placeholders
    return placeholder_parts(text)


def _escape(part: Part, text: str) -> str:
    return _icu.escape(part, text) if part.kind == _icu.KIND else text


def style_of(text: str) -> Style:
    """The string style of the JSON *text*."""
    escaped = _NON_ASCII_ESCAPE.search(text)
    return Style(
        ascii_only=escaped is not None and text.isascii(),
        upper_hex=escaped is not None and escaped.group()[2:] != escaped.group()[2:].lower(),
        escaped_slash="\\/" in text,
    )


def encode(value: str, style: Style) -> str:
    """*value* as a JSON string token in *style*."""
    if style.upper_hex or _SURROGATE.search(value):
        return _encoded_by_character(value, style)
    written = json.dumps(value, ensure_ascii=style.ascii_only)
    return written.replace("/", "\\/") if style.escaped_slash else written


def _encoded_by_character(value: str, style: Style) -> str:
    """encode(), one character at a time: for upper-case hex, and lone surrogates
    (which json.dumps would write raw, and UTF-8 cannot)."""
    out = ['"']
    for char in value:
        if char in _ESCAPED:
            out.append(_ESCAPED[char])
        elif char == "/" and style.escaped_slash:
            out.append("\\/")
        elif char < " " or (style.ascii_only and char > "\x7f") or "\ud800" <= char <= "\udfff":
            code = ord(char)
            units = (
                [code]
                if code < 0x10000
                else [0xD800 + ((code - 0x10000) >> 10), 0xDC00 + (code & 0x3FF)]
            )
            out += [f"\\u{unit:04X}" if style.upper_hex else f"\\u{unit:04x}" for unit in units]
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


@dataclass(frozen=True)
class Catalogue:
    """A JSON catalogue read: its text, kind, converted string tokens and ARB locale."""

    text: str
    kind: str
    tokens: list[Token]
    locale: str | None


def _read(data: bytes) -> tuple[bytes, Catalogue]:
    bom = BOM if data.startswith(BOM) else b""
    text = decode(data[len(bom) :])
    value = load(text)
    kind = kind_of(value)
    tokens = [t for t in string_tokens(text) if _is_text(t.path, kind)]
    locale = value.get("@@locale") if isinstance(value, dict) else None
    return bom, Catalogue(text, kind, tokens, locale if isinstance(locale, str) else None)


def declared_script(data: bytes) -> str | None:
    """The script of an ARB's ``@@locale``; None for other catalogues."""
    locale = _read(data)[1].locale
    return None if locale is None else _langtags.declared_script(locale)


def entries(data: bytes) -> Iterator[Entry]:
    """Each converted value (its text, placeholders read as spaces), with its line."""
    catalogue = _read(data)[1]
    starts = _line_starts(catalogue.text)
    for token in catalogue.tokens:
        text = visible_text(message_parts(token.value, catalogue.kind))
        if text.strip():
            yield Entry(bisect.bisect_right(starts, token.start), text)


def _line_starts(text: str) -> list[int]:
    return [0] + [found.end() for found in re.finditer("\n", text)]


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The catalogue with its values converted (see the module's docstring)."""
    del limits  # a catalogue unpacks to nothing
    bom, catalogue = _read(data)
    all_parts = [message_parts(token.value, catalogue.kind) for token in catalogue.tokens]
    translit = choose(visible_text(parts) for parts in all_parts)
    new_values = convert_strings(translit, all_parts, _escape)
    style = style_of(catalogue.text)
    out, last = [], 0
    for token, new in zip(catalogue.tokens, new_values, strict=True):
        if new != token.value:
            out += [catalogue.text[last : token.start], encode(new, style)]
            last = token.end
    out.append(catalogue.text[last:])
    text = "".join(out)
    if catalogue.kind == "arb" and catalogue.locale is not None:
        text = _switched_locale(text, catalogue.locale, translit.target)
    return bom + text.encode("utf-8")


def _switched_locale(text: str, locale: str, target: str) -> str:
    """*text* with the value of its ``@@locale`` turned to *target*'s tag."""
    new = _langtags.for_script(locale, target, style="underscore")
    if new == locale:
        return text
    pattern = re.compile(r'("@@locale"\s*:\s*)' + re.escape(json.dumps(locale)))
    return pattern.sub(lambda found: found[1] + json.dumps(new), text, count=1)

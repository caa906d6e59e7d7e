"""What a word is in each script, and the spans that are never converted.

The patterns here use the standard library's ``re``: they sit on the hot path,
where ``re`` splits text about twice as fast as ``regex``, and importing ``re``
is cheap.  A span that is never converted is copied through unchanged.
"""

from __future__ import annotations

import functools
import re
import string
from typing import Final

from ._alphabet import APOSTROPHES, CYRILLIC_LOWER, CYRILLIC_UPPER
from ._invisible import FORMAT_CLASS
from ._patterns import Lazy
from ._suffixes import is_latin_inflection_chain

# A Cyrillic word: a run of Uzbek Cyrillic letters, with any format characters between
# them (a soft hyphen, a zero-width joiner: _invisible).  Some editors and OCR write й ё ў
# decomposed (и/у + COMBINING BREVE, е + COMBINING DIAERESIS); texts with those marks
# use the second pattern, which takes such a pair as one letter.
CYRILLIC: Final = CYRILLIC_LOWER + CYRILLIC_UPPER
# (A letter, then letters and marks ending in a letter: one class repeated, for which re
# keeps no state per repetition, as it does for a repeated group of runs of letters and
# of marks; a run of letters and soft hyphens without spaces took 70 bytes a character
# to split that way.)
CYRILLIC_WORDS: Final = re.compile(f"([{CYRILLIC}](?:[{CYRILLIC}{FORMAT_CLASS}]*[{CYRILLIC}])?)")
_CYRILLIC_LETTER: Final = f"(?:[иИуУ]\u0306|[еЕ]\u0308|[{CYRILLIC}])"
CYRILLIC_WORDS_DECOMPOSED: Final = re.compile(
    f"({_CYRILLIC_LETTER}+(?:[{FORMAT_CLASS}]+{_CYRILLIC_LETTER}+)*)"
)
DECOMPOSING_MARKS: Final = ("\u0306", "\u0308")
# The words of those two patterns that hold a format character, each found whole from
# its first letter (no letter before it): _invisible.around_marked_words.  A run of
# letters is taken in a lookahead, which re never backtracks into, and matched again:
# a word with no format character after it fails at once, not a letter at a time.  The
# first: the rest of the word is any letters and marks up to its last letter, each a
# repeat of one character class, for which re keeps no state a character (a repeated
# group kept about 190 bytes a repetition: 190 MB for a word of a million marks).
MARKED_CYRILLIC_WORDS: Final = Lazy(
    f"(?<![{CYRILLIC}])(?=([{CYRILLIC}]+))\\1[{FORMAT_CLASS}]+[{CYRILLIC}]"
    f"(?:[{CYRILLIC}{FORMAT_CLASS}]*[{CYRILLIC}])?"
)
MARKED_CYRILLIC_WORDS_DECOMPOSED: Final = Lazy(
    f"(?<![{CYRILLIC}])(?<![иИуУ]\u0306)(?<![еЕ]\u0308)(?=({_CYRILLIC_LETTER}+))\\1"
    f"(?:[{FORMAT_CLASS}]+(?=({_CYRILLIC_LETTER}+))\\2)+"
)

# Letters of the Latin script: the code points of Unicode's Script=Latin in the Basic
# Multilingual Plane, as the `regex` module's \p{Latin} gives them (Unicode 15);
# generated once and kept here so that the hot path can use `re`, whose character
# sets are fastest within the BMP.  The few Latin letters beyond it (U+10780…,
# U+1DF00…) are treated as symbols.  Combining diacritics may follow a letter.
LATIN_SCRIPT: Final = (
    "\u0041-\u005a\u0061-\u007a\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8"
    "\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe"
    "\u1e00-\u1eff\u2071\u207f\u2090-\u209f\u212a-\u212b\u2132\u214e\u2160-\u2188"
    "\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7dd\ua7e2\ua7f1-\ua7ff\uab30-\uab5a\uab5c-\uab64"
    "\uab66-\uab69\uab6c-\uab6d\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
COMBINING_DIACRITICS: Final = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
MARKS: Final = "".join(sorted(APOSTROPHES))

# A Latin token: Latin letters (with combining marks) and apostrophe look-alikes, and
# format characters after its first letter (_invisible).  Its large character sets take
# milliseconds to compile, so it is compiled on first use.
# A token starts with a letter, or with marks before one taken only from the first of
# a run of marks: tried at every mark of a long run with no letter after it, the search
# was quadratic.  A token that could begin later in a run begins at its first mark
# anyway, so this finds the same tokens (tests/test_hostile.py checks it against the
# pattern that tried every mark).  Both ways start with a character set, which `re`
# looks for before trying the rest: 4.5 % fewer instructions than that pattern.
LATIN_TOKEN: Final = (
    f"((?:[{LATIN_SCRIPT}]|[{MARKS}](?<![{MARKS}][{MARKS}])[{MARKS}]*[{LATIN_SCRIPT}])"
    f"[{LATIN_SCRIPT}{COMBINING_DIACRITICS}{MARKS}{FORMAT_CLASS}]*)"
)


@functools.cache
def latin_tokens() -> re.Pattern[str]:
    """The compiled LATIN_TOKEN (one group, for re.split)."""
    return re.compile(LATIN_TOKEN)


# No word is this long: a longer run of letters is data (base64, a DNA string) and is
# kept as written, like a foreign word; streams are cut in pieces no longer (_stream).
LONGEST_TOKEN: Final = 1 << 20
# A tag, comment or {field} is kept only if it closes within this many characters (and,
# for tags and comments, on its line), so a stream need not hold more to know (_stream).
SPAN_LIMIT: Final = 1 << 20
_NAME_LIMIT: Final = 255  # characters in a tag's name


# printf placeholders: %s %d %1$s %-5.2f %(name)s, and strftime's: %B %H:%M %-d %Y
# (glibc's flags - _ 0 ^ #, a width, the E and O modifiers).  Not after a digit, or a
# digit and a space: 15%dan and 15 %dan are "than 15 per cent".
_NOT_A_PERCENT_SIGN: Final = r"%(?<![0-9]%)(?<![0-9] %)"
PRINTF: Final = Lazy(
    _NOT_A_PERCENT_SIGN + r"(?:\([A-Za-z_][A-Za-z0-9_]{0,63}\))?(?:[0-9]{1,9}\$)?"
    r"[-+#0']{0,9}(?:[0-9]{1,9}|\*)?(?:\.(?:[0-9]{1,9}|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
    r"[diouxXeEfFgGaAcspnr%]"
)
STRFTIME: Final = Lazy(
    _NOT_A_PERCENT_SIGN + r"[-_0^#]?[0-9]{0,3}[EO]?[aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ]"
)
# The ASCII letters that follow a placeholder (its Uzbek endings, or the rest of a word).
_LETTERS_AFTER: Final = Lazy(f"[A-Za-z{MARKS}]*")


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """The printf and strftime placeholders of *text* (PRINTF, STRFTIME).

    A placeholder may take Uzbek endings (%sga, %Bning: the endings convert), but %
    and letters that are themselves a chain of Uzbek endings are a percent sign and a
    word's endings (%ga, %dan: "to the per cent", "than the per cent"), converted
    whole.  A strftime letter with other letters after it is no placeholder either
    (%Haqiqat); a printf one keeps the older reading (%dx is %d and x).
    """
    spans = []
    for strict, pattern in ((False, PRINTF()), (True, STRFTIME())):
        for found in pattern.finditer(text):
            start, end = found.span()
            after = _LETTERS_AFTER().match(text, end).end()  # type: ignore[union-attr]
            endings = text[end:after].lower()
            if not endings or is_latin_inflection_chain(endings.lstrip(MARKS)):
                spans.append((start, end))  # %s, %sga, %B'ga
                continue
            letter = end  # where its letters start (%la, %-H, %Ey): does a word start there?
            while letter > start + 1 and text[letter - 1].isalpha():
                letter -= 1
            if letter < end and is_latin_inflection_chain(text[letter:after].lower()):
                continue
            if not strict:
                spans.append((start, end))
    return spans


# Identifiers of code: letters and digits joined by underscores (background_set,
# user_id, MAX_SIZE), kept whole.  Markdown's _emphasis_ has no underscore inside a
# word, so it converts.
IDENTIFIER: Final = Lazy(
    f"(?<![A-Za-z0-9_{MARKS}])[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+(?![A-Za-z0-9_{MARKS}])"
)
# An underscore between two letters or digits, where an identifier may be; it starts
# with the underscore, which re finds at C speed (IDENTIFIER starts with a look-behind,
# which re would try at every character).
_INNER_UNDERSCORE: Final = Lazy("_(?<=[A-Za-z0-9]_)(?=[A-Za-z0-9])")
_IDENTIFIER_CHARACTERS: Final = frozenset(string.ascii_letters + string.digits + "_")


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """The identifiers of *text* (IDENTIFIER's matches), found from their underscores.

    An identifier is a whole run of letters, digits and underscores, so IDENTIFIER can
    only match where such a run starts: each inner underscore's run is tried there once.
    """
    spans = []
    position = 0
    while (underscore := _INNER_UNDERSCORE().search(text, position)) is not None:
        start = underscore.start()
        while start > 0 and text[start - 1] in _IDENTIFIER_CHARACTERS:
            start -= 1
        found = IDENTIFIER().match(text, start)
        if found is not None:
            spans.append(found.span())
        position = underscore.end()
        while position < len(text) and text[position] in _IDENTIFIER_CHARACTERS:
            position += 1  # the rest of this run: its underscores start no other match
    return spans


# Spans kept as written when converting Latin → Cyrillic, each with a substring
# without which it cannot occur, so that a text is only searched for the kinds it
# may hold, each kind on its own (a pattern that starts with a literal is found
# by a fast scan).  Cyrillic → Latin keeps the URLs alone (url_spans_only): the
# others hold no Cyrillic letter.  A URL runs to whitespace or a quotation mark, its
# Cyrillic letters included (https://uz.wikipedia.org/wiki/Тошкент).
_URL_TAIL: Final = '[^\\s<>"«»“”]+'
_FIELD: Final = "[A-Za-z0-9_.:!<>^=+\\-#,\\[\\]]"  # one character inside {…}
_TAG: Final = (
    f"</?[A-Za-z][A-Za-z0-9:._-]{{0,{_NAME_LIMIT}}}(?:[ \\t][^<>\\n]{{0,{SPAN_LIMIT}}})?/?>"
)
# URLs, found from their "://" or "www.", a fast scan for a literal (the scheme before
# "://" is checked by url_spans); the only kind Cyrillic → Latin keeps (url_spans_only).
URLS: Final = (
    ("://", Lazy(rf"://{_URL_TAIL}")),
    ("ww.", Lazy(rf"www\.(?<![\w.]www\.){_URL_TAIL}")),
    ("WW.", Lazy(rf"WWW\.(?<![\w.]WWW\.){_URL_TAIL}")),
    ("Www.", Lazy(rf"Www\.(?<![\w.]Www\.){_URL_TAIL}")),
)
SKIPPED: Final = (
    *URLS,
    # E-mail addresses, found from their @.
    ("@", Lazy(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    # printf and Python placeholders: %s %d %1$s %-5.2f %(name)s (and strftime's,
    # STRFTIME; placeholder_spans sees to both).  A % right after a digit is a percent
    # sign, not a placeholder: 15%dan is Uzbek for "than 15 %".
    # No space flag (% d): no kept span but a tag holds whitespace, where streams cut.
    ("%", PRINTF),
    # Format fields: {name} {0} {0:>10} ${name}.
    ("{", Lazy(f"\\$?\\{{{_FIELD}{{0,{SPAN_LIMIT}}}\\}}")),
    # Identifiers of code with underscores: user_id.
    ("_", IDENTIFIER),  # found by identifier_spans
    # Backslash escapes: \n \t \\ \x41 \u0041.
    ("\\", Lazy(r"\\(?:[abfnrtv0\\'\"]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")),
    # HTML and XML tags with their attributes, within a line (comments: comment_spans).
    ("<", Lazy(_TAG)),
    # Character entities: &amp; &#8212; &#x2014;.
    ("&", Lazy(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")),
    # Unicode code points: U+02BB, U+1F600 (a text about letters names them so).
    ("U+", Lazy(r"U\+(?<![A-Za-z0-9]U\+)[0-9A-Fa-f]{4,6}(?![A-Za-z0-9])")),
)
# The local part of an e-mail address, found backwards from its @, with the mailto:
# of a link before it; a URL's scheme (http, https, ftp, file).
_EMAIL_LOCAL: Final = Lazy(r"(?:(?<![A-Za-z0-9])[Mm][Aa][Ii][Ll][Tt][Oo]:)?[A-Za-z0-9._%+'-]+\Z")
_SCHEME: Final = Lazy(r"(?<![A-Za-z0-9])(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]|[Ff][Ii][Ll][Ee])\Z")


def skipped_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of *text* to keep as written, in order, not overlapping."""
    spans = comment_spans(text) if "<!--" in text else []
    return merged_spans(spans + spans_of_kinds(text, SKIPPED))


def url_spans_only(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the URLs of *text*, in order, not overlapping."""
    return merged_spans(spans_of_kinds(text, URLS))


def spans_of_kinds(text: str, kinds: tuple[tuple[str, Lazy], ...]) -> list[tuple[int, int]]:
    """The spans of *text* of each of *kinds* (rows of SKIPPED), in no order."""
    spans: list[tuple[int, int]] = []
    for trigger, pattern in kinds:
        if trigger not in text:
            continue
        if trigger == "://":
            spans.extend(url_spans(text, pattern()))
            continue
        if trigger == "%":
            spans.extend(placeholder_spans(text))
            continue
        if trigger == "_":
            spans.extend(identifier_spans(text))
            continue
        for found in pattern().finditer(text):
            start, end = found.span()
            if trigger == "@":
                before = _EMAIL_LOCAL().search(text, max(0, start - 64), start)
                if before is None:
                    continue
                start = before.start()
            spans.append((start, end))
    return spans


def may_hold_url(text: str) -> bool:
    """Whether Cyrillic *text* may hold a URL with Cyrillic letters: a scheme's ://, or
    www. (Www. too).  An address in capitals, WWW., is not looked for: the scan for it
    is ten times slower on Cyrillic text, and such an address is Latin letters."""
    return "://" in text or "ww." in text


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """*spans* in order, those that overlap merged."""
    if len(spans) < 2:
        return spans
    spans = sorted(spans)
    merged = [spans[0]]
    for start, end in spans[1:]:
        if start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def url_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The URLs of *text*: a scheme, :// and what follows (*pattern* finds the latter).

    A :// without a scheme before it (Uhttps://) is no URL, but one inside what it
    would have run over can be (Uhttps://x{https://y): those are tried in turn, and
    they all run to the same end, so the search stays linear.
    """
    spans = []
    position = 0
    while (found := pattern.search(text, position)) is not None:
        colon, end = found.span()
        while 0 <= colon < end - 3:  # after the :// itself
            scheme = _SCHEME().search(text, max(0, colon - 64), colon)
            if scheme is not None:
                spans.append((scheme.start(), end))
                break
            colon = text.find("://", colon + 1, end)
        position = end
    return spans


def comment_spans(text: str) -> list[tuple[int, int]]:
    """The HTML comments of *text*: <!-- to the first --> after it on the same line,
    within SPAN_LIMIT characters.  Linear: each line's next --> is found once."""
    spans = []
    opening = text.find("<!--")
    closing = -1  # the next --> after the opening, or -1 if the line has none
    while opening >= 0:
        line_end = text.find("\n", opening)
        if line_end < 0:
            line_end = len(text)
        if closing < opening + 4:
            closing = text.find("-->", opening + 4, line_end)
        if closing < 0:  # no comment closes on this line
            opening = text.find("<!--", line_end)
            continue
        if closing - opening - 4 <= SPAN_LIMIT:
            spans.append((opening, closing + 3))
            opening = text.find("<!--", closing + 3)
        else:
            opening = text.find("<!--", opening + 1)
    return spans


# What a tag or comment that is not closed yet may look like: a stream must not cut it.
_TAG_BEGINNING: Final = Lazy(
    f"<(?:/?(?:[A-Za-z][A-Za-z0-9:._-]{{0,{_NAME_LIMIT}}}"
    f"(?:[ \\t][^<>\\n]{{0,{SPAN_LIMIT}}}|/)?)?)?\\Z"
)
_FIELD_REST: Final = Lazy(f"{_FIELD}*")


def may_open_tag(text: str, opening: int) -> bool:
    """Whether text[opening:], on the last line, may begin a tag or comment that later
    text closes (it is not closed yet)."""
    rest = len(text) - opening
    if text.startswith("<!--", opening) or "<!--".startswith(text[opening:]):
        return rest <= SPAN_LIMIT + 4
    if rest > SPAN_LIMIT + _NAME_LIMIT + 4:
        return False
    return _TAG_BEGINNING().match(text, opening) is not None


def open_field_start(text: str) -> int | None:
    """Where a {field} (or ${field}) that later text may close begins at the end of *text*."""
    brace = text.rfind("{")
    if brace < 0 or len(text) - brace > SPAN_LIMIT + 1:
        return None
    if _FIELD_REST().match(text, brace + 1).end() != len(text):  # type: ignore[union-attr]
        return None
    return brace - 1 if text[brace - 1 : brace] == "$" else brace


# A Roman numeral (XX, XIX, IV): Cyrillic Uzbek text writes these in Latin letters too.
ROMAN_NUMERAL: Final = re.compile(
    r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
)
# A lone I, V or X followed by a full stop is an initial (I. Karimov), not a numeral.
LONE_I_V_X: Final = ("I.", "V.", "X.")


def is_roman_numeral(word: str) -> bool:
    """Whether a Latin *word* is a Roman numeral, kept in Latin letters in Cyrillic.

    A single letter is a numeral only if it is I, V or X (a lone D, L, C or M is a
    letter); a lone I, V or X before a full stop is an initial, which the caller
    sees to (it alone sees the full stop).
    """
    if ROMAN_NUMERAL.fullmatch(word) is None:
        return False
    return len(word) > 1 or word in "IVX"

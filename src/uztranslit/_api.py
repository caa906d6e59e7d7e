"""The public text functions: to_latin, to_cyrillic, transliterate, convert_stream.

Each checks its input and options (_options), takes a converter built for them
(_converter) and runs it over the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import _invisible, _latin_to_cyrillic, _spans
from ._converter import (
    apostrophe_style,
    converter_for,
    fixed,
    in_blocks,
    outside_skipped,
)
from ._detect import detect_script
from ._lexicon import Lexicon
from ._options import (
    APOSTROPHE_STYLES,
    CONVENTIONS,
    PROFILES,
    SCRIPTS,
    Script,
    check_choice,
    check_options,
    check_text,
)
from ._word_cache import WordCache, convert_words

__all__ = [
    "APOSTROPHE_STYLES",
    "CONVENTIONS",
    "PROFILES",
    "SCRIPTS",
    "Script",
    "convert_stream",
    "detect_script",
    "normalize_apostrophes",
    "to_cyrillic",
    "to_latin",
    "transliterate",
]


def to_latin(
    text: str,
    /,
    *,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
) -> str:
    """Convert Uzbek Cyrillic *text* to Latin by the 1995 rules.

    Only Uzbek Cyrillic letters change; everything else (digits, punctuation,
    whitespace, other scripts, URLs, e-mail addresses) passes through.
    *apostrophes* picks how oʻ, gʻ and the tutuq are written: ``"modifier"``
    (ʻ ʼ, the default), ``"ascii"`` (' ') or ``"quotes"`` (‘ ’).  *lexicon*
    adds entries to the shipped lexicon.  *conventions* turns on any of
    ``"dates"``, ``"particles"``, ``"quotes"`` (docs/rules.md).

    >>> to_latin("Ўзбекистон Республикаси")
    'Oʻzbekiston Respublikasi'
    >>> to_latin("2025 йил 15 октябрда", conventions={"dates"})
    '2025-yil 15-oktabrda'
    """
    check_text("to_latin", text)
    return in_blocks(text, fixed("cyrillic", "latin", apostrophes, lexicon, conventions))


def to_cyrillic(
    text: str,
    /,
    *,
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> str:
    """Convert Uzbek Latin *text* to Cyrillic by the 1995 rules and the lexicon.

    Any apostrophe look-alike is read as oʻ/gʻ after o/g and as the tutuq
    between other letters; around a word it stays a quotation mark.  Words
    with letters outside the Uzbek Latin alphabet (c, w, é …), words such as
    iPhone, Roman numerals, URLs, e-mail addresses, placeholders (%s, {name}),
    escapes (\\n), HTML tags and entities stay as written.  So do the words of
    *keep* (brand names such as Pepsi, matched in any case) and a foreign word
    or name before an apostrophe and Uzbek endings, whose endings are converted.

    >>> to_cyrillic("O'zbekiston Respublikasi")
    'Ўзбекистон Республикаси'
    >>> to_cyrillic("XXI asr boshida %s faylini <b>oching</b>")
    'XXI аср бошида %s файлини <b>очинг</b>'
    >>> to_cyrillic("Pepsining Facebook'dagi sahifasi", keep={"Pepsi"})
    "Pepsiнинг Facebook'даги саҳифаси"
    """
    check_text("to_cyrillic", text)
    converter = fixed("latin", "cyrillic", "modifier", lexicon, conventions, keep)
    return in_blocks(text, converter)


def normalize_apostrophes(text: str, /, *, apostrophes: str = "modifier") -> str:
    """Write the oʻ, gʻ and tutuq marks of Latin *text* in one style.

    Nothing else changes: quotation marks around words, foreign words and
    Cyrillic text stay as they are.

    >>> normalize_apostrophes("o'zbek tilining ma'nosi")
    'oʻzbek tilining maʼnosi'
    """
    check_text("normalize_apostrophes", text)
    check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES)
    style = apostrophe_style(apostrophes)

    def normalise(token: str) -> str:
        marks = _latin_to_cyrillic.classify_marks(token)
        if _latin_to_cyrillic.is_foreign(marks.body):
            return token
        return marks.leading + marks.body.translate(style) + marks.trailing

    cache = WordCache(_invisible.keeping_format_characters(normalise))
    tokens = _spans.latin_tokens()
    return str(outside_skipped(text, lambda part: convert_words(part, tokens, cache)))


def transliterate(
    text: str,
    /,
    *,
    to: str,
    source: str | None = None,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> str:
    """Convert *text* to the script *to*: "latin", "cyrillic" or "new-latin".

    *source* is the script it is written in, detected by detect_script when
    None; text already in *to*, or with no Uzbek letters, is returned as it
    is.  Conversions to or from the 2026 alphabet go through the 1995 rules,
    so a Cyrillic word and its two Latin forms always agree.  The other
    options are those of to_latin and to_cyrillic.

    >>> transliterate("Шаҳар ўғли", to="new-latin")
    'Şahar öğli'
    >>> transliterate("Şahar öğli", to="latin")
    'Shahar oʻgʻli'
    """
    check_text("transliterate", text)
    options = check_options(to, source, apostrophes, lexicon, conventions, keep)
    converter = converter_for(options, text)
    return text if converter is None else in_blocks(text, converter)


def convert_stream(
    chunks: Iterable[str],
    /,
    *,
    to: str = "latin",
    source: str | None = None,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> Iterator[str]:
    """Convert an iterable of text pieces (lines, a text file) lazily.

    Pieces are joined and cut again only where no rule looks across the cut
    (after whitespace; see _stream for text without any), so the output is the
    same as converting the whole text at once, and a line is yielded as soon as
    it is complete.  Memory stays bounded whatever the input.  *to* is
    ``"latin"``, ``"cyrillic"`` or ``"new-latin"``; *source* is the script of the
    input, by default Cyrillic for a Latin target and 1995 Latin for a Cyrillic
    one.  The other options are those of to_latin and to_cyrillic.
    """
    target = check_choice("to", to, SCRIPTS)
    if source is None:
        source = "latin" if target == "cyrillic" else "cyrillic"
    options = check_options(target, source, apostrophes, lexicon, conventions, keep)
    converter = converter_for(options, "")
    if converter is None:
        return (check_text("convert_stream", chunk) for chunk in chunks)
    from . import _stream  # noqa: PLC0415 - imported on first use, for import time

    return _stream.stream(
        chunks,
        converter.convert,
        converter.cyrillic_source,
        converter.looks_across_whitespace,
        check_text,
    )

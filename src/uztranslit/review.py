"""The review report: which words of a conversion were guesses, for an editor to check.

The letter rules are certain; a few readings are not.  review() lists each word whose
reading came from something other than the letter rules alone, with its position in
the input, the reading chosen and the alternatives:

- ``lexicon``: a lexicon stem found before a chain of suffixes (konsertlarimizda),
  which could also be a native word that happens to start the same way;
- ``kept``: a Latin word kept as written going to Cyrillic (a foreign word, a brand,
  a name before an apostrophe and endings);
- ``loan rule``: a rule that guesses a loanword from its shape (tsiya → ция);
- ``homograph``: a word with two readings the text alone cannot tell apart
  (yod: йод "iodine" or ёд "memory"; тоққа: toqqa or togʻga; нуқтаи: the izofa
  nuqtayi, or -i if the и is a possessive or part of a name).

It never changes the conversion: the report describes what transliterate() does.
explain(word) says which rule or lexicon entry produced each part of one word's output.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

from . import _cyrillic_to_latin, _latin_to_cyrillic, _new_latin, _spans
from ._alphabet import TURNED_COMMA
from ._converter import compose_decomposed
from ._lexicon import default_lexicon, match_cyrillic_stem, match_latin_stem
from ._options import check_choice, check_text
from ._transliterator import Transliterator

KINDS: Final = ("lexicon", "kept", "loan rule", "homograph")
# Why a ts became ц (_latin_to_cyrillic.t_rule): the reading a loan or a name suggests.
LOAN_TS: Final = "ts at the start or before a vowel read as ц, as in loans and names (t_rule)"

# Latin words whose Cyrillic spelling the text cannot tell: the word → its readings,
# the one the converter writes first.
LATIN_HOMOGRAPHS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "yod": ("ёд", "йод"),  # "memory" (Uzbek) or "iodine" (Russian loan)
        "mol": ("мол", "моль"),  # "cattle, goods" or "mole, moth" (Russian loan)
        "mel": ("мел", "мель"),  # "chalk" or "shoal" (both Russian loans)
        "rol": ("рол", "роль"),  # a roll, or "role" as Russian writes it
        "ton": ("тон", "тонн"),  # "tone" or the stem of тонна as some texts cut it
        "kon": ("кон", "конь"),  # "mine, deposit" or "knight" (chess)
    }
)
# Cyrillic endings that two Latin spellings give: ққа is қ + қа or ғ + га assimilated.
CYRILLIC_HOMOGRAPH_ENDINGS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "ққа": ("qqa", "g" + TURNED_COMMA + "ga"),  # тоққа: toqqa (toq) or togʻga (togʻ)
        "кка": ("kka", "gga"),  # тикка: tikka or a stem in г before -ка
    }
)


class Flag(NamedTuple):
    """One word of the input that a reader may want to check."""

    start: int  # offset of the word in the input text
    end: int
    word: str  # as written in the input
    reading: str  # what the conversion wrote
    kind: str  # one of KINDS
    alternatives: tuple[str, ...]  # other readings, most likely first
    why: str  # the rule or entry that chose the reading


class Step(NamedTuple):
    """One part of a word's conversion: the source, what it became, and why."""

    source: str
    output: str
    rule: str


def _first_line(function: object) -> str:
    return (getattr(function, "__doc__", None) or "").strip().split("\n")[0]


def explain(word: str, /, *, to: str, source: str | None = None) -> list[Step]:
    """Which rule or lexicon entry produced each part of *word*'s conversion.

    >>> for step in explain("Сентябрда", to="latin"):
    ...     print(step.source, step.output, step.rule, sep=" | ")
    Сентябр | Sentabr | lexicon: сентябр → sentabr
    д | d | table: one to one
    а | a | table: one to one
    >>> explain("erkin", to="cyrillic")[0].rule
    'e_rule: e is э at the start and after a vowel, е after a consonant (rules.md: е).'

    """
    check_text("explain", word)
    translit = Transliterator(to=to, source=source).resolved(word)
    if translit.source == "cyrillic" and translit.target != "cyrillic":
        return _explain_cyrillic(compose_decomposed(word))
    if translit.source == "latin" and translit.target == "cyrillic":
        return _explain_latin(word)
    return [Step(word, translit(word), "no rule: the word is already in the target script")]


def _explain_cyrillic(word: str) -> list[Step]:
    table = default_lexicon().to_latin
    lower = word.lower()
    steps = []
    start = 0
    match = match_cyrillic_stem(lower, table)
    if match is not None:
        start, stem = match
        latin = _cyrillic_to_latin.case_of_stem(word[:start], stem)
        steps.append(Step(word[:start], latin, f"lexicon: {lower[:start]} → {stem}"))
    for i in range(start, len(word)):
        segment = _cyrillic_to_latin.letter_to_latin(lower, i)
        output = _cyrillic_to_latin.case_of_segment(word, i, segment)
        rule = _cyrillic_to_latin.CONTEXT_RULES.get(lower[i])
        why = f"{rule.__name__}: {_first_line(rule)}" if rule else "table: one to one"
        steps.append(Step(word[i], output, why))
    return steps


def _explain_latin(word: str) -> list[Step]:
    table = default_lexicon().to_cyrillic
    marks = _latin_to_cyrillic.classify_marks(word)
    body = marks.body
    if _latin_to_cyrillic.kept_word_length(body, table) is not None:
        return [Step(word, _reading(word), "kept: a name or foreign word before its endings")]
    if _latin_to_cyrillic.is_foreign(body) and match_latin_stem(body.lower(), table) is None:
        why = (
            "kept: a letter outside the Uzbek alphabet, camel case, a y that is a vowel,"
            " or th at the start"
        )
        return [Step(word, word, why)]
    lower = body.lower()
    steps = []
    i = 0
    match = match_latin_stem(lower, table)
    if match is not None:
        i, stem = match
        output = _latin_to_cyrillic.case_of_stem(body[:i], stem)
        steps.append(Step(body[:i], output, f"lexicon: {lower[:i]} → {stem}"))
    while i < len(lower):
        unit = _latin_to_cyrillic.unit_at(lower, i)
        output = _latin_to_cyrillic.case_of_unit(body, i, unit.cyrillic)
        rule = _latin_to_cyrillic.CONTEXT_RULES.get(lower[i])
        why = f"{rule.__name__}: {_first_line(rule)}" if rule else "table: one to one"
        steps.append(Step(body[i : i + unit.length], output, why))
        i += unit.length
    return steps


def _reading(word: str) -> str:
    return Transliterator(to="cyrillic", source="latin")(word)


def review(
    text: str,
    /,
    *,
    to: str,
    source: str | None = None,
    keep: Iterable[str] = (),
) -> list[Flag]:
    """The words of *text* whose reading is a guess, in order (see the module's docstring).

    *to*, *source* and *keep* are those of transliterate(); the report is of the
    conversion with the shipped lexicon.

    >>> [(f.word, f.reading, f.kind, f.alternatives) for f in review("yod va mol", to="cyrillic")]
    [('yod', 'ёд', 'homograph', ('йод',)), ('mol', 'мол', 'homograph', ('моль',))]
    """
    check_text("review", text)
    translit = Transliterator(to=to, source=source, keep=keep).resolved(text)
    if translit.source == "cyrillic" and translit.target != "cyrillic":
        return list(_review_cyrillic(text, translit))
    if translit.source in {"latin", "new-latin"} and translit.target == "cyrillic":
        return list(_review_latin(text, translit))
    return []  # between the two Latin alphabets nothing is a guess


def _in_alphabet_of(translit: Transliterator) -> Callable[[str], str]:
    """Writes a 1995 Latin alternative in *translit*'s target alphabet."""
    if translit.target != "new-latin":
        return str
    return Transliterator(to="new-latin", source="latin", apostrophes=translit.options.apostrophes)


def _review_cyrillic(text: str, translit: Transliterator) -> Iterator[Flag]:
    table = default_lexicon().to_latin
    written_so = _in_alphabet_of(translit)  # the letter rules below write 1995 Latin
    for found in _spans.CYRILLIC_WORDS_DECOMPOSED.finditer(text):
        word = compose_decomposed(found.group())
        lower = word.lower()
        reading = translit(found.group())
        match = match_cyrillic_stem(lower, table)
        if match is not None and match[0] < len(lower):
            rules = written_so(_cyrillic_to_latin.word_to_latin(word, {}))
            yield Flag(
                *found.span(),
                found.group(),
                reading,
                "lexicon",
                (rules,) if rules != reading else (),
                f"lexicon stem {lower[: match[0]]} → {match[1]} before suffixes",
            )
            continue
        izofa = _izofa_flag(found, "".join(filter(str.isalpha, lower)), reading)
        if izofa is not None:
            yield izofa
            continue
        for ending, (written, other) in CYRILLIC_HOMOGRAPH_ENDINGS.items():
            if lower.endswith(ending) and len(lower) > len(ending):
                stem = reading[: -len(written)]
                yield Flag(
                    *found.span(),
                    found.group(),
                    reading,
                    "homograph",
                    (stem + written_so(_case_like(reading[-len(written) :], other)),),
                    f"{ending}: a stem in {ending[0]} before -{ending[1:]}, or one in"
                    f" {'ғ' if ending == 'ққа' else 'г'} before -{'га'} written assimilated",
                )
                break


# Why a final и became yi (_cyrillic_to_latin.izofa_rule).
IZOFA_YI: Final = (
    "a final и after а о ё я ў read as the izofa -yi (rules.md: izofa); -i if it is a"
    " possessive or part of a name"
)


def _izofa_flag(found: re.Match[str], letters: str, reading: str) -> Flag | None:
    """A homograph flag for a word whose final и the izofa rule wrote as yi.

    *letters* is the word composed, in lower case, without format characters.
    """
    if not letters.endswith("и") or reading[-2:].lower() != "yi":
        return None
    if _cyrillic_to_latin.izofa_rule(letters, len(letters) - 1) != "yi":
        return None
    other = reading[:-2] + reading[-1]
    return Flag(*found.span(), found.group(), reading, "homograph", (other,), IZOFA_YI)


def _case_like(model: str, text: str) -> str:
    return text.upper() if model.isupper() and len(model) > 1 else text


def _review_latin(text: str, translit: Transliterator) -> Iterator[Flag]:
    table = default_lexicon().to_cyrillic
    tokens = _spans.latin_tokens()
    skipped = _spans.skipped_spans(text)
    for found in tokens.finditer(text):
        start, end = found.span()
        if any(begin <= start < stop for begin, stop in skipped):
            continue
        token = found.group()
        if token[0] in "IVXLCDM" and _spans.is_roman_numeral(token):
            continue
        marks = _latin_to_cyrillic.classify_marks(token)
        body = marks.body
        if not body:
            continue
        if translit.source == "new-latin":  # the rules below read 1995 Latin
            body = _new_latin.to_old_latin_token(body)
        lower = body.lower()
        converted = translit(token)
        reading = converted[len(marks.leading) : len(converted) - len(marks.trailing)]
        span = (start + len(marks.leading), end - len(marks.trailing))
        written = text[span[0] : span[1]]  # body has the canonical ʻ ʼ
        if reading == body and body[:1].isalpha():
            rules = _rules_cyrillic(body) if _has_uzbek_letters_only(body) else ""
            yield Flag(
                *span,
                written,
                body,
                "kept",
                (rules,) if rules else (),
                "kept as written: a foreign word, a brand, or a word with letters "
                "outside the Uzbek alphabet",
            )
            continue
        kept = _latin_to_cyrillic.kept_word_length(body, table)
        if kept is not None:  # Telegram'dagi → Telegram'даги; or Телеграмдаги
            name = body[: kept - 1]
            uzbek = _has_uzbek_letters_only(name)
            yield Flag(
                *span,
                written,
                reading,
                "kept",
                (_rules_cyrillic(name) + reading[kept:],) if uzbek else (),
                "a name kept in Latin letters before an apostrophe and Uzbek endings, "
                "whose endings are converted",
            )
            continue
        if lower in LATIN_HOMOGRAPHS:
            others = tuple(
                _latin_to_cyrillic.case_of_stem(body, other)
                for other in LATIN_HOMOGRAPHS[lower]
                if other != reading.lower()
            )
            why = f"{lower} is {' or '.join(LATIN_HOMOGRAPHS[lower])}: the text cannot tell"
            yield Flag(*span, written, reading, "homograph", others, why)
            continue
        match = match_latin_stem(lower, table)
        if match is not None and match[0] < len(lower):
            rules = _rules_cyrillic(body)
            yield Flag(
                *span,
                written,
                reading,
                "lexicon",
                (rules,) if rules.lower() != reading.lower() else (),
                f"lexicon stem {lower[: match[0]]} → {match[1]} before suffixes",
            )
        elif match is None and "ts" in lower and "ц" in reading.lower():
            rules = reading.replace("ц", "тс").replace("Ц", "ТС")
            yield Flag(
                *span,
                written,
                reading,
                "loan rule",
                (rules,),
                LOAN_TS,
            )


def _has_uzbek_letters_only(body: str) -> bool:
    """Whether the letter rules can read *body* (no w, no c outside ch, no é …)."""
    return not _latin_to_cyrillic.is_foreign(body)


def _rules_cyrillic(body: str) -> str:
    return _latin_to_cyrillic.word_to_cyrillic(body, {})


class Mark(NamedTuple):
    """Where a flagged word stands in the converted text."""

    start: int  # offset in the converted text
    end: int
    flag: Flag


def marks_in_output(text: str, flags: Sequence[Flag], translit: Transliterator) -> list[Mark]:
    """Where each of *flags* (from review(text)) lands in translit(text).

    The text is cut at the flagged words and converted as pieces
    (Transliterator.convert_pieces), whose joined result is the conversion of the
    whole, so each flagged word's piece is its place in the output.  A word whose
    conversion merged with its neighbours' (a convention joined them) is not marked.
    """
    cuts = sorted({0, len(text), *(f.start for f in flags), *(f.end for f in flags)})
    pieces = [text[a:b] for a, b in itertools.pairwise(cuts)]
    converted = translit.convert_pieces(pieces)
    where = dict(
        zip(cuts, itertools.accumulate((len(p) for p in converted), initial=0), strict=False)
    )
    length = dict(zip(cuts, (len(p) for p in converted), strict=False))
    return [
        Mark(where[flag.start], where[flag.start] + length[flag.start], flag)
        for flag in flags
        if length.get(flag.start)
    ]


def format_report(flags: Iterable[Flag], /, *, style: str = "table") -> str:
    """The flags as a Markdown table (``"table"``) or JSON Lines (``"jsonl"``)."""
    if check_choice("style", style, ("table", "jsonl")) == "jsonl":
        return "".join(json.dumps(flag._asdict(), ensure_ascii=False) + "\n" for flag in flags)
    rows = ["| at | word | reading | kind | alternatives | why |", "|---|---|---|---|---|---|"]
    for flag in flags:
        others = ", ".join(flag.alternatives)
        rows.append(
            f"| {flag.start} | {flag.word} | {flag.reading} | {flag.kind} | {others} | {flag.why} |"
        )
    return "\n".join(rows) + "\n"

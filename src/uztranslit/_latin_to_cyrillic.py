"""Latin → Cyrillic, one token at a time, by the 1995 rules plus the lexicon.

A token is a run of Latin letters and apostrophe look-alikes (see
_spans.latin_tokens).  Its marks are first classified: the letter of oʻ/gʻ,
the tutuq, or punctuation (quotation marks around the word).  A token with a
letter outside the Uzbek Latin alphabet is foreign and is left as written,
and so is a name before an apostrophe and Uzbek endings (Facebook'da), whose
endings are converted.
The rest is read left to right in *units* (a letter, or a digraph such as sh
or ye) and each unit becomes Cyrillic by the table or its context rule.
"""

from __future__ import annotations

import codecs
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from itertools import compress, count
from types import MappingProxyType
from typing import Final, NamedTuple

from ._alphabet import (
    APOSTROPHE_LETTER,
    APOSTROPHES,
    LATIN_LETTERS,
    LATIN_VOWELS,
    TURNED_COMMA,
    lower_in_place,
)
from ._lexicon import StemStarts, match_latin_stem
from ._patterns import Lazy
from ._spans import LONGEST_TOKEN
from ._suffixes import is_latin_inflection_chain

TUTUQ: Final = APOSTROPHE_LETTER

# Units that map without context: one letter, or a letter and its ʻ.
LETTERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "a": "а",  # one to one
        "b": "б",  # one to one
        "d": "д",  # one to one
        "f": "ф",  # one to one
        "g": "г",  # one to one
        "h": "ҳ",  # one to one (x is х)
        "i": "и",  # one to one
        "j": "ж",  # one to one
        "k": "к",  # one to one
        "l": "л",  # one to one
        "m": "м",  # one to one
        "n": "н",  # one to one (ng is н + г)
        "o": "о",  # one to one
        "p": "п",  # one to one
        "q": "қ",  # one to one
        "r": "р",  # one to one
        "s": "с",  # one to one unless sh or sʼh
        "t": "т",  # one to one unless ts in a loan
        "u": "у",  # one to one
        "v": "в",  # one to one
        "x": "х",  # one to one
        "y": "й",  # one to one unless ye yo yu ya
        "z": "з",  # one to one
        "o" + TURNED_COMMA: "ў",  # oʻ
        "g" + TURNED_COMMA: "ғ",  # gʻ
        "sh": "ш",  # digraph
        "ch": "ч",  # digraph
        TUTUQ: "ъ",  # the tutuq: maʼno → маъно
    }
)

# y + vowel is one Cyrillic letter (rules.md: е; ё, ю, я).
IOTATED: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ye": "е",  # yer → ер, poyezd → поезд
        "yo": "ё",  # yomgʻir → ёмғир
        "yu": "ю",  # yurist → юрист
        "ya": "я",  # yadro → ядро
    }
)


class Unit(NamedTuple):
    """A piece of the Latin word and the Cyrillic it becomes (lower case)."""

    length: int
    cyrillic: str


def follows_vowel(word: str, i: int) -> bool:
    """Whether word[i] comes right after a vowel (a e i o u oʻ)."""
    if i == 0:
        return False
    previous = word[i - 1]
    if previous in LATIN_VOWELS:
        return True
    return previous == TURNED_COMMA and i >= 2 and word[i - 2] == "o"


def e_rule(word: str, i: int) -> Unit:
    """e is э at the start and after a vowel, е after a consonant (rules.md: е).

    ekin → экин, poeziya → поэзия, kelin → келин.
    """
    if i == 0 or follows_vowel(word, i):
        return Unit(1, "э")
    return Unit(1, "е")


def is_izofa_y(word: str, i: int) -> bool:
    """Whether word[i] is the y of the izofa -yi after a stem in a: the word ends in
    ayi and has another vowel before that a (nuqtayi, tarjimayi; rules.md: the izofa).

    A stem of one syllable is a stem in ay with its possessive (payi "his tendon",
    tayi "his foal", qayi), which keeps its й."""
    return (
        word.endswith("ayi")
        and i == len(word) - 2
        and any(char in LATIN_VOWELS for char in word[: i - 1])
    )


def y_rule(word: str, i: int) -> Unit:
    """ye yo yu ya are е ё ю я, but yoʻ is й + ў (rules.md: ё, ю, я).

    yoʻl → йўл.  ye after a consonant only occurs where Cyrillic has a sign
    (pyesa → пьеса, obyekt → объект); without a lexicon entry ь is the more
    frequent one, and it keeps the round trip: сье → sye → сье.  The izofa's y
    is not written in Cyrillic (nuqtayi → нуқтаи: is_izofa_y).
    """
    if is_izofa_y(word, i):
        return Unit(1, "")
    pair = word[i : i + 2]
    if pair not in IOTATED or (word[i + 2 : i + 3] == TURNED_COMMA and pair == "yo"):
        return Unit(1, "й")
    letter = IOTATED[pair]
    if pair == "ye" and i > 0 and not follows_vowel(word, i) and word[i - 1] != TUTUQ:
        return Unit(2, "ь" + letter)
    return Unit(2, letter)


# Uzbek suffixes that start with s and may follow a stem in t: ketsa, aytsin, otsiz,
# soatsoz, yotsiragan.  Before any of them ts is т + с; before another vowel it is ц
# (t_rule).
S_SUFFIXES: Final = ("sa", "sin", "siz", "simon", "sira", "sevar", "sun", "soz")


def t_rule(word: str, i: int) -> Unit:
    """ts is ц at the start of a word and before a vowel, but т + с before an Uzbek
    suffix in s (ketsa → кетса, aytsin → айтсин; rules.md: ц).

    By the 1995 rules an initial ц and a ц after a consonant are written s, so
    an initial ts, or ts before a vowel, comes from a loan or a name that keeps
    the Russian ts (Tsvetayeva → Цветаева, Vorontsov → Воронцов, militsiya →
    милиция).  Other loans with ц (litsey → лицей, sirk → цирк) are in the lexicon.
    """
    if not word.startswith("ts", i):
        return Unit(1, "т")
    if i == 0:
        return Unit(2, "ц")
    if word[i + 2 : i + 3] in ("e", "i", "o", "u") and not word.startswith(S_SUFFIXES, i + 1):
        return Unit(2, "ц")
    return Unit(1, "т")


def s_rule(word: str, i: int) -> Unit:
    """sh is ш; sʼh is с + ҳ, the separator dropped (rule 17; rules.md: сҳ)."""
    if word.startswith(TUTUQ + "h", i + 1):
        return Unit(2, "с")
    if word.startswith("h", i + 1):
        return Unit(2, "ш")
    return Unit(1, "с")


# The vowels after g that begin an Uzbek suffix in g: -ga, -gacha, -gan, -gach, -gani
# (a), -guncha, -gudek (u), -gina, -gich (i).  After a stem in gʻ, the Cyrillic rules
# write ғ + г as ққ (g_after_gh_rule).
G_SUFFIX_VOWELS: Final = ("a", "u", "i")
GH: Final = "g" + TURNED_COMMA


def gh_before_g_suffix(word: str, i: int) -> bool:
    """Whether word[i:i + 2] is gʻ and a suffix in g follows (bogʻga, tugʻgan)."""
    return word.startswith(GH + "g", i) and word[i + 3 : i + 4] in G_SUFFIX_VOWELS


def pair_rule(word: str, i: int) -> Unit:
    """A letter that pairs with the next character: oʻ, gʻ, ch; else alone.

    gʻ before a suffix in g, and that g, are ққ (the Cyrillic rules: тоғ + га →
    тоққа, туғ + ган → туққан, тоғ + гача → тоққача; rules.md: gʻ before -ga).
    """
    pair = word[i : i + 2]
    if pair == GH and gh_before_g_suffix(word, i):
        return Unit(2, "қ")
    if pair in LETTERS:
        return Unit(2, LETTERS[pair])
    if pair[:1] == "g" and i >= 2 and gh_before_g_suffix(word, i - 2):
        return Unit(1, "қ")
    return Unit(1, LETTERS[word[i]])


CONTEXT_RULES: Final[Mapping[str, Callable[[str, int], Unit]]] = MappingProxyType(
    {
        "e": e_rule,  # э / е
        "y": y_rule,  # е ё ю я / й
        "t": t_rule,  # ц / т
        "s": s_rule,  # ш / с
        "o": pair_rule,  # ў / о
        "g": pair_rule,  # ғ / г
        "c": pair_rule,  # ч (c alone makes a word foreign before this)
    }
)


def unit_at(word: str, i: int) -> Unit:
    """The unit starting at lower-case word[i] and its Cyrillic."""
    rule = CONTEXT_RULES.get(word[i])
    if rule is not None:
        return rule(word, i)
    return Unit(1, LETTERS[word[i]])


def case_of_unit(original: str, i: int, cyrillic: str) -> str:
    """Give *cyrillic* the case of original[i]; a tutuq follows its neighbours, and
    a small e between two capitals is a capital (acronym_letter)."""
    char = original[i]
    if char == TUTUQ:
        neighbours = original[i + 1 : i + 2] + original[i - 1 : i]
        char = next((c for c in neighbours if c.isalpha() and c != TUTUQ), "")
    return cyrillic.upper() if char.isupper() or acronym_letter(original, i) else cyrillic


def acronym_letter(original: str, i: int) -> bool:
    """Whether original[i] is a small e between two capitals: the Е of an acronym,
    which Latin text writes small (OPeK for ОПЕК, since OPYEK would read wrong).  In
    Cyrillic it is a capital.  Other small letters there are small in Cyrillic too
    (UzA is УзА, the news agency), and the h of Ш in AQSh takes its case from the S."""
    return (
        0 < i < len(original) - 1
        and original[i] == "e"
        and original[i - 1].isupper()
        and original[i + 1].isupper()
    )


def case_of_stem(original: str, cyrillic: str) -> str:
    """Give a lexicon stem the case of the Latin it replaces."""
    letters = [c for c in original if c.isalpha() and c not in (TURNED_COMMA, TUTUQ)]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return cyrillic.upper()
    if letters and letters[0].isupper():
        return cyrillic[:1].upper() + cyrillic[1:]
    return cyrillic


# Two or more capitalised parts of three letters or more, and nothing else: YouTube,
# SpeakDolphin, TikTok.  An Uzbek abbreviation has its inner capitals in a run (ToshDU,
# OʻzMU, OPeKning), or a first part of two letters (UzAvto, YeIning).
_CAMEL_CASE: Final = Lazy("(?:[A-Z][a-z]{2,}){2,}")
# Spellings no Uzbek word has, each a pattern that reads a word alone or words joined by
# newlines (plain_positions), and starts with its letter, which re finds at C speed.
# Words in capitals are left out (YHXB, MFY are Uzbek abbreviations), and so is a lone y.
_CONSONANT: Final = "b-df-hj-np-tv-xz"
_FOREIGN_SPELLINGS: Final = (
    # Uzbek y is a consonant with a vowel or a mark beside it (toʻy, taʼyin): a y between
    # consonants, after one at the end, or first before one is a vowel (Sony, my, Asyl)
    Lazy(
        f"y(?:(?<=[{_CONSONANT}{_CONSONANT.upper()}]y)(?:(?=[{_CONSONANT}])|(?![^\\n]))"
        f"|(?<![^\\n]y)(?=[{_CONSONANT}]))"
    ),
    Lazy(f"Y(?<![^\\n]Y)(?=[{_CONSONANT}])"),  # the same y in Title case: Yhxb
    # t + h first (the, Thomas): no Uzbek word starts with тҳ; inside one it is Uzbek
    # (Fathulla: Фатҳулла)
    Lazy("th(?<![^\\n]th)"),
    Lazy("Th(?<![^\\n]Th)"),
)


def has_foreign_spelling(word: str) -> bool:
    """Whether *word* has a spelling no Uzbek word has (_FOREIGN_SPELLINGS): a y that
    can only be a vowel (Sony, Technology), or th at the start (the, There)."""
    return any(pattern().search(word) is not None for pattern in _FOREIGN_SPELLINGS)


def is_foreign(body: str) -> bool:
    """Whether a word is not Uzbek Latin, and so stays as written.

    That is a word with a letter outside the Uzbek Latin alphabet (c outside ch,
    w, é …), one that starts in lower case and has a capital later (iPhone,
    eBay), one made of capitalised parts (YouTube, SpeakDolphin), one with a y
    that can only be a vowel (Sony, Technology), or one that starts with th (the):
    no Uzbek word is written so.
    """
    if body[:1].islower() and not body.islower() and any(c.isupper() for c in body):
        return True
    if body[:1].isupper() and _CAMEL_CASE().fullmatch(body) is not None:
        return True
    if has_foreign_spelling(body):
        return True
    for i, char in enumerate(body):
        if char in (TURNED_COMMA, TUTUQ):
            continue
        if char not in LATIN_LETTERS or char in "wW":
            return True
        if char in "cC" and body[i + 1 : i + 2] not in ("h", "H"):
            return True
    return False


# Three tutuqs or more in a row (xʼʼʼy): the middle ones have no letter beside them,
# so each is a small ъ (case_of_unit), and word_to_cyrillic writes them at once.
_TUTUQ_RUN: Final = Lazy(f"{TUTUQ}{{3,}}")


def word_to_cyrillic(body: str, lexicon: Mapping[str, str]) -> str:
    """Convert one Uzbek Latin word with canonical ʻ ʼ to Cyrillic."""
    lower = lower_in_place(body)
    parts: list[str] = []
    i = 0
    runs = TUTUQ * 3 in lower
    match = match_latin_stem(lower, lexicon) if lexicon else None
    if match is not None:
        i, stem = match
        if stem.endswith("ғ") and gh_before_g_suffix(lower, i - 2):
            stem = stem[:-1] + "қ"  # a lexicon stem in gʻ before -ga (pair_rule)
        # An entry that maps a word to itself keeps it as written (a brand: YouTube).
        parts.append(body[:i] if stem == lower[:i] else case_of_stem(body[:i], stem))
    while i < len(lower):
        run = _TUTUQ_RUN().match(lower, i) if runs and lower[i] == TUTUQ else None
        if run is not None:  # its first tutuq, then the middle; the last as any unit
            sign = LETTERS[TUTUQ]
            parts.append(case_of_unit(body, i, sign) + sign * (run.end() - i - 2))
            i = run.end() - 1
        unit = unit_at(lower, i)
        parts.append(case_of_unit(body, i, unit.cyrillic))
        i += unit.length
    return "".join(parts)


class Marks(NamedTuple):
    """A Latin token split into punctuation around a word with canonical marks."""

    leading: str
    body: str
    trailing: str


def final_mark_is_a_letter(token: str, start: int, end: int) -> bool:
    """Whether the mark after the last letter, token[end], belongs to the word.

    After o or g it is the letter (togʻ, obroʻ), unless the word opened with a
    mark ('Buxoro').  After another letter ʼ is the tutuq (jomeʼ): it is never a
    quotation mark; so is ’ unless the word opened with ‘, since texts that write
    the tutuq as ’ use ‘…’ for quotations.  Other marks there close a quotation.
    """
    mark, letter = token[end], token[end - 1]
    if letter in "oOgG":
        return start == 0
    if mark == TUTUQ:
        return True
    return mark == "\u2019" and "\u2018" not in token[:start]


def classify_marks(token: str) -> Marks:
    """Decide what each apostrophe look-alike in *token* is (rules.md: apostrophes).

    After o or g a mark is the letter ʻ; between other letters it is the tutuq
    ʼ.  Marks before the first letter are punctuation, and so are marks after
    the last letter, except the first one if final_mark_is_a_letter.
    """
    start = len(token) - len(token.lstrip(_MARKS))
    end = len(token.rstrip(_MARKS))
    if end < len(token) and final_mark_is_a_letter(token, start, end):
        end += 1
    body = token[start:end].translate(_CANONICAL_MARKS)  # every mark ʻ, then
    if TURNED_COMMA in body:  # and those not after o or g ʼ
        body = _TUTUQ_MARK().sub(TUTUQ, body)
    return Marks(token[:start], body, token[end:])


def is_kept_in_latin(word: str, lexicon: Mapping[str, str]) -> bool:
    """Whether *word* stays in Latin letters: it is foreign, or the lexicon maps it
    to itself (a brand the caller keeps: Pepsi, YouTube)."""
    lower = lower_in_place(word)
    return lexicon.get(lower) == lower or is_foreign(word)


# Uzbek words with a tutuq before what looks like an ending are short Arabic stems
# (jamʼi "total", shamʼi "his candle"); a name this long before ʼ + endings is not one.
SHORTEST_NAME_BEFORE_ENDINGS: Final = 4


def is_name_before_endings(word: str, endings: str) -> bool:
    """Whether *word* + ʼ + lower-case *endings* is a Latin name with Uzbek endings.

    Capitalised and four letters or more (Telegram'da, Starlink'ka), or in
    capitals (LVMH'dan), and without oʻ or gʻ: Uzbek words are not written with an
    apostrophe before their endings, so the apostrophe marks the name as one to keep.
    """
    if not endings.islower() or TURNED_COMMA in word:
        return False  # oʻ and gʻ make a word Uzbek
    if len(word) >= 2 and word.isupper():
        return True
    return word[:1].isupper() and len(word) >= SHORTEST_NAME_BEFORE_ENDINGS


def kept_word_length(body: str, lexicon: Mapping[str, str]) -> int | None:
    """How much of *body* stays in Latin before an apostrophe and Uzbek inflections.

    Cyrillic text writes a Latin name with its Uzbek endings after an apostrophe
    (Facebook'da → Facebook'да, Telegram'dagi → Telegram'даги).  That holds when the
    part after the last tutuq is a chain of inflections and the part before it is
    kept in Latin (is_kept_in_latin) or is a name (is_name_before_endings).  The
    length returned includes the apostrophe.  Uzbek words with a tutuq (maʼno,
    qatʼiy, jamʼi) do not split.
    """
    cut = body.rfind(TUTUQ)
    if cut <= 0 or not is_latin_inflection_chain(body[cut + 1 :].lower()):
        return None
    word, endings = body[:cut], body[cut + 1 :]
    if is_kept_in_latin(word, lexicon) or is_name_before_endings(word, endings):
        return cut + 1
    return None


# The elided article or particle of a foreign name: O’Nil, D’Artanyan, Kot-d’Ivuar,
# L’Aquila.  Each becomes its Cyrillic letter; the apostrophe stays as written.
ELIDED: Final[Mapping[str, str]] = MappingProxyType(
    {
        "O": "О",  # Irish O’ (O’Nil, O’Konnor)
        "D": "Д",  # D’Artanyan
        "d": "д",  # French d’ (Kot-d’Ivuar)
        "L": "Л",  # L’Akvila
        "l": "л",  # French l’
    }
)


def elision_at(token: str) -> int | None:
    """Where the elided letter of a name starts in *token* (after any opening marks),
    or None: a lone O, D, d, L or l at the token's start, an apostrophe other than
    ʻ (U+02BB, which is the letter of oʻ whatever follows), then a capital and a
    small letter (O’Nil, O'Nil, d’Ivuar).

    Uzbek oʻ is never followed so: OʻZBEKISTON is all capitals, Oʻzbekiston has a
    small letter after the mark.  The capital may be Sh or Ch, which then needs a
    small letter after it (O’Shea, but O‘ShA is ЎША in capitals).
    """
    start = 0
    while start < len(token) and token[start] in APOSTROPHES:
        start += 1
    word = token[start : start + 4]
    if len(word) < 4 or word[0] not in ELIDED or word[1] not in APOSTROPHES:
        return None
    if word[1] == TURNED_COMMA:
        return None
    name = token[start + 2 : start + 5]
    small = 2 if name[:2] in ("Sh", "Ch") else 1  # Sh: one capital written in two
    return start if name[0].isupper() and name[small : small + 1].islower() else None


def name_with_elision(token: str, start: int, lexicon: Mapping[str, str]) -> str:
    """token_to_cyrillic of a name after an elided letter (elision_at): the letter in
    Cyrillic, the apostrophe as written, the name converted; or all kept if the name
    is kept (l’Oréal stays, foreign by its é)."""
    rest = token[:start] + token[start + 2 :]
    name = token_to_cyrillic(rest, lexicon)
    if name == rest:
        return token
    return name[:start] + ELIDED[token[start]] + token[start + 1] + name[start:]


def token_to_cyrillic(token: str, lexicon: Mapping[str, str]) -> str:
    """Convert a Latin token, leaving quotation marks and foreign words alone.

    A foreign word is converted only if the lexicon has it (a user's entry
    such as windows → виндовс); its Uzbek endings after an apostrophe are
    converted (kept_word_length), the apostrophe kept as written.  A name after an
    elided O’, D’, d’, L’ keeps that apostrophe (O’Nil → О’Нил: name_with_elision);
    such tokens are never plain, so the fast path leaves them to this function.
    """
    elided = elision_at(token)
    if elided is not None:
        return name_with_elision(token, elided, lexicon)
    marks = classify_marks(token)
    kept = kept_word_length(marks.body, lexicon)
    if kept is not None:
        start = len(marks.leading)
        return token[: start + kept] + word_to_cyrillic(marks.body[kept:], lexicon) + marks.trailing
    if is_foreign(marks.body) and match_latin_stem(lower_in_place(marks.body), lexicon) is None:
        return token
    return marks.leading + word_to_cyrillic(marks.body, lexicon) + marks.trailing


# The fast path: many tokens at once ----------------------------------------------
#
# Most tokens are plain: lower-case or Title, Uzbek letters only, and marks only
# between two letters or ending the word after o or g: the ʻ of oʻ and gʻ (togʻ), or
# the tutuq (maʼno), unless what follows the last mark could be a name's endings
# (Telegramʼda).  For those, classify_marks, kept_word_length and is_foreign have
# nothing to do, and the unit rules above become whole-text operations on the
# lower-case words joined by newlines, each a few passes in C.
# Each pass reads only what the passes before it leave unchanged around the letters
# it rewrites, which fixes their order: ts, oʻ gʻ, ch sh, y, e, then the table.
# tests/test_speed_paths.py checks that this gives what token_to_cyrillic gives.

_MARKS: Final = "".join(sorted(APOSTROPHES))
_LOWER_UNIT: Final = "(?:[abd-vx-z]|ch)"  # c only in ch; no w
# A plain token (with is_plain_token): not a Roman numeral's letters alone, lower-case,
# Title or in CAPITALS (CH alone too), and a mark only between two letters or as the
# last ʻ of oʻ or gʻ.
_UPPER_UNIT: Final = "(?:[ABD-VX-Z]|CH)"
PLAIN_TOKEN: Final = Lazy(
    "(?![IVXLCDM]+$)(?:"
    f"(?:[ABD-VX-Z]|Ch|{_LOWER_UNIT})(?:{_LOWER_UNIT}|(?<=[a-zA-Z])[{_MARKS}](?=[a-z]))*"
    f"(?:(?<=[oOgG])[{_MARKS}])?"  # the ʻ of a final oʻ or gʻ (togʻ)
    f"|(?:CH|{_UPPER_UNIT}(?:{_UPPER_UNIT}|(?<=[A-Z])[{_MARKS}](?=[A-Z]))+)"
    f"(?:(?<=[OG])[{_MARKS}])?)"
)
# A mark after a letter other than o and g, in text with every mark written ʻ
# (_CANONICAL_MARKS); it starts with that one character, which re finds at C speed.
_TUTUQ_MARK: Final = Lazy(f"{TURNED_COMMA}(?<![oOgG]{TURNED_COMMA})")
# The same with the marks after it: the tokens with a tutuq, found once a run.
_TUTUQ_MARKS: Final = Lazy(f"{TURNED_COMMA}(?<![oOgG]{TURNED_COMMA}){TURNED_COMMA}*")
_CANONICAL_MARKS: Final = str.maketrans(dict.fromkeys(_MARKS, TURNED_COMMA))


def endings_after_tutuq(token: str) -> bool:
    """Whether *token* has a tutuq and what follows its last mark is a chain of
    inflections: then it may be a name with its endings (Telegramʼda), which
    kept_word_length keeps in Latin, so it is not plain."""
    canonical = token.translate(_CANONICAL_MARKS)
    if _TUTUQ_MARK().search(canonical) is None:
        return False
    cut = canonical.rfind(TURNED_COMMA)
    return is_latin_inflection_chain(token[cut + 1 :].lower())


def is_plain_token(token: str) -> bool:
    """The definition of a plain token, which the fast path converts (plain_positions
    finds them faster, in a whole list at once)."""
    return (
        PLAIN_TOKEN().fullmatch(token) is not None
        and not endings_after_tutuq(token)
        and not has_foreign_spelling(token)  # a foreign word (is_foreign)
    )


_BEFORE_YE: Final = f"[^\\naeiouў{TUTUQ}]"  # a consonant: ye after it is ье (y_rule)
_YE_AFTER_CONSONANT: Final = Lazy(f"ye(?<={_BEFORE_YE}ye)")
# The izofa: a word that ends in ayi (is_izofa_y checks for a vowel before that a).
_WORD_FINAL_AYI: Final = Lazy("ayi(?![^\\n])")
# e at the start or after a vowel (raw or already Cyrillic) is э: e_rule.
_E_AFTER_VOWEL: Final = Lazy("e(?<![^\\naeiouўеёюя]e)")


def t_rule_in_words(words: str) -> str:
    """t_rule on lower-case *words* joined by newlines: ts at a word's start, or
    before a vowel but not before an Uzbek suffix in s, → ц."""
    return _TS().sub("ц", words) if "ts" in words else words


# ts at a word's start, or before e i o u but not before the rest of an S_SUFFIXES
# suffix; written to begin with the literal ts, which re finds at C speed.
_TS: Final = Lazy(
    "ts(?:(?<![^\\n]ts)|(?!" + "|".join(suffix[1:] for suffix in S_SUFFIXES) + ")(?=[eiou]))"
)


_GH_BEFORE_G_SUFFIX: Final = Lazy(f"{GH}g(?=[{''.join(G_SUFFIX_VOWELS)}])")


def pair_rule_in_words(words: str) -> str:
    """pair_rule and s_rule on many plain words: oʻ gʻ ch sh → ў ғ ч ш, sʼh → сҳ, and
    gʻ + g before a suffix vowel → ққ."""
    if GH + "g" in words:
        words = _GH_BEFORE_G_SUFFIX().sub("ққ", words)
    for pair, letter in (("o" + TURNED_COMMA, "ў"), ("g" + TURNED_COMMA, "ғ"), ("ch", "ч")):
        words = words.replace(pair, letter)
    if TUTUQ + "h" in words:
        words = words.replace("s" + TUTUQ + "h", "сҳ")
    return words.replace("sh", "ш")


def izofa_in_words(found: re.Match[str]) -> str:
    """A word-final ayi that _WORD_FINAL_AYI found: ai if a vowel comes before that
    a in its word (is_izofa_y; oʻ is ў by now), else as it is."""
    words = found.string
    start = words.rfind("\n", 0, found.start()) + 1
    stem = words[start : found.start()]
    return "ai" if any(vowel in stem for vowel in "aeiouў") else "ayi"


def y_rule_in_words(words: str) -> str:
    """y_rule on many words (after pair_rule_in_words, so yoʻ is y + ў by now), the
    izofa's y dropped (is_izofa_y)."""
    if "y" not in words:
        return words
    if "ayi" in words:
        words = _WORD_FINAL_AYI().sub(izofa_in_words, words)
    words = _YE_AFTER_CONSONANT().sub("ье", words)
    for pair, letter in IOTATED.items():
        words = words.replace(pair, letter)
    return words


def e_rule_in_words(words: str) -> str:
    """e_rule on many words: e at the start or after a vowel → э (the rest е later)."""
    return _E_AFTER_VOWEL().sub("э", words)


def _by_low_byte() -> str:
    """LETTERS' one-letter units as a table from the low byte of each UTF-16 code
    unit (the letters written by the passes keep theirs); checked for clashes."""
    table = [chr(byte) for byte in range(256)]
    seen: dict[int, str] = {}
    written = "\nцўғқчшеёюяьэсҳ"
    units = {unit: cyrillic for unit, cyrillic in LETTERS.items() if len(unit) == 1}
    for char, cyrillic in [*units.items(), ("e", "е"), *((c, c) for c in written)]:
        low = ord(char) & 0xFF
        if seen.setdefault(low, char) != char:
            raise AssertionError(f"{char!r} and {seen[low]!r} share a low byte")
        table[low] = cyrillic
    return "".join(table)


_TABLE: Final = _by_low_byte()


def table_units(words: str) -> str:
    """The one-letter units of *words* (after the passes) by LETTERS, at C speed."""
    return codecs.charmap_decode(words.encode("utf-16-le")[::2], "strict", _TABLE)[0]


def plain_words_to_cyrillic(words: str) -> str:
    """Lower-case plain words with canonical ʻ, joined by newlines, in Cyrillic."""
    words = t_rule_in_words(words)
    words = pair_rule_in_words(words)
    words = y_rule_in_words(words)
    words = e_rule_in_words(words)
    return table_units(words)


# Scans of "\n" + tokens joined by newlines + "\n" (every mark written ʻ), each
# for one way a token is not plain, and cheap because it starts with a rare
# character: see plain_positions.
# (A letter outside ASCII is found by ascii_form, a Roman numeral among the
# tokens with a capital: plain_positions.)
_NOT_PLAIN: Final = (
    # c outside ch, w: a scan for each letter, which re finds faster than a set
    Lazy("c(?![hH])"),
    Lazy("C(?![hH])"),
    Lazy("w"),
    Lazy("W"),
    # a mark not between two letters, unless it ends the token after o or g (togʻ);
    # a run of marks is found once (its first is not between two letters)
    Lazy(
        f"{TURNED_COMMA}{TURNED_COMMA}+"  # (a literal first: re skips ahead to it)
        f"|{TURNED_COMMA}(?![a-zA-Z])(?:(?<![oOgG]{TURNED_COMMA})|(?!\\n))"
        f"|{TURNED_COMMA}(?<![a-zA-Z]{TURNED_COMMA})"
    ),
    *_FOREIGN_SPELLINGS,  # a vowel y (Sony), th first (the): is_foreign
)


# The scans of _NOT_PLAIN as one pattern: on a few tokens (a line's new words) one scan
# costs less than ten, on many more, where each scan's first letter is found at C speed.
# No scan's match holds a newline, so a hit that one pattern skips (it overlaps another)
# is in a token already found: both give the same tokens (not_plain_hits).
_NOT_PLAIN_AT_ONCE: Final = Lazy("|".join(f"(?:{scan.pattern})" for scan in _NOT_PLAIN))
_FEW: Final = 2048  # characters of joined tokens below which the one pattern is faster


def not_plain_hits(marked: str) -> list[int]:
    """Where _NOT_PLAIN's scans find something in *marked* (tokens joined as
    plain_positions joins them), enough to tell every token they find."""
    if len(marked) < _FEW:
        return [found.start() for found in _NOT_PLAIN_AT_ONCE().finditer(marked)]
    return [found.start() for scan in _NOT_PLAIN for found in scan().finditer(marked)]


class Scanned(NamedTuple):
    """What plain_positions finds in a list of tokens."""

    # the tokens in lower case joined by newlines, every mark ʻ or the tutuq ʼ (in a
    # token that is not plain, a letter outside ASCII is ?: ascii_form)
    lower: str
    lowers: list[str]  # each token of that
    capitalised: list[int]  # the positions of the tokens not in lower case, in order
    special: set[int]  # the positions of the tokens that are not plain


def token_numbers(marked: str, starts: list[int]) -> list[int]:
    """Which token each position of *starts* is in, in the order of the sorted
    positions, in *marked*: "\\n" + tokens joined by newlines + "\\n".  The newline
    before a token counts as the token's (a scan may start there).  The newlines are
    counted once, between one position and the next."""
    numbers = []
    newlines = 0
    previous = 0
    for start in sorted(starts):
        newlines += marked.count("\n", previous, start + 1)
        previous = start + 1
        numbers.append(newlines - 1)
    return numbers


def mixed_case(positions: list[int], capitalised: list[str]) -> Iterator[int]:
    """The positions among *positions* (of the tokens *capitalised*, which have a
    capital) of the tokens that are neither Title (Oʻzbek, Ch) nor in capitals (OʻZBEK):
    iPhone, ToshDU, SHahar."""
    not_titles = map(operator.ne, capitalised, map(str.capitalize, capitalised))
    for i, token in compress(zip(positions, capitalised, strict=True), not_titles):
        if not token.isupper():
            yield i


class AsciiForm(NamedTuple):
    """Tokens with canonical marks, joined by newlines, in ASCII (ascii_form)."""

    text: str  # ʻ written ', any other character outside ASCII ?
    others: list[int]  # where those other characters are


def ascii_form(marked: str) -> AsciiForm:
    """*marked* (tokens with every mark ʻ) in ASCII: ʻ written ' (which no token holds
    any more) and any other character outside ASCII ?, found where the ASCII encoding
    has a ? (no token holds one; if one did, its token would only take the slow path,
    which gives the same).  C passes, where a scan for a set of characters would test
    each one, and str.lower is fastest on ASCII."""
    probe = marked.replace(TURNED_COMMA, "'")
    if probe.isascii():
        return AsciiForm(probe, [])
    data = probe.encode("ascii", "replace")
    others = []
    position = data.find(b"?")
    while position >= 0:
        others.append(position)
        position = data.find(b"?", position + 1)
    return AsciiForm(data.decode("ascii"), others)


# A token of the letters of Roman numerals alone (XIV, MIX): stays_latin tells.
_ROMAN_LETTERS: Final = Lazy("[IVXLCDM]+")


def plain_positions(tokens: list[str]) -> Scanned:
    """The tokens joined by newlines with canonical ʻ and ʼ, in lower case, and the
    positions of those that are not plain (is_plain_token), found by a few scans of the
    whole text (token_numbers tells whose token each hit is in)."""
    canonical = "\n".join(tokens)
    for mark in _MARKS:
        if mark in canonical and mark != TURNED_COMMA:
            canonical = canonical.replace(mark, TURNED_COMMA)
    marked = "\n" + canonical + "\n"
    starts = not_plain_hits(marked)
    form = ascii_form(marked)
    bad = set(token_numbers(marked, starts + form.others))
    # In lower case from the ASCII form: a token that is not plain may come out with ?
    # for some of its letters, but what the fast path makes of it is never used (and
    # no letter of it becomes a newline in table_units, as str.lower could make it).
    lower = form.text[1:-1].lower().replace("'", TURNED_COMMA)
    tutuq = _TUTUQ_MARK()
    tutuqs = token_numbers(marked, [found.start() for found in _TUTUQ_MARKS().finditer(marked)])
    if tutuqs:
        bad.update(i for i in set(tutuqs).difference(bad) if endings_after_tutuq(tokens[i]))
        lower = tutuq.sub(TUTUQ, lower)
    lowers = lower.split("\n")
    if canonical.islower():  # no capital anywhere
        return Scanned(lower, lowers, [], bad)
    # a capital, in a plain token; the others are special, whatever this gives them
    capitalised = list(compress(count(), map(operator.not_, map(str.islower, tokens))))
    with_capitals = list(map(tokens.__getitem__, capitalised))
    bad.update(compress(capitalised, map(_ROMAN_LETTERS().fullmatch, with_capitals)))
    bad.update(mixed_case(capitalised, with_capitals))
    return Scanned(lower, lowers, capitalised, bad)


def tokens_to_cyrillic(
    tokens: list[str],
    by_rule: Callable[[list[str]], list[str]],
    has_stem: Callable[[list[str]], list[str]],
    stems: StemStarts,
) -> list[str]:
    """Convert Latin tokens: the same as *by_rule* (token_to_cyrillic and what the
    converter adds) on each.

    The plain tokens (is_plain_token) go through plain_words_to_cyrillic together,
    unless *has_stem* (given the lower case of those that *stems* says may start
    with a stem) says a lexicon stem starts them (stem_verdict); the
    other tokens go through *by_rule*.  Every step is a C loop over the tokens;
    only the tokens by rule are handled one at a time.
    """
    if not tokens:
        return []
    scanned = plain_positions(tokens)
    special = scanned.special
    if max(map(len, tokens), default=0) > LONGEST_TOKEN:  # data: by_rule keeps it
        special.update(i for i, token in enumerate(tokens) if len(token) > LONGEST_TOKEN)
    lowers = scanned.lowers
    converted = plain_words_to_cyrillic(scanned.lower).split("\n")
    for i in scanned.capitalised:  # Title tokens and tokens in CAPITALS
        word = converted[i]
        converted[i] = word.upper() if tokens[i].isupper() else word.capitalize()
    candidates = list(stems.candidates(lowers))
    if candidates:
        verdicts = has_stem(list(map(lowers.__getitem__, candidates)))
        special.update(compress(candidates, verdicts))
    if special:
        order = list(special)
        for i, cyrillic in zip(order, by_rule(list(map(tokens.__getitem__, order))), strict=True):
            converted[i] = cyrillic
    return converted


def tokens_by_rule(
    tokens: list[str],
    plain: Callable[[list[str]], list[str]],
    one: Callable[[str], str],
) -> list[str]:
    """*one* (token_to_cyrillic and what the converter adds) on each token, except
    those whose word inside quotation marks is plain ('kitob', ‘soʻz’): the marks
    are classified as token_to_cyrillic does (classify_marks) and kept, and the words
    are converted together by *plain* (tokens_to_cyrillic)."""
    out = [""] * len(tokens)
    quoted: list[int] = []
    pieces: list[Marks] = []
    for i, token in enumerate(tokens):
        if token[0] in APOSTROPHES and elision_at(token) is None:
            quoted.append(i)
            pieces.append(classify_marks(token))
        else:
            out[i] = one(token)
    bodies = [marks.body for marks in pieces]
    # is_plain_token on each body, told for all of them at once (the scans of
    # plain_positions, as tokens_to_cyrillic tells its own tokens; an empty body is
    # not plain)
    not_plain = plain_positions(bodies).special if all(bodies) else _not_plain_one_by_one(bodies)
    for n in not_plain:
        out[quoted[n]] = one(tokens[quoted[n]])
    inside = [n for n in range(len(pieces)) if n not in not_plain]
    words = plain([bodies[n] for n in inside])
    for n, word in zip(inside, words, strict=True):
        out[quoted[n]] = pieces[n].leading + word + pieces[n].trailing
    return out


def _not_plain_one_by_one(bodies: list[str]) -> set[int]:
    """The positions of *bodies* that are not plain tokens (is_plain_token)."""
    return {n for n, body in enumerate(bodies) if not is_plain_token(body)}


def stem_verdict(table: Mapping[str, str], stems: StemStarts) -> Callable[[str], str]:
    """For tokens_to_cyrillic's *has_stem*: "stem" if a lower-case word starts with a
    stem of *table* followed by suffixes (match_latin_stem), else ""."""

    def verdict(word: str) -> str:
        found = match_latin_stem(word, table, stems.longest_for(word), stems.shortest)
        return "" if found is None else "stem"

    return verdict

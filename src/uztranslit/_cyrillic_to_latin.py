"""Cyrillic → Latin, one word at a time, by the 1995 rules.

A word is a maximal run of Uzbek Cyrillic letters (see _alphabet).  Each
letter becomes a Latin *segment* chosen from the table or by the context rule
for that letter; the case of each segment then follows the rules for
capitals.  Rule references are to docs/rules.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import compress, count
from types import MappingProxyType
from typing import Final

from ._alphabet import (
    APOSTROPHE_LETTER,
    CYRILLIC_LOWER,
    CYRILLIC_UPPER,
    CYRILLIC_VOWELS,
    TURNED_COMMA,
)
from ._char_table import CharTable, compiled, translate
from ._invisible import HOLE
from ._lexicon import StemStarts, match_cyrillic_stem
from ._patterns import Lazy
from ._suffixes import CYRILLIC_INFLECTION_CHAIN, LONGEST_CHAIN, is_cyrillic_inflection_chain

TUTUQ: Final = APOSTROPHE_LETTER

# Letters whose Latin form does not depend on context
# (docs/rules.md, "Letters that map one to one").
LETTERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "а": "a",  # one to one
        "б": "b",  # one to one
        "в": "v",  # one to one
        "г": "g",  # one to one
        "д": "d",  # one to one
        "ж": "j",  # one to one
        "з": "z",  # one to one
        "и": "i",  # one to one; a word-final izofa is yi (izofa_rule)
        "й": "y",  # one to one
        "к": "k",  # one to one
        "л": "l",  # one to one
        "м": "m",  # one to one
        "н": "n",  # one to one
        "о": "o",  # one to one
        "п": "p",  # one to one
        "р": "r",  # one to one
        "т": "t",  # one to one
        "у": "u",  # one to one
        "ф": "f",  # one to one
        "х": "x",  # one to one
        "ч": "ch",  # digraph
        "ш": "sh",  # digraph
        "щ": "sh",  # Russian-only: община → obshina (мещан → meshshan is in the lexicon)
        "ы": "i",  # Russian-only: вымпел → vimpel
        "э": "e",  # always e: эркин → erkin
        "ў": "o" + TURNED_COMMA,  # oʻ
        "қ": "q",  # one to one
        "ғ": "g" + TURNED_COMMA,  # gʻ
        "ҳ": "h",  # one to one
        "ё": "yo",  # always yo; loanword exceptions live in the lexicon
        "ю": "yu",  # always yu; loanword exceptions live in the lexicon
        "я": "ya",  # always ya; loanword exceptions live in the lexicon
    }
)

SOFTENED_VOWELS: Final = frozenset("еёюя")  # take a y-form after ъ and ь
BROAD_VOWELS: Final = frozenset("аоуи")  # ь before these is written y


def e_rule(word: str, i: int) -> str:
    """е is ye at the start, after a vowel and after ъ/ь; else e (rules.md: е).

    ер → yer, поезд → poyezd, съезд → syezd, пьеса → pyesa, келин → kelin.
    """
    if i == 0 or word[i - 1] in CYRILLIC_VOWELS or word[i - 1] in "ъь":
        return "ye"
    return "e"


# The vowels after which a stem can end in ц: Russian -ац -ец -иц -яц -уц and ТЭЦ
# (абзац, марганец, шприц, месяц, кибуц).  No Russian stem ends in ц after о ё ю ў ы
# (in ru_RU.dic only the abbreviations соц., доц. and the interjection цыц do), so a ц
# there is inside the stem even before letters that look like suffixes:
# боцман, лоцман (not боц + -ман), лизоцим (not лизоц + -им).
TS_ENDS_A_STEM_AFTER: Final = frozenset("аеиуэя")
TS_INSIDE_A_STEM_AFTER: Final = CYRILLIC_VOWELS - TS_ENDS_A_STEM_AFTER  # ё о ў ы ю


def ts_rule(word: str, i: int) -> str:
    """ц is s at the start, at the end, after a consonant; ts after a vowel (rules.md: ц).

    цирк → sirk, кварц → kvars, концерт → konsert, лицей → litsey.  A ц that
    ends the word before inflections counts as final (абзацни → abzasni), but only
    after a vowel a stem can end in before ц: боцман → botsman, лизоцим → lizotsim.
    """
    if i == 0 or word[i - 1] not in CYRILLIC_VOWELS:
        return "s"
    rest = word[i + 1 : i + 2 + LONGEST_CHAIN]  # enough to tell; keeps long runs linear
    if not rest:
        return "s"
    if word[i - 1] in TS_ENDS_A_STEM_AFTER and is_cyrillic_inflection_chain(rest):
        return "s"
    return "ts"


# The vowels after which a word-final и is the Persian izofa, written -yi in Latin
# (rules.md: izofa).  Not after е у ю э ы: there the и is the possessive of an Arabic
# stem that lost its final ъ (мавқеи, мавзуи, мажмуи) or part of a name (Руи, Лоуи).
IZOFA_AFTER: Final = frozenset("аоёяў")
# Arabic stems in -а that lost a final ъ (ayn), whose possessive is -и, not -си:
# манбаи "its source" is manbai, not an izofa.  None holds е, ц or сҳ, which the
# fast paths rewrite before they look for the izofa.
AYN_STEMS: Final = frozenset(
    (
        "манба",  # manbaʼ "source": манбаи
        "матла",  # matlaʼ "opening couplet": матлаи
        "мақта",  # maqtaʼ "closing couplet": мақтаи
        "мажма",  # majmaʼ "gathering": мажмаи
        "тама",  # tamaʼ "greed": тамаи
        "мурабба",  # murabbaʼ "a poem of quatrains": мураббаи
        "мусабба",  # musabbaʼ "a poem of seven-line stanzas": мусаббаи
    )
)


def izofa_rule(word: str, i: int) -> str:
    """и that ends a word after а о ё я ў is the izofa -yi; else i (rules.md: izofa).

    нуқтаи → nuqtayi, таржимаи → tarjimayi, шўрои → shoʻroyi, but манбаи → manbai
    (a possessive), мавқеи → mavqei, нуқтаида → nuqtaida (endings follow: no izofa).
    """
    if i == len(word) - 1 and i >= 2 and word[i - 1] in IZOFA_AFTER and word[:i] not in AYN_STEMS:
        return "yi"
    return "i"


def hard_sign_rule(word: str, i: int) -> str:
    """ъ is the tutuq ʼ, dropped after ў and in Russian words (rules.md: ъ).

    маъно → maʼno, санъат → sanʼat, мўъжиза → moʻjiza; съезд → syezd,
    адъютант → adyutant (after a consonant, before е ё ю я: Russian).
    """
    previous = word[i - 1] if i > 0 else ""
    following = word[i + 1] if i + 1 < len(word) else ""
    if previous == "ў":
        return ""
    if previous and previous not in CYRILLIC_VOWELS and following in SOFTENED_VOWELS:
        return ""
    return TUTUQ


def soft_sign_rule(word: str, i: int) -> str:
    """ь is dropped, but written y before а о у и (rules.md: ь).

    апрель → aprel, пьеса → pyesa (е takes the y), павильон → pavilyon.
    """
    following = word[i + 1] if i + 1 < len(word) else ""
    return "y" if following in BROAD_VOWELS else ""


def s_before_h_rule(word: str, i: int) -> str:
    """с before ҳ is sʼ so that sʼh is not read as sh (rule 17; rules.md: сҳ): Исҳоқ → Isʼhoq."""
    following = word[i + 1] if i + 1 < len(word) else ""
    return "s" + TUTUQ if following == "ҳ" else "s"


CONTEXT_RULES: Final = MappingProxyType(
    {
        "е": e_rule,  # ye / e
        "ц": ts_rule,  # s / ts
        "и": izofa_rule,  # yi / i
        "ъ": hard_sign_rule,  # ʼ / nothing
        "ь": soft_sign_rule,  # y / nothing
        "с": s_before_h_rule,  # sʼ / s
    }
)


def letter_to_latin(word: str, i: int) -> str:
    """The Latin segment for the lower-case letter word[i], in context."""
    rule = CONTEXT_RULES.get(word[i])
    if rule is not None:
        return rule(word, i)
    return LETTERS[word[i]]


def case_of_segment(original: str, i: int, segment: str) -> str:
    """Give *segment* the case of original[i] and its neighbours (rule 79; rules.md: capitals).

    A capital whose segment has several letters is all capitals when the
    next letter (or, at the end, the previous one) is a capital: ШАҲАР →
    SHAHAR, АҚШ → AQSH; so is the last capital of a run of capitals before a
    lower-case suffix: АҚШга → AQSHga, as ЯИМнинг → YAIMning.  Otherwise it is
    title case: Шаҳар → Shahar, Ш. → Sh.
    """
    if not original[i].isupper():
        return segment
    if len(segment) < 2:
        return segment.upper()
    if i + 1 < len(original):
        neighbour = original[i + 1]
        if not neighbour.isupper() and i > 0 and original[i - 1].isupper():
            neighbour = original[i - 1]  # an abbreviation before its suffix
    elif i > 0:
        neighbour = original[i - 1]
    else:
        neighbour = ""
    if neighbour.isupper():
        return segment.upper()
    return segment[0].upper() + segment[1:]


def case_of_stem(original: str, latin: str) -> str:
    """Give a lexicon stem the case of the Cyrillic it replaces."""
    if len(original) > 1 and original.isupper():
        return latin.upper()
    if original[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def word_to_latin(word: str, lexicon: Mapping[str, str]) -> str:
    """Convert one Cyrillic word (letters only) to Latin with ʻ and ʼ."""
    lower = word.lower()
    return stem_and_letters_to_latin(
        word, lower, match_cyrillic_stem(lower, lexicon) if lexicon else None
    )


def stem_and_letters_to_latin(word: str, lower: str, match: tuple[int, str] | None) -> str:
    """*word* (*lower* its lower case) to Latin: the lexicon stem that *match* found
    at its start (match_cyrillic_stem), if any, then each letter by its rule."""
    parts: list[str] = []
    start = 0
    if match is not None:
        start, stem = match
        parts.append(case_of_stem(word[:start], stem))
    for i in range(start, len(word)):
        parts.append(case_of_segment(word, i, letter_to_latin(lower, i)))
    return "".join(parts)


# The fast path: many words at once ----------------------------------------------
#
# The same rules as whole-text operations on lower-case words joined by newlines,
# each a few regular-expression or str passes in C instead of Python calls per
# letter.  Each pass reads only what the passes before it leave unchanged around
# the letter it rewrites, which fixes their order: ц, сҳ, е, the izofa (which must
# see a ъ where it stands), ъ, ь, then the table.
# tests/test_speed_paths.py checks that this gives what word_to_latin gives.

_VOWELS: Final = "".join(sorted(CYRILLIC_VOWELS))
_ENDS_A_STEM: Final = "".join(sorted(TS_ENDS_A_STEM_AFTER))
_INSIDE_A_STEM: Final = "".join(sorted(TS_INSIDE_A_STEM_AFTER))
# ц after a vowel is ts unless it ends the word, or it follows a vowel a stem can
# end in and what follows (at most LONGEST_CHAIN letters) is a chain of
# inflections: ts_rule.
_TS_AFTER_VOWEL: Final = Lazy(
    f"ц(?<=[{_INSIDE_A_STEM}]ц)(?!\\n|\\Z)"
    f"|ц(?<=[{_ENDS_A_STEM}]ц)"
    f"(?!(?=[^\\n]{{0,{LONGEST_CHAIN}}}(?:\\n|\\Z))"
    f"(?:{CYRILLIC_INFLECTION_CHAIN.pattern})?(?:\\n|\\Z))"
)
_IZOFA_VOWELS: Final = "".join(sorted(IZOFA_AFTER))
# и that ends a word of three letters or more, after а о ё я ў: izofa_rule (the
# AYN_STEMS are left to izofa_rule_in_words).  The letters before the vowel may be
# Latin by now; the vowel and и are not.
_IZOFA: Final = Lazy(f"и(?<=[^\\n][{_IZOFA_VOWELS}]и)(?=\\n|\\Z)")
# е at the start, after a vowel, ъ or ь is ye: e_rule.
_YE: Final = Lazy(f"е(?<![^\\n{_VOWELS}ъь]е)")
# ъ is dropped after ў, and after a consonant before е ё ю я (е is ye by now, whose
# e counts as a vowel before a later ъ): hard_sign_rule.
_HARD_SIGN_DROPPED: Final = Lazy(f"ъ(?<=ўъ)|ъ(?<=[^\\n{_VOWELS}e]ъ)(?=[ёюяy])")
# ь before а о у и is y: soft_sign_rule.
_SOFT_SIGN_Y: Final = Lazy("ь(?=[аоуи])")
# What is left after the context rules: each letter's segment (е → e, ц → s,
# ъ → ʼ, ь → nothing), and the Latin letters and ʼ the rules wrote.
_LEFT: Final[Mapping[str, str]] = MappingProxyType(
    {**LETTERS, "е": "e", "ц": "s", "ъ": TUTUQ, "ь": "", "с": "s", TUTUQ: TUTUQ}
)
_WRITTEN_BY_RULES: Final = "\nyesthi"  # plus TUTUQ, in _LEFT


def _by_low_byte() -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """_LEFT as a table from the low byte of each UTF-16 code unit, and the segments
    of several letters, which the table writes as one control byte to be expanded.

    No two characters that reach the table share a low byte (checked here), so
    encoding to UTF-16, keeping every other byte and translating those bytes does
    what str.translate(_LEFT) does, at C speed per byte instead of a dict per letter.
    """
    table = bytearray(range(256))
    expand: dict[str, str] = {}
    seen: dict[int, str] = {ord(char): char for char in _WRITTEN_BY_RULES}
    for char, segment in _LEFT.items():
        low = ord(char) & 0xFF
        if seen.get(low, char) != char:
            raise AssertionError(f"{char!r} and {seen[low]!r} share a low byte")
        seen[low] = char
        if len(segment) == 1 and segment.isascii():
            table[low] = ord(segment)
        elif segment:
            code = expand.setdefault(segment, chr(len(expand) + 1))
            table[low] = ord(code)
    for char in _WRITTEN_BY_RULES:
        table[ord(char)] = ord(char)
    # ASCII expansions first, while the text is still one byte a character.
    order = sorted(expand.items(), key=lambda item: not item[0].isascii())
    return bytes(table), tuple((code, segment) for segment, code in order)


_TABLE, _EXPANSIONS = _by_low_byte()
_DROPPED: Final = bytes([ord("ь") & 0xFF])


def table_letters(words: str) -> str:
    """Each letter of lower-case *words* (after the context rules) by _LEFT."""
    low = words.encode("utf-16-le")[::2].translate(_TABLE, _DROPPED)
    latin = low.decode("ascii")
    for code, segment in _EXPANSIONS:
        if code in latin:
            latin = latin.replace(code, segment)
    return latin


def ts_rule_in_words(words: str) -> str:
    """ts_rule on lower-case *words* joined by newlines: ц after a vowel → ts."""
    return _TS_AFTER_VOWEL().sub("ts", words) if "ц" in words else words


def izofa_rule_in_words(words: str) -> str:
    """izofa_rule on lower-case *words* joined by newlines: a final и → yi.

    Before hard_sign_rule_in_words, which would bring ў and и together (мўъи).
    """
    if "и" not in words:
        return words

    def izofa(found: re.Match[str]) -> str:
        stem = words[words.rfind("\n", 0, found.start()) + 1 : found.start()]
        return "и" if stem in AYN_STEMS else "yi"

    return _IZOFA().sub(izofa, words)


def s_before_h_rule_in_words(words: str) -> str:
    """s_before_h_rule on many words: сҳ → sʼҳ (the table writes the ҳ)."""
    return words.replace("сҳ", "s" + TUTUQ + "ҳ")


def e_rule_in_words(words: str) -> str:
    """e_rule on many words: е at the start, after a vowel, ъ or ь → ye."""
    return _YE().sub("ye", words)


def hard_sign_rule_in_words(words: str, dropped: str = "") -> str:
    """hard_sign_rule on many words (after e_rule_in_words): the dropped ъ become
    *dropped* (nothing, or padding: padded_word_to_latin)."""
    return _HARD_SIGN_DROPPED().sub(dropped, words) if "ъ" in words else words


def soft_sign_rule_in_words(words: str, y: str = "y") -> str:
    """soft_sign_rule on many words: ь before а о у и → *y* (y, or y and padding:
    padded_word_to_latin); the others go later."""
    return _SOFT_SIGN_Y().sub(y, words) if "ь" in words else words


def context_rules_in_words(words: str, padding: str = "") -> str:
    """The context rules on lower-case *words* joined by newlines: the letters they
    rewrite are Latin after, the rest still Cyrillic.  A segment shorter than two
    characters that a rule writes is padded to two with *padding* (if any)."""
    words = ts_rule_in_words(words)
    words = s_before_h_rule_in_words(words)
    words = e_rule_in_words(words)
    words = izofa_rule_in_words(words)
    words = hard_sign_rule_in_words(words, padding * 2)
    return soft_sign_rule_in_words(words, "y" + padding)


def plain_words_to_latin(words: str) -> str:
    """Lower-case Cyrillic *words* joined by newlines, in Latin, by the letter rules.

    No lexicon: the caller sends the words with a stem to word_to_latin.
    """
    return table_letters(context_rules_in_words(words))


# Mixed case: a word at once ---------------------------------------------------------
#
# A word in mixed case (АҚШда, ЎзбекистонДа, aBcD…) takes its case letter by letter
# (case_of_segment).  stem_and_letters_to_latin does that with two Python calls a
# letter, 0.3–0.4 µs each letter here: a token of thousands of letters in mixed case was
# the slowest input of all (docs/performance.md).  mixed_case_to_latin gives the same
# with a few whole-word operations: the passes and a table write the lower-case word
# with every segment padded to two characters, so that letter i is characters 2i and
# 2i + 1; the case goes over that as a mask, two bytes a character in UTF-16; then
# the padding goes.  tests/test_speed_paths.py checks it against word_to_latin.

_PADDING: Final = "\x00"  # no word holds it
# _LEFT with each segment padded to two characters: ш → sh, а → a + padding, ь → two
# of padding.
_PADDED: Final = MappingProxyType(
    {
        **{ord(char): segment.ljust(2, _PADDING) for char, segment in _LEFT.items()},
        ord(TUTUQ): TUTUQ,  # written by s_before_h_rule_in_words, in the с's cell already
        ord("\n"): "\n" + _PADDING,  # between words: a cell of its own
    }
)
# A byte of a small ASCII letter → the bit that makes it a capital (a 0x61 → A 0x41),
# any other byte → 0: on the padded Latin in UTF-16, whose characters are ASCII, ʻ, ʼ
# and the padding, so that no other byte (ʻ is BB 02) is a letter's.
_CAPITAL_BITS: Final = bytes(0x20 if 0x61 <= byte <= 0x7A else 0 for byte in range(256))
_CELL: Final = 32  # bits of a letter's cell: two UTF-16 code units
_WHOLE_CELL: Final = (1 << _CELL) - 1  # both characters: CAPITALS
_FIRST_HALF: Final = (1 << (_CELL // 2)) - 1  # the first character: Title


def _capital_bytes() -> bytes:
    """The low byte of a Cyrillic letter's UTF-16 code unit → 1 for a capital, 0 else.

    No capital shares a low byte with a lower-case letter (checked here): every
    Cyrillic letter is in U+0400–U+04FF, so the low byte tells them apart.
    """
    table = bytearray(256)
    for capital in CYRILLIC_UPPER:
        table[ord(capital) & 0xFF] = 1
    for letter in CYRILLIC_LOWER:
        if table[ord(letter) & 0xFF]:
            raise AssertionError(f"{letter!r} shares a low byte with a capital")
    return bytes(table)


_CAPITAL_BYTES: Final = _capital_bytes()


def padded_word_to_latin(lower: str) -> str:
    """A lower-case Cyrillic word in Latin by the letter rules, each letter's segment
    padded to two characters with _PADDING."""
    return context_rules_in_words(lower, _PADDING).translate(_PADDED)


def case_mask(word: str) -> int:
    """Which characters of *word*'s padded Latin are capitals, by case_of_segment:
    a whole cell for a capital beside another capital, the first half for a capital
    alone.  Cell i (bits 32i to 32i + 31) is letter i's."""
    capitals_bytes = word.encode("utf-16-le")[::2].translate(_CAPITAL_BYTES)
    capitals = int.from_bytes(capitals_bytes.decode("latin-1").encode("utf-32-le"), "little")
    alone = capitals & ~(capitals << _CELL) & ~(capitals >> _CELL)
    return (capitals ^ alone) * _WHOLE_CELL + alone * _FIRST_HALF


def mixed_case_to_latin(word: str, lower: str) -> str:
    """A Cyrillic word (letters only) in any case, *lower* its lower case, in Latin
    with no lexicon: what stem_and_letters_to_latin(word, lower, None) gives.  Or
    many such words joined by newlines, each the same.

    The case is laid _CASED_AT letters at a time (with a letter either side, which
    case_of_segment reads), so that a word of a million letters holds no integer of
    megabytes."""
    padded = padded_word_to_latin(lower)
    if len(word) <= _CASED_AT:
        return padded_in_case(padded, word).replace(_PADDING, "")
    pieces = []
    for start in range(0, len(word), _CASED_AT):
        end = min(start + _CASED_AT, len(word))
        before = max(start - 1, 0)  # the letter before, and the one after: context
        cased = padded_in_case(padded[2 * before : 2 * end + 2], word[before : end + 1])
        pieces.append(cased[2 * (start - before) : 2 * (end - before)].replace(_PADDING, ""))
    return "".join(pieces)


_CASED_AT: Final = 1 << 16  # letters of a word whose case is laid at once


def padded_in_case(padded: str, word: str) -> str:
    """*padded* (padded_word_to_latin of *word*'s lower case) in *word*'s case."""
    data = padded.encode("utf-16-le")
    as_it_is = int.from_bytes(data, "little")
    to_capitals = int.from_bytes(data.translate(_CAPITAL_BITS), "little")
    size = len(data)
    del data  # a word of many letters: each of these is as long as the word
    as_it_is ^= to_capitals & case_mask(word)
    return as_it_is.to_bytes(size, "little").decode("utf-16-le")


def recased(original: str, latin: str) -> str | None:
    """*latin* in the case of the Cyrillic *original*, if it is Title or CAPITALS.

    None for mixed case and for a capital ь, whose segment may be empty: those
    go letter by letter (case_of_segment).
    """
    first = original[0]
    if first in "Ьь":
        return None
    rest = original[1:]
    if not rest or rest.islower():
        return latin[:1].upper() + latin[1:]
    if rest.isupper() and first.isupper():
        return latin.upper()
    return None


def words_to_latin(words: list[str], lexicon: Mapping[str, str], stems: StemStarts) -> list[str]:
    """Convert Cyrillic words (letters only): the same as word_to_latin on each.

    Most words go through plain_words_to_latin together.  Those that have mixed
    case or start with ь go one by one, and those that start with a lexicon stem
    (*stems* says which may; match_cyrillic_stem finds it) the stem first.
    """
    joined = "\n".join(words)
    lower = joined.lower()
    latin = plain_words_to_latin(lower).split("\n")
    lowers = lower.split("\n")
    by_rule: set[int] = set()
    if lower.startswith("ь") or "\nь" in lower:
        by_rule.update(i for i, word in enumerate(lowers) if word[0] == "ь")
    if lower != joined:
        for i in compress(count(), map(str.__ne__, words, lowers)):
            cased = recased(words[i], latin[i])
            if cased is None:
                by_rule.add(i)
            else:
                latin[i] = cased
    candidates = stems.candidates(lowers)
    for i in candidates.difference(by_rule):
        word = lowers[i]
        match = match_cyrillic_stem(word, lexicon, stems.longest_for(word), stems.shortest)
        if match is not None:  # without one, the word is what the passes made it
            latin[i] = stem_and_letters_to_latin(words[i], word, match)
    mixed = []
    for i in by_rule:
        word = lowers[i]
        match = match_cyrillic_stem(word, lexicon) if i in candidates else None
        if match is None:
            mixed.append(i)
        else:
            latin[i] = stem_and_letters_to_latin(words[i], word, match)
    if mixed:  # all at once, joined by newlines
        joined = "\n".join(map(words.__getitem__, mixed))
        together = mixed_case_to_latin(joined, "\n".join(map(lowers.__getitem__, mixed)))
        for i, cased in zip(mixed, together.split("\n"), strict=True):
            latin[i] = cased
    return latin


# The text path: a whole text at once ---------------------------------------------
#
# The same rules again, on a whole text where words are not cut out at all: a word
# is a run of Cyrillic letters, so the passes look for "not a Cyrillic letter"
# where the word path looks for a newline.  The letters a later pass still has to
# read keep a letter's place as a private-use placeholder until the table.  Words
# this cannot do (a capital after another letter: CAPITALS and mixed case; a
# possible lexicon stem) are found first and converted by word_to_latin, and their
# Latin, which has no Cyrillic letter, is left alone by the passes.

_UPPER: Final = "".join(letter.upper() for letter in LETTERS) + "ЕЦЪЬС"
_ANY_CASE_VOWELS: Final = _VOWELS + _VOWELS.upper()
_TS_HELD: Final = "\ue0a0"  # ц read as ts: a consonant
_YE_HELD: Final = "\ue0a1"  # е read as ye: a vowel
_S_SEPARATED: Final = "\ue0a2"  # с before ҳ, read as sʼ: a consonant
_S_SEPARATED_TITLE: Final = "\ue0a3"  # С before ҳ: Sʼ
HELD: Final = (_TS_HELD, _YE_HELD, _S_SEPARATED, _S_SEPARATED_TITLE)
_NOT_ON_THIS_PATH: Final = (*HELD, "\u0306", "\u0308")
_LETTERS_ANY_CASE: Final = "".join(LETTERS) + "ецъьс" + _UPPER + "".join(HELD)
_CONSONANTS: Final = "".join(
    sorted(set(_LETTERS_ANY_CASE) - set(_ANY_CASE_VOWELS) - set("ъьЪЬ") - {_YE_HELD})
)
_NOT_VOWELS: Final = _CONSONANTS + "ъьЪЬ"

# A capital right after a letter: the word is in CAPITALS or mixed case.
_CAPITAL_INSIDE: Final = Lazy(f"[{_UPPER}](?<=[{_LETTERS_ANY_CASE}].)[{_LETTERS_ANY_CASE}]*")
_TS_IN_TEXT: Final = Lazy(
    f"ц(?<=[{_INSIDE_A_STEM}{_INSIDE_A_STEM.upper()}]ц)(?=[{_LETTERS_ANY_CASE}])"
    f"|ц(?<=[{_ENDS_A_STEM}{_ENDS_A_STEM.upper()}]ц)"
    f"(?!(?=[{_LETTERS_ANY_CASE}]{{0,{LONGEST_CHAIN}}}(?![{_LETTERS_ANY_CASE}]))"
    f"(?:{CYRILLIC_INFLECTION_CHAIN.pattern})?(?![{_LETTERS_ANY_CASE}]))"
)
# The vowel is lower case: a capital vowel after a letter sends the word to the
# word path.
_IZOFA_IN_TEXT: Final = Lazy(
    f"и(?<=[{_LETTERS_ANY_CASE}][{_IZOFA_VOWELS}]и)(?![{_LETTERS_ANY_CASE}])"
)
_YE_IN_TEXT: Final = Lazy(f"е(?<![{_CONSONANTS}]е)")
_HARD_SIGN_DROPPED_IN_TEXT: Final = Lazy(f"ъ(?<=[ўЎ]ъ)|ъ(?<=[{_NOT_VOWELS}]ъ)(?=[ёюяе{_YE_HELD}])")
_SOFT_SIGN_Y_IN_TEXT: Final = Lazy("ь(?=[аоуи])")
_CAPITAL_SOFT_SIGN_Y_IN_TEXT: Final = Lazy("Ь(?=[аоуи])")


# Characters common in Cyrillic text that the table gives back as they are: ASCII,
# Latin-1 (no-break space, « »), general punctuation (— “ ” …), №.
_PASSED_THROUGH: Final = (*range(0x100), *range(0x2000, 0x2070), ord("№"))
# The most frequent of those outside ASCII in real text (the corpus), the marks, and
# the HOLE where a word with a format character was cut out (one a word when every
# word has a soft hyphen): each gets a byte of its own in the compiled table
# (compiled_text_table), where the others are held aside one at a time.
COMMON_IN_TEXT: Final = "–“”—…«»\xad‐‘’№\xa0°•·ʻʼ„‹›" + HOLE


def title_segment(segment: str) -> str:
    """A segment in title case: the Latin of a capital that starts a word."""
    return segment[:1].upper() + segment[1:]


def text_table(letter_mark: str, tutuq: str) -> dict[int, str | int]:
    """The str.translate table of the text path, with the apostrophes of a style.

    The letters left after the passes, the capitals that start a word (title case),
    the placeholders, and every ASCII character as itself (a character missing
    from a table costs str.translate an exception).
    """
    lower = {**_LEFT, "ц": "s", "ь": ""}
    segments: dict[str, str] = {**lower, **{k.upper(): title_segment(v) for k, v in lower.items()}}
    segments.update({"Е": "Ye", "Ь": "", _TS_HELD: "ts", _YE_HELD: "ye"})
    segments.update({_S_SEPARATED: "s" + TUTUQ, _S_SEPARATED_TITLE: "S" + TUTUQ})
    styled = str.maketrans({TURNED_COMMA: letter_mark, TUTUQ: tutuq})
    table: dict[int, str | int] = {code: code for code in _PASSED_THROUGH}
    table.update({ord(k): v.translate(styled) for k, v in segments.items() if k != TUTUQ})
    return table


def compiled_text_table(letter_mark: str, tutuq: str) -> CharTable:
    """text_table, compiled to run in C (_char_table.translate gives what
    str.translate gives with it)."""
    return compiled(text_table(letter_mark, tutuq), COMMON_IN_TEXT)


def _izofa_in_text(found: re.Match[str]) -> str:
    """izofa_rule for a final и that _IZOFA_IN_TEXT found: yi, unless an AYN_STEMS word."""
    text = found.string
    stem = text[word_start(text, found.start()) : found.start()].lower()
    return "и" if stem in AYN_STEMS else "yi"


def text_passes(text: str) -> str:
    """ts_rule, s_before_h_rule, e_rule, izofa_rule, hard_sign_rule and soft_sign_rule
    on a text whose words are lower case or Title (the _in_words passes, in a text)."""
    if "ц" in text:
        text = _TS_IN_TEXT().sub(_TS_HELD, text)
    if "сҳ" in text or "Сҳ" in text:
        text = text.replace("сҳ", _S_SEPARATED + "ҳ").replace("Сҳ", _S_SEPARATED_TITLE + "ҳ")
    text = _YE_IN_TEXT().sub(_YE_HELD, text)
    if "и" in text:
        text = _IZOFA_IN_TEXT().sub(_izofa_in_text, text)
    if "ъ" in text:
        text = _HARD_SIGN_DROPPED_IN_TEXT().sub("", text)
    if "ь" in text:
        text = _SOFT_SIGN_Y_IN_TEXT().sub("y", text)
    if "Ь" in text:
        text = _CAPITAL_SOFT_SIGN_Y_IN_TEXT().sub("Y", text)
    return text


def word_start(text: str, position: int) -> int:
    """Where the run of Cyrillic letters that holds *position* starts."""
    while position and text[position - 1] in _LETTER_SET:
        position -= 1
    return position


_LETTER_SET: Final = frozenset(_LETTERS_ANY_CASE)


def stem_forms(starts: Iterable[str]) -> tuple[str, ...]:
    """The lower-case *starts* of lexicon stems, each also in Title, for words_by_rule
    (made once per converter: a caller that converts a line at a time would pay for
    them on every line)."""
    return tuple(sorted({form for start in starts for form in (start, start.capitalize())}))


def words_by_rule(text: str, forms: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """The (start, end) of the words the passes cannot do, in order: those with a
    capital after a letter, and those that begin with one of *forms* (stem_forms).
    None if there are more than one in 2**_MOST_WORDS_BY_RULE characters."""
    capitals = list(_CAPITAL_INSIDE().finditer(text))
    if len(capitals) > len(text) >> _MOST_WORDS_BY_RULE:
        return None
    found = [(word_start(text, m.start()), m.end()) for m in capitals]
    # A word in lower case or Title; one with a capital after a letter is found above.
    for form in forms:
        position = text.find(form)
        while position != -1:
            if not position or text[position - 1] not in _LETTER_SET:
                end = _LETTERS_AFTER().match(text, position).end()  # type: ignore[union-attr]
                found.append((position, end))
            position = text.find(form, position + 1)
    return sorted(set(found))


# The text path steps aside when more than one character in 2**this starts a word
# that it would leave to word_to_latin: mostly CAPITALS, which the word path does
# together.
_MOST_WORDS_BY_RULE: Final = 6
_LETTERS_AFTER: Final = Lazy(f"[{_LETTERS_ANY_CASE}]*")


def text_to_latin(
    text: str,
    table: CharTable,
    forms: tuple[str, ...],
    words: Callable[[list[str]], list[str]],
) -> str | None:
    """Convert a whole Cyrillic text, or None if this path cannot (see below).

    *table* is compiled_text_table's, *forms* the first letters of every lexicon stem
    (stem_forms) and *words* converts words by word_to_latin (with the same apostrophes).  None for
    a text that holds a placeholder or a combining breve or diaeresis (decomposed
    й ў ё: the word path composes them).
    """
    if any(char in text for char in _NOT_ON_THIS_PATH):
        return None
    spans = words_by_rule(text, forms)
    if spans is None:
        return None
    if spans:
        latin = words([text[start:end] for start, end in spans])
        pieces = []
        position = 0
        for (start, end), word in zip(spans, latin, strict=True):
            pieces.append(text[position:start])
            pieces.append(word)
            position = end
        pieces.append(text[position:])
        text = "".join(pieces)
    return translate(text_passes(text), table)

"""Checking the options of every entry point: the library, the CLI, the server.

One place says what a valid option is, so a bad one gets the same message
wherever it is given.  Wrong types raise TypeError; bad values raise
ValueError naming the valid ones.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

from ._alphabet import APOSTROPHE_LETTER, TURNED_COMMA, lower_in_place
from ._lexicon import Lexicon

Script = Literal["cyrillic", "latin", "new-latin"]
# The scripts: Cyrillic, the 1995 Latin alphabet, and the 2026 one (ş ç ö ğ).
SCRIPTS: Final[tuple[str, ...]] = ("latin", "cyrillic", "new-latin")
# Opt-in conventions that change more than letters (_conventions, docs/rules.md).
CONVENTIONS: Final[tuple[str, ...]] = ("dates", "particles", "quotes")
# Named sets of conventions, accepted wherever a convention's name is.
PROFILES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        # the conventions that each side's rules require: the 1995 Latin rules' 2025-yil
        # and boʻlsa-da, the Cyrillic rules' 2025 йил and бўлсада (no rule says which
        # quotation marks to use, so quotes is not one of them)
        "official": ("dates", "particles"),
    }
)

# Output styles for oʻ/gʻ and the tutuq: name → (oʻ gʻ mark, tutuq mark).
APOSTROPHE_STYLES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "modifier": (TURNED_COMMA, APOSTROPHE_LETTER),  # ʻ ʼ: Uzbek Wikipedia, uzbek-net
        "ascii": ("'", "'"),  # ' ': what most web text types
        "quotes": ("\u2018", "\u2019"),  # ‘ ’: government sites, BGN/PCGN tables
    }
)


# Distinct chunks (a word with its punctuation) and words remembered per converter:
def check_text(function: str, text: object) -> str:
    """Return *text* if it is a str, else raise TypeError naming *function*."""
    if not isinstance(text, str):
        raise TypeError(f"{function}() argument must be str, not {type(text).__name__}")
    return text


def check_choice(option: str, value: object, choices: Iterable[str]) -> str:
    """Return *value* if it is one of *choices*, else raise naming them all."""
    valid = tuple(choices)
    if not isinstance(value, str):
        raise TypeError(f"{option} must be a str, one of {', '.join(valid)}; got {value!r}")
    if value not in valid:
        raise ValueError(f"{option} must be one of {', '.join(valid)}; got {value!r}")
    return value


def one_or_many(option: str, value: object, what: str) -> Iterable[object]:
    """*value* as a collection: a single str is one item; anything else must iterate."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return value
    raise TypeError(f"{option} must be a collection of {what}; got {value!r}")


def check_conventions(value: object) -> frozenset[str]:
    """The set of convention names in *value* (one name, or a collection of them);
    a profile's name (PROFILES) stands for its conventions."""
    names = one_or_many("conventions", value, "names")
    chosen = (check_choice("each convention", name, (*CONVENTIONS, *PROFILES)) for name in names)
    return frozenset(part for name in chosen for part in PROFILES.get(name, (name,)))


def check_keep(value: object) -> frozenset[str]:
    """The words to keep in Latin letters in *value* (one word, or a collection)."""
    kept = set()
    for word in one_or_many("keep", value, "words"):
        if not isinstance(word, str):
            raise TypeError(f"each word to keep must be a str; got {word!r}")
        if not word.isalpha():
            raise ValueError(
                "each word to keep must be one word of letters only"
                f" (give Coca-Cola as 'Coca' and 'Cola'); got {word!r}"
            )
        kept.add(lower_in_place(word))
    return frozenset(kept)


def check_lexicon(value: object) -> Lexicon | None:
    if value is None or isinstance(value, Lexicon):
        return value
    raise TypeError(
        f"lexicon must be a Lexicon from load_lexicon() or parse_lexicon(), "
        f"not {type(value).__name__}"
    )


class Options(NamedTuple):
    """Every conversion option, checked; *source* None means "detect it"."""

    to: str
    source: str | None
    apostrophes: str
    lexicon: Lexicon | None
    conventions: frozenset[str]
    keep: frozenset[str]


def check_options(  # noqa: PLR0917 - the six options, in the order of the signature
    to: object,
    source: object = None,
    apostrophes: object = "modifier",
    lexicon: object = None,
    conventions: object = (),
    keep: object = (),
) -> Options:
    """All options of transliterate() checked at once, in the order they are listed."""
    if (
        lexicon is None
        and type(conventions) is tuple
        and not conventions
        and type(keep) is tuple
        and not keep
        and type(to) is str
        and type(apostrophes) is str
        and (source is None or type(source) is str)
    ):
        return _checked_defaults(to, source, apostrophes)  # no collection to check
    target = check_choice("to", to, SCRIPTS)
    style = check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES)
    user = check_lexicon(lexicon)
    chosen = check_conventions(conventions)
    kept = check_keep(keep)
    read = None if source is None else check_choice("source", source, SCRIPTS)
    return Options(target, read, style, user, chosen, kept)


@functools.lru_cache(maxsize=64)
def _checked_defaults(to: str, source: str | None, apostrophes: str) -> Options:
    """check_options for three strings and the other options left out: a call that
    converts a line at a time pays for its checks once (a bad value raises, uncached)."""
    return check_options(to, source, apostrophes, None, frozenset(), frozenset())

"""The options of an API request, read from JSON, a form or a query, and checked.

The checks are those of the library (_options.check_options), so a bad option
gets the same message from the server as from Python or the command line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

from .._options import Options, check_options

# The option fields a request may carry; /api/convert also takes "text".
OPTION_FIELDS: Final = ("to", "source", "apostrophes", "conventions", "keep", "lexicon")
# Values of "to" and "source" that mean "not given": the server decides.
AUTO: Final = (None, "", "auto")
# What separates several values in one form field or query parameter.
SEPARATORS: Final = re.compile(r"[\s,]+")


class TooLong(Exception):
    """A text or lexicon over the character cap (413)."""


class BadOption(Exception):
    """An option the library refuses, with the library's message (400)."""


class Wanted(NamedTuple):
    """A request's checked options, the lexicon as TSV text, and whether *to* is chosen
    by the server (the other script than the one read)."""

    options: Options
    auto_target: bool
    lexicon_tsv: str | None


def check_length(what: str, text: str, cap: int) -> None:
    """Raise TooLong if *text* has more than *cap* characters."""
    if len(text) > cap:
        raise TooLong(f"the {what} has {len(text)} characters; at most {cap} are accepted")


def read_options(fields: Mapping[str, object], max_chars: int) -> Wanted:
    """The options in *fields* (JSON values, or lists of strings from a form), checked;
    BadOption with the library's message for one it refuses."""
    try:
        return checked_options(fields, max_chars)
    except (TypeError, ValueError) as error:
        raise BadOption(str(error)) from None


def checked_options(fields: Mapping[str, object], max_chars: int) -> Wanted:
    to = fields.get("to")
    source = fields.get("source")
    apostrophes = fields.get("apostrophes")
    lexicon = fields.get("lexicon")
    if lexicon is not None and not isinstance(lexicon, str):
        raise TypeError(f"lexicon must be the lexicon's rows as TSV text; got {lexicon!r}")
    if lexicon:
        check_length("lexicon", lexicon, max_chars)
    for name in ("conventions", "keep"):  # JSON: a name, a list of them, or null
        if not isinstance(fields.get(name), (str, list, type(None))):
            raise TypeError(f"{name} must be a string or a list of strings; got {fields[name]!r}")
    auto_target = to in AUTO
    options = check_options(
        "latin" if auto_target else to,
        None if source in AUTO else source,
        "modifier" if apostrophes is None else apostrophes,
        None,
        fields.get("conventions") or (),
        fields.get("keep") or (),
    )
    return Wanted(options, auto_target, lexicon or None)


def form_fields(pairs: Iterable[tuple[str, str]]) -> dict[str, object]:
    """Form or query pairs as option fields: conventions and keep may repeat and hold
    several values each (comma or space separated); the others take their last value."""
    fields: dict[str, object] = {}
    lists: dict[str, list[str]] = {"conventions": [], "keep": []}
    for name, value in pairs:
        if name in lists:
            lists[name].extend(part for part in SEPARATORS.split(value) if part)
        else:
            fields[name] = value
    fields.update({name: values for name, values in lists.items() if values})
    return fields


def unknown_fields(given: Iterable[str], known: Iterable[str]) -> str | None:
    """A message naming the fields in *given* that are not *known*, or None."""
    valid = tuple(known)
    unknown = sorted(set(given) - set(valid))
    if not unknown:
        return None
    return f"unknown field {', '.join(map(repr, unknown))}; the fields are {', '.join(valid)}"

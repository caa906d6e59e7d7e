"""The localiser's check: the entries of a file written in the wrong script.

A catalogue declares its language (the .po header's Language, XLIFF's target
language, an ARB's @@locale) or its folder does (uz-Cyrl.lproj, values-b+uz+Cyrl,
locale/uz@cyrillic).  Each entry whose letters are mostly of the other script
is listed with its line: a Cyrillic string left in a Latin catalogue, or an
untranslated English one in a Cyrillic catalogue.  Placeholders, tags and URLs
(what the converter keeps) are not read as letters.  Latin and new Latin count
as one script here.
"""

from __future__ import annotations

from .._detect import detect_script
from .._options import SCRIPTS
from .._spans import skipped_spans
from . import _langtags
from ._base import Entry


def _family(script: str) -> str:
    return "cyrillic" if script == "cyrillic" else "latin"


def check_bytes(
    data: bytes,
    /,
    *,
    format: str | None = None,
    filename: str | None = None,
    expected: str | None = None,
) -> list[Entry]:
    """The entries of the file *data* written in the wrong script, in file order.

    The right script is *expected* if given (one of SCRIPTS), else the one the
    file declares, else the one its *filename*'s folders name, else the script
    of most of its text.  The format is chosen as convert_bytes() chooses it;
    FormatError for a file that cannot be read as its format.
    """
    from . import detect_format, format_module  # noqa: PLC0415 - the package imports this module

    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"check_bytes() argument must be bytes, not {type(data).__name__}")
    if expected is not None and expected not in SCRIPTS:
        raise ValueError(f"expected must be one of {', '.join(SCRIPTS)}; got {expected!r}")
    data = bytes(data)
    name = format if format is not None else detect_format(filename, data[:4096])
    module = format_module(name)
    read_entries = getattr(module, "entries", None)
    if read_entries is None:
        raise ValueError(f"the format {name} has no entries to check")
    entries: list[Entry] = list(read_entries(data))
    declared = expected
    read_declared = getattr(module, "declared_script", None)
    if declared is None and read_declared is not None:
        declared = read_declared(data)
    if declared is None and filename:
        declared = _langtags.declared_in_path(filename)
    if declared is None:
        declared = detect_script("\n".join(entry.text for entry in entries))
    if declared is None:
        return []
    family = _family(declared)
    return [entry for entry in entries if _wrong(entry.text, family)]


def _letters(text: str) -> str:
    """*text* without the spans the converter keeps (placeholders, tags, URLs)."""
    spans = skipped_spans(text)
    if not spans:
        return text
    kept, last = [], 0
    for start, end in spans:
        kept += [text[last:start], " "]
        last = end
    kept.append(text[last:])
    return "".join(kept)


def _wrong(text: str, family: str) -> bool:
    found = detect_script(_letters(text))
    return found is not None and _family(found) != family

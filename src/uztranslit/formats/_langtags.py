"""Uzbek language tags of either script: which script a tag declares, and the
same tag for the other script.

Catalogues declare their language two ways, and both are kept in their own style:

| declared as | script | for Cyrillic | for Latin |
|---|---|---|---|
| `uz`, `uz_UZ` (gettext, glibc) | Latin | `uz@cyrillic`, `uz_UZ@cyrillic` | unchanged |
| `uz_UZ.UTF-8` (glibc, with a character set) | Latin | `uz_UZ.UTF-8@cyrillic` | unchanged |
| `uz@latin`, `uz_UZ@latin` | Latin | `uz@cyrillic`, `uz_UZ@cyrillic` | unchanged |
| `uz@cyrillic`, `uz_UZ@cyrillic` | Cyrillic | unchanged | `uz`, `uz_UZ` |
| `uz_Latn`, `uz_Latn_UZ`, `uz-Latn`, `uz-Latn-UZ` | Latin | `Latn` → `Cyrl` | unchanged |
| `uz_Cyrl`, `uz_Cyrl_UZ`, `uz-Cyrl`, `uz-Cyrl-UZ` | Cyrillic | unchanged | `Cyrl` → `Latn` |
| `uz-UZ` (BCP 47: XLIFF, JSON, XML) | Latin | `uz-Cyrl-UZ` | unchanged |

A bare `uz` becomes `uz@cyrillic` in gettext style (.po), `uz-Cyrl` in BCP 47
style (XLIFF) and `uz_Cyrl` in Flutter's (ARB `@@locale`); `uz_UZ` in Flutter's
style becomes `uz_Cyrl_UZ`.  Latin is written without a mark where the tag had none.
Tags of other languages are left alone.  "new-latin" is a Latin script here.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Literal

from .._patterns import Lazy

# How a tag with no separator to tell (a bare "uz") marks Cyrillic: posix as
# gettext does (uz@cyrillic), bcp47 as XML and the web do (uz-Cyrl), underscore as
# Flutter and Android resources do (uz_Cyrl).
Style = Literal["posix", "bcp47", "underscore"]

_UZBEK: Final = Lazy(
    r"(?i)"  # in any case
    r"(?P<lang>uz)"
    r"(?:(?P<sep1>[-_])(?P<script>[A-Za-z]{4}))?"
    r"(?:(?P<sep2>[-_])(?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?P<codeset>\.[A-Za-z0-9_-]+)?"  # a glibc locale's character set: uz_UZ.UTF-8
    r"(?P<modifier>@[A-Za-z]+)?"
)
# The script subtag (ISO 15924) of each script.
_SUBTAG: Final = MappingProxyType({"cyrillic": "Cyrl", "latin": "Latn"})


def _family(script: str) -> str:
    return "cyrillic" if script == "cyrillic" else "latin"


def declared_script(tag: str) -> str | None:
    """ "cyrillic" or "latin" for an Uzbek *tag* (table above); None for any other."""
    found = _UZBEK().fullmatch(tag.strip())
    if found is None:
        return None
    script = (found["script"] or "").lower()
    modifier = (found["modifier"] or "").lower()
    if script == "cyrl" or modifier == "@cyrillic":
        return "cyrillic"
    return "latin"


def for_script(tag: str, script: str, *, style: Style) -> str:
    """*tag* changed to declare *script* (table above); other languages unchanged.

    *style* says how to mark Cyrillic on a tag that has no separator to tell
    (a bare ``uz``).  Whitespace around the tag is kept.
    """
    stripped = tag.strip()
    found = _UZBEK().fullmatch(stripped)
    if found is None or declared_script(stripped) == _family(script):
        return tag
    target = _family(script)
    lang, region, codeset = found["lang"], found["region"], found["codeset"] or ""
    sep = found["sep1"] or found["sep2"] or ("-" if style == "bcp47" else "_")
    if found["script"]:
        subtag = _SUBTAG[target]
        new = lang + found["sep1"] + (subtag.lower() if found["script"].islower() else subtag)
        new += ((found["sep2"] + region) if region else "") + codeset
        if found["modifier"]:
            new += "@" + target
    elif found["modifier"] or codeset or (style == "posix" and sep == "_"):
        new = lang + (sep + region if region else "") + codeset
        if target == "cyrillic":
            new += "@cyrillic"
    else:
        new = lang + sep + _SUBTAG[target] + (sep + region if region else "")
    start = tag.index(stripped)
    return tag[:start] + new + tag[start + len(stripped) :]


# An Uzbek tag in a file's path: uz-Cyrl.lproj, values-b+uz+Cyrl, values-uz-rUZ,
# locale/uz@cyrillic/LC_MESSAGES, app_uz_Cyrl.arb, messages.uz-Latn.xlf.
_IN_PATH: Final = Lazy(
    r"(?<![A-Za-z])uz(?:[-_+](?P<script>Cyrl|Latn|cyrl|latn)(?![A-Za-z])|@(?P<modifier>cyrillic|latin))?"
    r"(?![A-Za-z])"
)


def declared_in_path(path: str) -> str | None:
    """ "cyrillic" or "latin" from the last Uzbek tag in a file's *path* (the folder
    Android and Apple declare a catalogue's language by); None if it has none."""
    found = list(_IN_PATH().finditer(path))
    if not found:
        return None
    last = found[-1]
    script = (last["script"] or "").lower()
    return "cyrillic" if script == "cyrl" or last["modifier"] == "cyrillic" else "latin"

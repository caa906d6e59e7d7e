"""Uzbek language tags: the script each declares, and the same tag for the other script."""

from __future__ import annotations

import pytest

from uztranslit.formats._langtags import declared_script, for_script

# (tag, its script, the tag for Cyrillic, the tag for Latin), as in _langtags' table.
TAGS = [
    ("uz", "latin", "uz@cyrillic", "uz"),
    ("uz_UZ", "latin", "uz_UZ@cyrillic", "uz_UZ"),
    ("uz@latin", "latin", "uz@cyrillic", "uz@latin"),
    ("uz@cyrillic", "cyrillic", "uz@cyrillic", "uz"),
    ("uz_UZ@cyrillic", "cyrillic", "uz_UZ@cyrillic", "uz_UZ"),
    ("uz_Latn", "latin", "uz_Cyrl", "uz_Latn"),
    ("uz_Cyrl", "cyrillic", "uz_Cyrl", "uz_Latn"),
    ("uz-Latn-UZ", "latin", "uz-Cyrl-UZ", "uz-Latn-UZ"),
    ("uz-Cyrl", "cyrillic", "uz-Cyrl", "uz-Latn"),
    ("uz-UZ", "latin", "uz-Cyrl-UZ", "uz-UZ"),
    # a glibc locale keeps its character set before the modifier, as glibc writes it
    ("uz_UZ.UTF-8", "latin", "uz_UZ.UTF-8@cyrillic", "uz_UZ.UTF-8"),
    ("uz_UZ.utf8@cyrillic", "cyrillic", "uz_UZ.utf8@cyrillic", "uz_UZ.utf8"),
]


@pytest.mark.parametrize(("tag", "script", "cyrillic", "latin"), TAGS)
def test_uzbek_tags_switch_script_in_their_own_style(
    tag: str, script: str, cyrillic: str, latin: str
) -> None:
    assert declared_script(tag) == script
    assert for_script(tag, "cyrillic", style="posix") == cyrillic
    assert for_script(tag, "latin", style="posix") == latin
    assert for_script(tag, "new-latin", style="posix") == latin


def test_a_bare_tag_follows_the_style_and_other_languages_stay() -> None:
    assert for_script("uz", "cyrillic", style="bcp47") == "uz-Cyrl"
    assert for_script("uz", "cyrillic", style="underscore") == "uz_Cyrl"
    assert for_script("uz_UZ", "cyrillic", style="underscore") == "uz_Cyrl_UZ"
    assert for_script(" uz ", "cyrillic", style="posix") == " uz@cyrillic "
    for other in ("ru", "en-US", "uzb", ""):
        assert declared_script(other) is None
        assert for_script(other, "cyrillic", style="bcp47") == other

"""The izofa after a vowel: Cyrillic -и, Latin -yi (docs/rules.md: The izofa after a vowel)."""

from __future__ import annotations

import pytest

from uztranslit import to_cyrillic, to_latin
from uztranslit._cyrillic_to_latin import AYN_STEMS
from uztranslit.review import explain


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("нуқтаи назар", "nuqtayi nazar"),  # the rule's own examples
        ("таржимаи ҳол", "tarjimayi hol"),
        ("қазои қадар", "qazoyi qadar"),  # after о
        ("дунёи дун", "dunyoyi dun"),  # after ё
        ("партияи махсуса", "partiyayi maxsusa"),  # after я
        ("рўи замин", "roʻyi zamin"),  # after ў
        ("Қалъаи Заҳҳок", "Qalʼayi Zahhok"),  # a tutuq earlier in the word
        ("ТАРЖИМАИ ҲОЛ", "TARJIMAYI HOL"),
        ("Ойнаи жаҳон", "Oynayi jahon"),
        ("«Шўрои ислом»", "«Shoʻroyi islom»"),
        ("нуқтаи-назар", "nuqtayi-nazar"),  # a hyphen ends the word
    ],
)
def test_a_final_i_after_a_vowel_is_the_izofa_yi(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("дарди бедаво", "dardi bedavo"),  # after a consonant the izofa is -i
        ("аҳли илм", "ahli ilm"),
        ("манбаи", "manbai"),  # the possessive of манба(ъ), not an izofa
        ("Манбаи", "Manbai"),
        ("матлаи", "matlai"),
        ("мавқеи", "mavqei"),  # after е: an Arabic stem's possessive
        ("мавзуи", "mavzui"),  # after у
        ("Руи Гонсалес", "Rui Gonsales"),  # a name
        ("манбаида", "manbaida"),  # endings follow: no izofa
        ("оиласи", "oilasi"),
        ("ои", "oi"),  # too short to hold a stem and an izofa
        ("мўъи", "moʻi"),  # ъ, not a vowel, before и
        ("яъии", "yaʼii"),  # not after и
    ],
)
def test_other_final_i_stay_i(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_the_fast_paths_can_read_the_ayn_stems() -> None:
    # They compare a word with AYN_STEMS after the ц, сҳ and е passes rewrote it.
    for stem in AYN_STEMS:
        assert not {"е", "ц"} & set(stem)
        assert "сҳ" not in stem
        assert to_latin(stem + "и") == to_latin(stem) + "i"


def test_a_soft_hyphen_inside_the_word_does_not_hide_the_izofa() -> None:
    assert to_latin("зав\u00adжаи муҳтарама") == "zav\u00adjayi muhtarama"


def test_explain_names_the_izofa_rule() -> None:
    last = explain("нуқтаи", to="latin")[-1]
    assert (last.source, last.output) == ("и", "yi")
    assert last.rule.startswith("izofa_rule")


def test_an_izofa_written_with_yi_in_cyrillic_converts_as_written() -> None:
    assert to_latin("аъзойи бадан") == "aʼzoyi badan"
    assert to_cyrillic("aʼzoyi badan") == "аъзойи бадан"

    assert to_cyrillic("nuqtayi nazar") == "нуқтаи назар"

"""Options beyond the letters: conventions, user lexicons, kept spans; pickling."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

import uztranslit
from uztranslit import (
    CONVENTIONS,
    Lexicon,
    LexiconError,
    convert_stream,
    load_lexicon,
    parse_lexicon,
    to_cyrillic,
    to_latin,
    transliterate,
)


class TestConventions:
    @pytest.mark.parametrize(
        ("cyrillic", "latin"),
        [
            ("2025 йил 15 октябрда", "2025-yil 15-oktabrda"),
            ("1995 йилнинг 24 август куни", "1995-yilning 24-avgust kuni"),
            ("1990 йилларда", "1990-yillarda"),
            ("3 та китоб, 5 синф", "3 ta kitob, 5 sinf"),
        ],
    )
    def test_dates(self, cyrillic: str, latin: str) -> None:
        assert to_latin(cyrillic, conventions={"dates"}) == latin
        assert to_cyrillic(latin, conventions={"dates"}) == cyrillic

    def test_dates_off_by_default(self) -> None:
        assert to_latin("2025 йил") == "2025 yil"
        assert to_cyrillic("2025-yil") == "2025-йил"

    @pytest.mark.parametrize(
        ("cyrillic", "latin"),
        [
            ("Бўлсада, келди", "Boʻlsa-da, keldi"),
            ("кечаю кундуз", "kecha-yu kunduz"),
            ("Айтдимку", "Aytdim-ku"),
            ("Қўйсангизчи!", "Qoʻysangiz-chi!"),
            ("чекмасамда", "chekmasam-da"),
            ("БЎЛСАДА", "BOʻLSA-DA"),
            ("саю", "sa-yu"),  # one letter before the vowel is enough
            ("Борганку. Келдику", "Borgan-ku. Keldi-ku"),
        ],
    )
    def test_particles(self, cyrillic: str, latin: str) -> None:
        assert to_latin(cyrillic, conventions={"particles"}) == latin
        assert to_cyrillic(latin, conventions={"particles"}) == cyrillic

    @pytest.mark.parametrize(
        "word",
        [
            "уйда",
            "нарсада",
            "муассасада",
            "ишчи",
            "бу",
            "аю",
            "дику",
            "сада",
            "Одессада",
            "ҳодисаю",
        ],
    )
    def test_particles_leave_suffixes_alone(self, word: str) -> None:
        assert "-" not in to_latin(word, conventions={"particles"})

    def test_quotes(self) -> None:
        assert to_latin("«Заковат» „уйини“", conventions={"quotes"}) == "“Zakovat” “uyini“"
        assert to_cyrillic("“Zakovat”", conventions={"quotes"}) == "«Заковат»"
        assert to_latin("«Заковат»") == "«Zakovat»"

    def test_all_at_once_and_a_single_name(self) -> None:
        text = "«Бўлсада» 2025 йил"
        assert to_latin(text, conventions=CONVENTIONS) == "“Boʻlsa-da” 2025-yil"
        assert to_latin(text, conventions="dates") == "«Boʻlsada» 2025-yil"

    def test_the_official_profile_is_what_the_rules_require(self) -> None:
        text = "«Бўлсада» 2025 йил 7 февралда"
        official = to_latin(text, conventions="official")
        assert official == to_latin(text, conventions={"dates", "particles"})
        assert official == "«Boʻlsa-da» 2025-yil 7-fevralda"  # no rule for quotation marks
        assert to_cyrillic(official, conventions=["official"]) == text
        assert to_latin(text, conventions={"official", "quotes"}).startswith("“Boʻlsa-da”")

    def test_unknown_convention(self) -> None:
        with pytest.raises(
            ValueError, match="must be one of dates, particles, quotes, official; got 'dots'"
        ):
            to_latin("x", conventions={"dots"})
        with pytest.raises(TypeError, match="conventions must be a collection"):
            to_latin("x", conventions=3)  # type: ignore[arg-type]

    def test_stream_does_not_cut_a_date(self) -> None:
        pieces = ["Бу 2025 ", "йил эди\n"]
        expected = to_latin("".join(pieces), conventions={"dates"})
        assert "".join(convert_stream(pieces, conventions={"dates"})) == expected
        assert expected == "Bu 2025-yil edi\n"


class TestUserLexicon:
    def test_entries_add_to_the_shipped_ones(self, tmp_path: Path) -> None:
        path = tmp_path / "words.tsv"
        path.write_text("# my names\nПепси\tpepsi\nPepsi\tpepsico\tto-cyrillic\n", "utf-8")
        lexicon = load_lexicon(path)
        assert to_cyrillic("Pepsi va Pepsining aksiyasi", lexicon=lexicon) == (
            "Пепси ва Пепсининг акцияси"
        )
        # A foreign word (c outside ch, camel case) converts only through an entry.
        assert to_cyrillic("PepsiCo", lexicon=lexicon) == "Pepsi"
        assert to_cyrillic("PepsiCo") == "PepsiCo"

    def test_keep_a_brand_in_latin(self) -> None:
        lexicon = parse_lexicon(["Reuters\treuters\tto-cyrillic"])
        assert to_cyrillic("Reuters xabariga koʻra", lexicon=lexicon) == "Reuters хабарига кўра"
        assert to_cyrillic("Reutersning", lexicon=lexicon) == "Reutersнинг"
        assert to_cyrillic("Reuters xabariga") == "Реутерс хабарига"

    def test_overrides_a_shipped_entry_both_ways(self) -> None:
        lexicon = parse_lexicon(["сентябрь\tsentyabr"])
        assert to_latin("сентябрда", lexicon=lexicon) == "sentyabrda"
        assert to_latin("сентябрда") == "sentabrda"
        assert to_cyrillic("sentyabr", lexicon=lexicon) == "сентябрь"

    def test_wrong_type(self) -> None:
        with pytest.raises(TypeError, match="lexicon must be a Lexicon"):
            to_latin("x", lexicon={"a": "b"})  # type: ignore[arg-type]

    def test_missing_file_and_bad_row(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError):
            load_lexicon(tmp_path / "none.tsv")
        bad = tmp_path / "bad.tsv"
        bad.write_text("ок\tok\tupwards\n", "utf-8")
        with pytest.raises(LexiconError, match=r"bad.tsv:1: direction must be one of"):
            load_lexicon(bad)


class TestKeep:
    def test_kept_words_stay_as_written_with_their_endings_converted(self) -> None:
        text = "Reuters xabariga koʻra Pepsining YouTube'dagi reklamasi"
        assert to_cyrillic(text, keep={"Reuters", "pepsi", "YOUTUBE"}) == (
            "Reuters хабарига кўра Pepsiнинг YouTube'даги рекламаси"
        )
        # Without keep, YouTube'dagi is still kept: a name before an apostrophe and endings.
        assert to_cyrillic(text) == "Реутерс хабарига кўра Пепсининг YouTube'даги рекламаси"

    def test_any_case_is_kept_as_written(self) -> None:
        assert to_cyrillic("PEPSI pepsi Pepsiga", keep="Pepsi") == "PEPSI pepsi Pepsiга"

    def test_only_whole_words_and_stems_with_endings(self) -> None:
        # Pepsikola is no kept word plus endings; Uzbek words around are converted.
        assert to_cyrillic("Pepsikola pepsi", keep=["Pepsi"]) == "Пепсикола pepsi"

    def test_every_entry_point(self) -> None:
        assert transliterate("Pepsi ichimligi", to="cyrillic", keep=["Pepsi"]) == "Pepsi ичимлиги"
        assert (
            "".join(convert_stream(["Pepsi va\n", "Pepsiga\n"], keep=["Pepsi"], to="cyrillic"))
            == "Pepsi ва\nPepsiга\n"
        )
        # Going to Latin there is nothing to keep: Latin text passes through anyway.
        assert transliterate("Пепси Pepsi", to="latin", source="cyrillic", keep=["Pepsi"]) == (
            "Pepsi Pepsi"
        )

    def test_keep_and_a_user_lexicon_together(self) -> None:
        lexicon = parse_lexicon(["Пепси\tpepsi\tto-cyrillic"])
        # keep wins over a lexicon entry for the same word.
        assert to_cyrillic("Pepsi Reuters", lexicon=lexicon, keep=["Pepsi"]) == "Pepsi Реутерс"
        assert to_cyrillic("Pepsi Reuters", lexicon=lexicon) == "Пепси Реутерс"

    @pytest.mark.parametrize("bad", [3, [3], [b"Pepsi"], None])
    def test_wrong_types(self, bad: object) -> None:
        with pytest.raises(TypeError, match="keep"):
            to_cyrillic("x", keep=bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["Coca-Cola", "", "Pepsi Cola", "Pepsi's"])
    def test_words_must_be_letters(self, bad: str) -> None:
        with pytest.raises(ValueError, match="one word of letters only"):
            to_cyrillic("x", keep=[bad])


class TestEndingsAfterAnApostrophe:
    @pytest.mark.parametrize(
        ("latin", "cyrillic"),
        [
            ("Facebook'dagi", "Facebook'даги"),  # foreign: c outside ch
            ("iPhone’ni", "iPhone’ни"),  # camel case; the mark is kept as written
            ("Telegram'ga", "Telegram'га"),  # a capitalised name of four letters or more
            ("Starlink`ka", "Starlink`ка"),
            ("LVMH'dan", "LVMH'дан"),  # in capitals
            ("FACEBOOK'DA", "FACEBOOK'ДА"),  # endings in capitals after a word in capitals
            ("«Facebook'dagi»", "«Facebook'даги»"),
        ],
    )
    def test_a_name_keeps_its_letters(self, latin: str, cyrillic: str) -> None:
        assert to_cyrillic(latin) == cyrillic
        assert to_latin(cyrillic) == latin

    @pytest.mark.parametrize(
        ("latin", "cyrillic"),
        [
            ("jamʼi", "жамъи"),  # an Arabic stem ending in the tutuq, + possessive -i
            ("Jamʼi", "Жамъи"),  # too short to be a name
            ("maʼnoli", "маъноли"),  # -li makes a new word: not an ending
            ("Oʻzbekiston'da", "Ўзбекистонъда"),  # oʻ makes it Uzbek
            ("Telegram'lik", "Телеграмълик"),  # -lik is not an inflection
            ("McDonald's", "McDonald's"),  # -s is no Uzbek ending: foreign, kept whole
        ],
    )
    def test_uzbek_words_do_not_split(self, latin: str, cyrillic: str) -> None:
        assert to_cyrillic(latin) == cyrillic


def _convert_in_worker(text: str) -> str:
    return to_latin(text)


class TestProcesses:
    def test_functions_lexicons_and_errors_pickle(self) -> None:
        for function in (to_latin, to_cyrillic, uztranslit.convert_stream):
            assert pickle.loads(pickle.dumps(function)) is function
        lexicon = pickle.loads(pickle.dumps(parse_lexicon(["мэр\tmer"])))
        assert isinstance(lexicon, Lexicon)
        assert to_cyrillic("mer", lexicon=lexicon) == "мэр"
        error = pickle.loads(pickle.dumps(LexiconError("bad", "f.tsv", 3)))
        assert (str(error), error.line) == ("f.tsv:3: bad", 3)

    def test_multiprocessing_pool(self) -> None:
        lines = ["Ўзбекистон", "Шаҳар", "съезд"] * 20
        context = multiprocessing.get_context("spawn")
        with context.Pool(2) as pool:
            assert pool.map(_convert_in_worker, lines) == [to_latin(line) for line in lines]

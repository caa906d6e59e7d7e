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
        ],
    )
    def test_particles(self, cyrillic: str, latin: str) -> None:
        assert to_latin(cyrillic, conventions={"particles"}) == latin
        assert to_cyrillic(latin, conventions={"particles"}) == cyrillic

    @pytest.mark.parametrize("word", ["уйда", "нарсада", "муассасада", "ишчи", "бу"])
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

    def test_unknown_convention(self) -> None:
        with pytest.raises(ValueError, match="must be one of dates, particles, quotes; got 'dots'"):
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

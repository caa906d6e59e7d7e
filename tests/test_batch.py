"""The batch entry point and the per-row script helpers (_batch, docs/scale.md)."""

from __future__ import annotations

import doctest
import math
import multiprocessing
import pickle
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import uztranslit
import uztranslit._batch
import uztranslit._options
from uztranslit import (
    BatchTransliterator,
    ScriptCounts,
    _rows,
    count_scripts,
    detect_scripts,
    to_cyrillic,
    to_latin,
    transliterate_batch,
)

CYRILLIC = ["Ўзбекистон Республикаси", "Тошкент шаҳри", "Съезд ва концерт", "маъно, октябрь"]
MIXED: list[str | None] = ["Тошкент шаҳри", "Oʻzbekiston", None, "2025 — 3.14", "Şahar öğli"]


def test_docstring_examples() -> None:
    result = doctest.testmod(uztranslit._batch)
    assert result.attempted > 5
    assert result.failed == 0


class TestLists:
    def test_each_text_as_to_latin_converts_it(self) -> None:
        assert BatchTransliterator(to="latin")(CYRILLIC) == [to_latin(text) for text in CYRILLIC]

    def test_none_passes_through_in_its_place(self) -> None:
        assert BatchTransliterator(to="latin")([None, "Шаҳар", None]) == [None, "Shahar", None]

    def test_other_rows_raise_type_error(self) -> None:
        with pytest.raises(TypeError, match="int"):
            BatchTransliterator(to="latin")(["Шаҳар", 3])
        with pytest.raises(TypeError, match="bytes"):
            BatchTransliterator(to="latin")([b"\xd0\xa8"])

    def test_one_str_is_not_a_column(self) -> None:
        with pytest.raises(TypeError, match="not one str"):
            BatchTransliterator(to="latin")("Шаҳар")
        with pytest.raises(TypeError, match="collection"):
            BatchTransliterator(to="latin")(42)

    def test_any_iterable_gives_a_list(self) -> None:
        assert BatchTransliterator(to="latin")(iter(("Шаҳар", None))) == ["Shahar", None]
        assert BatchTransliterator(to="latin")(("Шаҳар",)) == ["Shahar"]

    def test_source_detected_per_row_converts_only_the_rows_that_need_it(self) -> None:
        latin = BatchTransliterator(to="latin")(MIXED)
        assert latin == ["Toshkent shahri", "Oʻzbekiston", None, "2025 — 3.14", "Shahar oʻgʻli"]

    def test_a_fixed_source_converts_every_row_from_it(self) -> None:
        # "Oʻzbekiston" read as Cyrillic has no Cyrillic letters: unchanged; the Cyrillic
        # row converts; the same transliterator never detects.
        latin = BatchTransliterator(to="latin", source="cyrillic")
        assert latin(["Oʻzbekiston", "Тошкент"]) == ["Oʻzbekiston", "Toshkent"]

    def test_the_options_of_transliterate_apply(self) -> None:
        ascii_latin = BatchTransliterator(to="latin", apostrophes="ascii", conventions={"dates"})
        assert ascii_latin(["Ўзбекистон", "2025 йил"]) == ["O'zbekiston", "2025-yil"]
        cyrillic = BatchTransliterator(to="cyrillic", keep={"Google"})
        assert cyrillic(["Google va Toshkent"]) == [
            to_cyrillic("Google va Toshkent", keep={"Google"})
        ]

    def test_bad_options_fail_when_made_naming_the_valid_ones(self) -> None:
        with pytest.raises(ValueError, match="latin, cyrillic, new-latin"):
            BatchTransliterator(to="latn")
        with pytest.raises(ValueError, match="modifier"):
            transliterate_batch([], to="latin", apostrophes="curly")

    def test_options_are_checked_once_per_transliterator_not_per_row(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[object] = []
        real = uztranslit._options.check_options

        def counted(*args: Any) -> Any:
            calls.append(args)
            return real(*args)

        monkeypatch.setattr("uztranslit._transliterator.check_options", counted)
        latin = BatchTransliterator(to="latin", apostrophes="ascii")
        for _ in range(3):
            latin(CYRILLIC * 50)
        assert len(calls) == 1

    def test_transliterate_batch_is_the_same_in_one_call(self) -> None:
        assert transliterate_batch(MIXED, to="cyrillic") == BatchTransliterator(to="cyrillic")(
            MIXED
        )


def _convert_in_worker(args: tuple[BatchTransliterator, list[str | None]]) -> list[str | None]:
    convert, texts = args
    return convert(texts)


class TestPickling:
    def test_pickles_with_its_options(self) -> None:
        made = BatchTransliterator(to="latin", apostrophes="ascii", conventions={"dates"})
        back = pickle.loads(pickle.dumps(made))
        assert back.transliterator.options == made.transliterator.options
        assert back(["Ўзбекистон 2025 йил"]) == ["O'zbekiston 2025-yil"]

    def test_a_used_one_pickles_small_without_its_caches(self) -> None:
        made = BatchTransliterator(to="latin")
        fresh = len(pickle.dumps(made))
        made(CYRILLIC * 100)
        assert len(pickle.dumps(made)) == fresh

    @pytest.mark.parametrize("start", ["spawn", "fork"])
    def test_shipped_to_a_process_pool(self, start: str) -> None:
        if start not in multiprocessing.get_all_start_methods():
            pytest.skip(f"no {start} start method here")
        convert = BatchTransliterator(to="latin", apostrophes="quotes")
        batches: list[list[str | None]] = [[*CYRILLIC, None], ["Ғазна", "тоғ"]]
        context = multiprocessing.get_context(start)
        with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
            done = list(pool.map(_convert_in_worker, [(convert, batch) for batch in batches]))
        assert done == [convert(batch) for batch in batches]
        assert done[1] == ["G\u2018azna", "tog\u2018"]


@pytest.fixture(scope="module")
def pandas() -> Any:
    return pytest.importorskip("pandas", reason="pandas comes with datasets in the test extra")


@pytest.fixture(scope="module")
def pyarrow() -> Any:
    return pytest.importorskip("pyarrow", reason="pyarrow comes with datasets in the test extra")


class TestPandas:
    def test_a_series_comes_back_with_its_index_name_and_dtype(self, pandas: Any) -> None:
        series = pandas.Series(CYRILLIC, index=[10, 11, 12, 13], name="text", dtype="string")
        latin = BatchTransliterator(to="latin")(series)
        assert isinstance(latin, pandas.Series)
        assert latin.tolist() == [to_latin(text) for text in CYRILLIC]
        assert latin.index.tolist() == [10, 11, 12, 13]
        assert latin.name == "text"
        assert latin.dtype == series.dtype

    def test_missing_rows_stay_as_they_were(self, pandas: Any) -> None:
        series = pandas.Series(["Шаҳар", None, math.nan, "Тоғ"], dtype=object)
        latin = BatchTransliterator(to="latin")(series).tolist()
        assert latin[0] == "Shahar"
        assert latin[1] is None
        assert isinstance(latin[2], float)
        assert math.isnan(latin[2])
        assert latin[3] == "Togʻ"
        na = BatchTransliterator(to="latin")(pandas.Series(["Шаҳар", None], dtype="string"))
        assert na[1] is pandas.NA

    def test_a_category_series_gives_object_rows_converted(self, pandas: Any) -> None:
        series = pandas.Series(["Шаҳар", "Шаҳар", "Тоғ"], dtype="category")
        latin = BatchTransliterator(to="latin")(series)
        assert latin.dtype == object
        assert latin.tolist() == ["Shahar", "Shahar", "Togʻ"]

    def test_numbers_raise_type_error(self, pandas: Any) -> None:
        with pytest.raises(TypeError, match="int"):
            BatchTransliterator(to="latin")(pandas.Series([1, 2]))

    def test_scripts_per_row(self, pandas: Any) -> None:
        series = pandas.Series(MIXED, dtype=object)
        assert detect_scripts(series) == ["cyrillic", "latin", None, None, "new-latin"]
        assert count_scripts(series) == ScriptCounts(1, 1, 1, 1, 1)


class TestArrow:
    @pytest.mark.parametrize("kind", ["string", "large_string"])
    def test_an_array_comes_back_of_its_string_type(self, kind: str, pyarrow: Any) -> None:
        array = pyarrow.array([*CYRILLIC, None], type=getattr(pyarrow, kind)())
        latin = BatchTransliterator(to="latin")(array)
        assert isinstance(latin, pyarrow.Array)
        assert latin.type == array.type
        assert latin.to_pylist() == [*(to_latin(text) for text in CYRILLIC), None]

    def test_a_chunked_array_keeps_its_chunks(self, pyarrow: Any) -> None:
        chunked = pyarrow.chunked_array([CYRILLIC[:1], [None, *CYRILLIC[1:]]])
        latin = BatchTransliterator(to="latin")(chunked)
        assert isinstance(latin, pyarrow.ChunkedArray)
        assert [len(chunk) for chunk in latin.chunks] == [1, 4]
        assert latin.to_pylist() == [to_latin(CYRILLIC[0]), None, *map(to_latin, CYRILLIC[1:])]

    def test_a_dictionary_array_gives_plain_strings(self, pyarrow: Any) -> None:
        array = pyarrow.array(["Шаҳар", "Шаҳар", None]).dictionary_encode()
        latin = BatchTransliterator(to="latin")(array)
        assert latin.type == pyarrow.string()
        assert latin.to_pylist() == ["Shahar", "Shahar", None]

    def test_numbers_raise_type_error(self, pyarrow: Any) -> None:
        with pytest.raises(TypeError, match="int"):
            BatchTransliterator(to="latin")(pyarrow.array([1, 2]))

    def test_scripts_per_row(self, pyarrow: Any) -> None:
        chunked = pyarrow.chunked_array([MIXED[:2], MIXED[2:]])
        assert detect_scripts(chunked) == ["cyrillic", "latin", None, None, "new-latin"]
        assert count_scripts(chunked).total == 5


class TestScripts:
    def test_each_row_as_detect_script_sees_it(self) -> None:
        rows = [*CYRILLIC, *(to_latin(text) for text in CYRILLIC)]
        assert detect_scripts(rows) == [uztranslit.detect_script(row) for row in rows]

    def test_counts_add_up_to_the_rows(self) -> None:
        rows: list[str | None] = [*MIXED, *CYRILLIC, ""]
        counts = count_scripts(rows)
        assert counts == ScriptCounts(
            cyrillic=1 + len(CYRILLIC), latin=1, new_latin=1, neither=2, missing=1
        )
        assert counts.total == len(rows)

    @pytest.mark.parametrize("helper", [detect_scripts, count_scripts])
    def test_other_rows_and_one_str_raise_type_error(self, helper: Callable[[Any], object]) -> None:
        with pytest.raises(TypeError, match="float"):
            helper(["Шаҳар", 1.5])
        with pytest.raises(TypeError, match="not one str"):
            helper("Шаҳар")


def test_the_library_imports_neither_pandas_nor_pyarrow() -> None:
    code = (
        "import sys, uztranslit\n"
        "uztranslit.BatchTransliterator(to='latin')(['Шаҳар'])\n"
        "uztranslit.count_scripts(['Шаҳар'])\n"
        "print(sorted({'pandas', 'pyarrow', 'numpy'} & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "[]\n"


# Rows that try to reach into the next one: a tag, comment, field or URL left open, an
# initial before a full stop, a placeholder after a number, format characters, line
# ends, the separators convert_rows itself puts between rows, and text of every script.
ROW_PIECES = [
    *"aoʻgʻ'shyeIV. \n\r\t%5{}<>!-–\u00ad\u200d\x1e\x1f\x1d\x1c",
    *["Тошкент", "шаҳри", "цех", "Съезд", "ЎЗБЕК", "Oʻzbekiston", "sentabrda", "Şahar"],
    *["<b", "<!--", "-->", "http://", "www.", "{name", "%d", "5 %", "I.", "kitob", "BeFit"],
]
# A row often ends with something left open and the next starts by closing it.
ROW = st.tuples(
    st.sampled_from(["", ">", "-->", "}", ". ", "йил", "a", "s"]),
    st.lists(st.sampled_from(ROW_PIECES), max_size=6).map("".join),
    st.sampled_from(["", "<b", "<!--", "{name", "http://x", "I", "2025", "5 ", "Тошкент", "%"]),
).map("".join)
ROWS = st.lists(st.none() | ROW, max_size=12)
OPTIONS: list[dict[str, Any]] = [
    {"to": "latin"},
    {"to": "cyrillic"},
    {"to": "latin", "source": "cyrillic"},
    {"to": "cyrillic", "source": "latin"},
    {"to": "new-latin"},
    {"to": "latin", "conventions": ["particles", "quotes"], "apostrophes": "ascii"},
    {"to": "cyrillic", "conventions": ["particles", "quotes"], "keep": ["kitob"]},
    {"to": "latin", "source": "cyrillic", "conventions": ["dates"]},  # rows one by one
]


class TestRowsTogether:
    """batch() converts the rows one converter takes as one text (_rows)."""

    @settings(max_examples=600, deadline=None)
    @given(ROWS, st.sampled_from(OPTIONS))
    @example(["<b", "shahri>"], {"to": "cyrillic"})  # a tag only if the rows were one line
    @example(["2025", "йил"], {"to": "latin", "conventions": ["dates"]})
    def test_each_row_comes_back_as_it_converts_alone(
        self, rows: list[str | None], options: dict[str, Any]
    ) -> None:
        alone = uztranslit.Transliterator(**options)
        expected = [None if row is None else alone.convert(row) for row in rows]
        assert uztranslit.Transliterator(**options).batch(rows) == expected

    def test_long_columns_go_in_groups(self) -> None:
        rows = [f"{i} Тошкент шаҳри <b>" for i in range(30_000)]  # about 600 K characters
        converted = BatchTransliterator(to="latin")(rows)
        assert converted == [f"{i} Toshkent shahri <b>" for i in range(30_000)]
        assert len(list(_rows.groups(rows))) == 3

    def test_rows_holding_every_separator_go_one_by_one(self) -> None:
        rows = ["Тошкент \x1e\x1f\x1d\x1c", "шаҳри"]
        assert _rows.joined_and_split(rows, _rows_converter()) == [
            "Toshkent \x1e\x1f\x1d\x1c",
            "shahri",
        ]


def _rows_converter() -> Any:
    return uztranslit.Transliterator(to="latin", source="cyrillic")._converter_for("")

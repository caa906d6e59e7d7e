"""Whole columns at once, for engines: lists, pandas Series, Arrow arrays; scripts per row.

Engines (Hugging Face ``datasets``, Spark's ``pandas_udf``, ``multiprocessing``)
hand over a batch of rows.  BatchTransliterator checks its options once, converts
a batch in one call and gives back the same kind of column; it pickles with its
options, so it can be shipped to worker processes.  detect_scripts() and
count_scripts() tell the script of each row, so a pipeline can route rows.

pandas and pyarrow are never imported here: a column is taken to be theirs only
when that library is already loaded (``sys.modules``) and the column is one of its
types, since a Series or an Arrow array cannot exist without its library.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, TypeVar, overload

from ._detect import detect_script
from ._lexicon import Lexicon
from ._options import Script
from ._transliterator import Transliterator

ColumnT = TypeVar("ColumnT")


def _loaded(module: str) -> Any:
    """The module if something has imported it already, else None."""
    return sys.modules.get(module)


def _is_series(texts: object) -> bool:
    pandas = _loaded("pandas")
    return pandas is not None and isinstance(texts, pandas.Series)


def _is_arrow_array(texts: object) -> bool:
    pyarrow = _loaded("pyarrow")
    return pyarrow is not None and isinstance(texts, pyarrow.Array)


def _is_chunked_array(texts: object) -> bool:
    pyarrow = _loaded("pyarrow")
    return pyarrow is not None and isinstance(texts, pyarrow.ChunkedArray)


def _series_texts(series: Any) -> tuple[list[object], list[bool]]:
    """A Series' values with each missing one (None, NaN, pd.NA) as None, and where they were."""
    missing: list[bool] = series.isna().tolist()
    values: list[object] = series.tolist()
    if any(missing):
        values = [None if gone else value for value, gone in zip(values, missing, strict=True)]
    return values, missing


def python_texts(texts: object, function: str) -> list[object]:
    """The rows of a column as Python objects: str, None for a missing row, or anything
    else the column holds (which the caller rejects).  A lone str is not a column."""
    if isinstance(texts, str):
        raise TypeError(f"{function}() takes a collection of texts, not one str")
    if _is_series(texts):
        return _series_texts(texts)[0]
    if _is_arrow_array(texts) or _is_chunked_array(texts):
        values: list[object] = texts.to_pylist()  # type: ignore[attr-defined]
        return values
    if isinstance(texts, list):
        return texts
    if isinstance(texts, Iterable):
        return list(texts)
    raise TypeError(f"{function}() takes a collection of texts, not {type(texts).__name__}")


class BatchTransliterator:
    """Convert whole columns of texts with fixed options, checked once.

    The options are those of transliterate().  Called on

    - a list, tuple or other iterable of str and None: gives a list;
    - a pandas Series: gives a Series with the same index, name and dtype (object,
      or a string dtype; any other dtype gives object); missing rows (None, NaN,
      pd.NA) stay as they were;
    - a pyarrow Array or ChunkedArray: gives the same kind, chunk by chunk, of the
      same string type (string or large_string; otherwise string); nulls stay null.

    None passes through as None; any other row that is not a str raises TypeError.
    With *source* None the script of each row is detected (rows with no Uzbek
    letters, or already in the target script, come back unchanged).

    >>> latin = BatchTransliterator(to="latin")
    >>> latin(["Тошкент", None, "Oʻzbekiston", "2025"])
    ['Toshkent', None, 'Oʻzbekiston', '2025']
    >>> import pickle
    >>> pickle.loads(pickle.dumps(latin))(["Шаҳар"])
    ['Shahar']
    """

    __slots__ = ("transliterator",)

    def __init__(
        self,
        *,
        to: str,
        source: str | None = None,
        apostrophes: str = "modifier",
        lexicon: Lexicon | None = None,
        conventions: Iterable[str] = (),
        keep: Iterable[str] = (),
    ) -> None:
        self.transliterator = Transliterator(
            to=to,
            source=source,
            apostrophes=apostrophes,
            lexicon=lexicon,
            conventions=conventions,
            keep=keep,
        )

    def __repr__(self) -> str:
        return (
            f"BatchTransliterator(to={self.transliterator.target!r},"
            f" source={self.transliterator.source!r})"
        )

    # A list or tuple gives a list; so does an iterator.  Anything else is a column of
    # pandas or Arrow (they are iterable, but not Sequences), given back as the same kind.
    @overload
    def __call__(self, texts: list[str] | tuple[str, ...], /) -> list[str]: ...
    @overload
    def __call__(
        self, texts: list[str | None] | tuple[str | None, ...] | Iterator[str | None], /
    ) -> list[str | None]: ...
    @overload
    def __call__(self, texts: ColumnT, /) -> ColumnT: ...

    def __call__(self, texts: object, /) -> object:
        """*texts* converted, as the same kind of column (see the class)."""
        if _is_series(texts):
            return self._series(texts)
        if _is_chunked_array(texts):
            pyarrow = _loaded("pyarrow")
            chunks = [self._arrow(chunk) for chunk in texts.chunks]  # type: ignore[attr-defined]
            return pyarrow.chunked_array(chunks, type=_arrow_text_type(texts))
        if _is_arrow_array(texts):
            return self._arrow(texts)
        return self.transliterator.batch(python_texts(texts, "BatchTransliterator"))  # type: ignore[arg-type]

    def _series(self, series: Any) -> Any:
        pandas = _loaded("pandas")
        values, missing = _series_texts(series)
        converted: list[object] = list(self.transliterator.batch(values))  # type: ignore[arg-type]
        if any(missing):
            # Put back each missing row as it was (NaN stays NaN, pd.NA stays pd.NA).
            originals = series.tolist()
            rows = zip(originals, converted, missing, strict=True)
            converted = [old if gone else new for old, new, gone in rows]
        return pandas.Series(
            converted, index=series.index, name=series.name, dtype=_series_text_dtype(series)
        )

    def _arrow(self, array: Any) -> Any:
        pyarrow = _loaded("pyarrow")
        converted = self.transliterator.batch(array.to_pylist())
        return pyarrow.array(converted, type=_arrow_text_type(array))


def _series_text_dtype(series: Any) -> Any:
    """The dtype of the converted Series: the input's if it holds text, else object."""
    pandas = _loaded("pandas")
    text_dtypes = tuple(
        kind for kind in (pandas.StringDtype, getattr(pandas, "ArrowDtype", None)) if kind
    )
    if series.dtype == object or isinstance(series.dtype, text_dtypes):
        return series.dtype
    return object


def _arrow_text_type(array: Any) -> Any:
    """The Arrow type of the converted array: the input's if a string type, else string."""
    pyarrow = _loaded("pyarrow")
    if pyarrow.types.is_string(array.type) or pyarrow.types.is_large_string(array.type):
        return array.type
    return pyarrow.string()


def transliterate_batch(
    texts: Any,
    /,
    *,
    to: str,
    source: str | None = None,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> Any:
    """*texts* (a list, pandas Series or Arrow array) converted, as BatchTransliterator does.

    The options are checked once for the whole column.  To convert many batches,
    make one BatchTransliterator and call it on each.

    >>> transliterate_batch(["Шаҳар", None], to="latin")
    ['Shahar', None]
    """
    convert = BatchTransliterator(
        to=to,
        source=source,
        apostrophes=apostrophes,
        lexicon=lexicon,
        conventions=conventions,
        keep=keep,
    )
    return convert(texts)


def detect_scripts(texts: object, /) -> list[Script | None]:
    """The script of each row, as detect_script() tells it; None for a missing row too.

    *texts* is a list (or other iterable) of str and None, a pandas Series or an
    Arrow array; any other row raises TypeError.

    >>> detect_scripts(["Тошкент", "Toshkent", "Öqituvçi", "2025", None])
    ['cyrillic', 'latin', 'new-latin', None, None]
    """
    return [_row_script(row) for row in python_texts(texts, "detect_scripts")]


def _row_script(row: object) -> Script | None:
    if row is None:
        return None
    if not isinstance(row, str):
        raise TypeError(f"detect_scripts() rows must be str or None, not {type(row).__name__}")
    return detect_script(row)


class ScriptCounts(NamedTuple):
    """How many rows are in each script (count_scripts)."""

    cyrillic: int
    latin: int
    new_latin: int
    neither: int  # no Uzbek letters, or as many of two scripts
    missing: int  # None (or NaN, pd.NA, null)

    @property
    def total(self) -> int:
        return sum(self)


def count_scripts(texts: object, /) -> ScriptCounts:
    """How many rows of *texts* are Cyrillic, Latin, new Latin, neither, or missing.

    >>> count_scripts(["Тошкент", "Самарқанд", "Toshkent", "2025", None])
    ScriptCounts(cyrillic=2, latin=1, new_latin=0, neither=1, missing=1)
    """
    rows = python_texts(texts, "count_scripts")
    scripts = [_row_script(row) for row in rows]
    missing = sum(row is None for row in rows)
    return ScriptCounts(
        cyrillic=scripts.count("cyrillic"),
        latin=scripts.count("latin"),
        new_latin=scripts.count("new-latin"),
        neither=scripts.count(None) - missing,
        missing=missing,
    )

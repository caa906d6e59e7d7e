"""Add a Latin column to a Hugging Face dataset, on all cores (run by tests/test_recipes.py).

    python hf_datasets.py corpus.parquet latin.parquet --column text --num-proc 2

The input is a Parquet file with a text column in Cyrillic, Latin, or both mixed
(a web corpus split by script, or not).  Each row's script is detected, only the
Cyrillic and 2026-Latin rows are converted, and two columns are added:
``script`` (cyrillic, latin, new-latin, or None) and ``<column>_latin``.
Nothing is downloaded: the dataset is built from the local file.
"""

from __future__ import annotations

import argparse

from datasets import Dataset

import uztranslit

# One converter per script that needs converting, options checked once; they pickle
# with their options, so datasets ships them to its worker processes.
TO_LATIN = {
    "cyrillic": uztranslit.BatchTransliterator(to="latin", source="cyrillic"),
    "new-latin": uztranslit.BatchTransliterator(to="latin", source="new-latin"),
}


def add_latin(batch: dict[str, list[str | None]], column: str) -> dict[str, list[str | None]]:
    """The script of each row, and the row in Latin: converted only where it needs it."""
    texts = batch[column]
    scripts = uztranslit.detect_scripts(texts)
    latin = list(texts)
    for script, convert in TO_LATIN.items():
        rows = [row for row, found in enumerate(scripts) if found == script]
        for row, text in zip(rows, convert([texts[row] for row in rows]), strict=True):
            latin[row] = text
    return {"script": list(scripts), f"{column}_latin": latin}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a Parquet file with a text column")
    parser.add_argument("target", help="the Parquet file to write")
    parser.add_argument("--column", default="text", help="the text column (default: text)")
    parser.add_argument("--num-proc", type=int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--batch-size", type=int, default=1000, help="rows per batch")
    args = parser.parse_args(argv)

    dataset = Dataset.from_parquet(args.source)
    print(uztranslit.count_scripts(dataset.data.column(args.column)))
    latin = dataset.map(
        add_latin,
        fn_kwargs={"column": args.column},
        batched=True,
        batch_size=args.batch_size,
        num_proc=args.num_proc,
    )
    latin.to_parquet(args.target)


if __name__ == "__main__":
    main()

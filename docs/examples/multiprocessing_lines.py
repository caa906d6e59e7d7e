"""Convert a large text file on all cores, in order, in batches of lines
(run by tests/test_recipes.py).

    python multiprocessing_lines.py corpus.txt latin.txt --workers 2 --batch-lines 2000

Only the standard library: a Pool of processes, each sent batches of lines and the
converter (pickled with its options); imap gives the batches back in order while
the next ones are converted, so memory stays at a few batches per worker.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Iterator
from multiprocessing import Pool
from typing import TextIO

import uztranslit

TO_LATIN = uztranslit.BatchTransliterator(to="latin", source="cyrillic")


def batches(lines: TextIO, size: int) -> Iterator[list[str]]:
    """The lines of a file, *size* at a time."""
    while batch := list(itertools.islice(lines, size)):
        yield batch


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a UTF-8 text file in Cyrillic")
    parser.add_argument("target", help="the file to write in Latin")
    parser.add_argument("--workers", type=int, default=None, help="default: all cores")
    parser.add_argument("--batch-lines", type=int, default=2000, help="lines per batch")
    args = parser.parse_args(argv)

    with (
        open(args.source, encoding="utf-8", newline="") as lines,
        open(args.target, "w", encoding="utf-8", newline="") as out,
        Pool(args.workers) as pool,
    ):
        for converted in pool.imap(TO_LATIN, batches(lines, args.batch_lines)):
            out.writelines(converted)


if __name__ == "__main__":
    main()

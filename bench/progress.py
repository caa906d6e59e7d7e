"""What the command line's progress line costs: the same file with --progress and without.

    python bench/progress.py CYRILLIC_FILE [--mb 20] [--runs 5]

The file's text is repeated to about --mb megabytes, then `python -m uztranslit -t latin
FILE -o OUT` runs in a fresh process with --progress and with --no-progress, in turns,
--runs times each.  Reported: the median CPU time of the child (user + system) and MB/s,
and the ratio of the two medians; with the progress line drawn at most four times a
second and counted per 64 KiB block, the ratio should be 1 within noise.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

MB = 1_000_000


def child_seconds(argv: list[str]) -> float:
    """CPU seconds (user + system) of one run of *argv* in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", type=Path, help="a Cyrillic text file (e.g. the corpus)")
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    unit = args.text.read_text(encoding="utf-8")
    text = unit * max(1, int(args.mb * MB / len(unit.encode())))
    size = len(text.encode())
    times: dict[str, list[float]] = {"--progress": [], "--no-progress": []}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.txt"
        source.write_text(text, encoding="utf-8")
        output = Path(folder) / "out.txt"
        for _ in range(args.runs):
            for flag, seconds in times.items():
                command = [sys.executable, "-m", "uztranslit", "-t", "latin", flag]
                seconds.append(child_seconds([*command, str(source), "-o", str(output)]))
    print(
        f"<!-- {datetime.datetime.now():%Y-%m-%d %H:%M}; Python {platform.python_version()}; "
        f"{platform.machine()}, {os.cpu_count()} cores -->\n"
    )
    print(f"{size / MB:.1f} MB, {args.runs} runs each, in turns\n")
    print("| option | CPU s (median, range) | MB/s |\n|---|---|---|")
    medians = {}
    for flag, seconds in times.items():
        medians[flag] = statistics.median(seconds)
        print(
            f"| {flag} | {medians[flag]:.2f} ({min(seconds):.2f}–{max(seconds):.2f}) "
            f"| {size / MB / medians[flag]:.1f} |"
        )
    print(f"\nwith ÷ without: {medians['--progress'] / medians['--no-progress']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

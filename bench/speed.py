"""Speed of uztranslit beside a str.translate baseline and the installed peers, in one run.

    python bench/speed.py [CORPUS_FILE ...] [--mb 8] [--runs 5] [--scale] [--cli-mb 200]

Input is real text: the seed article and any Cyrillic corpus files given (their Latin
counterparts are made by uztranslit itself), repeated to about --mb megabytes of UTF-8.
Every figure is MB/s of input UTF-8 bytes, the median of --runs runs, and its ratio to
the baseline measured in the same run: a one-to-one str.translate over the same
Cyrillic text (which gets the hard cases wrong; it is the speed of a naive swap).
Peers run line by line, as their documentation shows, on a slice of the input.

--scale reports the cost per byte at 1, 10 and 50 MB (it should stay flat), and
--instructions the same as instruction counts from valgrind (exact, but slow);
--cli-mb N measures the command line's peak memory (RSS) converting an N MB file,
with newlines and as one line without any; --importtime reports
`python -X importtime -c "import uztranslit"`.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from peers import installed_peers

import uztranslit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cef08cc270b87343.txt"
MB = 1_000_000

NAIVE: dict[int, str] = {
    ord(cyrillic): latin
    for cyrillic, latin in zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ",
        [
            *"abvgde",
            "yo",
            *"jziyklmnoprstufx",
            "s",
            "ch",
            "sh",
            "sh",
            "ʼ",
            "i",
            "",
            "e",
            "yu",
            "ya",
            "oʻ",
            "q",
            "gʻ",
            "h",
        ],
        strict=True,
    )
}
NAIVE.update({ord(chr(key).upper()): value.capitalize() for key, value in list(NAIVE.items())})


def baseline(text: str) -> str:
    return text.translate(NAIVE)


def build_text(corpora: list[Path], size: int) -> str:
    parts = [SEED.read_text(encoding="utf-8")]
    parts += [path.read_text(encoding="utf-8") for path in corpora]
    unit = "\n".join(parts)
    copies = max(1, size // len(unit.encode("utf-8")) + 1)
    text = unit * copies
    return text[: len(text) * size // len(text.encode("utf-8"))]


def timings(function: Callable[[str], str], text: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return times


def median_seconds(function: Callable[[str], str], text: str, runs: int) -> float:
    return statistics.median(timings(function, text, runs))


def best_seconds(function: Callable[[str], str], text: str, runs: int) -> float:
    return min(timings(function, text, runs))


def by_lines(function: Callable[[str], str]) -> Callable[[str], str]:
    def convert(text: str) -> str:
        return "\n".join(function(line) for line in text.split("\n"))

    return convert


def row(name: str, seconds: float, nbytes: int, base: float) -> str:
    rate = nbytes / seconds / MB
    return f"| {name} | {rate:.2f} | {rate / base:.3f} |"


def speed_table(cyrillic: str, latin: str, runs: int, peer_mb: float) -> None:
    nbytes = len(cyrillic.encode("utf-8"))
    latin_bytes = len(latin.encode("utf-8"))
    base = nbytes / median_seconds(baseline, cyrillic, runs) / MB
    uztranslit.to_latin(cyrillic[:100_000])  # load the lexicon before timing
    uztranslit.to_cyrillic(latin[:100_000])
    print(
        f"input: {nbytes / MB:.1f} MB Cyrillic, {latin_bytes / MB:.1f} MB Latin; "
        f"median of {runs} runs\n"
    )
    print("| tool | MB/s | × baseline |\n|---|---|---|")
    print(f"| str.translate baseline (Cyrillic → Latin, naive) | {base:.2f} | 1.000 |")
    seconds = median_seconds(uztranslit.to_latin, cyrillic, runs)
    print(row("uztranslit to_latin", seconds, nbytes, base))
    seconds = median_seconds(uztranslit.to_cyrillic, latin, runs)
    print(row("uztranslit to_cyrillic", seconds, latin_bytes, base))
    streamed = by_lines(uztranslit.to_latin)
    print(
        row(
            "uztranslit to_latin, line by line",
            median_seconds(streamed, cyrillic, runs),
            nbytes,
            base,
        )
    )
    peers, missing = installed_peers()
    cut = int(len(cyrillic) * peer_mb * MB / nbytes)
    sample, latin_sample = cyrillic[:cut], uztranslit.to_latin(cyrillic[:cut])
    sample_bytes, latin_sample_bytes = len(sample.encode("utf-8")), len(latin_sample.encode())
    for tool in peers:
        for direction, convert, text, size in (
            ("to Latin", tool.to_latin, sample, sample_bytes),
            ("to Cyrillic", tool.to_cyrillic, latin_sample, latin_sample_bytes),
        ):
            if convert is not None:
                seconds = median_seconds(by_lines(convert), text, 1)
                print(row(f"{tool.name} {tool.version} {direction}", seconds, size, base))
    for note in missing:
        print(f"\n({note})")


def scale_table(corpora: list[Path], runs: int, rounds: int = 3) -> None:
    """Cost per byte of the same 1 MB of text repeated to 1, 10 and 50 MB.

    Repeating one text keeps the vocabulary the same, so the figures show how the
    work grows with the size alone (it should not: no quadratic paths).  Each size
    runs in a fresh process, after a warm-up, and each timing converts 50 MB (50 calls
    on 1 MB, 5 on 10 MB, one on 50 MB); the sizes take turns for *rounds* rounds and
    each figure is the fastest seen, because this machine's speed drifts by a third
    from minute to minute.
    """
    best: dict[int, list[float]] = {}
    for _ in range(rounds):
        for size in (1, 10, 50):
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--scale-one",
                    str(size),
                    "--runs",
                    str(runs),
                    *map(str, corpora),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = [float(figure) for figure in done.stdout.split()]
            best[size] = [min(pair) for pair in zip(best.get(size, figures), figures, strict=True)]
    print("\n| input (1 MB repeated) | to_latin ns/byte | to_cyrillic ns/byte |\n|---|---|---|")
    for size, (forward, backward) in best.items():
        print(f"| {size} MB | {forward:.1f} | {backward:.1f} |")


def scale_one(corpora: list[Path], size: int, runs: int) -> None:
    """One size of the scale table: each timing converts 50 MB, in 50 / *size* calls.

    So that each size's timings last as long, and a fast or slow moment of the
    machine weighs on all of them alike.
    """
    unit = build_text(corpora, MB)
    latin_unit = uztranslit.to_latin(unit)
    uztranslit.to_cyrillic(latin_unit)
    cyrillic, latin = unit * size, latin_unit * size
    calls = 50 // size

    def repeated(function: Callable[[str], str]) -> Callable[[str], str]:
        def convert(text: str) -> str:
            for _ in range(calls):
                result = function(text)
            return result

        return convert

    forward = best_seconds(repeated(uztranslit.to_latin), cyrillic, runs) / calls
    backward = best_seconds(repeated(uztranslit.to_cyrillic), latin, runs) / calls
    print(forward * 1e9 / len(cyrillic.encode()), backward * 1e9 / len(latin.encode()))


def instructions_table(corpora: list[Path]) -> None:
    """Instructions per byte at 1, 10 and 50 MB, counted by valgrind's callgrind.

    Unlike seconds, instruction counts do not depend on what else the machine does,
    so they show whether the work per byte grows with the size.  Each count is that
    of converting the size minus that of a run converting nothing (start-up,
    lexicon, warm-up).  Slow: about ten minutes.
    """

    def count(size: int, direction: str) -> int:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--count-one",
                str(size),
                "--direction",
                direction,
                *map(str, corpora),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(done.stderr.split("Collected :")[1].split()[0])

    unit = build_text(corpora, MB)
    unit_bytes = {"latin": len(unit.encode()), "cyrillic": len(uztranslit.to_latin(unit).encode())}
    base = count(0, "latin")  # converting nothing is the same work either way
    print(
        "\n| input (1 MB repeated) | to_latin instructions/byte | to_cyrillic instructions/byte |"
    )
    print("|---|---|---|")
    for size in (1, 10, 50):
        figures = [
            (count(size, direction) - base) / (unit_bytes[direction] * size)
            for direction in ("latin", "cyrillic")
        ]
        print(f"| {size} MB | {figures[0]:.1f} | {figures[1]:.1f} |")


def count_one(corpora: list[Path], size: int, direction: str) -> None:
    """The work counted by instructions_table: warm up, then convert *size* MB once."""
    unit = build_text(corpora, MB)
    latin_unit = uztranslit.to_latin(unit)
    uztranslit.to_cyrillic(latin_unit)
    if size and direction == "latin":
        uztranslit.to_latin(unit * size)
    elif size:
        uztranslit.to_cyrillic(latin_unit * size)


def cli_memory(text: str, size_mb: int) -> None:
    print("\n| command line input | peak RSS (MB) | seconds |\n|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, content in (("lines", text), ("one line", text.replace("\n", " "))):
            path = Path(folder) / "input.txt"
            data = content.encode("utf-8")
            with path.open("wb") as out:
                written = 0
                while written < size_mb * MB:
                    out.write(data)
                    written += len(data)
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", _MEASURE, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            elapsed = time.perf_counter() - start
            print(
                f"| {written / MB:.0f} MB, {name} | {int(done.stdout) / 1024:.1f} | {elapsed:.1f} |"
            )


_MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "rb") as source:
    subprocess.run([sys.executable, "-m", "uztranslit", "-t", "latin"], stdin=source,
                   stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def import_time() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import uztranslit"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in done.stderr.splitlines() if "import time:" in line]
    total = next(line for line in reversed(lines) if line.rstrip().endswith("uztranslit"))
    print(f"\nimport time (python -X importtime -c 'import uztranslit'):\n{total}")
    regex_line = next((line for line in lines if line.rstrip().endswith("| regex")), None)
    if regex_line:
        print(regex_line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="Cyrillic corpus files")
    parser.add_argument("--mb", type=float, default=8.0, help="input size in MB (default 8)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peer-mb", type=float, default=0.5, help="peers' input in MB")
    parser.add_argument("--scale", action="store_true", help="per-byte cost at 1, 10, 50 MB")
    parser.add_argument("--cli-mb", type=int, default=0, help="CLI peak memory on N MB")
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="instructions per byte at 1, 10, 50 MB with valgrind (slow, but exact)",
    )
    parser.add_argument("--scale-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--count-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--direction", default="latin", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale_one:
        scale_one(args.corpora, args.scale_one, args.runs)
        return 0
    if args.count_one is not None:
        count_one(args.corpora, args.count_one, args.direction)
        return 0
    print(
        f"<!-- {datetime.date.today()}; {platform.python_implementation()} "
        f"{platform.python_version()}; {platform.machine()}, {os.cpu_count()} cores; "
        f"uztranslit {uztranslit.__version__} -->\n"
    )
    cyrillic = build_text(args.corpora, int(args.mb * MB))
    speed_table(cyrillic, uztranslit.to_latin(cyrillic), args.runs, args.peer_mb)
    if args.scale:
        scale_table(args.corpora, args.runs)
    if args.instructions:
        instructions_table(args.corpora)
    if args.cli_mb:
        cli_memory(build_text(args.corpora, 2 * MB), args.cli_mb)
    if args.importtime:
        import_time()
    return 0


if __name__ == "__main__":
    sys.exit(main())

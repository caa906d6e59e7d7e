"""Speed of uztranslit on text it has not seen, beside a str.translate baseline and peers.

    python bench/speed.py DATA_DIR [--runs 5] [--synthetic-mb 4] [--peer-mb 0.3]
        [--instructions] [--sizes 1 10 100] [--cli-mb 50] [--junk 1000000]
        [--growth 1 10 100] [--startup]

DATA_DIR holds the evaluation corpus (NAME.cyr.txt / NAME.lat.txt pairs, read in place,
never copied). Every case runs in a fresh process, --runs times. Each process times a
naive one-to-one str.translate of Cyrillic to Latin (the baseline: it gets the hard
cases wrong; it is the speed of a plain swap) over the Cyrillic text of the case, then
the case's first pass (cold: nothing converted yet in the process, the lexicon already
loaded) and a later pass over the same text (warm). Figures are ratios of input bytes
per second to the baseline's bytes per second in the same process: medians over the
runs, with the lowest and highest; the baseline is timed before and after the case
(baseline_times). Times are the process's CPU time
(time.process_time), which another program on the machine slows less than the clock.

The cases: the corpus (real text that does not repeat itself); synthetic words drawn
from the corpus's letter pairs, every one new; the corpus one word per line through
the command line; normal text after --junk distinct junk tokens in the same process
(against a fresh process's warm speed); the corpus with its script left to detection,
whole and cut into sentences as a column's rows (Transliterator.batch); a sweep of
shapes and options (cost per byte
against the corpus's); peers on a slice of the corpus, line by line. --instructions
counts instructions with valgrind for --sizes MB of the corpus repeated (growth);
--cli-mb measures the command line's peak memory; --growth times every shape repeated to
the given sizes in CPU nanoseconds per byte; --startup counts the command line's
start-up and its whole run on the one-word-per-line files. Prints Markdown.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from peers import installed_peers

import uztranslit

MB = 1_000_000
Spec = dict[str, Any]  # what one measuring process is told, as JSON
HERE = Path(__file__).resolve()

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


def cpu_seconds(function: Callable[[str], object], text: str) -> float:
    start = time.process_time()
    function(text)
    return time.process_time() - start


def baseline_times(cyrillic: str, runs: int = 3) -> list[float]:
    """CPU seconds of *runs* baselines over *cyrillic*.  Each case takes them before and
    after it is timed and divides by the median of both, so that a slow spell of the
    shared machine that spans the case slows its baseline too."""
    return [cpu_seconds(baseline, cyrillic) for _ in range(runs)]


# ---------------------------------------------------------------- one process, one case


def options_for(case: Spec, lexicon_path: str | None) -> Spec:
    options = dict(case.get("options", {}))
    options.setdefault("source", "latin" if case["to"] == "cyrillic" else "cyrillic")
    if options.pop("user_lexicon", False) and lexicon_path:
        options["lexicon"] = uztranslit.load_lexicon(lexicon_path)
    return options


def converter(case: Spec, lexicon_path: str | None) -> Callable[[str], str]:
    options = options_for(case, lexicon_path)
    to = str(case["to"])
    if case.get("lines"):

        def by_lines(text: str) -> str:
            return "".join(
                uztranslit.transliterate(line, to=to, **options)
                for line in text.splitlines(keepends=True)
            )

        return by_lines

    def whole(text: str) -> str:
        return uztranslit.transliterate(text, to=to, **options)

    return whole


# Where a sentence ends: the rows of a column of sentences (a case with "rows").
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def as_rows(case: Spec, source: str) -> Callable[[str], object]:
    """The case's text cut into sentences before the clock starts, converted as a
    column's rows by Transliterator.batch (the script detected for each, unless given)."""
    rows = [row for row in SENTENCE_END.split(source) if row]
    batch = uztranslit.Transliterator(to=str(case["to"]), **options_for(case, None)).batch

    def convert(_text: str) -> object:
        return batch(rows)

    return convert


def run_case(spec: Spec) -> dict[str, float]:
    """In this fresh process: the baseline, then the case cold and warm."""
    source = Path(str(spec["input"])).read_text(encoding="utf-8")
    cyrillic = Path(str(spec["cyrillic"])).read_text(encoding="utf-8")
    before = baseline_times(cyrillic)
    start = time.process_time()
    uztranslit.to_latin("а")  # the lexicon and converters, reported on their own
    uztranslit.to_cyrillic("a")
    load = time.process_time() - start
    convert: Callable[[str], object] = converter(spec, spec.get("lexicon"))
    if spec.get("rows"):
        convert = as_rows(spec, source)
    if spec.get("junk"):
        junk = Path(str(spec["junk"])).read_text(encoding="utf-8")
        uztranslit.to_latin(junk)
        uztranslit.to_cyrillic(junk)
    nbytes = len(source.encode())
    cold = cpu_seconds(convert, source)
    warm = min(cpu_seconds(convert, source) for _ in range(2))
    base_rate = len(cyrillic.encode()) / statistics.median(before + baseline_times(cyrillic))
    return {
        "cold": nbytes / cold / base_rate,
        "warm": nbytes / warm / base_rate,
        "base_mb_s": base_rate / MB,
        "load_ms": load * 1000,
        "ns_per_byte_cold": cold / nbytes * 1e9,
    }


def run_peer(spec: Spec) -> dict[str, float]:
    """In this fresh process: a peer, line by line, cold, against the baseline."""
    source = Path(str(spec["input"])).read_text(encoding="utf-8")
    cyrillic = Path(str(spec["cyrillic"])).read_text(encoding="utf-8")
    before = baseline_times(cyrillic)
    tools, _missing = installed_peers()
    tool = next(tool for tool in tools if tool.name == spec["peer"])
    function = tool.to_latin if spec["to"] == "latin" else tool.to_cyrillic
    assert function is not None
    function("салом" if spec["to"] == "latin" else "salom")  # load its tables

    def by_lines(text: str) -> str:
        return "".join(function(line) for line in text.splitlines(keepends=True))

    seconds = cpu_seconds(by_lines, source)
    base_rate = len(cyrillic.encode()) / statistics.median(before + baseline_times(cyrillic))
    return {"cold": len(source.encode()) / seconds / base_rate}


def run_cli(spec: Spec) -> dict[str, float]:
    """The command line on a file of one word per line, against the baseline."""
    cyrillic = Path(str(spec["cyrillic"])).read_text(encoding="utf-8")
    before = baseline_times(cyrillic)
    path = str(spec["input"])
    command = [sys.executable, "-m", "uztranslit", "-t", str(spec["to"])]
    env = installed_env()
    subprocess.run(command, input=b"", env=env, check=True)  # writes the bytecode cache
    started = os.times()
    subprocess.run([*command, path], stdout=subprocess.DEVNULL, env=env, check=True)
    after = os.times()
    seconds = (after.children_user - started.children_user) + (
        after.children_system - started.children_system
    )
    base_rate = len(cyrillic.encode()) / statistics.median(before + baseline_times(cyrillic))
    return {"cold": Path(path).stat().st_size / seconds / base_rate}


# ---------------------------------------------------------------- inputs


def corpus(data: Path) -> tuple[str, str]:
    """The corpus's Cyrillic and Latin sides, every file once."""
    names = sorted(path.name[: -len(".cyr.txt")] for path in data.glob("*.cyr.txt"))
    cyrillic = "".join((data / f"{name}.cyr.txt").read_text(encoding="utf-8") for name in names)
    latin = "".join((data / f"{name}.lat.txt").read_text(encoding="utf-8") for name in names)
    return cyrillic, latin


WORD = re.compile("[абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЎҚҒҲ]+")


def synthetic(cyrillic: str, size: int, seed: int = 11) -> str:
    """Words drawn from the corpus's letter pairs and word lengths, each one new,
    with the corpus's share of capitalised words, in lines of about 12 words."""
    words = WORD.findall(cyrillic)
    pairs: dict[str, Counter[str]] = {}
    for word in words:
        lower = "^" + word.lower() + "$"
        for first, second in pairwise(lower):
            pairs.setdefault(first, Counter())[second] += 1
    choices = {first: (list(c), list(c.values())) for first, c in pairs.items()}
    lengths = [len(word) for word in words]
    titled = sum(word[:1].isupper() for word in words) / len(words)
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    total = 0
    while total < size:
        length = rng.choice(lengths)
        letters: list[str] = []
        previous = "^"
        while len(letters) < length:
            options, weights = choices[previous]
            nxt = rng.choices(options, weights)[0]
            if nxt == "$":
                nxt = rng.choice("аиоу")
            letters.append(nxt)
            previous = nxt
        word = "".join(letters)
        if word in seen:
            continue
        seen.add(word)
        if rng.random() < titled:
            word = word.capitalize()
        out.append(word + ("\n" if len(out) % 12 == 11 else " "))
        total += len(word) * 2 + 1
    return "".join(out)


def junk_tokens(count: int, seed: int = 5) -> str:
    """*count* distinct junk tokens: base64-like runs, numbers and Cyrillic noise."""
    rng = random.Random(seed)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    cyrillic = "абвгдежзиклмнопрстуфхцчшўқғҳ"
    tokens = []
    for i in range(count):
        kind = i % 3
        if kind == 0:
            tokens.append("".join(rng.choices(alphabet, k=rng.randint(6, 20))) + str(i))
        elif kind == 1:
            tokens.append("".join(rng.choices(cyrillic, k=rng.randint(5, 12))) + str(i))
        else:
            tokens.append(f"id{i}x{rng.randint(0, 1 << 30)}")
    return " ".join(tokens)


def shapes(cyrillic: str, latin: str) -> dict[str, tuple[str, str]]:
    """Texts of other shapes made from the corpus: (Cyrillic, Latin) each."""
    sample, latin_sample = cyrillic[:600_000], latin[:400_000]

    def both(function: Callable[[str], str]) -> tuple[str, str]:
        return function(sample), function(latin_sample)

    def tiny_lines(text: str) -> str:
        return "\n".join(text.split())

    def capitals(text: str) -> str:
        return text.upper()

    def digits(text: str) -> str:
        return re.sub(r"(\S+)", lambda m: f"{len(m[1]) * 37} {m[1]}", text)

    def tags(text: str) -> str:
        return re.sub(r"(\S+) (\S+)", r'<b class="x">\1</b> <!-- \2 --> \2', text)

    def apostrophes(text: str) -> str:
        return re.sub(r"(\S+)", r"'\1'", text)

    def mark_runs(text: str) -> str:  # each word followed by 40 marks (quadratic once)
        return re.sub(r"(\S+)", lambda found: found[1] + " " + "ʼ" * 40, text)

    def mark_runs_inside(text: str) -> str:  # 40 marks after each word's first letter
        return re.sub(r"(\w)(\w+)", lambda found: found[1] + "ʼ" * 40 + found[2], text)

    def soft_hyphens(text: str) -> str:  # hyphenated text: a soft hyphen every third letter
        return re.sub(r"(\w\w)(\w)", "\\1\u00ad\\2", text)

    def marked_run(text: str) -> str:  # the letters alone, one run, a soft hyphen every 2nd
        letters = "".join(re.findall(r"\w+", text))
        return "\u00ad".join(letters[i : i + 2] for i in range(0, len(letters), 2))

    def long_mixed_tokens(text: str) -> str:  # the letters alone, aLtErNaTiNg, 2,000 a line
        letters = "".join(re.findall(r"\w+", text))
        mixed = "".join(char.upper() if i % 2 else char for i, char in enumerate(letters))
        return "\n".join(mixed[i : i + 2000] for i in range(0, len(mixed), 2000))

    return {
        "many tiny lines": both(tiny_lines),
        "one huge line": both(lambda text: text.replace("\n", " ")),
        "digits and spaces": both(digits),
        "tags and <!-- everywhere": both(tags),
        "apostrophes everywhere": both(apostrophes),
        "all capitals": both(capitals),
        "runs of 40 apostrophes": both(mark_runs),
        "runs of 40 apostrophes inside words": both(mark_runs_inside),
        "tokens of 2,000 letters in mixed case": both(long_mixed_tokens),
        "caps lock on (every letter's case swapped)": both(str.swapcase),
        "a soft hyphen every third letter": both(soft_hyphens),
        "one run of letters, a soft hyphen after every second": both(marked_run),
    }


# ---------------------------------------------------------------- the parent


class Runner:
    def __init__(self, runs: int, folder: Path) -> None:
        self.runs = runs
        self.folder = folder
        self.written = 0

    def file(self, text: str) -> str:
        self.written += 1
        path = self.folder / f"input{self.written}.txt"
        path.write_text(text, encoding="utf-8")
        return str(path)

    def repeat(self, mode: str, spec: Spec) -> list[dict[str, float]]:
        results = []
        for _ in range(self.runs):
            done = subprocess.run(
                [sys.executable, str(HERE), f"--{mode}", json.dumps(spec)],
                capture_output=True,
                text=True,
                check=True,
            )
            results.append(json.loads(done.stdout))
        return results


def figure(results: list[dict[str, float]], key: str) -> str:
    values = sorted(result[key] for result in results)
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.3f}"
    return f"{median:.3f} ({values[0]:.3f}–{values[-1]:.3f})"


def main_table(runner: Runner, cyr: str, lat: str, syn: tuple[str, str], junk: str) -> None:
    print("\n## Cold and warm, each case in a fresh process\n")
    print("| input | to_latin cold | to_latin warm | to_cyrillic cold | to_cyrillic warm |")
    print("|---|---|---|---|---|")
    loads: list[float] = []
    bases: list[float] = []
    cases: tuple[tuple[str, str, str, Spec], ...] = (
        ("real text, not repeating (the corpus)", cyr, lat, {}),
        ("every token new (synthetic words)", syn[0], syn[1], {}),
        ("the corpus after 10⁶ distinct junk tokens", cyr, lat, {"junk": junk}),
        # transliterate() without a source reads the script first (_detect)
        ("the corpus, its script detected", cyr, lat, {"options": {"source": None}}),
        (
            "its sentences as a column's rows (batch, script detected)",
            cyr,
            lat,
            {"options": {"source": None}, "rows": True},
        ),
    )
    for name, cyrillic, latin, extra in cases:
        row = [name]
        for to, source in (("latin", cyrillic), ("cyrillic", latin)):
            spec: Spec = {"to": to, "input": source, "cyrillic": cyrillic, **extra}
            results = runner.repeat("case", spec)
            loads += [result["load_ms"] for result in results]
            bases += [result["base_mb_s"] for result in results]
            row += [figure(results, "cold"), figure(results, "warm")]
        print("| " + " | ".join(row) + " |")
    print(
        f"\nBaseline: {statistics.median(bases):.1f} MB/s (median; "
        f"{min(bases):.1f}–{max(bases):.1f}). First call's lexicon load and converter "
        f"set-up, both directions: {statistics.median(loads):.0f} ms (median)."
    )


def word_per_line(text: str) -> str:
    """*text*'s space-separated words (with their punctuation), one per line."""
    return "\n".join(text.split()) + "\n"


def cli_row(runner: Runner, cyr_file: str, words: str, latin_words: str) -> None:
    row = ["one word per line, through the command line (cold)"]
    for to, text in (("latin", words), ("cyrillic", latin_words)):
        spec: Spec = {"to": to, "input": runner.file(text), "cyrillic": cyr_file}
        row.append(figure(runner.repeat("cli", spec), "cold"))
    print("\n| input | to_latin | to_cyrillic |\n|---|---|---|")
    print("| " + " | ".join(row) + " |")


def sweep(runner: Runner, cyr_file: str, lat_file: str, cyr: str, lat: str) -> None:
    print("\n## Shapes and options: cost per byte against the corpus's (cold)\n")
    print("Each cost per byte is taken against the baseline in its own process, then")
    print("divided by the corpus's. No input should cost more than 5× the corpus's.\n")
    print("| input | to_latin | to_cyrillic |\n|---|---|---|")
    reference = {}
    for to, source in (("latin", cyr_file), ("cyrillic", lat_file)):
        spec: Spec = {"to": to, "input": source, "cyrillic": cyr_file}
        reference[to] = statistics.median(r["cold"] for r in runner.repeat("case", spec))
    stems = sorted({word.lower() for word in WORD.findall(cyr)})[::7][:5000]
    lexicon = runner.file(
        "".join(f"{stem}\t{uztranslit.to_latin(stem)}x\tboth\n" for stem in stems)
    )
    rows: list[tuple[str, str, str, Spec]] = [
        (name, runner.file(c), runner.file(la), {}) for name, (c, la) in shapes(cyr, lat).items()
    ]
    rows += [
        (
            "conventions dates, particles, quotes",
            cyr_file,
            lat_file,
            {"options": {"conventions": ["dates", "particles", "quotes"]}},
        ),
        ("keep (20 words)", cyr_file, lat_file, {"options": {"keep": KEEP}}),
        ("a user lexicon (5,000 stems)", cyr_file, lat_file, {"options": {"user_lexicon": True}}),
        ("apostrophes ascii", cyr_file, lat_file, {"options": {"apostrophes": "ascii"}}),
    ]
    for name, cyrillic_path, latin_path, extra in rows:
        row = [name]
        for to, source in (("latin", cyrillic_path), ("cyrillic", latin_path)):
            spec = {
                "to": to,
                "input": source,
                "cyrillic": cyr_file,
                "lexicon": lexicon,
                **extra,
            }
            if name.startswith("keep") and to == "latin":
                spec["options"] = {}
            speed = statistics.median(r["cold"] for r in runner.repeat("case", spec))
            row.append(f"{reference[to] / speed:.2f}×")
        print("| " + " | ".join(row) + " |")
    new_latin = runner.file(uztranslit.transliterate(lat[:400_000], to="new-latin"))
    row = ["the 2026 alphabet (to new-latin; from new-latin)"]
    for to, source in (("new-latin", cyr_file), ("cyrillic", new_latin)):
        spec = {"to": to, "input": source, "cyrillic": cyr_file}
        if to == "cyrillic":
            spec["options"] = {"source": "new-latin"}
        speed = statistics.median(r["cold"] for r in runner.repeat("case", spec))
        row.append(f"{reference['latin' if to == 'new-latin' else 'cyrillic'] / speed:.2f}×")
    print("| " + " | ".join(row) + " |")


KEEP = [
    "Toshkent",
    "Samarqand",
    "Google",
    "Pepsi",
    "bank",
    "kitob",
    "dunyo",
    "davlat",
    "xalq",
    "inson",
    "vaqt",
    "yil",
    "kun",
    "ish",
    "suv",
    "yer",
    "odam",
    "bola",
    "shahar",
    "til",
]


# The peers table's medians, for bench/charts.py (--json): tool, direction, cold, warm.
CHART_ROWS: list[dict[str, object]] = []


def chart_row(tool: str, to: str, results: list[dict[str, float]]) -> None:
    """Keep one cell of the peers table (medians) for the chart."""
    row: dict[str, object] = {
        "tool": tool,
        "direction": f"to_{to}",
        "cold": statistics.median(result["cold"] for result in results),
    }
    if all("warm" in result for result in results):
        row["warm"] = statistics.median(result["warm"] for result in results)
    CHART_ROWS.append(row)


def peers_table(runner: Runner, cyr_file: str, cyr: str, lat: str, peer_mb: float) -> None:
    tools, missing = installed_peers()
    cut = int(len(cyr) * peer_mb * MB / len(cyr.encode()))
    end = cyr.rfind("\n", 0, cut) + 1
    sample = runner.file(cyr[:end])
    latin_sample = runner.file(uztranslit.to_latin(cyr[:end]))
    print(f"\n## Peers: the first {peer_mb} MB of the corpus, cold\n")
    print("The peers run line by line, as their documentation shows; uztranslit both ways.\n")
    print("| tool | to Latin | to Cyrillic |\n|---|---|---|")
    for how, lines in (("whole text", False), ("line by line", True)):
        row = [f"uztranslit {uztranslit.__version__}, {how}"]
        for to, source in (("latin", sample), ("cyrillic", latin_sample)):
            spec: Spec = {"to": to, "input": source, "cyrillic": sample, "lines": lines}
            results = runner.repeat("case", spec)
            row.append(figure(results, "cold"))
            chart_row(f"uztranslit, {how}", to, results)
        print("| " + " | ".join(row) + " |")
    for tool in tools:
        row = [f"{tool.name} {tool.version}"]
        for to, source, function in (
            ("latin", sample, tool.to_latin),
            ("cyrillic", latin_sample, tool.to_cyrillic),
        ):
            if function is None:
                row.append("—")
                continue
            spec = {"peer": tool.name, "to": to, "input": source, "cyrillic": sample}
            results = runner.repeat("peer", spec)
            row.append(figure(results, "cold"))
            chart_row(tool.name, to, results)
        print("| " + " | ".join(row) + " |")
    for note in missing:
        print(f"\n({note})")


def instructions_table(runner: Runner, cyr: str, lat: str, sizes: list[int]) -> None:
    """Instructions per byte for --sizes MB of the corpus repeated (valgrind's callgrind),
    each minus a run that converts nothing."""
    files = {"latin": runner.file(cyr), "cyrillic": runner.file(lat)}
    unit = {"latin": len(cyr.encode()), "cyrillic": len(lat.encode())}

    def count(size: int, to: str, mode: str = "growth") -> int:
        spec: Spec = {"to": to, "input": files[to], "size": size, "unit": unit[to], "mode": mode}
        return callgrind_count(spec)

    cold_table(count, cyr, lat, files["latin"])
    print("\n## Growth, in instructions per byte (callgrind)\n")
    print("| input (the corpus repeated) | to_latin | to_cyrillic |\n|---|---|---|")
    first: dict[str, float] = {}
    for size in sizes:
        row = [f"{size} MB"]
        for to in ("latin", "cyrillic"):
            per_byte = (count(size, to) - count(0, to)) / (size * MB)
            first.setdefault(to, per_byte)
            row.append(f"{per_byte:.1f} ({per_byte / first[to] - 1:+.1%})")
        print("| " + " | ".join(row) + " |")


def callgrind_count(spec: Spec) -> int:
    """Instructions of a child process that runs count_one(spec), by valgrind's callgrind."""
    return callgrind([sys.executable, str(HERE), "--count", json.dumps(spec)])


def callgrind(command: list[str]) -> int:
    """Instructions of *command*, by valgrind's callgrind, with a fixed hash seed and
    the bytecode cached (installed_env)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
        env={**installed_env(), "PYTHONHASHSEED": "0"},
    )
    return int(done.stderr.split("Collected :")[1].split()[0])


def startup_table(runner: Runner, words: str, latin_words: str) -> None:
    """The command line's start-up in instructions, and its whole run on the files of one
    word per line (the time table's command-line row), of which start-up is a part.
    Each command runs once uncounted first, which writes the bytecode cache."""
    command = [sys.executable, "-m", "uztranslit", "-t"]
    rows = {
        "python -c pass (the interpreter)": [sys.executable, "-c", "pass"],
        "import uztranslit": [sys.executable, "-c", "import uztranslit"],
        "one word, to Latin": [*command, "latin", runner.file("салом\n")],
        "one word, to Cyrillic": [*command, "cyrillic", runner.file("salom\n")],
        "one word per line, to Latin": [*command, "latin", runner.file(words)],
        "one word per line, to Cyrillic": [*command, "cyrillic", runner.file(latin_words)],
    }
    print("\n## The command line's start-up, in instructions (callgrind)\n")
    print("| run | instructions |\n|---|---|")
    for name, run in rows.items():
        subprocess.run(run, stdout=subprocess.DEVNULL, env=installed_env(), check=True)
        print(f"| {name} | {callgrind(run) / 1e6:,.1f} M |")


def cold_table(count: Callable[[int, str, str], int], cyr: str, lat: str, cyr_file: str) -> None:
    """The corpus converted once, cold, in instructions beside the baseline's: the same
    ratio as the time table's, with the machine's speed and load taken out."""
    print("\n## Cold, in instructions (callgrind)\n")
    print("The corpus converted once in a fresh process, minus a process that only loads;")
    print("the baseline over the Cyrillic side, minus one that only reads it.\n")
    base = count(1, "latin", "baseline") - count(0, "latin", "baseline")
    base_per_byte = base / len(cyr.encode())
    print("| | to_latin | to_cyrillic |\n|---|---|---|")
    rows: dict[str, list[str]] = {"instructions": [], "per byte": [], "ratio to the baseline": []}
    for to, text in (("latin", cyr), ("cyrillic", lat)):
        spent = count(1, to, "cold") - count(0, to, "cold")
        per_byte = spent / len(text.encode())
        rows["instructions"].append(f"{spent / 1e6:,.0f} M")
        rows["per byte"].append(f"{per_byte:.0f}")
        rows["ratio to the baseline"].append(f"{base_per_byte / per_byte:.3f}")
    for name, cells in rows.items():
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(
        f"\nBaseline: {base / 1e6:,.0f} M instructions, {base_per_byte:.0f} per byte of "
        f"Cyrillic ({Path(cyr_file).stat().st_size / MB:.1f} MB)."
    )


def run_grow(spec: Spec) -> dict[str, float]:
    """In this fresh process: the text repeated to size MB, converted once (after a
    100 K warm-up, as count_one does); CPU nanoseconds per byte."""
    text = Path(str(spec["input"])).read_text(encoding="utf-8")
    to = str(spec["to"])
    source = "latin" if to == "cyrillic" else "cyrillic"
    uztranslit.transliterate(text[:100_000], to=to, source=source)
    size = int(spec["size"]) * MB
    big = text * (size // len(text.encode()) + 1)
    big = big[: len(big) * size // len(big.encode())]
    seconds = cpu_seconds(lambda t: uztranslit.transliterate(t, to=to, source=source), big)
    return {"ns_per_byte": seconds / len(big.encode()) * 1e9}


def growth_table(runner: Runner, cyr: str, lat: str, sizes: list[int]) -> None:
    """CPU time per byte of each shape repeated to *sizes* MB, in fresh processes
    (the median of the runs): no shape may grow faster than its length."""
    print(f"\n## Growth of every shape, CPU ns per byte ({runner.runs} fresh processes)\n")
    heads = " | ".join(f"{to} {size} MB" for to in ("to_latin", "to_cyrillic") for size in sizes)
    print(f"| input (repeated) | {heads} |\n|---|" + "---|" * (2 * len(sizes)))
    texts = {"the corpus": (cyr[:600_000], lat[:400_000]), **shapes(cyr, lat)}
    for name, (cyrillic, latin) in texts.items():
        row = [name]
        for to, text in (("latin", cyrillic), ("cyrillic", latin)):
            first = 0.0
            path = runner.file(text)
            for size in sizes:
                spec: Spec = {"to": to, "input": path, "size": size}
                cost = statistics.median(r["ns_per_byte"] for r in runner.repeat("grow", spec))
                first = first or cost
                row.append(f"{cost:.0f} ({cost / first - 1:+.0%})")
        print("| " + " | ".join(row) + " |")


def count_one(spec: Spec) -> None:
    """What instructions_table counts: warm up on the text, then convert size MB once
    (mode "growth"); load, then convert the text once if size is 1 (mode "cold"); read
    the text, then the baseline over it once if size is 1 (mode "baseline")."""
    text = Path(str(spec["input"])).read_text(encoding="utf-8")
    to = str(spec["to"])
    source = "latin" if to == "cyrillic" else "cyrillic"
    if spec.get("mode") == "baseline":
        if spec["size"]:
            baseline(text)
        return
    if spec.get("mode") == "cold":
        uztranslit.to_latin("а")
        uztranslit.to_cyrillic("a")
        if spec["size"]:
            uztranslit.transliterate(text, to=to, source=source)
        return
    uztranslit.transliterate(text[:100_000], to=to, source=source)
    size = int(spec["size"])
    if size:
        copies = size * MB // int(spec["unit"]) + 1
        big = text * copies
        big = big[: len(big) * size * MB // (len(text.encode()) * copies)]
        uztranslit.transliterate(big, to=to, source=source)


_MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "rb") as source:
    subprocess.run([sys.executable, "-m", "uztranslit", "-t", sys.argv[2]], stdin=source,
                   stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def cli_memory(cyr: str, lat: str, size_mb: int) -> None:
    print("\n## Command line peak memory\n")
    print("| command line input | peak RSS (MB) |\n|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, to, content in (
            ("Cyrillic, lines", "latin", cyr),
            ("Cyrillic, one line", "latin", cyr.replace("\n", " ")),
            ("Latin, lines", "cyrillic", lat),
            ("synthetic every word new", "latin", synthetic(cyr, 4 * MB)),
        ):
            path = Path(folder) / "input.txt"
            data = content.encode("utf-8")
            written = 0
            with path.open("wb") as out:
                while written < size_mb * MB:
                    out.write(data)
                    written += len(data)
            done = subprocess.run(
                [sys.executable, "-c", _MEASURE, str(path), to],
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"| {written / MB:.0f} MB, {name} | {int(done.stdout) / 1024:.1f} |")


def installed_env() -> dict[str, str]:
    """This environment without PYTHONDONTWRITEBYTECODE: a child that starts Python then
    imports from cached bytecode, as an installed package does, instead of compiling
    every source file (which this machine's setting made the bench time before)."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def import_time(runs: int = 15) -> None:
    """`python -X importtime -c "import uztranslit"`, the fastest of *runs* (the slower
    ones measure what else the machine was doing), with the modules' bytecode cached as
    an installed package has it: PYTHONDONTWRITEBYTECODE is dropped and a first run,
    not counted, writes the cache (without it every import compiles the sources)."""
    env = installed_env()
    times = []
    for run in range(runs + 1):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import uztranslit"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        if run == 0:
            continue  # writes the bytecode cache
        lines = [line for line in done.stderr.splitlines() if "import time:" in line]
        total = next(line for line in reversed(lines) if line.rstrip().endswith("uztranslit"))
        times.append(int(total.split("|")[1]) / 1000)
    print(
        f"\nImport time (python -X importtime, fastest of {runs}): {min(times):.1f} ms "
        f"(median {statistics.median(times):.1f} ms)."
    )


def run_child(args: argparse.Namespace) -> bool:
    """Do what a measuring child process was started for, if this is one."""
    modes = (("case", run_case), ("peer", run_peer), ("cli", run_cli), ("grow", run_grow))
    for mode, function in modes:
        if getattr(args, mode):
            print(json.dumps(function(json.loads(getattr(args, mode)))))
            return True
    if args.count:
        count_one(json.loads(args.count))
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="?", help="folder of the evaluation corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--synthetic-mb", type=float, default=4.0)
    parser.add_argument("--peer-mb", type=float, default=0.3)
    parser.add_argument("--junk", type=int, default=1_000_000)
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument(
        "--startup", action="store_true", help="the command line's start-up in instructions"
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 10, 100])
    parser.add_argument("--cli-mb", type=int, default=0)
    parser.add_argument(
        "--growth", type=int, nargs="*", default=[], help="MB sizes for every shape's CPU growth"
    )
    parser.add_argument("--skip", nargs="*", default=[], help="parts to skip: main cli sweep peers")
    parser.add_argument("--json", type=Path, help="also write the peers table as JSON (charts)")
    for mode in ("case", "peer", "cli", "count", "grow"):
        parser.add_argument(f"--{mode}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if run_child(args):
        return 0
    if args.data is None:
        parser.error("DATA_DIR is required")
    print(
        f"<!-- {datetime.datetime.now():%Y-%m-%d %H:%M}; {platform.python_implementation()} "
        f"{platform.python_version()}; {platform.machine()}, {os.cpu_count()} cores "
        f"(shared with other jobs); uztranslit {uztranslit.__version__} -->"
    )
    cyr, lat = corpus(args.data)
    with tempfile.TemporaryDirectory() as folder:
        runner = Runner(args.runs, Path(folder))
        cyr_file, lat_file = runner.file(cyr), runner.file(lat)
        print(
            f"\nCorpus: {len(cyr.encode()) / MB:.1f} MB Cyrillic, "
            f"{len(lat.encode()) / MB:.1f} MB Latin; {args.runs} fresh processes a case."
        )
        if "main" not in args.skip:
            syn_cyr = synthetic(cyr, int(args.synthetic_mb * MB))
            syn = (runner.file(syn_cyr), runner.file(uztranslit.to_latin(syn_cyr)))
            main_table(runner, cyr_file, lat_file, syn, runner.file(junk_tokens(args.junk)))
        if "cli" not in args.skip:
            cli_row(runner, cyr_file, word_per_line(cyr), word_per_line(lat))
        if "sweep" not in args.skip:
            sweep(runner, cyr_file, lat_file, cyr, lat)
        if "peers" not in args.skip:
            peers_table(runner, cyr_file, cyr, lat, args.peer_mb)
        if args.instructions:
            instructions_table(runner, cyr, lat, args.sizes)
        if args.growth:
            growth_table(runner, cyr, lat, args.growth)
        if args.startup:
            startup_table(runner, word_per_line(cyr), word_per_line(lat))
    if args.cli_mb:
        cli_memory(cyr, lat, args.cli_mb)
    import_time()
    if args.json:
        python = platform.python_version()
        machine = f"{platform.machine()}, {os.cpu_count()} cores (shared), Python {python}"
        result = {"date": f"{datetime.date.today()}", "machine": machine, "rows": CHART_ROWS}
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed of each file format beside plain text holding the same visible text.

    python bench/formats.py [CORPUS_FILE ...] [--mb 2] [--formats po,json,...]

Each format's file is built from the same Cyrillic lines (the seed article and any
corpus files given, repeated to about --mb megabytes of text): one line per entry,
the way a real file of that format is written (ROWS: a row per format; add a row
to measure a new one; the web formats' files are built by bench/formats_web.py).
Plain text is those lines joined, converted by the "text" format.  Each conversion
runs in a fresh process on text it has not seen (cold: the headline, since word
caches start empty), then once more in the same process (warm).  Reported: MB/s of
visible text, the ratio to plain text measured in the same run (goal: at least 0.3),
and the process's peak memory with its growth over the file's size.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import formats_web

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cef08cc270b87343.txt"
MB = 1_000_000


@dataclass(frozen=True)
class Row:
    """A format to measure: a file name (it chooses the format) and a builder."""

    filename: str
    build: Callable[[list[str]], bytes]


def build_text(lines: list[str]) -> bytes:
    return "\n".join(lines).encode()


def build_po(lines: list[str]) -> bytes:
    header = 'msgid ""\nmsgstr ""\n"Language: uz@cyrillic\\n"\n"Plural-Forms: nplurals=2;\\n"\n\n'
    entries = (
        f'#: src/app.c:{n}\n#, c-format\nmsgid "Message {n} %s"\nmsgstr "{_po(line)} %s"\n\n'
        for n, line in enumerate(lines)
    )
    return (header + "".join(entries)).encode()


def _po(line: str) -> str:
    return line.replace("\\", "\\\\").replace('"', '\\"')


def build_json(lines: list[str]) -> bytes:
    """i18next: nested namespaces, {{interpolation}}."""
    groups = {
        f"screen{n // 50}": {
            f"key{k}": f"{{{{name}}}} {line}" for k, line in enumerate(lines[n : n + 50])
        }
        for n in range(0, len(lines), 50)
    }
    return json.dumps(groups, ensure_ascii=False, indent=2).encode()


def build_arb(lines: list[str]) -> bytes:
    """Flutter ARB: ICU plurals, @ metadata.  (ICU apostrophes are left single.)"""
    value: dict[str, object] = {"@@locale": "uz_Cyrl"}
    for n, line in enumerate(lines):
        half = len(line) // 2  # each half once, so that the visible text is the same
        value[f"m{n}"] = f"{{count, plural, one{{# {line[:half]}}} other{{# {line[half:]}}}}}"
        value[f"@m{n}"] = {"description": f"Message {n}"}
    return json.dumps(value, ensure_ascii=False, indent=2).encode()


def build_android(lines: list[str]) -> bytes:
    items = "".join(
        f'    <string name="s{n}">{_android(line)} %1$s</string>\n' for n, line in enumerate(lines)
    )
    return f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n{items}</resources>\n'.encode()


def _android(line: str) -> str:
    return escape(line).replace("'", "\\'").replace('"', '\\"')


def build_xliff(lines: list[str]) -> bytes:
    units = "".join(
        f'   <trans-unit id="u{n}">\n    <source>Message {n}</source>\n'
        f'    <target>{escape(line)} <x id="1"/></target>\n   </trans-unit>\n'
        for n, line in enumerate(lines)
    )
    return (
        '<?xml version="1.0"?>\n<xliff version="1.2">\n <file source-language="en"'
        f' target-language="uz-Cyrl">\n  <body>\n{units}  </body>\n </file>\n</xliff>\n'
    ).encode()


def build_strings(lines: list[str]) -> bytes:
    return "".join(
        f'/* Message {n} */\n"m{n}" = "{_po(line)} %@";\n' for n, line in enumerate(lines)
    ).encode()


ROWS: dict[str, Row] = {
    "text": Row("plain.txt", build_text),
    "po": Row("uz.po", build_po),
    "json": Row("uz.json", build_json),
    "arb": Row("app_uz.arb", build_arb),
    "android": Row("strings.xml", build_android),
    "xliff": Row("messages.xlf", build_xliff),
    "strings": Row("Localizable.strings", build_strings),
    "html": Row("page.html", formats_web.build_html),
    "xhtml": Row("page.xhtml", formats_web.build_xhtml),
    "markdown": Row("README.md", formats_web.build_markdown),
    "srt": Row("film.srt", formats_web.build_srt),
    "vtt": Row("film.vtt", formats_web.build_vtt),
}


def corpus_lines(corpora: list[Path], size: int) -> list[str]:
    """Non-empty lines of the seed and *corpora*, repeated to about *size* bytes."""
    unit = [SEED.read_text(encoding="utf-8")]
    unit += [path.read_text(encoding="utf-8") for path in corpora]
    lines = [line.strip() for text in unit for line in text.splitlines() if line.strip()]
    taken: list[str] = []
    total = 0
    while total < size:
        for line in lines:
            taken.append(line)
            total += len(line.encode())
            if total >= size:
                break
    return taken


def measure_one(name: str, corpora: list[Path], size: int) -> dict[str, float]:
    """Run in a fresh process: build the row's file, convert it cold then warm."""
    from uztranslit.formats import convert_bytes  # noqa: PLC0415 - timed from a cold start

    lines = corpus_lines(corpora, size)
    row = ROWS[name]
    data = row.build(lines)
    visible = sum(len(line.encode()) for line in lines)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        convert_bytes(data, to="latin", filename=row.filename)
        timings.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "cold": visible / timings[0] / MB,
        "warm": visible / timings[1] / MB,
        "file_mb": len(data) / MB,
        "peak_mb": peak,
        "base_mb": before,
    }


def run_fresh(name: str, corpora: list[Path], size: int) -> dict[str, float]:
    argv = [sys.executable, __file__, "--one", name, "--bytes", str(size)]
    done = subprocess.run(
        [*argv, *map(str, corpora)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--formats", default=",".join(ROWS))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--bytes", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one, args.corpora, args.bytes)))
        return
    size = int(args.mb * MB)
    names = ["text", *(n for n in args.formats.split(",") if n != "text")]
    results = {name: run_fresh(name, args.corpora, size) for name in names}
    plain = results["text"]
    print(f"{datetime.date.today()}, {platform.machine()}, nproc {os.cpu_count()},", end=" ")
    print(f"Python {platform.python_version()}; {args.mb} MB of visible text\n")
    print(
        "| format | file MB | cold MB/s | × plain | warm MB/s | × plain "
        "| peak RSS MB | RSS growth ÷ file |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, found in results.items():
        growth = (found["peak_mb"] - found["base_mb"]) / found["file_mb"]
        print(
            f"| {name} | {found['file_mb']:.1f} | {found['cold']:.2f} | "
            f"{found['cold'] / plain['cold']:.2f} | {found['warm']:.2f} | "
            f"{found['warm'] / plain['warm']:.2f} | {found['peak_mb']:.0f} | {growth:.1f} |"
        )


if __name__ == "__main__":
    main()

"""Speed and memory of the web formats (HTML, XHTML, Markdown, SRT, VTT) beside plain text.

    python bench/formats_web.py [CORPUS_FILE ...] [--mb 2] [--formats html,markdown,...]

Each format's file is built from the same Cyrillic lines (the seed article and any
corpus files given, repeated to about --mb megabytes of text), the way real files
of that format are written (ROWS; the builders can join bench/formats.py's rows):
a page with styles, scripts, navigation, inline markup and entities; a README with
headings, lists, code and links; subtitles with a cue per line.  Plain text is the
same lines joined, converted by the "text" format.  Each conversion runs in a fresh
process on text it has not seen (cold: the headline, since word caches start
empty), then once more in the same process (warm).  Reported: MB/s of visible
text, the ratio to plain text in the same run (goal: at least 0.3), and the
process's peak memory (RSS) with its ratio to the file's size.
"""

from __future__ import annotations

import argparse
import datetime
import html
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

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cef08cc270b87343.txt"
MB = 1_000_000

PAGE_HEAD = """<!DOCTYPE html>
<html lang="uz-Cyrl">
<head>
<meta charset="utf-8">
<title>Янгиликлар</title>
<style>
body { font-family: "Open Sans", Arial, sans-serif; margin: 0 auto; max-width: 960px; }
.headline::before { content: "Breaking news"; color: #c00; }
</style>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date()); gtag('config', 'G-XXXX');
</script>
</head>
<body>
<nav aria-label="Асосий меню"><a href="/uz/" title="Бош саҳифа">Бош саҳифа</a></nav>
<main>
"""
SCRIPT = '<script>document.querySelectorAll("a").forEach(a => a.rel = "noopener");</script>\n'
XHTML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"'
    ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="uz-Cyrl">\n<head><title>Т</title>'
    "</head>\n<body>\n"
)


@dataclass(frozen=True)
class Row:
    """A format to measure: a file name (it chooses the format) and a builder."""

    filename: str
    build: Callable[[list[str]], bytes]


def build_text(lines: list[str]) -> bytes:
    return "\n".join(lines).encode()


def _marked_up(line: str, n: int) -> str:
    """*line* escaped for HTML, every other line with its second word in <b>."""
    words = html.escape(line, quote=False).split(" ")
    if n % 2 and len(words) > 2:
        words[1] = f"<b>{words[1]}</b>"
    return " ".join(words)


def build_html(lines: list[str]) -> bytes:
    """A news page: head with style and script, a paragraph per line, a script every 50."""
    body = "".join(
        (SCRIPT if n % 50 == 0 else "") + f'<p class="p{n % 7}">{_marked_up(line, n)}</p>\n'
        for n, line in enumerate(lines)
    )
    return (PAGE_HEAD + body + "</main>\n</body>\n</html>\n").encode()


def build_xhtml(lines: list[str]) -> bytes:
    body = "".join(f"<p>{_marked_up(line, n)}<br/></p>\n" for n, line in enumerate(lines))
    return (XHTML_HEAD + body + "</body>\n</html>\n").encode()


def build_markdown(lines: list[str]) -> bytes:
    """A README: headings, paragraphs with emphasis, list items, a code block every 30."""
    parts = ["---\ntitle: Қўлланма\nlayout: page\n---\n\n"]
    for n, line in enumerate(lines):
        escaped = line.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
        escaped = escaped.replace("`", "\\`").replace("<", "&lt;").replace("[", "\\[")
        if n % 30 == 0:
            parts.append("```bash\nuztranslit --to latin README.md\n```\n\n")
        if n % 20 == 0:
            parts.append(f"## {escaped}\n\n")
        elif n % 5 == 0:
            parts.append(f"- {escaped}\n\n")
        else:
            words = escaped.split(" ")
            if len(words) > 2:
                words[1] = f"**{words[1]}**"
            parts.append(" ".join(words) + " [↗](https://example.uz/docs)\n\n")
    return "".join(parts).encode()


def _cue_lines(line: str) -> str:
    half = line.find(" ", len(line) // 2)
    return line if half < 0 else line[:half] + "\n" + line[half + 1 :]


def _time(n: int, separator: str) -> str:
    return f"{n // 3600:02}:{n // 60 % 60:02}:{n % 60:02}{separator}500"


def build_srt(lines: list[str]) -> bytes:
    return "".join(
        f"{n}\n{_time(n, ',')} --> {_time(n + 1, ',')}\n<i>{_cue_lines(line)}</i>\n\n"
        for n, line in enumerate(lines, 1)
    ).encode()


def build_vtt(lines: list[str]) -> bytes:
    cues = "".join(
        f"{_time(n, '.')} --> {_time(n + 1, '.')} align:start\n"
        f"<v Сўзловчи>{html.escape(_cue_lines(line), quote=False)}\n\n"
        for n, line in enumerate(lines, 1)
    )
    return ("WEBVTT\nLanguage: uz-Cyrl\n\nNOTE изоҳ\n\n" + cues).encode()


ROWS: dict[str, Row] = {
    "text": Row("plain.txt", build_text),
    "html": Row("page.html", build_html),
    "xhtml": Row("page.xhtml", build_xhtml),
    "markdown": Row("README.md", build_markdown),
    "srt": Row("film.srt", build_srt),
    "vtt": Row("film.vtt", build_vtt),
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
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
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

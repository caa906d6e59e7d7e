"""Speed and memory of converting a Word document, against the same text as plain text.

    python bench/documents.py [CORPUS_FILE ...] [--pages 200] [--run-chars 40] [--runs 3]
    python bench/documents.py --pictures docs     # the before/after pictures of docs/documents.md

Builds a Word document of about --pages pages (3,000 characters a page) with
python-docx from the seed article and any Cyrillic corpus files given, each
paragraph cut into runs of about --run-chars characters with changing
formatting (spell-check marks and edits split real documents like this), with
a header and a footer.  Then, each in a fresh process (cold: no caches warm):

- the document converted with uztranslit.formats.convert_bytes;
- the document's text (its paragraphs joined by newlines) converted with
  uztranslit.to_latin, as a plain-text file would be.

Reports MB of text (UTF-8) per second for both, their ratio (goal: at least
0.3), the median of --runs fresh processes each; and the peak memory of the
document conversion (tracemalloc) against the largest XML part and the file.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cef08cc270b87343.txt"
PAGE_CHARS = 3000
MB = 1_000_000


def paragraphs(files: list[Path]) -> list[str]:
    found = []
    for path in [SEED, *files]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(line.strip())
    return found


def build(texts: list[str], pages: int, run_chars: int) -> bytes:
    """A Word document of about *pages* pages of *texts*, split into formatted runs."""
    import docx  # noqa: PLC0415 - from the test extra

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Ҳисобот: " + texts[0][:60]
    section.footer.paragraphs[0].text = "Тошкент шаҳри, 2024 йил"
    total = 0
    index = 0
    while total < pages * PAGE_CHARS:
        text = texts[index % len(texts)]
        index += 1
        paragraph = document.add_paragraph()
        for number, start in enumerate(range(0, len(text), run_chars)):
            run = paragraph.add_run(text[start : start + run_chars])
            run.bold = number % 3 == 1
            run.italic = number % 3 == 2
        total += len(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def visible_text(data: bytes) -> str:
    import docx  # noqa: PLC0415

    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def worker(kind: str, path: str) -> None:
    """Time one conversion in this fresh process and print its seconds (and memory)."""
    data = Path(path).read_bytes()
    if kind == "text":
        from uztranslit import to_latin  # noqa: PLC0415

        text = data.decode("utf-8")
        for _ in range(2):  # cold, then warm
            start = time.perf_counter()
            to_latin(text)
            print(time.perf_counter() - start)
        return
    from uztranslit.formats import convert_bytes  # noqa: PLC0415

    if kind == "memory":
        # the converter's tables and caches are loaded by a small document first: what
        # is measured is what the big one adds (Python objects; and libxml2's trees,
        # which tracemalloc does not see, in the growth of the peak resident size)
        convert_bytes(build(["Салом"], 1, 40), to="latin")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        tracemalloc.start()
        convert_bytes(data, to="latin")
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(tracemalloc.get_traced_memory()[1], after - before)
        return
    for _ in range(2):  # cold, then warm
        start = time.perf_counter()
        convert_bytes(data, to="latin")
        print(time.perf_counter() - start)


def fresh(kind: str, path: Path) -> list[float]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    return [float(field) for field in done.stdout.split()]


def sample_letter() -> bytes:
    """One page for the pictures: the seed article with a title, words split into
    bold, italic and coloured runs, a table, a header and a footer."""
    import docx  # noqa: PLC0415
    from docx.shared import Pt, RGBColor  # noqa: PLC0415

    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Ахборот хизмати · 2025 йил 15 октябрь"
    section.footer.paragraphs[0].text = "Тошкент шаҳри"
    document.add_heading(lines[0].removeprefix(" date 2025-10-15").strip(), level=1)
    for text in lines[1:4]:
        paragraph = document.add_paragraph()
        for number, start in enumerate(range(0, len(text), 23)):
            run = paragraph.add_run(text[start : start + 23])
            run.bold = number % 4 == 1
            run.italic = number % 4 == 2
            if number % 4 == 3:
                run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
            run.font.size = Pt(11)
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, (left, right) in enumerate(
        (("Вилоят", "Учрашувлар"), ("Тошкент шаҳри", "12"), ("Самарқанд вилояти", "7"))
    ):
        table.cell(row, 0).text = left
        table.cell(row, 1).text = right
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pictures(directory: Path) -> None:
    """Render the first page of sample_letter() before and after conversion to Latin
    with LibreOffice (PDF) and pdftoppm (PNG) into *directory*."""
    from uztranslit.formats import convert_bytes  # noqa: PLC0415

    source = sample_letter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "before.docx").write_bytes(source)
        (work / "after.docx").write_bytes(convert_bytes(source, to="latin"))
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(work / "before.docx"),
                str(work / "after.docx"),
            ],
            check=True,
            capture_output=True,
        )
        for name in ("before", "after"):
            subprocess.run(
                [
                    *("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"),
                    str(work / f"{name}.pdf"),
                    str(directory / f"documents-{name}"),
                ],
                check=True,
            )
    version = subprocess.run(
        ["soffice", "--version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"{datetime.date.today()}: {version}; pictures in {directory}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--run-chars", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pictures", type=Path, metavar="DIR", help="render the pictures")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    if args.pictures:
        pictures(args.pictures)
        return
    data = build(paragraphs(args.corpus), args.pages, args.run_chars)
    text = visible_text(data)
    text_mb = len(text.encode("utf-8")) / MB
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        largest = max(info.file_size for info in package.infolist())
    with tempfile.TemporaryDirectory() as tmp:
        doc_path = Path(tmp) / "bench.docx"
        text_path = Path(tmp) / "bench.txt"
        doc_path.write_bytes(data)
        text_path.write_text(text, encoding="utf-8")
        documents = [fresh("document", doc_path) for _ in range(args.runs)]
        plains = [fresh("text", text_path) for _ in range(args.runs)]
        peak, rss = fresh("memory", doc_path)
    print(
        f"<!-- {datetime.date.today()}; CPython {platform.python_version()}; "
        f"{platform.machine()}, {os.cpu_count()} cores -->"
    )
    print(
        f"document: {args.pages} pages, {len(data) / MB:.2f} MB docx, largest XML part "
        f"{largest / MB:.2f} MB, {text_mb:.2f} MB of text, runs of ~{args.run_chars} chars; "
        f"median of {args.runs} fresh processes"
    )
    print()
    print("| conversion | seconds | MB of text/s | × plain text |")
    print("|---|---|---|---|")
    for when, index in (("cold", 0), ("warm, second in the process", 1)):
        plain = statistics.median(times[index] for times in plains)
        document = statistics.median(times[index] for times in documents)
        print(f"| plain text (to_latin), {when} | {plain:.2f} | {text_mb / plain:.2f} | 1.00 |")
        print(
            f"| Word document (convert_bytes), {when} | {document:.2f} | "
            f"{text_mb / document:.2f} | {plain / document:.2f} |"
        )
    print()
    print(
        f"memory converting the document: Python objects at most {peak / MB:.1f} MB "
        f"({peak / largest:.1f} × the largest XML part), peak resident size grew by "
        f"{rss / MB:.1f} MB ({rss / largest:.1f} × the largest XML part)"
    )


if __name__ == "__main__":
    main()

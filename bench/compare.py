"""Compare this checkout's outputs with another version's on a corpus, line by line.

    python bench/compare.py DATA_DIR --reference SRC_DIR [--cache DIR] [--show 5]

DATA_DIR holds the evaluation corpus (``NAME.cyr.txt`` and ``NAME.lat.txt`` pairs, see
its SOURCES.md; it is read in place, never copied). SRC_DIR is the ``src`` folder of the
version to compare against, for example one made with
``git archive main src | tar -x -C /tmp/main``. Each version converts every file in
both directions, as whole texts, line by line and with the options that take other
paths (apostrophe styles, conventions, keep, the 2026 alphabet), each in its own
process; the reference's outputs are kept in --cache so that reruns are quick. The
report gives, for each case, how many lines differ, and the first few differences.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# (name, source side of the corpus, call) — each call is made on a whole file's text.
CASES = (
    ("to_latin", "cyr", "to_latin(text)"),
    ("to_latin lines", "cyr", "lines(to_latin, text)"),
    ("to_latin ascii", "cyr", "to_latin(text, apostrophes='ascii')"),
    (
        "to_latin conventions",
        "cyr",
        "to_latin(text, conventions={'dates', 'particles', 'quotes'})",
    ),
    ("to new-latin", "cyr", "transliterate(text, to='new-latin', source='cyrillic')"),
    ("to_cyrillic", "lat", "to_cyrillic(text)"),
    ("to_cyrillic lines", "lat", "lines(to_cyrillic, text)"),
    (
        "to_cyrillic conventions",
        "lat",
        "to_cyrillic(text, conventions={'dates', 'particles', 'quotes'})",
    ),
    ("to_cyrillic keep", "lat", "to_cyrillic(text, keep={'Toshkent', 'Samsung', 'bank'})"),
    ("latin to new-latin", "lat", "transliterate(text, to='new-latin', source='latin')"),
    ("new-latin to cyrillic", "lat", "transliterate(new, to='cyrillic', source='new-latin')"),
    # a user lexicon of 5,000 stems (as bench/speed.py makes it): the word path to Latin
    ("to_latin user lexicon", "cyr", "to_latin(text, lexicon=user)"),
    ("to_cyrillic user lexicon", "lat", "to_cyrillic(text, lexicon=user)"),
)

_DUMP = """
import json, re, sys, tempfile
from uztranslit import load_lexicon, to_latin, to_cyrillic, transliterate
def lines(function, text):
    return "".join(function(line) for line in text.splitlines(keepends=True))
data, out, cases = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
import pathlib
every = "".join(path.read_text(encoding="utf-8")
                for path in sorted(pathlib.Path(data).glob("*.cyr.txt")))
stems = sorted({word.lower() for word in re.findall("[а-яёўқғҳА-ЯЁЎҚҒҲ]+", every)})[::7][:5000]
with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as rows:
    rows.write("".join(f"{stem}\\t{to_latin(stem)}x\\tboth\\n" for stem in stems))
user = load_lexicon(rows.name)
pathlib.Path(rows.name).unlink()
for path in sorted(pathlib.Path(data).glob("*.cyr.txt")):
    name = path.name[: -len(".cyr.txt")]
    sides = {side: (pathlib.Path(data) / f"{name}.{side}.txt").read_text(encoding="utf-8")
             for side in ("cyr", "lat")}
    new = transliterate(sides["lat"], to="new-latin", source="latin")
    for index, (case, side, call) in enumerate(cases):
        text = sides[side]
        result = eval(call)
        (pathlib.Path(out) / f"{name}.{index}.txt").write_text(result, encoding="utf-8")
"""


def dump(src: Path | None, data: Path, out: Path) -> None:
    """Write every case's output for every corpus file into *out*, with uztranslit from
    *src* (None: the one this interpreter imports)."""
    out.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ)
    if src is not None:
        environment["PYTHONPATH"] = str(src)
    subprocess.run(
        [sys.executable, "-c", _DUMP, str(data), str(out), json.dumps(CASES)],
        check=True,
        env=environment,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder of NAME.cyr.txt / NAME.lat.txt pairs")
    parser.add_argument("--reference", type=Path, required=True, help="src folder to compare to")
    parser.add_argument("--cache", type=Path, help="where to keep the reference's outputs")
    parser.add_argument("--show", type=int, default=5, help="differences shown per case")
    args = parser.parse_args(argv)
    reference = args.cache or Path(tempfile.mkdtemp(prefix="uztranslit-reference-"))
    if any(not any(reference.glob(f"*.{index}.txt")) for index in range(len(CASES))):
        dump(args.reference.resolve(), args.data, reference)  # a case is not kept yet
    with tempfile.TemporaryDirectory() as folder:
        current = Path(folder)
        dump(None, args.data, current)
        total = 0
        for index, (case, _side, _call) in enumerate(CASES):
            differing = 0
            shown = []
            for theirs in sorted(reference.glob(f"*.{index}.txt")):
                ours = current / theirs.name
                old = theirs.read_text(encoding="utf-8").splitlines()
                new = ours.read_text(encoding="utf-8").splitlines()
                if len(old) != len(new):
                    shown.append(f"  {theirs.name}: {len(old)} lines before, {len(new)} now")
                    differing += max(len(old), len(new))
                    continue
                for number, (before, now) in enumerate(zip(old, new, strict=True), start=1):
                    if before != now:
                        differing += 1
                        if len(shown) < args.show:
                            shown.append(f"  {theirs.name}:{number}\n  - {before}\n  + {now}")
            total += differing
            print(f"{case}: {differing} lines differ")
            for line in shown:
                print(line)
    print(f"total: {total} lines differ")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())

"""Charts for the docs, drawn from the JSON the bench scripts write.

    python bench/accuracy.py CYR LAT [CYR LAT ...] --peers --json /tmp/accuracy.json
    python bench/charts.py accuracy /tmp/accuracy.json -o docs/accuracy.png
    python bench/charts.py speed /tmp/speed.json -o docs/speed.png

matplotlib comes with the bench extra (`pip install '.[bench]'`); it is never a
run-time dependency.  Each chart carries the date and machine of the run in its
caption; the tables beside it in the docs come from the same run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DIRECTIONS = (("to_latin", "Cyrillic → Latin"), ("to_cyrillic", "Latin → Cyrillic"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def pyplot() -> Any:
    """matplotlib.pyplot with a backend that needs no screen."""
    matplotlib: Any = importlib.import_module("matplotlib")  # the bench extra, to draw only
    matplotlib.use("Agg")
    return importlib.import_module("matplotlib.pyplot")


Series = dict[tuple[str, str], list[float | None]]


def accuracy_series(rows: Sequence[dict[str, Any]]) -> tuple[list[str], list[str], Series]:
    """Data sets, tools, and (tool, direction) → accuracy per data set (None: not run)."""
    datasets = list(dict.fromkeys(row["data"] for row in rows))
    tools = list(dict.fromkeys(row["tool"] for row in rows))
    table = {(row["data"], row["tool"]): row for row in rows}
    series: Series = {
        (tool, key): [table.get((data, tool), {}).get(key) for data in datasets]
        for tool in tools
        for key, _ in DIRECTIONS
    }
    return datasets, tools, series


def errors_per_thousand(accuracy: float | None) -> float | None:
    """Wrong tokens per 1,000 for an accuracy in per cent: 99.5 % is 5."""
    return None if accuracy is None else round(10.0 * (100.0 - accuracy), 2)


def draw_accuracy(result: dict[str, Any], output: Path) -> None:
    """One panel per direction: wrong tokens per 1,000 per data set, a bar per tool,
    on a log scale, since the tools differ by factors near 99 %."""
    plt = pyplot()
    defaults = [row for row in result["rows"] if " + " not in row["tool"]]  # no opt-in rows
    datasets, tools, series = accuracy_series(defaults)
    figure, axes = plt.subplots(1, 2, figsize=(11, 4.4), sharey=True)
    width = 0.8 / max(len(tools), 1)
    for axis, (key, title) in zip(axes, DIRECTIONS, strict=True):
        for n, tool in enumerate(tools):
            values = [errors_per_thousand(v) for v in series[(tool, key)]]
            positions = [i + n * width for i in range(len(datasets))]
            bars = axis.bar(positions, [v or 0.0 for v in values], width, label=tool)
            axis.bar_label(bars, [f"{v:g}" if v is not None else "" for v in values], fontsize=6)
        axis.set_title(title)
        axis.set_xticks([i + width * (len(tools) - 1) / 2 for i in range(len(datasets))])
        axis.set_xticklabels(datasets)
        axis.set_yscale("log")
        axis.grid(axis="y", alpha=0.3)
    axes[0].set_ylabel("wrong tokens per 1,000, in position (log scale)")
    axes[0].legend(fontsize=8, loc="upper left")
    figure.suptitle("Errors on real parallel text, default options (lower is better)")
    figure.text(
        0.5,
        0.01,
        f"bench/accuracy.py, {result['date']}, {result['machine']}",
        ha="center",
        fontsize=8,
    )
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    figure.savefig(output, dpi=90)


def draw_speed(result: dict[str, Any], output: Path) -> None:
    """Cold and warm speed of each tool as a ratio to the str.translate baseline.

    *result* has "date", "machine" and "rows": {"tool", "direction", "cold", "warm"}.
    """
    plt = pyplot()
    rows = result["rows"]
    figure, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharex=True)
    for axis, (key, title) in zip(axes, DIRECTIONS, strict=True):
        mine = [row for row in rows if row["direction"] == key]
        names = [row["tool"] for row in mine]
        positions = range(len(mine))
        cold = [r["cold"] for r in mine]
        bars = axis.barh([p + 0.2 for p in positions], cold, 0.4, label="cold")
        axis.bar_label(bars, [f"{v:.3f}" for v in cold], fontsize=7, padding=2)
        warm = [r.get("warm") for r in mine]
        bars = axis.barh([p - 0.2 for p in positions], [v or 0.0 for v in warm], 0.4, label="warm")
        axis.bar_label(bars, [f"{v:.3f}" if v else "" for v in warm], fontsize=7, padding=2)
        axis.set_yticks(list(positions))
        axis.set_yticklabels(names)
        axis.set_title(title)
        axis.axvline(1.0, color="grey", linewidth=0.8)
        axis.grid(axis="x", alpha=0.3)
    axes[0].set_xlabel("speed ÷ str.translate over the same bytes (higher is better)")
    axes[1].legend(fontsize=8, loc="upper right")
    figure.suptitle(
        "Speed on text never seen before (cold) and on a second pass (warm; peers: cold only)"
    )
    figure.text(
        0.5,
        0.01,
        f"bench/speed.py, {result['date']}, {result['machine']}",
        ha="center",
        fontsize=8,
    )
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    figure.savefig(output, dpi=90)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chart", choices=("accuracy", "speed"))
    parser.add_argument("results", type=Path, help="the JSON a bench script wrote")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PNG to write")
    args = parser.parse_args(argv)
    draw = draw_accuracy if args.chart == "accuracy" else draw_speed
    draw(load(args.results), args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

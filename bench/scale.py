"""Throughput of the engines of docs/scale.md, for 1, 2 and more workers (run by hand).

    python bench/scale.py /work/shared/data/uztranslit_test.cyr.txt --mb 200 \\
        --work /tmp/uztranslit-scale --rounds 3

The Cyrillic corpus is repeated to --mb megabytes (the repetition is reported: after
the first copy the converter's caches are warm, as in any large real corpus of one
language) and written, outside the repository, as a text file and as Parquet with a
``text`` column, one line a row, in row groups of --row-group rows.  Each
configuration runs in a fresh process, and the configurations are measured in turns
(round 1 of each, then round 2 of each, ...), so that the load of a shared machine
falls on all of them alike.  Every figure is MB of UTF-8 Cyrillic input per second,
end to end (start the engine, read, convert, write), and also as a ratio to the
baseline of the same round: plain ``to_latin`` on one core, line by line, on text
already in memory.  Beside it, the processor time each configuration used (its process
and every process under it: workers, Spark's JVM and Python workers), per 100 MB and as
a ratio to the baseline's: on a shared machine it moves far less than the wall clock,
so the overhead of an engine is read from it.

Engines:
    baseline          to_latin on each line in one process (nothing else timed)
    batch             BatchTransliterator on all the lines in one call, likewise
    arrow             one process: Parquet → to_pylist → BatchTransliterator → Arrow → Parquet
    multiprocessing   Pool(N).imap over batches of lines of the text file, written in order
    datasets          Dataset.from_parquet, map(batched=True, num_proc=N), to_parquet
    spark             SparkSession local[N], pandas_udf over the column, Parquet to Parquet
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import uztranslit

ENGINES = ("baseline", "batch", "arrow", "multiprocessing", "datasets", "spark")
# Engines that run on one process whatever --workers says.
SINGLE = ("baseline", "batch", "arrow")
SPLITS_PER_WORKER = 4  # tasks (Spark partitions) per worker: see docs/scale.md


def prepared(corpora: list[Path], work: Path, megabytes: int, row_group: int) -> dict[str, Any]:
    """Write the repeated corpus as corpus.txt and corpus.parquet in *work* (once)."""
    work.mkdir(parents=True, exist_ok=True)
    about = work / "corpus.json"
    wanted = {
        "corpora": [str(path) for path in corpora],
        "mb": megabytes,
        "row_group": row_group,
    }
    made = [about, work / "corpus.txt", work / "corpus.parquet"]
    if all(path.exists() for path in made):
        known: dict[str, Any] = json.loads(about.read_text(encoding="utf-8"))
        if known["wanted"] == wanted:
            return known
    lines = [
        line
        for path in corpora
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    distinct = sum(len(line.encode("utf-8")) + 1 for line in lines)
    target = megabytes * 1_000_000
    rows: list[str] = []
    size = 0
    for line in itertools.cycle(lines):
        if size >= target:
            break
        rows.append(line)
        size += len(line.encode("utf-8")) + 1
    (work / "corpus.txt").write_text("".join(f"{row}\n" for row in rows), encoding="utf-8")
    import pyarrow  # noqa: PLC0415 - only the engines that use Arrow need it
    import pyarrow.parquet  # noqa: PLC0415

    table = pyarrow.table({"text": [f"{row}\n" for row in rows]})
    pyarrow.parquet.write_table(table, work / "corpus.parquet", row_group_size=row_group)
    known = {
        "wanted": wanted,
        "bytes": size,
        "rows": len(rows),
        "distinct_bytes": distinct,
        "parquet_bytes": (work / "corpus.parquet").stat().st_size,
    }
    about.write_text(json.dumps(known), encoding="utf-8")
    return known


def text_lines(work: Path) -> list[str]:
    with open(work / "corpus.txt", encoding="utf-8", newline="") as lines:
        return list(lines)


def run_baseline(work: Path, workers: int, batch: int) -> dict[str, float]:
    lines = text_lines(work)
    start, cpu = time.perf_counter(), time.process_time()
    latin = [uztranslit.to_latin(line) for line in lines]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert len(latin) == len(lines)
    return {"seconds": seconds, "cpu": cpu}


def run_batch(work: Path, workers: int, batch: int) -> dict[str, float]:
    lines = text_lines(work)
    convert = uztranslit.BatchTransliterator(to="latin", source="cyrillic")
    start, cpu = time.perf_counter(), time.process_time()
    latin = convert(lines)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert len(latin) == len(lines)
    return {"seconds": seconds, "cpu": cpu}


def run_arrow(work: Path, workers: int, batch: int) -> dict[str, float]:
    import pyarrow.parquet  # noqa: PLC0415

    convert = uztranslit.BatchTransliterator(to="latin", source="cyrillic")
    start = time.perf_counter()
    table = pyarrow.parquet.read_table(work / "corpus.parquet")
    column = table.column("text")
    read = time.perf_counter()
    texts = column.to_pylist()
    to_python = time.perf_counter()
    latin = convert(texts)
    converted = time.perf_counter()
    array = pyarrow.array(latin, type=pyarrow.string())
    to_arrow = time.perf_counter()
    pyarrow.parquet.write_table(table.append_column("latin", array), work / "arrow-out.parquet")
    end = time.perf_counter()
    return {
        "seconds": end - start,
        "read": read - start,
        "to_python": to_python - read,
        "convert": converted - to_python,
        "to_arrow": to_arrow - converted,
        "write": end - to_arrow,
    }


def _batches(lines: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(itertools.islice(lines, size)):
        yield chunk


def run_multiprocessing(work: Path, workers: int, batch: int) -> dict[str, float]:
    from multiprocessing import Pool  # noqa: PLC0415

    convert = uztranslit.BatchTransliterator(to="latin", source="cyrillic")
    start = time.perf_counter()
    with (
        open(work / "corpus.txt", encoding="utf-8", newline="") as lines,
        open(work / "mp-out.txt", "w", encoding="utf-8", newline="") as out,
        Pool(workers) as pool,
    ):
        for converted in pool.imap(convert, _batches(lines, batch)):
            out.writelines(converted)
    return {"seconds": time.perf_counter() - start}


def _add_latin(rows: dict[str, list[str]]) -> dict[str, list[str]]:
    return {"latin": DATASETS_LATIN(rows["text"])}


DATASETS_LATIN = uztranslit.BatchTransliterator(to="latin", source="cyrillic")


def run_datasets(work: Path, workers: int, batch: int) -> dict[str, float]:
    cache = Path(tempfile.mkdtemp(prefix="hf-", dir=work))
    os.environ.update(
        HF_DATASETS_OFFLINE="1",
        HF_HUB_OFFLINE="1",
        HF_HOME=str(cache),
        HF_DATASETS_CACHE=str(cache),
        HF_DATASETS_DISABLE_PROGRESS_BARS="1",
    )
    try:
        from datasets import Dataset  # noqa: PLC0415

        start = time.perf_counter()
        dataset = Dataset.from_parquet(str(work / "corpus.parquet"))
        loaded = time.perf_counter()
        latin = dataset.map(
            _add_latin, batched=True, batch_size=batch, num_proc=workers if workers > 1 else None
        )
        mapped = time.perf_counter()
        latin.to_parquet(str(work / "datasets-out.parquet"))
        end = time.perf_counter()
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return {
        "seconds": end - start,
        "load": loaded - start,
        "map": mapped - loaded,
        "write": end - mapped,
    }


def tree_cpu(root: int) -> float:
    """Processor seconds of process *root* and all its living descendants, with the
    children each has waited for (Linux /proc): Spark's JVM and its Python workers,
    which exit without being waited for by this process."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(value) for value in fields[11:15]) / tick
    tree, total = [root], 0.0
    while tree:
        pid = tree.pop()
        total += times.get(pid, 0.0)
        tree.extend(child for child, parent in parents.items() if parent == pid)
    return total


def run_spark(work: Path, workers: int, batch: int) -> dict[str, float]:
    import pandas as pd  # noqa: PLC0415
    from pyspark.sql import SparkSession  # noqa: PLC0415
    from pyspark.sql.pandas.functions import pandas_udf  # noqa: PLC0415
    from pyspark.sql.types import StringType  # noqa: PLC0415

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    convert = uztranslit.BatchTransliterator(to="latin", source="cyrillic")

    def convert_batch(texts: pd.Series) -> pd.Series:
        return convert(texts)

    # Spark reads the type hints to pick the kind of UDF; here they are strings
    # naming a local import (postponed annotations), so they are given as objects.
    convert_batch.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    vectorized: Any = pandas_udf  # its overloads do not see through the annotations above
    to_latin = vectorized(StringType())(convert_batch)

    parquet = work / "corpus.parquet"
    split = max(1, parquet.stat().st_size // (workers * SPLITS_PER_WORKER))
    start = time.perf_counter()
    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("uztranslit-scale")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.files.maxPartitionBytes", str(split))
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    try:
        frame = spark.read.parquet(str(parquet))
        partitions = frame.rdd.getNumPartitions()
        frame = frame.withColumn("latin", to_latin("text"))
        frame.write.mode("overwrite").parquet(str(work / "spark-out"))
        end = time.perf_counter()
        gateway: Any = spark.sparkContext._gateway  # py4j's, with the JVM's process
        cpu = tree_cpu(gateway.proc.pid) + time.process_time()
    finally:
        spark.stop()
    return {
        "seconds": end - start,
        "start": started - start,
        "job": end - started,
        "partitions": partitions,
        "cpu": cpu,
    }


RUNNERS: dict[str, Callable[[Path, int, int], dict[str, float]]] = {
    "baseline": run_baseline,
    "batch": run_batch,
    "arrow": run_arrow,
    "multiprocessing": run_multiprocessing,
    "datasets": run_datasets,
    "spark": run_spark,
}


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measure(engine: str, workers: int, work: Path, batch: int) -> dict[str, float]:
    """One configuration, in a fresh process; "cpu" is the processor time of that process
    and of every process it waited for (workers, Spark's JVM and its Python workers),
    from start to exit, which the load of other programs changes far less than the
    wall-clock time."""
    before = _children_cpu()
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--run",
            engine,
            f"--workers={workers}",
            f"--batch={batch}",
            "--work",
            str(work),
            "unused",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{engine} × {workers} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    figures.setdefault("cpu", _children_cpu() - before)
    return figures


def machine() -> str:
    return (
        f"{time.strftime('%Y-%m-%d')}; {platform.python_implementation()} "
        f"{platform.python_version()}; {platform.machine()}, {os.cpu_count()} cores; "
        f"uztranslit {uztranslit.__version__}"
    )


def versions() -> str:
    found = []
    for name in ("pyarrow", "pandas", "datasets", "pyspark"):
        try:
            module = __import__(name)
            found.append(f"{name} {module.__version__}")
        except ImportError:
            found.append(f"{name} missing")
    java = shutil.which("java")
    if java:
        shown = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
        found.append(shown.stderr.splitlines()[0] if shown.stderr else "java ?")
    return "; ".join(found)


def report(
    results: dict[tuple[str, int], list[dict[str, float]]],
    baselines: list[float],
    size: int,
) -> str:
    """The table: median MB/s end to end, its range, and × the baseline of the same round."""
    lines = [
        "| engine | workers | MB/s (median) | range | × baseline | CPU s per 100 MB "
        "| × baseline CPU | parts of the time (median s) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    base_cpu = statistics.median(run["cpu"] for run in results["baseline", 1])
    for (engine, workers), runs in results.items():
        speeds = [size / 1e6 / run["seconds"] for run in runs]
        ratios = [base / run["seconds"] for run, base in zip(runs, baselines, strict=False)]
        cpu = statistics.median(run["cpu"] for run in runs)
        parts = sorted({key for run in runs for key in run} - {"seconds", "cpu"})
        shown = ", ".join(
            f"{key} {statistics.median(run[key] for run in runs):.3g}" for key in parts
        )
        lines.append(
            f"| {engine} | {workers} | {statistics.median(speeds):.1f} "
            f"| {min(speeds):.1f}–{max(speeds):.1f} | {statistics.median(ratios):.2f} "
            f"| {cpu / size * 1e8:.1f} | {cpu / base_cpu:.2f} | {shown} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="Cyrillic text file(s)")
    parser.add_argument("--mb", type=int, default=200, help="repeat the corpus to this size")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "uzt-scale")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=2000, help="rows per batch or Arrow batch")
    parser.add_argument("--row-group", type=int, default=20_000, help="Parquet rows per group")
    parser.add_argument("--run", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.run:
        figures = RUNNERS[args.run](args.work, args.workers[0], args.batch)
        print(json.dumps(figures))
        return

    corpus = prepared(args.corpus, args.work, args.mb, args.row_group)
    size = corpus["bytes"]
    configurations = [("baseline", 1)] + [
        (engine, workers)
        for engine in args.engines
        if engine != "baseline"
        for workers in ([1] if engine in SINGLE else args.workers)
    ]
    results: dict[tuple[str, int], list[dict[str, float]]] = {c: [] for c in configurations}
    baselines: list[float] = []
    for round_number in range(1, args.rounds + 1):
        for engine, workers in configurations:
            figures = measure(engine, workers, args.work, args.batch)
            results[engine, workers].append(figures)
            if engine == "baseline":
                baselines.append(figures["seconds"])
            print(
                f"round {round_number}: {engine} × {workers}: "
                f"{size / 1e6 / figures['seconds']:.1f} MB/s {json.dumps(figures)}",
                file=sys.stderr,
                flush=True,
            )
    print(f"<!-- {machine()} -->")
    print(f"<!-- {versions()} -->")
    print()
    print(
        f"input: {size / 1e6:.1f} MB of Cyrillic in {corpus['rows']:,} rows: "
        f"{corpus['distinct_bytes'] / 1e6:.1f} MB of real text repeated "
        f"{size / corpus['distinct_bytes']:.0f} times; Parquet {corpus['parquet_bytes'] / 1e6:.1f}"
        f" MB in row groups of {args.row_group:,} rows; batches of {args.batch:,} rows; "
        f"{args.rounds} rounds, configurations in turns"
    )
    print()
    print(report(results, baselines, size))


if __name__ == "__main__":
    main()

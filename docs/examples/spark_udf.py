"""Add a Latin column to a Parquet corpus with PySpark (run by tests/test_recipes.py, -m spark).

    python spark_udf.py corpus.parquet latin-parquet-dir --column text --master 'local[2]'

Spark needs a Java runtime (17 or 21; on Debian: apt-get install default-jre-headless)
and ``pip install pyspark pandas pyarrow``.  A pandas_udf gets each Arrow batch
of the column as a pandas Series and BatchTransliterator converts it in one call;
the script of each row is detected once, only the rows that need it are converted,
and the count of rows per script is printed.  Spark runs on this
machine only (``local[N]``, bound to 127.0.0.1, no web UI).
"""

from __future__ import annotations

import argparse
import os
import sys

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType

import uztranslit

# One converter per script that needs converting, options checked once; they pickle
# with their options into every Python worker.
TO_LATIN = {
    "cyrillic": uztranslit.BatchTransliterator(to="latin", source="cyrillic"),
    "new-latin": uztranslit.BatchTransliterator(to="latin", source="new-latin"),
}


@F.pandas_udf(StringType())
def script(texts: pd.Series) -> pd.Series:
    """The script of each row: cyrillic, latin, new-latin, or null."""
    return pd.Series(uztranslit.detect_scripts(texts), index=texts.index, dtype=object)


@F.pandas_udf(StringType())
def to_latin(texts: pd.Series, scripts: pd.Series) -> pd.Series:
    """The rows in Latin: converted only where their script needs it."""
    latin = texts.astype(object)
    for name, convert in TO_LATIN.items():
        rows = scripts == name
        latin[rows] = convert(texts[rows])
    return latin


def local_spark(master: str) -> SparkSession:
    """A Spark session on this machine only, with its Python workers on this Python."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (
        SparkSession.builder.master(master)
        .appName("uztranslit")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2000")
        .getOrCreate()
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a Parquet file (or folder) with a text column")
    parser.add_argument("target", help="the Parquet folder to write")
    parser.add_argument("--column", default="text", help="the text column (default: text)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    args = parser.parse_args(argv)

    spark = local_spark(args.master)
    try:
        frame = spark.read.parquet(args.source)
        frame = frame.withColumn("script", script(args.column))
        frame = frame.withColumn(f"{args.column}_latin", to_latin(args.column, "script"))
        frame.write.mode("overwrite").parquet(args.target)
        written = spark.read.parquet(args.target)
        for row in written.groupBy("script").count().orderBy("script").collect():
            print(row["script"], row["count"])
    finally:
        spark.stop()


if __name__ == "__main__":
    main()

"""``sitrep batch``: read and extract many inputs, locally or on Spark, into Parquet tables.

The work is cut into units: each expanded input (a file, a URL) is one unit, or ``slices`` units
when there are fewer inputs than partitions; slice ``k`` of ``K`` reads the whole input with the
reader ``sitrep ingest`` uses (``ingest.sources.read_inputs``) and extracts only its items ``i``
with ``i % K == k``. Reading is cheap beside extraction, and this keeps every reader's semantics
(line numbers, failures) exactly as ingest has them. A unit runs the ingest's extractor on batches
(``ingest.pipeline._extract_batch``): one broken article fails alone, a read failure is a row of
the errors table, and nothing fails the job.

The model and gazetteer are cached at module level (``sitrep.pipeline.default_extractor``), so a
Spark Python worker loads them once and keeps them for every task it runs (worker reuse on).
"""
from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..ingest.pipeline import DEFAULT_EXTRACTOR, _batches, _extract_batch
from ..ingest.readers import Failure
from ..ingest.sources import expand, read_inputs
from . import tables

ENGINES = ("local", "spark")


@dataclass(frozen=True, slots=True)
class Unit:
    """Slice ``k`` of ``slices`` of the ``index``-th expanded input ``name``."""

    index: int
    name: str
    k: int = 0
    slices: int = 1


@dataclass(slots=True)
class BatchReport:
    engine: str = "local"
    units: int = 0
    articles: int = 0
    reports: int = 0
    claims: int = 0
    errors: int = 0
    workers: int = 0  # Python processes that extracted
    model_loads: int = 0  # of them, how many loaded the model (once each, when reuse works)
    seconds: float = 0.0
    out: str = ""
    first_errors: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__slots__ if k != "first_errors"}  # type: ignore[attr-defined]
        d["seconds"] = round(self.seconds, 2)
        d["first_errors"] = [{"where": w, "reason": r} for w, r in self.first_errors]
        return d

    def lines(self) -> list[str]:
        out = [f"{self.engine}: {self.articles} articles, {self.reports} reports, {self.claims} claims, "
               f"{self.errors} errors in {self.seconds:.1f} s -> {self.out}"]
        out += [f"  failed: {w}: {r}" for w, r in self.first_errors]
        return out


def units_of(names: Sequence[str], partitions: int = 1) -> list[Unit]:
    """The expanded inputs, each cut into enough slices that there are about ``partitions`` units."""
    inputs = [str(x) for x in expand(names)]
    slices = max(1, -(-partitions // max(1, len(inputs))))
    return [Unit(i, name, k, slices) for i, name in enumerate(inputs) for k in range(slices)]


def run_unit(unit: Unit, extractor: str = DEFAULT_EXTRACTOR, batch_size: int = 32) -> list[tables.Row]:
    """Read and extract one unit: its rows, then one ("stats", (pid, loaded before)) row."""
    import sitrep.pipeline as composed

    warm = composed._DEFAULT is not None
    rows: list[tables.Row] = []
    mine: list[tuple[int, Any]] = []
    for i, item in enumerate(read_inputs([unit.name])):
        if i % unit.slices == unit.k:
            mine.append((tables.seq_of(unit.index, i), item))
    articles = [(seq, item) for seq, item in mine if not isinstance(item, Failure)]
    for seq, item in mine:
        if isinstance(item, Failure):
            rows += tables.failure_rows(seq, "read", item.where, item.reason)
    seq_of = {id(a): seq for seq, a in articles}
    for batch in _batches((a for _, a in articles), batch_size):
        for article, result in _extract_batch(extractor, batch):
            rows += tables.result_rows(seq_of[id(article)], article, result)
    rows.append(("stats", (os.getpid(), warm)))
    return rows


def _count(report: BatchReport, sizes: dict[str, int], stats: list[tuple[Any, ...]], errors: list[tuple[Any, ...]]) -> None:
    report.articles, report.reports = sizes.get("articles", 0), sizes.get("reports", 0)
    report.claims, report.errors = sizes.get("claims", 0), sizes.get("errors", 0)
    report.workers = len({pid for pid, _ in stats})
    report.model_loads = len({pid for pid, warm in stats if not warm})
    report.first_errors = [(e[2], e[3]) for e in sorted(errors)[:5]]


def run_local(units: list[Unit], out: Path, extractor: str = DEFAULT_EXTRACTOR) -> BatchReport:
    """The units one after another in this process, each table streamed to one Parquet file."""
    report = BatchReport(engine="local", units=len(units))
    sizes = dict.fromkeys(tables.TABLES, 0)
    stats: list[tuple[Any, ...]] = []
    errors: list[tuple[Any, ...]] = []
    writer = tables.Writer(out)
    try:
        for unit in units:
            for table, row in run_unit(unit, extractor):
                if table == "stats":
                    stats.append(row)
                    continue
                sizes[table] += 1
                writer.add(table, row)
                if table == "errors" and len(errors) < 5:
                    errors.append(row)
    finally:
        writer.close()
    _count(report, sizes, stats, errors)
    return report


def spark_session(master: str, tmp: str | None = None) -> Any:
    """A Spark session for the batch: worker reuse on (one model per Python worker), no UI."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise ConfigError("--engine spark needs pyspark: pip install 'sitrep[spark]' (and Java 17)") from e
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors on this machine use this venv
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName("sitrep-batch")
               .config("spark.python.worker.reuse", "true")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.driver.extraJavaOptions", "-Dderby.system.home=" + (tmp or "/tmp")))
    if os.environ.get("SITREP_DATA_DIR"):  # where the gazetteer index is, for executors started elsewhere
        builder = builder.config("spark.executorEnv.SITREP_DATA_DIR", os.environ["SITREP_DATA_DIR"])
    if tmp:
        builder = builder.config("spark.local.dir", tmp).config("spark.sql.warehouse.dir", os.path.join(tmp, "warehouse"))
    try:
        spark = builder.getOrCreate()
    except Exception as e:  # noqa: BLE001 - Java missing or the master unreachable: one clear line
        raise ConfigError(f"cannot start Spark at {master}: {type(e).__name__}: {str(e).splitlines()[0][:200]}") from e
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(units: list[Unit], out: Path, master: str = "local[2]", extractor: str = DEFAULT_EXTRACTOR,
              tmp: str | None = None) -> BatchReport:
    """The units as Spark partitions; each table written by Spark as Parquet under ``out``."""
    report = BatchReport(engine="spark", units=len(units))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")  # no pandas used
        spark = spark_session(master, tmp)
        try:
            _spark_job(spark, units, out, extractor, report)
        finally:
            spark.stop()
    return report


def _spark_job(spark: Any, units: list[Unit], out: Path, extractor: str, report: BatchReport) -> None:
    """Extract once, in the Python workers, into one wide DataFrame (a ``table`` column and each
    table's columns, the others null), cached in the JVM; count and write the four tables from it
    there. Rows cross from Python to the JVM once: filtering an RDD of Python rows four times over
    (and once for each count) cost more than the extraction at a few hundred articles."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType

    sc = spark.sparkContext
    names = _wide_names()
    at = {name: i for i, name in enumerate(names)}

    def wide(row: tables.Row) -> tuple[Any, ...]:
        table, values = row
        cols = ("pid", "warm") if table == "stats" else tables.SCHEMAS[table].names
        out_row: list[Any] = [None] * len(names)
        out_row[0] = table
        for name, value in zip(cols, values):
            out_row[at[f"{table}__{name}"]] = int(value) if table == "stats" else value
        return tuple(out_row)

    rows = sc.parallelize(units, max(1, len(units))).flatMap(lambda u: [wide(r) for r in run_unit(u, extractor)])
    df = spark.createDataFrame(rows, StructType.fromJson(_wide_schema())).persist(StorageLevel.MEMORY_AND_DISK)
    sizes = {r["table"]: r["count"] for r in df.groupBy("table").count().collect()}
    stats = [(r[0], bool(r[1])) for r in df.filter(F.col("table") == "stats").select("stats__pid", "stats__warm").collect()]
    error_cols = [f"errors__{n}" for n in tables.SCHEMAS["errors"].names]
    errors = [tuple(r) for r in df.filter(F.col("table") == "errors").select(*error_cols).orderBy(*error_cols).limit(5).collect()]
    _count(report, sizes, stats, errors)
    for table in tables.TABLES:
        cols = [F.col(f"{table}__{n}").alias(n) for n in tables.SCHEMAS[table].names]
        df.filter(F.col("table") == table).select(*cols).write.mode("overwrite").parquet(str(out / table))
    df.unpersist()


def _wide_names() -> list[str]:
    return ["table", *(f"{t}__{f.name}" for t in tables.TABLES for f in tables.SCHEMAS[t]), "stats__pid", "stats__warm"]


def _wide_schema() -> dict[str, Any]:
    """The Spark schema of the wide rows: ``table``, then ``TABLE__COLUMN`` for each table's columns."""
    kinds = {"int64": "long", "int32": "integer", "string": "string"}
    types = {"table": "string", "stats__pid": "long", "stats__warm": "long"}
    types.update({f"{t}__{f.name}": kinds[str(f.type)] for t in tables.TABLES for f in tables.SCHEMAS[t]})
    return {"type": "struct", "fields": [{"name": n, "type": types[n], "nullable": True, "metadata": {}}
                                         for n in _wide_names()]}


def batch(names: Sequence[str], out: str | Path, *, engine: str = "local", master: str = "local[2]",
          partitions: int | None = None, extractor: str = DEFAULT_EXTRACTOR, tmp: str | None = None) -> BatchReport:
    """Read and extract ``names`` (files, folders, globs, URLs) into Parquet tables under ``out``."""
    if engine not in ENGINES:
        raise ConfigError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if partitions is not None and partitions < 1:
        raise ConfigError("--partitions must be at least 1")
    if engine == "spark" and "-" in names:
        raise ConfigError("standard input cannot be spread over Spark executors: use --engine local")
    started = time.perf_counter()
    where = Path(out)
    where.mkdir(parents=True, exist_ok=True)
    if engine == "local":
        report = run_local(units_of(names, 1), where, extractor)
    else:
        report = run_spark(units_of(names, partitions or _parallelism(master)), where, master, extractor, tmp)
    report.seconds = time.perf_counter() - started
    report.out = str(where)
    return report


def _parallelism(master: str) -> int:
    """Two partitions per core of a local master (a straggler costs less); 8 for a cluster."""
    inside = master[master.find("[") + 1:master.find("]")] if "[" in master else ""
    if inside == "*":
        return 2 * (os.cpu_count() or 1)
    return 2 * int(inside) if inside.isdigit() else 8

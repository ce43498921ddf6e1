"""Configuration in one place: paths, limits, batch sizes and data-quality severities.

Everything a user might want to tune lives here; other modules import from it rather than
hard-coding numbers. Environment variables override the defaults where noted.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WAREHOUSE_SQL = PROJECT_ROOT / "warehouse"  # DDL, views and example queries as .sql files
DATA_DIR = Path(__file__).resolve().parent / "data"  # shipped reference data

DEFAULT_RAW = Path("raw")
DEFAULT_DB = Path("warehouse/coopfacts.duckdb")
REPORT_DIRNAME = "reports"  # default report folder, beside the warehouse file

#: Files larger than this are quarantined ('too_large') rather than read: a 50 MB text
#: file is almost certainly a data dump, not a brief, and would dominate a run's memory.
MAX_BYTES = int(os.environ.get("COOPFACTS_MAX_BYTES", 50 * 1024 * 1024))

#: A document whose text is longer than this many characters is extracted in parts cut at
#: paragraph breaks (flows/extract/__init__.py: extract_all), so that one huge document
#: needs the extractors' memory of one part, not of the whole. 1,000,000 characters is
#: about 500 pages of prose: no brief or report of the corpora comes near it.
PART_CHARS = int(os.environ.get("COOPFACTS_PART_CHARS", 1_000_000))

#: Documents per extraction task. Each Prefect task run costs milliseconds and log lines,
#: so work is batched; a batch of this many typical briefs takes well under a second.
BATCH_DOCS = int(os.environ.get("COOPFACTS_BATCH_DOCS", 200))

#: New or changed documents per run. A `coopfacts run` with more is done as consecutive
#: runs of at most this many (each loaded atomically, each a row of quality.runs), because a
#: run's load is one DuckDB transaction that holds its rows in memory until it commits
#: (~28 MB per 1,000 documents): so the memory of a run stays flat whatever the corpus size.
RUN_DOCS = int(os.environ.get("COOPFACTS_RUN_DOCS", 2000))

#: Processes that extract in parallel when a run has more than one batch (plain Python
#: processes of about 60 MB each: flows/batch.py).
WORKERS = int(os.environ.get("COOPFACTS_WORKERS", os.cpu_count() or 1))

#: Where the extraction batches run: 'local' (the worker processes above) or 'dask'
#: (prefect-dask's DaskTaskRunner: the cluster at DASK_ADDRESS, else a local cluster of
#: WORKERS processes). Setting COOPFACTS_DASK_ADDRESS (tcp://scheduler:8786) implies 'dask'.
DASK_ADDRESS = os.environ.get("COOPFACTS_DASK_ADDRESS") or None
RUNNER = os.environ.get("COOPFACTS_RUNNER") or ("dask" if DASK_ADDRESS else "local")

#: DuckDB threads of the load's write connection. The load is one transaction of bulk
#: inserts from Parquet; with one thread it kept ~30 MB less memory (3,000 documents: ~165
#: instead of ~195 MB above the process's base) and was no slower (bench: 12,000 documents
#: loaded in 20 s instead of 32 s on a busy 2-core machine). Reads keep DuckDB's default.
LOAD_THREADS = int(os.environ.get("COOPFACTS_LOAD_THREADS", 1))

#: How long a writer waits for another process's lock on the warehouse before giving up,
#: and the first back-off step (doubling, capped at 2 s).
LOCK_TIMEOUT_S = float(os.environ.get("COOPFACTS_LOCK_TIMEOUT", 120))
LOCK_FIRST_WAIT_S = 0.1

#: Run-level quality checks: severity ('error' fails the run and loads nothing, 'warn'
#: loads and reports) and the threshold each check compares its observed value against.
CHECKS: dict[str, dict] = {
    "schema":                {"severity": "warn", "threshold": 0, "doc": "rows failing their table's Pandera schema (quarantined); 'schema:<check>' rows name the Pandera check"},
    "grounding":             {"severity": "error", "threshold": 0, "doc": "fact rows whose evidence differs from the document text at their offsets (re-verified)"},
    "referential_integrity": {"severity": "error", "threshold": 0, "doc": "org_id, project_id and iso3 values that resolve to no row"},
    "duplicates":            {"severity": "warn", "threshold": 0, "doc": "the same fact twice: same span and values, or the same project, event, agreement, person or contact restated in a document"},
    "plausibility":          {"severity": "warn", "threshold": 0, "doc": "projects or events ending before they start; project budgets below the money stated for them"},
    "coverage":              {"severity": "warn", "threshold": 0.5, "doc": "share of the run's documents with no fact of a type documents usually have",
                              "tables": ["country_mentions", "org_mentions", "money"]},
    "freshness":             {"severity": "warn", "threshold": 3650, "doc": "days since the newest publication date among the run's documents"},
}


def prefect_env() -> dict[str, str]:
    """Environment for an offline, quiet Prefect run.

    Prefect's ephemeral server keeps its state in a SQLite file under PREFECT_HOME; two
    coopfacts processes sharing one file fight over its lock ("database is locked"). Unless
    the user points Prefect somewhere (PREFECT_HOME or PREFECT_API_URL), each process gets
    its own home: the first free slot under ~/.cache/coopfacts/prefect/ (a slot is taken by
    holding a lock on it for the life of the process). A warm slot starts faster than a
    new one, and two concurrent runs never share one. Run history lives in the
    warehouse's quality tables, not in Prefect's database.
    """
    env = {
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": os.environ.get("PREFECT_LOGGING_LEVEL", "WARNING"),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    }
    if not os.environ.get("PREFECT_HOME") and not os.environ.get("PREFECT_API_URL"):
        env["PREFECT_HOME"] = str(_free_prefect_home())
    return env


_HOME_LOCK = None  # the open, locked file that reserves this process's Prefect home


def _free_prefect_home() -> Path:
    import fcntl

    global _HOME_LOCK
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "coopfacts" / "prefect"
    for slot in range(64):
        home = base / f"slot-{slot}"
        home.mkdir(parents=True, exist_ok=True)
        fh = open(home / ".lock", "w")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            continue
        _HOME_LOCK = fh
        return home
    raise RuntimeError(f"all Prefect homes under {base} are in use by other coopfacts processes")


def checks_config() -> dict[str, dict]:
    """settings.CHECKS, with severities/thresholds overridden by a TOML file if one is named.

    COOPFACTS_QUALITY_CONFIG=path/to/quality.toml, with tables like
        [plausibility]
        severity = "error"
    lets a data owner make a check blocking without touching code.
    """
    import tomllib

    config = {name: dict(cfg) for name, cfg in CHECKS.items()}
    path = os.environ.get("COOPFACTS_QUALITY_CONFIG")
    if path:
        with open(path, "rb") as fh:
            for name, override in tomllib.load(fh).items():
                if name not in config:
                    raise ValueError(f"{path}: unknown check {name!r}; known: {', '.join(config)}")
                config[name].update(override)
    return config

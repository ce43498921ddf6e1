"""The `coopfacts` command line: run | sql | report | serve | explain | show.

User mistakes (a missing folder, bad SQL, a locked warehouse, an unknown fact id, a bad
option) print one line, `error: what happened; what to do`, and exit 2: never a traceback.
An unexpected failure (a bug) prints one line too, exits 1, and leaves its traceback in
~/.cache/coopfacts/last-error.log (COOPFACTS_DEBUG=1 shows it on the terminal instead).
"""
from __future__ import annotations

import atexit
import csv
import io
import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from typing import List, Optional

import typer

from . import prefect_server, settings

USER_ERROR = 2
FORMATS = ("table", "csv", "json", "markdown")


class UserError(Exception):
    """A mistake the user can fix: printed as one `error:` line, exit code 2."""


def fail(message: str) -> None:
    raise UserError(message)


def prepare_prefect() -> None:
    """Offline, quiet Prefect with a home of this process's own; before prefect is imported."""
    for key, value in settings.prefect_env().items():
        os.environ.setdefault(key, value)


def error_log_path() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "coopfacts" / "last-error.log"


app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Development-cooperation documents in, a grounded DuckDB warehouse of facts out.")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"coopfacts {version('coopfacts')}")
        except PackageNotFoundError:
            typer.echo("coopfacts (not installed)")
        raise typer.Exit()


@app.callback()
def _root(_: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="print the version and exit")):
    """Development-cooperation documents in, a grounded DuckDB warehouse of facts out."""


# --------------------------------------------------------------------- warehouse paths

def check_warehouse(db: Path) -> Path:
    """A warehouse file that exists and is a DuckDB file (read commands), or a UserError."""
    if not db.exists():
        fail(f"no warehouse at {db}; build one with `coopfacts run --db {db}`, or pass --db PATH")
    if db.is_dir():
        fail(f"{db} is a folder, not a warehouse file; pass --db path/to/coopfacts.duckdb")
    _check_duckdb_file(db)
    return db


def _check_duckdb_file(db: Path) -> None:
    try:
        with open(db, "rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        fail(f"cannot read the warehouse {db}: {exc.strerror}")
    if head[8:12] != b"DUCK":
        fail(f"{db} is not a DuckDB file; pass --db path/to/coopfacts.duckdb")


def check_writable_warehouse(db: Path) -> None:
    """`run` will create or update this file: it must be a DuckDB file in a writable folder."""
    if db.is_dir():
        fail(f"{db} is a folder, not a warehouse file; pass --db path/to/coopfacts.duckdb")
    if db.exists():
        _check_duckdb_file(db)
        if not os.access(db, os.W_OK):
            fail(f"the warehouse {db} is read-only for you; pass another --db or fix its permissions")
        return
    parent = db.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        fail(f"cannot create {db}: {parent} is a file, not a folder; pass another --db")
    if not os.access(parent, os.W_OK):
        fail(f"cannot create {db}: the folder {parent} is not writable; pass another --db")


def check_quality_config() -> None:
    """A COOPFACTS_QUALITY_CONFIG file that is missing or wrong is the user's to fix, before a run."""
    path = os.environ.get("COOPFACTS_QUALITY_CONFIG")
    if not path:
        return
    from . import checks

    try:
        checks.config()
    except FileNotFoundError:
        fail(f"COOPFACTS_QUALITY_CONFIG names {path}, which does not exist; fix the path or unset it")
    except Exception as exc:  # TOML syntax, an unknown check, a bad severity or threshold
        fail(f"COOPFACTS_QUALITY_CONFIG={path}: {_first_line(exc)}")


def _open_read_only(db: Path):
    """A read-only connection (waiting politely while a run writes), or a UserError."""
    import duckdb

    from .load import connect

    try:
        con = connect(check_warehouse(db), read_only=True, on_wait=lambda m: typer.echo(m, err=True))
    except duckdb.Error as exc:
        fail(f"cannot open the warehouse {db}: {_first_line(exc)}")
    tables = {r[0] for r in con.execute(
        "SELECT table_schema || '.' || table_name FROM information_schema.tables").fetchall()}
    if "main.documents" not in tables:
        con.close()
        fail(f"{db} is a DuckDB file but not a coopfacts warehouse (no documents table); "
             f"build one with `coopfacts run --db PATH`")
    return con


def _first_line(exc: BaseException) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    return lines[0] if lines else type(exc).__name__


# --------------------------------------------------------------------------------- run

OUR_LOGGERS = ("prefect.flow_runs", "prefect.task_runs", "coopfacts")
_DISPLAY: "RunDisplay | None" = None  # the display of the run in progress, if any


class WatchFilter(logging.Filter):
    """On Prefect's run loggers: show each record to the display, then let through only what
    Prefect's configured level (PREFECT_LOGGING_LEVEL) would have let through."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _DISPLAY is not None:
            _DISPLAY.observe(record)
        return record.levelno >= logging.getLogger("prefect").getEffectiveLevel()


class HideFilter(logging.Filter):
    """On Prefect's console handler: while a display runs, it shows the run's records itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _DISPLAY is None or not record.name.startswith(OUR_LOGGERS)


class DisplayHandler(logging.Handler):
    """On the root logger: the run's warnings and errors, to the display."""

    def emit(self, record: logging.LogRecord) -> None:
        if _DISPLAY is not None and record.name.startswith(OUR_LOGGERS):
            _DISPLAY.record(record)


def logging_config_file() -> Path | None:
    """Prefect's own logging config plus coopfacts' watch/hide filters, as a file for
    PREFECT_LOGGING_SETTINGS_PATH (Prefect re-reads it whenever it re-configures logging,
    e.g. when its temporary server starts, so hooks added at run time would not survive).
    None when the user has a logging config of their own."""
    import importlib.util

    import yaml

    home = os.environ.get("PREFECT_HOME")
    if (os.environ.get("PREFECT_LOGGING_SETTINGS_PATH") or os.environ.get("PREFECT_LOGGING_CONFIG_PATH")
            or (home and (Path(home) / "logging.yml").exists())):
        return None
    spec = importlib.util.find_spec("prefect")
    default = Path(list(spec.submodule_search_locations)[0]) / "logging" / "logging.yml"
    config = yaml.safe_load(default.read_text())
    config.setdefault("filters", {}).update({"coopfacts_watch": {"()": "flows.cli.WatchFilter"},
                                             "coopfacts_hide": {"()": "flows.cli.HideFilter"}})
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logger = config.setdefault("loggers", {}).setdefault(name, {})
        logger["level"] = "DEBUG"  # 'Created task run' is a debug record; WatchFilter drops it after looking
        logger.setdefault("filters", []).append("coopfacts_watch")
    config["handlers"]["console"].setdefault("filters", []).append("coopfacts_hide")
    config["handlers"]["coopfacts_display"] = {"class": "flows.cli.DisplayHandler", "level": "WARNING"}
    config.setdefault("root", {}).setdefault("handlers", []).append("coopfacts_display")
    text = yaml.safe_dump(config, sort_keys=False)
    path = error_log_path().parent / "prefect-logging.yml"
    try:
        if not path.exists() or path.read_text() != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text)
            tmp.replace(path)
    except OSError:
        return None
    return path


class RunDisplay:
    """Shows where a run is, from the records Prefect itself logs for the flow and its tasks.

    On a terminal: a transient rich progress line (spinner, stage, bar, elapsed time). The
    bar fills only when the flow reports counts (a flow-run record with
    `extra={"coopfacts_progress": {"stage": ..., "done": k, "total": n, "unit": "documents"}}`);
    otherwise it pulses, because a stage's length is not known. In a pipe or CI: nothing.
    Either way Prefect's own console lines for the run are kept off the screen; warnings
    (a busy warehouse) become one `warning:` line each, and errors with their tracebacks go
    to the error log (the CLI prints the one-line reason itself).
    """

    STAGES = {"plan": "comparing {n} files with the warehouse",
              "transform-validate-check": "transforming, validating, checking",
              "load": "loading into the warehouse (one transaction)"}

    def __init__(self, n_files: int):
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from .summary import styled_terminal

        self.n_files = n_files
        self.live = styled_terminal(sys.stderr)
        self.progress = None
        self._warned: set[str] = set()
        self._errors: list[str] = []
        self._batches = 0
        if self.live:
            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24),
                                     TextColumn("{task.fields[count]}"), TimeElapsedColumn(),
                                     console=Console(file=sys.stderr), transient=True)
            self.task = self.progress.add_task(self.STAGES["plan"].format(n=n_files), total=None, count="")

    def __enter__(self):
        global _DISPLAY
        _DISPLAY = self
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc):
        global _DISPLAY
        _DISPLAY = None
        if self.progress:
            self.progress.stop()
        return False

    def observe(self, record: logging.LogRecord) -> None:
        """Move the display on from a flow- or task-run record."""
        try:
            msg = record.getMessage()
            task = getattr(record, "task_name", None)
            counts = getattr(record, "coopfacts_progress", None)
            if isinstance(counts, dict):
                self._counting = True
                self.stage(counts.get("stage"), counts.get("done"), counts.get("total"), counts.get("unit", ""))
            elif record.name == "prefect.flow_runs" and msg.startswith("Beginning flow run"):
                self.stage(self.STAGES["plan"].format(n=self.n_files))
            elif task and msg.startswith("Created task run"):
                if "extract" in task and getattr(self, "_counting", False):
                    pass  # the flow reports counts: keep its bar
                elif "extract" in task:
                    self._batches += 1
                    self.stage("reading documents and extracting facts"
                               + (f" (batch {self._batches})" if self._batches > 1 else ""))
                else:
                    self.stage(self.STAGES.get(task, task).format(n=self.n_files))
            elif task == "load" and msg.startswith("Finished in state Completed"):
                self.stage("writing the report")
        except Exception:  # the display must never break a run
            pass

    def stage(self, description: str | None, done: int | None = None, total: int | None = None,
              unit: str = "") -> None:
        if not self.progress:
            return
        kw = {"total": total, "completed": done or 0,
              "count": f"{done}/{total} {unit}".rstrip() if total else ""}
        if description:
            kw["description"] = description
        self.progress.update(self.task, **kw)

    def record(self, record: logging.LogRecord) -> None:
        """A warning becomes one line; an error (with its traceback) goes to the error log."""
        if record.levelno >= logging.ERROR:
            text = f"{record.name}: {record.getMessage()}"
            if record.exc_info:
                text += "\n" + "".join(traceback.format_exception(*record.exc_info))
            self._errors.append(text)
        elif record.levelno >= logging.WARNING:
            self.warn(record.getMessage())

    def warn(self, message: str) -> None:
        if message in self._warned:
            return
        self._warned.add(message)
        line = f"warning: {message}"
        if self.progress:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def errors(self) -> list[str]:
        return list(self._errors)


def _save_error_log(lines: list[str]) -> Path | None:
    path = error_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n")
        return path
    except OSError:
        return None


@app.command()
def run(raw: Path = typer.Option(settings.DEFAULT_RAW, help="folder of documents (*.txt, *.md, *.html, *.pdf)"),
        db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file (created when missing)"),
        report: Optional[Path] = typer.Option(None, help="report folder (default: reports/ beside the warehouse)"),
        runner: Optional[str] = typer.Option(None, help="where extraction runs: 'local' (worker processes, "
                                             "the default) or 'dask' (COOPFACTS_DASK_ADDRESS, else a local "
                                             "Dask cluster; needs the 'dask' extra)")):
    """Load new and changed documents from RAW into the warehouse, then write the quality report."""
    began = time.monotonic()
    if runner is not None:
        if runner not in ("local", "dask"):
            fail(f"--runner {runner}: use 'local' or 'dask'")
        if runner == "dask":
            import importlib.util

            if importlib.util.find_spec("prefect_dask") is None:  # not imported: Prefect is set up later
                fail("--runner dask needs prefect-dask; install it with: pip install 'coopfacts[dask]'")
        settings.RUNNER = runner
    if not raw.exists():
        fail(f"raw folder {raw} does not exist; pass --raw DIR (a folder of .txt, .md, .html, .pdf files)")
    if not raw.is_dir():
        fail(f"--raw {raw} is a file, not a folder; pass the folder that holds the documents")
    check_writable_warehouse(db)
    check_quality_config()
    if report is not None and report.exists() and not report.is_dir():
        fail(f"--report {report} is a file, not a folder; pass a folder for report.html and report.json")
    from . import read, summary
    from .load import connect

    n_files = len(read.discover(raw))
    display = RunDisplay(n_files)
    if n_files == 0:
        display.warn(f"no documents (*.txt, *.md, *.html, *.pdf) under {raw}; "
                     "documents loaded from it before will be marked removed")
    if db.exists():  # fail fast (before Prefect starts) on a locked or unreadable warehouse
        import duckdb

        try:
            connect(db, read_only=True, on_wait=display.warn).close()
        except duckdb.Error as exc:
            fail(f"cannot open the warehouse {db}: {_first_line(exc)}")

    with display:
        from . import stages
        from .load import WarehouseLocked

        # Hash the files and compare with the warehouse first: when nothing is new or changed
        # the run is recorded without starting Prefect (seconds), see stages.run_without_extraction
        p = stages.plan(raw, db)
        failed = None
        try:
            unchanged = stages.nothing_to_extract(p, raw)
            if unchanged is not None:
                result = stages.run_without_extraction(raw, db, report, unchanged)
            else:
                result = _run_flow(raw, db, report)
        except stages.RunFailed as exc:
            failed = exc
        except (WarehouseLocked, KeyboardInterrupt, typer.Exit):
            raise
        except BaseException as exc:
            log = _save_error_log(display.errors() + ["".join(traceback.format_exception(exc))])
            raise RunCrashed(exc, log) from exc
    if failed is not None:
        report_html = (report or db.parent / settings.REPORT_DIRNAME) / "report.html"
        summary.print_failed(db, str(failed), str(report_html))
        raise typer.Exit(1)
    summary.print_run(result, elapsed=time.monotonic() - began)


def _run_flow(raw: Path, db: Path, report: Optional[Path]) -> dict:
    """The Prefect flow (a temporary local API server unless PREFECT_API_URL is set)."""
    display = _DISPLAY
    if display is not None:
        display.stage("starting Prefect (a local, temporary server)")
    prepare_prefect()
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        # boots in its own process while this one imports Prefect and the pipeline
        server = prefect_server.start()
        os.environ["PREFECT_API_URL"] = server.api_url
        # stopped at exit, after Prefect's own exit hooks (threading's, which run before
        # atexit's) have sent their last logs and events to it: stopped any earlier, they
        # retry a dead address for a minute or more
        atexit.register(prefect_server.stop, server)
    config = logging_config_file()
    if config:
        os.environ["PREFECT_LOGGING_SETTINGS_PATH"] = str(config)
    from .pipeline import flow_for

    if server is not None:
        prefect_server.wait_ready(server, float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    state = flow_for(raw)(str(raw), str(db), str(report) if report else None, return_state=True)
    return state.result(raise_on_failure=True)


class RunCrashed(Exception):
    """The run failed for a reason that is not the user's: one line, exit 1, traceback in a file."""

    def __init__(self, exc: BaseException, log: Path | None):
        super().__init__(f"{type(exc).__name__}: {_first_line(exc)}")
        self.log = log


# --------------------------------------------------------------------------------- sql

def _csv_cell(v):
    from .summary import plain_value

    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(plain_value(v), ensure_ascii=False)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)  # Decimal keeps its exact digits


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    """Rows as a table (for people), csv (header line), json (one array of objects) or markdown."""
    from decimal import Decimal

    from .summary import human_value, plain_value

    if fmt == "json":
        objects = [json.dumps({c: plain_value(v) for c, v in zip(columns, r)}, ensure_ascii=False) for r in rows]
        return "[\n" + ",\n".join(objects) + "\n]" if objects else "[]"  # one array, a row per line
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_csv_cell(v) for v in r] for r in rows])
        return buf.getvalue().rstrip("\n")
    cells = [[human_value(v) for v in r] for r in rows]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float, Decimal)) and not isinstance(r[i], bool)
                                  for r in rows if r[i] is not None) for i in range(len(columns))]
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |",
                 "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in cells]
        return "\n".join(lines)
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]

    def cell(s: str, w: int, right: bool) -> str:
        s = s if len(s) <= w else s[: w - 1] + "…"
        return s.rjust(w) if right else s.ljust(w)

    lines = ["  ".join(cell(c, w, n) for c, w, n in zip(columns, widths, numeric)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cell(v, w, n) for v, w, n in zip(r, widths, numeric)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def example_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted((settings.WAREHOUSE_SQL / "queries").glob("*.sql"))}


def describe_query(path: Path) -> str:
    for line in path.read_text().splitlines():
        if line.strip().startswith("--"):
            return line.strip().lstrip("-").strip()
        if line.strip():
            break
    return ""


@app.command()
def sql(query: Optional[List[str]] = typer.Argument(None, help="SQL text (quoted), or the name of an example query"),
        file: Optional[Path] = typer.Option(None, "--file", "-f", help="read the SQL from a file"),
        db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
        format: str = typer.Option("table", "--format", help="table, csv, json or markdown"),
        list_: bool = typer.Option(False, "--list", "-l", help="list the example queries and exit")):
    """Ad hoc SQL on a read-only connection (waits while a run is loading).

    Example queries run by name: coopfacts sql largest_amounts (see --list).
    """
    import duckdb

    examples = example_queries()
    if list_:
        width = max((len(n) for n in examples), default=0)
        for name, path in examples.items():
            typer.echo(f"{name:<{width}}  {describe_query(path)}")
        where = settings.WAREHOUSE_SQL / "queries"
        try:
            where = where.relative_to(Path.cwd())
        except ValueError:
            pass
        typer.echo(f"\nrun one with: coopfacts sql NAME   (the SQL is in {where}/)")
        return
    fmt = format.lower()
    if fmt not in FORMATS:
        fail(f"unknown format {format!r}; use --format table, csv, json or markdown")
    words = query or []
    if file:
        if words:
            fail("give the SQL either as an argument or with --file, not both")
        if not file.is_file():
            fail(f"no SQL file at {file}; pass --file path/to/query.sql")
        text = file.read_text()
    elif len(words) == 1 and (words[0] in examples or words[0].removesuffix(".sql") in examples):
        text = examples[words[0].removesuffix(".sql")].read_text()
    else:
        text = " ".join(words)
    if not text.strip():
        fail("give a query in quotes, --file F, or an example name: " + (", ".join(examples) or "none")
             + " (coopfacts sql --list)")
    con = _open_read_only(db)
    try:
        rel = con.sql(text)
        if rel is None:
            typer.echo("(the statement ran; it returns no rows)", err=True)
            return
        columns, rows = rel.columns, rel.fetchall()
    except duckdb.Error as exc:
        msg = _first_line(exc)
        if "read-only" in msg.lower():
            fail(f"the query tried to change the warehouse, which `coopfacts sql` opens read-only "
                 f"({msg}); only `coopfacts run` writes to it")
        hint = "; put the SQL in quotes" if len(words) > 1 and msg.startswith("Parser Error") else ""
        if len(words) == 1 and " " not in words[0].strip():
            hint = f"; not an example query either ({', '.join(examples)})"
        fail(f"the query failed: {msg}{hint}")
    finally:
        con.close()
    typer.echo(format_rows(columns, rows, fmt))


# ------------------------------------------------------------------------------ report

@app.command()
def report(db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
           out: Optional[Path] = typer.Option(None, help="folder for report.html and report.json (default: reports/ beside the warehouse)")):
    """(Re)build report.html and report.json from what is in the warehouse."""
    from . import report as report_mod

    _open_read_only(db).close()  # a clear error for a missing, foreign or locked file
    target = out or db.parent / settings.REPORT_DIRNAME
    if target.exists() and not target.is_dir():
        fail(f"--out {target} is a file, not a folder; pass a folder for report.html and report.json")
    html, js = report_mod.write_report(db, target)
    typer.echo(f"report: {html}\njson:   {js}")


# ------------------------------------------------------------------------------- serve

@app.command()
def serve(raw: Path = typer.Option(settings.DEFAULT_RAW, help="folder of documents"),
          db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
          cron: str = typer.Option("0 * * * *", help="cron schedule (default: hourly)"),
          interval: Optional[float] = typer.Option(None, help="run every N seconds instead of on the cron"),
          timezone: str = typer.Option("UTC", help="time zone of the schedule, e.g. Europe/Zurich")):
    """Serve the flow on a schedule; each run picks up new or changed files.

    Starts a local Prefect server for as long as it serves, unless PREFECT_API_URL points at one.
    """
    if not raw.is_dir():
        fail(f"raw folder {raw} does not exist or is not a folder; pass --raw DIR")
    check_writable_warehouse(db)
    check_quality_config()
    if interval is not None and interval <= 0:
        fail("--interval must be a positive number of seconds")
    prepare_prefect()
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValueError:
        fail(f"bad schedule: cron {cron!r} in time zone {timezone!r}; e.g. --cron '0 6 * * *' --timezone Europe/Zurich")
    from . import serve as serve_mod

    import signal

    stopping: list[bool] = []

    def on_interrupt(signum, frame):
        stopping.append(True)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        serve_mod.serve(raw, db, cron, interval, timezone, typer.echo)
    except KeyboardInterrupt:
        typer.echo("stopped")
    except Exception:
        if not stopping:
            raise
        # Ctrl-C reaches the local Prefect server too; it may be gone before the runner has
        # paused its schedule, which then fails to connect: that is still a normal stop.
        typer.echo("stopped")
    else:
        typer.echo("stopped")


# ------------------------------------------------------------------------ explain/show

@app.command()
def explain(fact_id: str = typer.Argument(..., help="a fact_id or project_id (or its first 6+ characters)"),
            db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file")):
    """A fact with its evidence highlighted in its surrounding text, its rule and its checks."""
    from . import summary

    _open_read_only(db).close()
    try:
        summary.explain(db, fact_id)
    except summary.NotFound as exc:
        fail(str(exc))


@app.command()
def show(doc: str = typer.Argument(..., help="a source path, a unique part of it, or a doc_id (prefix)"),
         db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
         all_: bool = typer.Option(False, "--all", "-a", help="every fact, not the first 10 per table")):
    """A document's metadata and its facts, with their ids."""
    from . import summary

    _open_read_only(db).close()
    try:
        summary.show(db, doc, limit=None if all_ else 10)
    except summary.NotFound as exc:
        fail(str(exc))


# -------------------------------------------------------------------------------- main

def _click_classes():
    """click's exception classes, whether typer vendors click or uses the package."""
    by_name = {c.__name__: c for c in typer.BadParameter.__mro__}
    return by_name["ClickException"], by_name["UsageError"]


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every way out is an exit code and at most a few plain lines."""
    import duckdb

    from .load import WarehouseLocked

    ClickException, UsageError = _click_classes()
    command = typer.main.get_command(app)
    debug = bool(os.environ.get("COOPFACTS_DEBUG"))
    try:
        rv = command.main(args=argv if argv is not None else sys.argv[1:], prog_name="coopfacts",
                          standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except UserError as exc:
        _error(str(exc))
        code = USER_ERROR
    except WarehouseLocked as exc:
        _error(str(exc))
        code = USER_ERROR
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()
        else:
            where = exc.ctx.command_path if getattr(exc, "ctx", None) else "coopfacts"
            _error(f"{exc.format_message().rstrip('.')} (see `{where} --help`)")
        code = exc.exit_code
    except ClickException as exc:
        _error(exc.format_message())
        code = exc.exit_code
    except KeyboardInterrupt:
        _error("interrupted (a load in progress rolls back: the warehouse keeps its last complete run)")
        code = 130
    except RunCrashed as exc:
        if debug:
            raise
        where = f"; the traceback is in {exc.log}" if exc.log else ""
        _error(f"the run crashed: {exc}{where}. The warehouse holds all of a run or none of it "
               "(one transaction). Unless this is about your files or disk, it is a bug in coopfacts: "
               "please report it with that file.")
        code = 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        if debug:
            raise
        elif isinstance(exc, duckdb.Error):
            _error(f"DuckDB: {_first_line(exc)}")
            code = USER_ERROR
        elif isinstance(exc, OSError) and exc.strerror:
            _error(f"{exc.strerror}: {exc.filename or ''}".rstrip(": ") + "; check the path and its permissions")
            code = USER_ERROR
        else:
            log = _save_error_log(["".join(traceback.format_exception(exc))])
            where = f"; the traceback is in {log}" if log else ""
            _error(f"unexpected {type(exc).__name__}: {_first_line(exc)}{where}. "
                   "This is a bug in coopfacts: please report it with that file.")
            code = 1
    sys.exit(code)


if __name__ == "__main__":
    main()

"""The `coopfacts` command line: run | sql | report | serve | explain | show.

User mistakes (a missing folder, bad SQL, a locked warehouse, an unknown fact id) print
one line saying what happened and what to do, and exit 2: never a traceback.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Optional

import typer

from . import settings


def prepare_prefect() -> None:
    """Offline, quiet Prefect with a home of this process's own; before prefect is imported."""
    for key, value in settings.prefect_env().items():
        os.environ.setdefault(key, value)

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Development-cooperation documents in, a grounded DuckDB warehouse of facts out.")

USER_ERROR = 2


def fail(message: str, code: int = USER_ERROR) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _db_for_reading(db: Path) -> Path:
    if not db.exists():
        fail(f"no warehouse at {db}; build one with `coopfacts run --db {db}`")
    return db


# --------------------------------------------------------------------------------- run

@app.command()
def run(raw: Path = typer.Option(settings.DEFAULT_RAW, help="folder of documents"),
        db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
        report: Optional[Path] = typer.Option(None, help="report folder (default: reports/ beside the warehouse)")):
    """Load new and changed documents from RAW into the warehouse, then write the quality report."""
    if not raw.is_dir():
        fail(f"raw folder {raw} does not exist or is not a folder; pass --raw DIR")
    prepare_prefect()
    from .load import WarehouseLocked
    from .pipeline import RunFailed, flow_for
    from . import summary

    try:
        state = flow_for(raw)(str(raw), str(db), str(report) if report else None, return_state=True)
        result = state.result(raise_on_failure=True)
    except WarehouseLocked as exc:
        fail(str(exc))
    except RunFailed as exc:
        summary.print_failed(db, str(exc))
        raise typer.Exit(1)
    summary.print_run(result)


# --------------------------------------------------------------------------------- sql

def _to_jsonable(v):
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    return v


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([{c: _to_jsonable(v) for c, v in zip(columns, r)} for r in rows],
                          ensure_ascii=False, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_to_jsonable(v) for v in r] for r in rows])
        return buf.getvalue().rstrip("\n")
    cells = [[("" if v is None else str(_to_jsonable(v))).replace("\n", " ") for v in r] for r in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in cells]
        return "\n".join(lines)
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    clip = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    lines = ["  ".join(clip(c, w).ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(clip(v, w).ljust(w) for v, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def example_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted((settings.WAREHOUSE_SQL / "queries").glob("*.sql"))}


@app.command()
def sql(query: Optional[str] = typer.Argument(None, help="SQL text, or the name of an example query"),
        file: Optional[Path] = typer.Option(None, "--file", "-f", help="read the SQL from a file"),
        db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
        format: str = typer.Option("table", "--format", help="table, csv, json or markdown")):
    """Ad hoc SQL on a read-only connection (waits while a run is loading)."""
    import duckdb

    from .load import WarehouseLocked, connect

    if format not in ("table", "csv", "json", "markdown"):
        fail(f"unknown format {format!r}; use table, csv, json or markdown")
    if file:
        if not file.is_file():
            fail(f"no SQL file at {file}")
        text = file.read_text()
    elif query and query in example_queries():
        text = example_queries()[query].read_text()
    elif query:
        text = query
    else:
        names = ", ".join(example_queries()) or "none"
        fail(f"give a query, --file F, or an example name ({names})")
    try:
        con = connect(_db_for_reading(db), read_only=True,
                      on_wait=lambda m: typer.echo(m, err=True))
    except WarehouseLocked as exc:
        fail(str(exc))
    try:
        rel = con.sql(text)
        if rel is None:
            return
        columns, rows = rel.columns, rel.fetchall()
    except duckdb.Error as exc:
        fail(f"the query failed: {str(exc).splitlines()[0]}")
    finally:
        con.close()
    typer.echo(format_rows(columns, rows, format))


# ------------------------------------------------------------------------------ report

@app.command()
def report(db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
           out: Optional[Path] = typer.Option(None, help="folder for report.html and report.json")):
    """(Re)build report.html and report.json from what is in the warehouse."""
    from . import report as report_mod
    from .load import WarehouseLocked

    db = _db_for_reading(db)
    try:
        html, js = report_mod.write_report(db, out or db.parent / settings.REPORT_DIRNAME)
    except WarehouseLocked as exc:
        fail(str(exc))
    typer.echo(f"report: {html}\njson:   {js}")


# ------------------------------------------------------------------------------- serve

@app.command()
def serve(raw: Path = typer.Option(settings.DEFAULT_RAW, help="folder of documents"),
          db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file"),
          cron: str = typer.Option("0 * * * *", help="cron schedule (default: hourly)"),
          interval: Optional[float] = typer.Option(None, help="run every N seconds instead of on the cron"),
          timezone: str = typer.Option("UTC", help="time zone of the schedule")):
    """Serve the flow on a schedule; each run picks up new or changed files."""
    if not raw.is_dir():
        fail(f"raw folder {raw} does not exist or is not a folder; pass --raw DIR")
    prepare_prefect()
    from prefect.client.schemas.schedules import CronSchedule

    if interval is not None and interval <= 0:
        fail("--interval must be a positive number of seconds")
    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValueError:
        fail(f"bad schedule: cron {cron!r} in time zone {timezone!r}; e.g. --cron '0 6 * * *' --timezone Europe/Zurich")
    from . import serve as serve_mod

    try:
        serve_mod.serve(raw, db, cron, interval, timezone, typer.echo)
    except KeyboardInterrupt:
        typer.echo("stopped")


# ------------------------------------------------------------------------ explain/show

@app.command()
def explain(fact_id: str = typer.Argument(..., help="a fact_id or project_id"),
            db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file")):
    """A fact with its evidence highlighted in its surrounding text."""
    from . import summary

    summary.explain(_db_for_reading(db), fact_id, fail)


@app.command()
def show(doc: str = typer.Argument(..., help="a doc_id (or its prefix) or a source path"),
         db: Path = typer.Option(settings.DEFAULT_DB, help="warehouse file")):
    """A document's metadata and its facts."""
    from . import summary

    summary.show(_db_for_reading(db), doc, fail)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

"""What a person sees on the terminal: the run summary, `explain` and `show`."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from . import load
from .validate import snippet

FACT_TABLES = load.FACT_TABLES


def print_run(s: dict) -> None:
    """One screen: documents, facts per type, failed checks, quarantine, where things are."""
    echo = typer.echo
    echo(f"coopfacts run {s['run_id']}: {s['status']}")
    echo(f"  documents: {s['docs_seen']} seen, {s['docs_loaded']} loaded, "
         f"{s['docs_unchanged']} unchanged, {s['docs_quarantined']} quarantined, "
         f"{s['docs_removed']} removed")
    facts = s.get("facts_by_table", {})
    if any(facts.values()):
        echo("  facts loaded: " + ", ".join(f"{t} {n}" for t, n in facts.items() if n))
    failed = [c for c in s.get("checks", []) if not c["passed"]]
    echo(f"  quality checks: {len(s.get('checks', []))} run, {len(failed)} failed")
    for c in failed[:8]:
        echo(f"    {c['severity']:<5} {c['check_name']} on {c['table_name']}: "
             f"{c['failing_rows']} rows (observed {c['observed']:g}, threshold {c['threshold']:g})")
    quarantine = s.get("quarantine", [])
    if quarantine:
        echo(f"  quarantined: {len(quarantine)}")
        for q in quarantine[:10]:
            where = q.get("source_path") or "?"
            table = f" [{q['table_name']}]" if q.get("table_name") else ""
            echo(f"    {where}{table}: {q['reason']} — {q.get('detail') or ''}")
        if len(quarantine) > 10:
            echo(f"    … and {len(quarantine) - 10} more (SELECT * FROM quality.quarantine)")
    echo(f"  warehouse: {s['db_path']}")
    echo(f"  report:    {s['report_html']}")


def print_failed(db: Path, error: str) -> None:
    typer.echo(f"coopfacts run failed: {error}", err=True)
    typer.echo("  nothing was loaded; the warehouse is as it was before the run.", err=True)
    typer.echo(f"  details: coopfacts sql \"SELECT * FROM quality.checks WHERE NOT passed\" --db {db}", err=True)


def _find_fact(con, fact_id: str):
    for table in FACT_TABLES:
        key = "project_id" if table == "projects" else "fact_id"
        rel = con.execute(f"SELECT * FROM {table} WHERE {key} = ?", [fact_id])
        cols = [d[0] for d in rel.description]
        rows = rel.fetchall()
        if rows:
            return table, dict(zip(cols, rows[0]))
    return None, None


def explain(db: Path, fact_id: str, fail) -> None:
    con = load.connect(db, read_only=True)
    try:
        table, row = _find_fact(con, fact_id)
        if row is None:
            fail(f"no fact with id {fact_id!r}; find ids with `coopfacts show DOC` or "
                 "`coopfacts sql \"SELECT fact_id, evidence FROM money\"`")
        doc = con.execute("SELECT source_path, title, text FROM documents WHERE doc_id = ?",
                          [row["doc_id"]]).fetchall()[0]
        checks = con.execute(
            "SELECT check_name, bool_and(passed) FROM quality.checks "
            "WHERE run_id = (SELECT run_id FROM documents WHERE doc_id = ?) "
            "AND split_part(table_name, '.', 1) = ? GROUP BY 1 ORDER BY 1", [row["doc_id"], table]).fetchall()
    finally:
        con.close()
    path, title, text = doc
    section = _section_of(text, row["char_start"])
    echo = typer.echo
    echo(f"{table} {fact_id}")
    for k, v in row.items():
        if k not in ("evidence", "doc_id", "fact_id", "char_start", "char_end", "rule"):
            echo(f"  {k}: {v}")
    echo(f"  document: {path} ({title})")
    if section:
        echo(f"  section:  {section}")
    echo(f"  offsets:  {row['char_start']}-{row['char_end']}")
    echo(f"  rule:     {row.get('rule')}")
    echo(f"  evidence: {row['evidence']!r}")
    echo("  in context: " + (snippet(text, row["char_start"], row["char_end"], 160) or ""))
    if checks:
        echo("  checks: " + ", ".join(f"{c} {'passed' if ok else 'FAILED (table level)'}" for c, ok in checks))


def _section_of(text: str, pos: int) -> str | None:
    from .extract.text import sections

    current = None
    for s in sections(text[: pos + 1]):
        if s.heading_start <= pos:
            current = s.heading
    return current


def show(db: Path, doc: str, fail) -> None:
    con = load.connect(db, read_only=True)
    try:
        found = con.execute(
            "SELECT doc_id, source_path, format, title, partner_iso3, published_on, n_chars, removed_at "
            "FROM documents WHERE doc_id LIKE ? || '%' OR source_path = ? OR source_path LIKE '%' || ?",
            [doc, doc, doc]).fetchall()
        if not found:
            fail(f"no document matches {doc!r}; list them with `coopfacts sql \"SELECT doc_id, source_path FROM documents\"`")
        if len(found) > 1:
            fail(f"{len(found)} documents match {doc!r}; give more of the doc_id or the full source path")
        doc_id, path, fmt, title, partner, published, n_chars, removed = found[0]
        typer.echo(f"{path}  [{fmt}, {n_chars} chars{', removed' if removed else ''}]")
        typer.echo(f"  doc_id: {doc_id}\n  title: {title}\n  partner: {partner}\n  published: {published}")
        for table in FACT_TABLES:
            key = "project_id" if table == "projects" else "fact_id"
            rows = con.execute(f"SELECT {key}, evidence FROM {table} WHERE doc_id = ? ORDER BY char_start",
                               [doc_id]).fetchall()
            if rows:
                typer.echo(f"  {table} ({len(rows)}):")
                for fid, ev in rows:
                    typer.echo(f"    {fid}  {json.dumps(' '.join(ev.split())[:90], ensure_ascii=False)}")
    finally:
        con.close()

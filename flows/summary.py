"""What a person sees on the terminal: the run summary, `explain` and `show`.

Everything is written through `Out`: on a terminal it prints rich markup (colour, the
evidence highlighted); in a pipe, a file or CI it prints the same lines as plain text, with
the evidence marked `[[ ]]`. Values from the warehouse are always escaped (`esc`) before they
go into markup, so a `[` in a document never turns into a style.
"""
from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.markup import escape as esc
from rich.text import Text

from . import load, settings

FACT_TABLES = load.FACT_TABLES

#: the extractor module behind each fact table (for `explain`'s "rule" line)
MODULE_OF = {"country_mentions": "countries", "org_mentions": "organizations"}

#: columns that are provenance, not the fact's value
PROVENANCE = {"fact_id", "doc_id", "char_start", "char_end", "evidence", "rule"}


def styled_terminal(stream) -> bool:
    """Rich output only for a person at a terminal: not in a pipe, a file, CI or TERM=dumb."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


class Out:
    """print(markup): styled on a terminal, plain text elsewhere."""

    def __init__(self, err: bool = False):
        self.stream = sys.stderr if err else sys.stdout
        self.rich = styled_terminal(self.stream)
        self.console = Console(file=self.stream, highlight=False, soft_wrap=True) if self.rich else None

    def __call__(self, markup: str = "") -> None:
        if self.console is not None:
            self.console.print(markup)
        else:
            print(Text.from_markup(markup).plain, file=self.stream, flush=True)

    def mark(self, evidence: str) -> str:
        """The evidence, highlighted (terminal) or between [[ ]] (plain)."""
        if self.rich:
            return f"[bold black on yellow]{esc(evidence)}[/]"
        return esc(f"[[{evidence}]]")


# --------------------------------------------------------------------------- values

def plain_value(v):
    """A warehouse value as JSON would have it: numbers stay numbers, dates become ISO text."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return None
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [plain_value(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain_value(x) for k, x in v.items()}
    if isinstance(v, bytes):
        return v.hex()
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)  # UUID, time, interval, …


def human_value(v) -> str:
    """A value for a person to read: 80,000,000 rather than 80000000.0; lists as [a, b]."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (float, Decimal)):
        f = float(v)
        if f != f:
            return "NaN"
        if f.is_integer() and abs(f) < 1e15:
            return f"{int(f):,}"
        return f"{f:,.6f}".rstrip("0").rstrip(".")
    if isinstance(v, (datetime, date)):
        return v.isoformat(sep=" ") if isinstance(v, datetime) else v.isoformat()
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(human_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return json.dumps(plain_value(v), ensure_ascii=False)
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def one_line(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ------------------------------------------------------------------------------ run

def _facts_line(facts: dict[str, int]) -> str:
    loaded = {t: n for t, n in facts.items() if n}
    if not loaded:
        return "none new (no new or changed documents)"
    return f"{sum(loaded.values())} loaded: " + ", ".join(f"{t} {n}" for t, n in loaded.items())


def warehouse_totals(db: Path) -> tuple[int, int] | None:
    """(live documents, fact rows) in the warehouse now, or None if it cannot be read quickly."""
    try:
        con = load.connect(db, read_only=True, timeout=2)
    except Exception:  # a summary line is not worth waiting or failing for
        return None
    try:
        docs = con.execute("SELECT count(*) FROM documents WHERE removed_at IS NULL").fetchall()[0][0]
        facts = sum(con.execute(f"SELECT count(*) FROM {t} JOIN documents USING (doc_id) "
                                "WHERE removed_at IS NULL").fetchall()[0][0] for t in FACT_TABLES)
        return docs, facts
    except Exception:
        return None
    finally:
        con.close()


def print_run(s: dict, elapsed: float | None = None, out: Out | None = None) -> None:
    """One screen: documents, facts per type, failed checks, quarantine, where things are."""
    out = out or Out()
    took = f" in {elapsed:.1f} s" if elapsed is not None else ""
    status = s["status"]
    colour = "green" if status == "completed" else "red"
    ids = s.get("run_ids") or [s["run_id"]]
    runs = (f"coopfacts runs {esc(ids[0])} … {esc(ids[-1])} ({len(ids)} runs of at most "
            f"{settings.RUN_DOCS} new documents)" if len(ids) > 1 else f"coopfacts run {esc(ids[0])}")
    out(f"[bold]{runs}[/]: [{colour}]{esc(status)}[/]{took}")
    quarantined = s["docs_quarantined"]
    q_style = "yellow" if quarantined else ""
    out(f"  documents  {s['docs_seen']} seen: [bold]{s['docs_loaded']} loaded[/], "
        f"{s['docs_unchanged']} unchanged, "
        + (f"[{q_style}]{quarantined} quarantined[/], " if q_style else f"{quarantined} quarantined, ")
        + f"{s['docs_removed']} removed")
    out(f"  facts      {esc(_facts_line(s.get('facts_by_table', {})))}")
    checks = s.get("checks", [])
    failed = [c for c in checks if not c["passed"]]
    if failed:
        out(f"  quality    {len(checks)} checks, [yellow]{len(failed)} failed[/]")
        for c in failed[:8]:
            sev = "red" if c["severity"] == "error" else "yellow"
            out(f"    [{sev}]{c['severity']:<5}[/] {esc(c['check_name'])} on {esc(c['table_name'])}: "
                f"{c['failing_rows']} rows (observed {c['observed']:g}, threshold {c['threshold']:g})")
        if len(failed) > 8:
            out(f"    … and {len(failed) - 8} more (in the report)")
    elif checks:
        out(f"  quality    {len(checks)} checks, [green]all passed[/]")
    else:
        out("  quality    nothing new to check")
    quarantine = s.get("quarantine", [])
    if quarantine:
        n_docs = sum(1 for q in quarantine if not q.get("table_name"))
        out(f"  quarantine [yellow]{n_docs} document{'s' * (n_docs != 1)}, "
            f"{len(quarantine) - n_docs} fact row{'s' * (len(quarantine) - n_docs != 1)}[/] not loaded:")
        for q in quarantine[:10]:
            where = q.get("source_path") or "?"
            table = f" [{q['table_name']}]" if q.get("table_name") else ""
            detail = one_line(str(q.get("detail") or ""), 100)
            out(f"    {esc(where + table)}: [yellow]{esc(q['reason'])}[/]" + (f" — {esc(detail)}" if detail else ""))
        if len(quarantine) > 10:
            out(f"    … and {len(quarantine) - 10} more: coopfacts sql \"SELECT * FROM quality.quarantine\"")
    totals = warehouse_totals(Path(s["db_path"]))
    holds = (f" (now {totals[0]} document{'s' * (totals[0] != 1)}, {totals[1]} facts)" if totals else "")
    out(f"  warehouse  {esc(s['db_path'])}{holds}")
    out(f"  report     {esc(s['report_html'])}")
    out("  [dim]next: coopfacts sql --list · coopfacts show DOC · coopfacts explain FACT_ID[/]")


def print_failed(db: Path, error: str, report_html: str | None = None) -> None:
    out = Out(err=True)
    out(f"[bold red]coopfacts run failed[/]: {esc(error)}")
    out("  the failed run loaded nothing: the warehouse is as it was before it.")
    out("  a failing check of severity 'error' blocks the load (severities: flows/settings.py CHECKS, "
        "or a COOPFACTS_QUALITY_CONFIG file)")
    if report_html:
        out(f"  report:  {esc(report_html)}")
    out(f"  details: coopfacts sql \"SELECT * FROM quality.checks WHERE NOT passed\" --db {esc(str(db))}")


# -------------------------------------------------------------------------- explain

class NotFound(LookupError):
    """No (or more than one) fact or document matches what the user typed."""


def find_fact(con, fact_id: str) -> tuple[str, dict]:
    """The fact with this id, or with this unique id prefix (at least 4 characters)."""
    fact_id = fact_id.strip()
    exact = len(fact_id) < 4
    hits = []
    for table in FACT_TABLES:
        key = "project_id" if table == "projects" else "fact_id"
        cond = f"{key} = ?" if exact else f"starts_with({key}, ?)"
        rel = con.execute(f"SELECT * FROM {table} WHERE {cond} LIMIT 3", [fact_id])
        cols = [d[0] for d in rel.description]
        hits += [(table, dict(zip(cols, r))) for r in rel.fetchall()]
    full = [h for h in hits if h[1].get("fact_id", h[1].get("project_id")) == fact_id]
    if full:
        return full[0]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise NotFound(f"{len(hits)} facts have ids starting with {fact_id!r}; give more of the id")
    raise NotFound(f"no fact with id {fact_id!r}" + (" (give at least 4 characters of an id)" if exact else "")
                   + "; fact ids are listed by `coopfacts show DOC`, "
                   "or e.g. `coopfacts sql \"SELECT fact_id, evidence FROM money\"`")


def _labels(con) -> dict[str, dict]:
    orgs = {o: (n if not a or a == n else f"{n} ({a})") for o, n, a in
            con.execute("SELECT org_id, name, acronym FROM organizations").fetchall()}
    countries = dict(con.execute("SELECT iso3, name FROM countries").fetchall())
    return {"org": orgs, "iso3": countries}


def _describe(col: str, value, labels: dict) -> str:
    """A column's value, with the name behind an org_id or an iso3 code."""
    kind = "org" if col.endswith("org_id") or col == "parties" else "iso3" if col in ("iso3", "countries", "partner_iso3") else None
    if kind is None:
        return human_value(value)
    names = labels[kind]
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(f"{v} ({names[v]})" if v in names else str(v) for v in value) + "]"
    return f"{value} ({names[value]})" if value in names else human_value(value)


def context(text: str, start: int, end: int, out: Out, around: int = 220) -> str:
    """The sentence(s) holding [start, end), with a neighbour on each side when they are short,
    at most `around` characters either side; the evidence marked, a paragraph break shown as ¶."""
    import re

    from .extract.text import sentence_at, sentences

    spans = sentences(text)
    s0, _ = sentence_at(spans, start)
    _, e1 = sentence_at(spans, max(start, end - 1))
    s0, e1 = min(s0, start), max(e1, end)
    if e1 - s0 < 120:  # a heading or a short line: the sentences before and after too
        s0 = sentence_at(spans, max(0, s0 - 2))[0] if s0 > 1 else 0
        nxt = sentence_at(spans, min(len(text) - 1, e1 + 2))
        e1 = nxt[1] if nxt[1] > e1 else e1
        s0, e1 = min(s0, start), max(e1, end)
    lo, hi = max(s0, start - around), min(e1, end + around)
    while 0 < lo < start and not text[lo - 1].isspace():  # whole words at the edges
        lo += 1
    while end < hi < len(text) and not text[hi].isspace():
        hi -= 1

    def flat(piece: str) -> str:
        return " ".join(re.sub(r"\s*\n\s*\n\s*", " ¶ ", piece).split())

    left, right = flat(text[lo:start]), flat(text[end:hi])
    gap_l = " " if left and text[start - 1:start].isspace() else ""
    gap_r = " " if right and text[end:end + 1].isspace() else ""
    pre = "…" if lo > 0 else ""
    post = "…" if hi < len(text) else ""
    return f"{pre}{esc(left)}{gap_l}{out.mark(flat(text[start:end]))}{gap_r}{esc(right)}{post}"


def section_of(text: str, pos: int) -> str | None:
    from .extract.text import sections

    current = None
    for s in sections(text):
        if s.heading_start <= pos:
            current = s.heading
        else:
            break
    return current


def _fact_checks(con, table: str, fact_id: str, run_id: str) -> list[tuple[str, str]]:
    """(check, outcome) for every check the run that loaded the fact ran on its table."""
    rows = con.execute(
        "SELECT check_name, table_name, severity, passed FROM quality.checks WHERE run_id = ? "
        "AND (table_name = ? OR starts_with(table_name, ? || '.')) ORDER BY check_name, table_name",
        [run_id, table, table]).fetchall()
    mine = {(c, t) for c, t in con.execute(
        "SELECT check_name, table_name FROM quality.failures WHERE run_id = ? "
        "AND json_extract_string(row, '$.fact_id') = ?", [run_id, fact_id]).fetchall()}
    out = []
    order = list(settings.CHECKS)
    rows.sort(key=lambda r: (order.index(r[0]) if r[0] in order else len(order), r[1]))
    for check, tname, severity, passed in rows:
        name = check if tname == table else f"{check} ({tname.split('.', 1)[1]})"
        if passed:
            out.append((name, "passed"))
        elif (check, tname) in mine or (check, tname.split(".")[0]) in mine:
            out.append((name, f"FAILED for this fact ({severity})"))
        else:
            out.append((name, f"passed (the check failed on other rows, {severity})"))
    return out


def explain(db: Path, fact_id: str, out: Out | None = None) -> None:
    """A fact, where it came from, the rule that read it and the checks it passed."""
    out = out or Out()
    con = load.connect(db, read_only=True)
    try:
        table, row = find_fact(con, fact_id)
        fid = row.get("fact_id") or row.get("project_id")
        path, title, text, run_id, loaded_at = con.execute(
            "SELECT source_path, title, text, run_id, loaded_at FROM documents WHERE doc_id = ?",
            [row["doc_id"]]).fetchall()[0]
        labels = _labels(con)
        checks = _fact_checks(con, table, fid, run_id)
    finally:
        con.close()
    start, end, evidence = row["char_start"], row["char_end"], row["evidence"]
    grounded = text[start:end] == evidence
    module = MODULE_OF.get(table, table)
    out(f"[bold]{table}[/] fact [bold]{esc(fid)}[/]")
    for k, v in row.items():
        if k not in PROVENANCE and k not in ("project_id",) and v not in (None, [], ""):
            out(f"  {k + ':':<15}{esc(_describe(k, v, labels))}")
    out("")
    out(f"  {'document:':<15}{esc(path)}" + (f"  [dim]({esc(one_line(title or '', 70))})[/]" if title else ""))
    out(f"  {'doc_id:':<15}{esc(row['doc_id'])}")
    section = section_of(text, start)
    if section:
        out(f"  {'section:':<15}{esc(one_line(section, 80))}")
    out(f"  {'characters:':<15}{start}–{end}")
    out(f"  {'rule:':<15}{esc(str(row.get('rule')))}  [dim](flows/extract/{module}.py)[/]")
    ok = "[green]yes[/], evidence == documents.text\\[char_start:char_end]" if grounded else "[red]NO[/]: the text at these offsets differs"
    out(f"  {'grounded:':<15}{ok}")
    out(f"  {'evidence:':<15}{esc(json.dumps(evidence, ensure_ascii=False))}")
    out("")
    out("  " + context(text, start, end, out))
    out("")
    if checks:
        worst = [c for c in checks if c[1].startswith("FAILED")]
        out(f"  checks (run {esc(run_id)}, loaded {loaded_at:%Y-%m-%d %H:%M}): "
            + (f"[yellow]{len(worst)} failed for this fact[/]" if worst else "[green]all passed for this fact[/]"))
        for name, outcome in checks:
            style = "yellow" if outcome.startswith("FAILED") else "green" if outcome == "passed" else ""
            out(f"    {esc(name):<40}" + (f"[{style}]{esc(outcome)}[/]" if style else esc(outcome)))


# ----------------------------------------------------------------------------- show

SHOW_VALUE = {  # the column that says what a fact is, beside its evidence
    "country_mentions": "iso3", "org_mentions": "org_id", "persons": "role", "money": "amount_usd",
    "agreements": "kind", "projects": "start_year", "events": "start_date", "quantities": "value",
    "contacts": "kind",
}


GROUPED = {"country_mentions": ("iso3", "SELECT name FROM countries WHERE iso3 = ?"),
           "org_mentions": ("org_id", "SELECT coalesce(name || ' (' || acronym || ')', name) FROM organizations WHERE org_id = ?")}


def _show_facts(con, out: Out, table: str, key: str, doc_id: str, n: int, limit: int | None) -> None:
    col = SHOW_VALUE[table]
    rows = con.execute(f"SELECT {key}, {col}, evidence FROM {table} WHERE doc_id = ? "
                       f"ORDER BY char_start" + (f" LIMIT {int(limit)}" if limit else ""), [doc_id]).fetchall()
    values = [one_line(human_value(v), 32) for _, v, _ in rows]
    width = max([len(col)] + [len(v) for v in values])
    out(f"  [bold]{table}[/] ({n})")
    out(f"    [dim]{key:<20}  {col:<{width}}  evidence[/]")
    for (fid, _, ev), value in zip(rows, values):
        out(f"    {fid:<20}  {esc(value.ljust(width))}  {esc(json.dumps(one_line(ev, 80), ensure_ascii=False))}")


def _show_grouped(con, out: Out, table: str, doc_id: str, n: int, limit: int | None) -> int:
    """Mentions grouped by what they name: one line per country or organization. Returns the groups."""
    col, label_sql = GROUPED[table]
    rows = con.execute(f"SELECT {col}, count(*) AS n, arg_min(fact_id, char_start), arg_min(evidence, char_start) "
                       f"FROM {table} WHERE doc_id = ? GROUP BY 1 ORDER BY n DESC, min(char_start)", [doc_id]).fetchall()
    out(f"  [bold]{table}[/] ({n} mentions of {len(rows)} {'countries' if col == 'iso3' else 'organizations'})")
    out(f"    [dim]{'first fact_id':<20}  {'mentions':>8}  {col:<12}  name[/]")
    for value, count, fid, ev in rows[:limit] if limit else rows:
        label = (con.execute(label_sql, [value]).fetchall() or [[None]])[0][0] or one_line(ev, 60)
        out(f"    {fid:<20}  {count:>8}  {esc(str(value)):<12}  {esc(one_line(label, 70))}")
    return len(rows)


def find_document(con, doc: str) -> tuple:
    """A document by doc_id (or its prefix), source path, or a unique part of its path."""
    cols = ("SELECT doc_id, source_path, format, title, partner_iso3, partner_name, published_on, "
            "published_precision, n_chars, run_id, loaded_at, removed_at FROM documents")
    for cond, args in ((" WHERE doc_id = ? OR source_path = ?", [doc, doc]),
                       (" WHERE starts_with(doc_id, ?)", [doc]) if len(doc) >= 6 else (None, None),
                       (" WHERE source_path ILIKE '%' || ? || '%'", [doc])):
        if cond is None:
            continue
        found = con.execute(cols + cond + " ORDER BY source_path", args).fetchall()
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(f[1] for f in found[:5]) + (", …" if len(found) > 5 else "")
            raise NotFound(f"{len(found)} documents match {doc!r} ({names}); give more of the path or doc_id")
    raise NotFound(f"no document matches {doc!r}; list them with "
                   "`coopfacts sql \"SELECT source_path, doc_id FROM documents\"`")


def show(db: Path, doc: str, limit: int | None = 10, out: Out | None = None) -> None:
    """A document's metadata and its facts, table by table (`limit` per table; None: all)."""
    out = out or Out()
    con = load.connect(db, read_only=True)
    try:
        (doc_id, path, fmt, title, partner_iso3, partner_name, published, precision, n_chars,
         run_id, loaded_at, removed) = find_document(con, doc)
        out(f"[bold]{esc(path)}[/]  [dim]{esc(fmt)}, {n_chars:,} characters[/]"
            + (f"  [yellow]removed from the raw folder {removed:%Y-%m-%d}[/]" if removed else ""))
        out(f"  {'title:':<11}{esc(one_line(title or '—', 100))}")
        partner = f"{partner_name} ({partner_iso3})" if partner_iso3 else (partner_name or "—")
        out(f"  {'partner:':<11}{esc(partner)}")
        out(f"  {'published:':<11}{published or '—'}" + (f" [dim](precision: {precision})[/]" if published else ""))
        out(f"  {'doc_id:':<11}{doc_id}")
        out(f"  {'loaded:':<11}{loaded_at:%Y-%m-%d %H:%M} by run {esc(run_id)}")
        total = 0
        for table in FACT_TABLES:
            key = "project_id" if table == "projects" else "fact_id"
            n = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc_id]).fetchall()[0][0]
            if not n:
                continue
            total += n
            out("")
            if table in GROUPED:
                n = _show_grouped(con, out, table, doc_id, n, limit)
            else:
                _show_facts(con, out, table, key, doc_id, n, limit)
            if limit and n > limit:
                out(f"    [dim]… {n - limit} more (--all shows them all)[/]")
        out("")
        out(f"  {total} facts. [dim]Explain one: coopfacts explain FACT_ID[/]")
    finally:
        con.close()

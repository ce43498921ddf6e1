"""The flow end to end on the dev corpus: real Prefect runs, real DuckDB files."""
from __future__ import annotations

import duckdb

from flows.load import FACT_TABLES


def counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ["documents", "organizations", *FACT_TABLES]}
    finally:
        con.close()


def query(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_first_run_loads_every_document_with_grounded_facts(run_flow, raw_dir, tmp_path):
    db = tmp_path / "wh.duckdb"
    summary, state = run_flow(raw_dir, db)
    assert state.is_completed()
    assert summary["docs_loaded"] == 6 and summary["docs_quarantined"] == 0
    c = counts(db)
    assert c["documents"] == 6
    assert all(c[t] > 0 for t in ("country_mentions", "organizations", "money", "contacts"))
    # every fact's evidence is the document text at its offsets
    for table in FACT_TABLES:
        bad = query(db, f"""SELECT count(*) FROM {table} f JOIN documents d USING (doc_id)
                            WHERE substr(d.text, f.char_start + 1, f.char_end - f.char_start) <> f.evidence""")
        assert bad[0][0] == 0, table
    runs = query(db, "SELECT status, docs_loaded FROM quality.runs")
    assert runs == [("completed", 6)]
    assert query(db, "SELECT count(*) FROM quality.checks")[0][0] > 0
    assert (tmp_path / "reports" / "report.html").exists()


def test_rerun_over_unchanged_files_changes_nothing(run_flow, raw_dir, tmp_path):
    db = tmp_path / "wh.duckdb"
    run_flow(raw_dir, db)
    before = counts(db)
    ids_before = query(db, "SELECT fact_id FROM money ORDER BY 1")
    summary, _ = run_flow(raw_dir, db)
    assert summary["docs_unchanged"] == 6 and summary["docs_loaded"] == 0
    assert counts(db) == before
    assert query(db, "SELECT fact_id FROM money ORDER BY 1") == ids_before
    assert len(query(db, "SELECT * FROM quality.runs")) == 2


def test_changed_document_replaces_its_facts(run_flow, raw_dir, tmp_path):
    db = tmp_path / "wh.duckdb"
    run_flow(raw_dir, db)
    path = raw_dir / "germany_kfw_ilo_jordan_2022-10.txt"
    old_id = query(db, "SELECT doc_id FROM documents WHERE source_path = ?", [path.name])[0][0]
    path.write_text(path.read_text() + "\nContact: new-desk@example.org\n")
    summary, _ = run_flow(raw_dir, db)
    assert summary["docs_loaded"] == 1 and summary["docs_unchanged"] == 5
    docs = query(db, "SELECT doc_id FROM documents WHERE source_path = ?", [path.name])
    assert len(docs) == 1 and docs[0][0] != old_id
    for table in FACT_TABLES:
        assert query(db, f"SELECT count(*) FROM {table} WHERE doc_id = ?", [old_id])[0][0] == 0


def test_removed_file_keeps_its_facts_and_is_marked_removed(run_flow, raw_dir, tmp_path):
    db = tmp_path / "wh.duckdb"
    run_flow(raw_dir, db)
    n_contacts = counts(db)["contacts"]
    (raw_dir / "india_work_in_freedom_factsheet_2023-01.txt").unlink()
    summary, _ = run_flow(raw_dir, db)
    assert summary["docs_removed"] == 1
    removed = query(db, "SELECT source_path FROM documents WHERE removed_at IS NOT NULL")
    assert removed == [("india_work_in_freedom_factsheet_2023-01.txt",)]
    assert counts(db)["contacts"] == n_contacts


def test_same_bytes_under_two_paths_load_once(run_flow, raw_dir, tmp_path):
    db = tmp_path / "wh.duckdb"
    (raw_dir / "copy").mkdir()
    (raw_dir / "copy" / "again.txt").write_bytes((raw_dir / "china_ilo_cooperation_2024-04.txt").read_bytes())
    summary, _ = run_flow(raw_dir, db)
    assert summary["docs_loaded"] == 6
    rows = query(db, "SELECT source_path, reason FROM quality.quarantine")
    assert len(rows) == 1 and rows[0][1] == "duplicate"


import json  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from conftest import CORPUS  # noqa: E402

QUERIES = sorted((Path(__file__).parent.parent / "warehouse" / "queries").glob("*.sql"))


@pytest.fixture(scope="module")
def dev_warehouse(prefect_harness, tmp_path_factory):
    """The dev corpus loaded once by a real flow run, shared by the read-only tests below."""
    from flows.pipeline import coopfacts_run

    raw = tmp_path_factory.mktemp("raw")
    for f in CORPUS.iterdir():
        if f.suffix in (".txt", ".md"):
            shutil.copy(f, raw / f.name)
    db = tmp_path_factory.mktemp("wh") / "dev.duckdb"
    assert coopfacts_run(str(raw), str(db)) ["status"] == "completed"
    return db


def test_dev_corpus_scores_above_the_bar_and_every_fact_is_grounded(dev_warehouse):
    import score  # tests/score.py: a copy of the shared scorer
    wh = score.Warehouse(str(dev_warehouse))
    totals = {}
    for gold_file in sorted(CORPUS.glob("*.gold.json")):
        for kind, tally in score.score_document(wh, json.loads(gold_file.read_text())).items():
            totals.setdefault(kind, score.Tally()).add(tally)
    micro = score.Tally()
    for kind, tally in totals.items():
        if kind != "document":
            micro.add(tally)
    good, total, _ = score.grounding(wh)
    assert good == total > 0
    assert micro.f1 >= 0.9 and (micro.attr_accuracy or 0) >= 0.85
    for kind in ("countries", "organizations", "money", "quantities", "contacts"):
        assert totals[kind].f1 >= 0.9, kind
    for kind in ("agreements", "projects", "events", "persons"):
        assert totals[kind].f1 >= 0.85, kind
    assert totals["document"].tp == totals["document"].required


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_query_answers_on_the_dev_corpus(dev_warehouse, query):
    con = duckdb.connect(str(dev_warehouse), read_only=True)
    try:
        rows = con.execute(query.read_text()).fetchall()
    finally:
        con.close()
    assert rows, f"{query.name} returned nothing on the dev corpus"


def test_analyst_views_resolve_names(dev_warehouse):
    parties = query(dev_warehouse, "SELECT parties FROM agreement_timeline WHERE signed_year = 2003")
    assert parties and "ILO" in parties[0][0]
    funders = query(dev_warehouse, "SELECT count(*) FROM project_portfolio WHERE funder IS NOT NULL")
    assert funders[0][0] > 0


def test_warehouse_from_an_older_release_is_upgraded_by_the_next_run(run_flow, raw_dir, tmp_path):
    """A warehouse whose organizations table predates `country_iso3` still takes new runs."""
    db = tmp_path / "wh.duckdb"
    run_flow(raw_dir, db)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE organizations DROP COLUMN country_iso3")
    con.close()
    doc = next(raw_dir.glob("*.txt"))
    doc.write_text(doc.read_text() + "\nThe Ministry of Labour of Kenya joined in 2024.\n")

    summary, state = run_flow(raw_dir, db)

    assert state.is_completed(), state.message
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM organizations WHERE country_iso3 = 'KEN'").fetchone()[0] >= 1
    finally:
        con.close()


HOLDOUT_SETS = [Path(__file__).parent / name for name in ("holdout", "holdout2", "holdout3", "holdout4", "holdout5",
                                                         "holdout6", "holdout7", "holdout8", "holdout9",
                                                         "holdout10", "holdout11", "holdout12", "holdout13",
                                                         "holdout14", "holdout15", "holdout16", "holdout17",
                                                         "holdout18", "holdout19", "holdout20", "holdout21",
                                                         "holdout22", "holdout23", "holdout24", "holdout25",
                                                         "holdout26", "holdout27", "holdout28", "holdout29",
                                                         "holdout30", "holdout31", "holdout32", "holdout33",
                                                         "holdout34", "holdout35", "holdout36", "holdout37",
                                                         "holdout38", "holdout39", "holdout40")]
#: sets written after the last round of fixes and not tuned on: how a new style scores unseen
UNSEEN_SETS = [Path(__file__).parent / name for name in ("holdout41", "holdout42")]
BARS = {**{d.name: 0.9 for d in HOLDOUT_SETS}, **{d.name: 0.8 for d in UNSEEN_SETS}}


@pytest.mark.parametrize("gold_dir", HOLDOUT_SETS + UNSEEN_SETS, ids=[d.name for d in HOLDOUT_SETS + UNSEEN_SETS])
def test_documents_in_other_styles_and_formats_score_above_the_bar(prefect_harness, tmp_path, gold_dir):
    """Documents written after the extractors (PDF, HTML, evaluations, calendars, press
    releases) keep a high score: a guard against rules that only fit the dev corpus's wording.
    The sets nobody has tuned on yet (UNSEEN_SETS) are held to a lower bar: a new style's
    score before any fix for it."""
    import score
    from flows.pipeline import coopfacts_run

    raw = tmp_path / "raw"
    raw.mkdir()
    for f in gold_dir.iterdir():
        if not f.name.endswith(".gold.json"):
            shutil.copy(f, raw / f.name)
    db = tmp_path / "wh.duckdb"
    assert coopfacts_run(str(raw), str(db))["status"] == "completed"
    wh = score.Warehouse(str(db))
    micro = score.Tally()
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        for kind, tally in score.score_document(wh, json.loads(gold_file.read_text())).items():
            if kind != "document" and tally.required:
                micro.add(tally)
    good, total, _ = score.grounding(wh)
    assert good == total > 0
    assert micro.f1 >= BARS[gold_dir.name], f"micro F1 {micro.f1:.3f}"


def test_many_new_documents_load_as_consecutive_runs_with_the_same_facts(run_flow, raw_dir, tmp_path,
                                                                          monkeypatch):
    """More new documents than settings.RUN_DOCS: several runs, each loaded on its own (the
    load's memory stays that of one run), and the warehouse ends as one run would leave it."""
    from flows import settings

    one = tmp_path / "one.duckdb"
    run_flow(raw_dir, one)
    # a changed file, a removed one: each goes with the run that holds it (or the first)
    monkeypatch.setattr(settings, "RUN_DOCS", 2)
    db = tmp_path / "wh.duckdb"
    summary, state = run_flow(raw_dir, db)
    assert state.is_completed()
    assert summary["docs_loaded"] == 6 and len(summary["run_ids"]) == 3
    assert query(db, "SELECT status, docs_loaded FROM quality.runs ORDER BY started_at") == [("completed", 2)] * 3
    assert query(db, "SELECT count(DISTINCT flow_run_id), count(flow_run_id) FROM quality.runs") == [(1, 3)]
    assert counts(db) == counts(one)
    for table in FACT_TABLES:
        key = "project_id" if table == "projects" else "fact_id"
        assert query(db, f"SELECT {key} FROM {table} ORDER BY 1") == query(one, f"SELECT {key} FROM {table} ORDER BY 1"), table
    assert sum(summary["facts_by_table"].values()) == sum(counts(db)[t] for t in FACT_TABLES)

    changed = sorted(raw_dir.iterdir())[-1]
    old_id = query(db, "SELECT doc_id FROM documents WHERE source_path = ?", [changed.name])[0][0]
    changed.write_text(changed.read_text() + "\nContact: another-desk@example.org\n")
    gone = sorted(raw_dir.iterdir())[0]
    gone.unlink()
    (raw_dir / "copy_a.txt").write_text((CORPUS / gone.name).read_text() + "\nSee also www.example.org\n")
    (raw_dir / "copy_b.txt").write_text((CORPUS / gone.name).read_text() + "\nSee also www.example.net\n")
    summary, _ = run_flow(raw_dir, db)
    assert summary["docs_loaded"] == 3 and summary["docs_removed"] == 1 and summary["docs_unchanged"] == 4
    assert len(summary["run_ids"]) == 2
    assert query(db, "SELECT count(*) FROM documents WHERE doc_id = ?", [old_id]) == [(0,)]
    for table in FACT_TABLES:
        assert query(db, f"SELECT count(*) FROM {table} WHERE doc_id = ?", [old_id]) == [(0,)], table
    assert query(db, "SELECT count(*) FROM documents WHERE removed_at IS NOT NULL") == [(1,)]


def test_a_long_document_is_extracted_in_parts_on_every_worker_with_the_same_facts(
        run_flow, tmp_path, monkeypatch):
    """One document longer than settings.PART_CHARS: its parts go to the worker processes side
    by side (batch.Workers.extract) and the warehouse holds what one process would load."""
    from flows import settings

    raw = tmp_path / "raw"
    raw.mkdir()
    docs = [f.read_text(encoding="utf-8") for f in sorted(CORPUS.glob("*.txt"))]
    (raw / "all_briefs.txt").write_text("\n\n".join(docs), encoding="utf-8")
    monkeypatch.setattr(settings, "PART_CHARS", max(len(d) for d in docs) + 2)

    monkeypatch.setattr(settings, "WORKERS", 1)
    alone = tmp_path / "alone.duckdb"
    run_flow(raw, alone)
    monkeypatch.setattr(settings, "WORKERS", 2)
    db = tmp_path / "wh.duckdb"
    summary, state = run_flow(raw, db)
    assert state.is_completed() and summary["docs_loaded"] == 1
    assert counts(db) == counts(alone)
    assert counts(db)["money"] > 5
    for table in FACT_TABLES:
        key = "project_id" if table == "projects" else "fact_id"
        assert query(db, f"SELECT {key} FROM {table} ORDER BY 1") == query(alone, f"SELECT {key} FROM {table} ORDER BY 1"), table

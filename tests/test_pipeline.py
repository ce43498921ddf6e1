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

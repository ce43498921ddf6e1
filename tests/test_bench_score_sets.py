"""bench/score_sets.py, the quick scorer of every test folder, runs the run's stages without
Prefect: on the dev corpus it must give the score the full flow gives (test_pipeline)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "score_sets.py"
_spec = importlib.util.spec_from_file_location("score_sets", SCRIPT)
score_sets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_sets)


def test_quick_scorer_loads_a_folder_like_a_run_and_scores_the_dev_corpus_perfectly(tmp_path):
    corpus = Path(__file__).parent / "corpus"
    line = score_sets.score_folder(corpus, tmp_path, verbose=False)
    assert line.startswith("corpus") and "f1=1.000" in line, line
    con = duckdb.connect(str(tmp_path / "corpus.duckdb"), read_only=True)
    runs = con.sql("select status, docs_loaded from quality.runs").fetchall()
    assert runs == [("completed", len(list(corpus.glob("*.gold.json"))))]


"""The benchmark corpus generator: same seed, same corpus; gold files in the GOLD.md shape
that only state what the text says (cheap checks, no pipeline run)."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "make_corpus.py"
_spec = importlib.util.spec_from_file_location("make_corpus", BENCH)
make_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_corpus)

GOLD_KEYS = {"source", "document", "countries", "organizations", "persons", "money", "agreements",
             "projects", "events", "quantities", "contacts"}
REQUIRED_ITEM_KEY = {"organizations": "name", "persons": "name", "money": "amount_usd", "agreements": "year",
                     "projects": "title", "events": "start", "quantities": "value", "contacts": "value"}
AGREEMENT_KINDS = {"mou", "partnership_agreement", "dwcp", "agreement", "declaration"}
CONTACT_KINDS = {"email", "url", "phone", "address"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench_corpus")
    make_corpus.generate(out, 60, seed=7)
    return out


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))


def test_same_seed_gives_the_same_corpus_and_another_seed_a_different_one(corpus, tmp_path):
    again = tmp_path / "again"
    make_corpus.generate(again, 60, seed=7)
    first = {p.name: p.read_bytes() for p in corpus.iterdir() if p.name != "manifest.json"}
    second = {p.name: p.read_bytes() for p in again.iterdir() if p.name != "manifest.json"}
    assert first == second
    other = make_corpus.make_document(8, 0)
    assert other[1] != make_corpus.make_document(7, 0)[1]


def test_a_small_corpus_is_the_start_of_a_bigger_one(corpus):
    # document i depends on (seed, i) only, so 1k docs are the first 1k of 10k
    name, text, gold = make_corpus.make_document(7, 59)
    assert (corpus / name).read_text(encoding="utf-8") == text


def test_every_document_has_a_gold_file_in_the_gold_md_shape(corpus):
    docs = documents(corpus)
    assert len(docs) == 60
    assert {p.suffix for p in docs} == {".txt", ".md"}
    for doc in docs:
        gold = json.loads((corpus / (doc.stem + ".gold.json")).read_text(encoding="utf-8"))
        assert set(gold) == GOLD_KEYS
        assert gold["source"] == doc.name
        assert set(gold["document"]) == {"title", "partner_iso3", "published"}
        assert DATE_RE.match(gold["document"]["published"])
        assert all(re.fullmatch(r"[A-Z]{3}", c) for c in gold["countries"])
        for key, field in REQUIRED_ITEM_KEY.items():
            for item in gold[key]:
                assert item.get(field) not in (None, ""), (doc.name, key, item)
        assert all(a["kind"] in AGREEMENT_KINDS and a["parties"] for a in gold["agreements"])
        assert all(c["kind"] in CONTACT_KINDS for c in gold["contacts"])
        for e in gold["events"]:
            assert DATE_RE.match(e["start"]) and (e.get("end") is None or e["end"] >= e["start"])
        for p in gold["projects"]:
            assert p.get("start_year") is None or p["start_year"] <= p["end_year"]


def test_every_document_states_all_kinds_of_fact(corpus):
    totals = {k: 0 for k in REQUIRED_ITEM_KEY}
    for doc in documents(corpus):
        gold = json.loads((corpus / (doc.stem + ".gold.json")).read_text(encoding="utf-8"))
        assert gold["countries"] and gold["organizations"] and gold["money"] and gold["contacts"], doc.name
        for k in totals:
            totals[k] += len(gold[k])
    assert all(n >= 30 for n in totals.values()), totals


def _numbers(text: str) -> list[float]:
    """Every amount the text writes: '1,200,000', '4.39 million', '746,014'."""
    out = []
    for m in re.finditer(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*million)?", text):
        value = float(m.group(1).replace(",", ""))
        out.append(value * (1e6 if m.group(2) else 1))
    return out


def test_gold_money_and_countries_appear_in_the_text(corpus):
    for doc in documents(corpus):
        text = doc.read_text(encoding="utf-8")
        gold = json.loads((corpus / (doc.stem + ".gold.json")).read_text(encoding="utf-8"))
        numbers = _numbers(text)
        for item in gold["money"]:
            usd = item["amount_usd"]
            written = any(abs(n - usd) <= 0.005 * usd for n in numbers)
            # an amount in euros, francs or pounds converted at the yearly rate: the native
            # amount is written, within a plausible exchange rate of the gold's dollars
            converted = bool(re.search(r"EUR|€|euros|CHF|Swiss francs|£|GBP", text)) and \
                any(0.5 <= usd / n <= 2.0 for n in numbers if n)
            assert written or converted, (doc.name, item)
        for iso3 in gold["countries"]:
            assert any(name in text for name in make_corpus.country_names(iso3)), (doc.name, iso3)


def test_gold_names_and_contacts_are_written_in_the_text(corpus):
    for doc in documents(corpus):
        text = doc.read_text(encoding="utf-8")
        gold = json.loads((corpus / (doc.stem + ".gold.json")).read_text(encoding="utf-8"))
        for person in gold["persons"]:
            assert person["name"] in text and person["role"] in text, (doc.name, person)
        for org in gold["organizations"]:
            assert org["name"] in text or org.get("acronym", "\0") in text, (doc.name, org)
            if org.get("acronym"):
                assert org["acronym"] in text
        for contact in gold["contacts"]:
            assert contact["value"] in text, (doc.name, contact)
        for project in gold["projects"]:
            assert project["title"] in text, (doc.name, project)


def test_documents_are_about_the_size_of_real_briefs(corpus):
    sizes = [p.stat().st_size for p in documents(corpus)]
    assert 4_000 <= sum(sizes) / len(sizes) <= 9_000


@pytest.mark.skipif(not os.environ.get("COOPFACTS_BENCH"),
                    reason="runs the real flow twice on 200 documents (minutes); set COOPFACTS_BENCH=1")
def test_quick_benchmark_runs_the_real_flow_twice_and_scores_it(tmp_path):
    run = BENCH.parent / "run.py"
    proc = subprocess.run([sys.executable, str(run), "--quick", "--workdir", str(tmp_path)],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads((tmp_path / "results.json").read_text())["results"][0]
    assert result["docs"] == 200
    assert result["first"]["peak_tree_mb"] > 0 and result["second"]["wall_s"] > 0
    assert {"read_s", "extract_s", "transform_validate_s", "load_s"} <= set(result["stages"])
    assert result["score"]["documents_scored"] == 200 and 0 < result["score"]["micro"]["f1"] <= 1
    assert "F1" in proc.stdout and "Prefect" in proc.stdout

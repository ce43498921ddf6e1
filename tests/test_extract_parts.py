"""A very long document is extracted in parts (flows/extract/__init__.py: extract_all):
the parts cover the text, cut between paragraphs, and the rows come back grounded in the
whole text, as if each part had been a document of its own."""
from pathlib import Path

from flows.extract import EXTRACTORS, extract_all, parts

CORPUS = Path(__file__).parent / "corpus"


def _docs() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:3]]


def test_parts_cover_the_text_and_cut_at_paragraph_breaks():
    text = "\n\n".join(f"Paragraph {i} says something about decent work." for i in range(400))
    spans = parts(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # no gap, no overlap
    assert all(e - s <= 1000 for s, e in spans)
    assert all(text[s - 2:s] == "\n\n" for s, _ in spans[1:])


def test_parts_never_split_a_word_without_breaks_and_short_texts_stay_whole():
    text = "word " * 1000
    assert all(text[s - 1] == " " for s, _ in parts(text, 333)[1:])
    assert parts("short", 1000) == [(0, 5)]
    assert parts("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]  # no space: a hard cut


def test_a_long_text_in_parts_gives_each_parts_facts_grounded_in_the_whole_text():
    docs = _docs()
    text = "\n\n".join(docs)
    # parts about a document long, cut at paragraph breaks (between documents or inside one)
    whole_in_parts = extract_all(text, part_chars=max(len(d) for d in docs) + 2)
    for table, rows in whole_in_parts.items():
        for r in rows:
            assert text[r["char_start"]:r["char_end"]] == r["evidence"], table
    # the money of the parts is the money of the documents, each read alone
    alone = sorted(r["evidence"] for d in docs for r in EXTRACTORS["money"](d))
    assert sorted(r["evidence"] for r in whole_in_parts["money"]) == alone
    assert len(whole_in_parts["money"]) > 5


def test_a_text_under_the_part_size_is_extracted_whole():
    doc = _docs()[0]
    assert extract_all(doc, part_chars=10 * len(doc)) == {t: fn(doc) for t, fn in EXTRACTORS.items()}


def test_parts_extracted_on_a_process_pool_give_the_rows_of_one_process():
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    docs = _docs()
    text = "\n\n".join(docs)
    size = max(len(d) for d in docs) + 2
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        pooled = extract_all(text, part_chars=size, map_parts=pool.map)
    assert pooled == extract_all(text, part_chars=size)
    assert len(parts(text, size)) >= 2


def test_a_failed_worker_pool_fails_the_batch_and_quarantines_no_document(monkeypatch):
    """A long document's parts go to a process pool (batch.Workers.extract): a worker that dies
    (BrokenProcessPool) or a pool stopped under it is no fault of the document, which must not be
    quarantined as an extraction error (it would stay out of the warehouse for good)."""
    from concurrent.futures import CancelledError
    from concurrent.futures.process import BrokenProcessPool

    import pytest

    from flows import batch, settings

    text = "\n\n".join(_docs())
    monkeypatch.setattr(settings, "PART_CHARS", len(text) // 3)
    for exc in (BrokenProcessPool("a worker died"), CancelledError()):
        def broken_map(fn, parts, exc=exc):
            raise exc
        with pytest.raises(type(exc)):
            batch.extract_documents([{"text": text, "source_path": "long.txt"}], map_parts=broken_map)
    # an error of the extraction itself still quarantines the one document
    def failing_map(fn, parts):
        raise ValueError("bad text")
    done, bad = batch.extract_documents([{"text": text, "source_path": "long.txt"}], map_parts=failing_map)
    assert done == [] and [q["reason"] for q in bad] == ["extract_error"]

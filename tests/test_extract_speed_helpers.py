"""The shortcuts that keep extraction linear give the same answers as the plain definitions."""
from __future__ import annotations

import time
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import prose
from flows.extract.projects import _TitleIndex, _sentence_span, same_title
from flows.extract.text import find_dates, sentences

VIEW_TEXT = st.lists(st.sampled_from(list("aZ -\t\n.|#:1") + ["Page 3", "x" * 55, "ab-\ncd"]),
                     max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(VIEW_TEXT)
def test_view_maps_every_character_back_to_the_original(src):
    v = prose.build_view(src)
    offs = [v.offs[i] for i in range(len(v.offs))]
    assert len(offs) == len(v.text) + 1 and offs[-1] == len(src)
    assert offs == sorted(offs)
    for i, ch in enumerate(v.text):
        # a copied character, or a joining space/hyphen standing for a line break
        assert src[offs[i]] == ch or (ch in " -" and src[offs[i]] in " \t\n-")


def test_view_of_a_long_run_of_spaces_is_quick():
    src = "x" + " " * 400_000 + "x\nnext line " + "y" * 60
    t = time.process_time()
    v = prose.build_view(src)
    assert time.process_time() - t < 2
    assert v.text.startswith("x" + " " * 400_000 + "x")


NAMES = st.text(st.sampled_from(list("abcde ")), min_size=0, max_size=14)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["AB", "CD", "EF", "GH", "IJ", "KL"]), NAMES, max_size=6), NAMES)
def test_acronym_for_is_the_best_close_definition(defs, name):
    n = prose._norm(name).removeprefix("the ")
    best, score = None, 0.0
    for acr, full in defs.items():                     # the definition, comparing every name
        f = prose._norm(full)
        r = 1.0 if f == n else SequenceMatcher(None, f, n).ratio()
        if r > score:
            best, score = acr, r
    assert prose.acronym_for(name, defs) == (best if score >= 0.9 else None)


TITLES = st.text(st.sampled_from(list("abcd -")), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(TITLES, min_size=1, max_size=6), TITLES)
def test_title_index_finds_every_title_same_title_accepts(titles, query):
    index = _TitleIndex()
    for k, t in enumerate(titles):
        index.add(t, k)
    found = index.candidates(query)
    for k, t in enumerate(titles):
        if same_title(query, t):
            assert k in found


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("Ab. \n!?")), max_size=80), st.integers(0, 80), st.integers(0, 40))
def test_sentence_span_matches_a_scan_of_all_sentences(text, start, length):
    sents = sentences(text)
    end = start + length
    s0, e0 = start, end
    for s, e in sents:
        if s <= start < e or (s < end <= e):
            s0, e0 = min(s0, s), max(e0, e)
    assert _sentence_span(sents, start, end) == (s0, e0)


def test_dates_of_a_document_survive_questions_about_its_sentences():
    doc = "The forum met on 14 December 2007 in Geneva. " * 200
    first = find_dates(doc)
    for i in range(600):
        find_dates(f"On {i % 28 + 1} May 2020 it met.")
    assert find_dates(doc) == first and len(first) == 200

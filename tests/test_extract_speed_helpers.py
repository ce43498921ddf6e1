"""The shortcuts that keep extraction linear give the same answers as the plain definitions."""
from __future__ import annotations

import time
from datetime import date
from difflib import SequenceMatcher

from hypothesis import example, given, settings
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


def test_view_of_a_long_run_of_spaces_takes_linear_time():
    from linear import grows_linearly

    def make(n):
        return "x" + " " * n + "x\nnext line " + "y" * 60
    ok, small, large = grows_linearly(prose.build_view, make, 50_000)
    assert ok, (small, large)
    assert prose.build_view(make(400_000)).text.startswith("x" + " " * 400_000 + "x")


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


def test_ordinal_day_ranges_and_dotted_day_ranges():
    a, = find_dates("It ran from the 2nd to the 5th of May 2021 in Turin.")
    assert (a.first(), a.last()) == (date(2021, 5, 2), date(2021, 5, 5))
    b, = find_dates("The meeting, held 8. to 9.06.2023, closed.")
    assert (b.first(), b.last()) == (date(2023, 6, 8), date(2023, 6, 9))
    c, = find_dates("Workshop 3.-4.07.2024")
    assert (c.first(), c.last()) == (date(2024, 7, 3), date(2024, 7, 4))
    d, = find_dates("see 12.05.2025 only")
    assert d.first() == date(2025, 5, 12) and d.last() is None


# ------------------------------------------------- dates, sentences, event heads: by offsets

DATE_TEXT = st.lists(st.sampled_from(
    ["1", "3", "12", "31", "05", "2023", "1999", "20", "0", "-", "–", " ", "  ", ",", ".", "May", "JUNE", "Sept",
     "december", "Jan.", "of ", " to ", " and ", "until", "st", "th", "x", "٣", "-10-", "2023-10-19", "Mar", "ſ",
     "Aprıl", "\n", "05.2023", "the "]), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(DATE_TEXT)
@example("on 12 May 2023, 1-3 June 2022 and 25 February - 3 March 2019")
@example("May 12-13, 2023 / Sept. 2020 / 2023-10-19 / 31st of December 2021 / 16 and 17 June 2022")
@example("from the 2nd to the 5th of May 2021; 8. to 9.06.2023 and 3.-4.07.2024, 12-13.\n05.2023")
def test_date_patterns_tried_where_a_date_can_start_match_a_full_scan(text):
    from flows.extract.text import _COMPILED, _STARTS_AT, _start_offsets, match_at

    offsets = _start_offsets(text)
    if offsets is None:                          # (a text with "ſ" etc. is scanned in full)
        return
    for name, rx in _COMPILED:
        want = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in match_at(rx, text, offsets[_STARTS_AT[name]])]
        assert got == want, name


_OLD_SENTENCE_END = __import__("re").compile(
    r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-•*▶►#|])")


def _plain_sentences(text):
    from flows.extract.text import _ABBREV, _strip_span

    spans, start = [], 0
    for m in _OLD_SENTENCE_END.finditer(text):
        cut = m.start()
        if m.group(0).strip() == "" and any(text[max(0, cut - 6):cut].endswith(a) for a in _ABBREV):
            continue
        if text[start:cut].strip():
            spans.append(_strip_span(text, start, cut))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return spans


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list(".!?\"”’)(“‘ \n\t\u00a0AZa0-•*#|") + ["Mr.", "e.g.", "U.S.", "F.", "H.E."]),
                max_size=30).map("".join))
def test_sentences_match_the_plain_definition(text):
    assert sentences(text) == _plain_sentences(text)


HEAD_TEXT = st.lists(st.sampled_from(
    ["round", "table", "Round", "TABLE", " ", "  ", "\t", "\n", "-", "e-", "forum", "signing", "ceremony",
     "high-level", "event", "fact-finding", "mission", "visits", "Annual", "Review", "review", "Meetings",
     "General", "Assembly", "Social", "dialogue", "training", "of", "trainers", "x", "_", "1", "commemorative",
     "mid-term", "launch", "panel", "expo", "s", ".", "é", "the", "side", "pre-", "met", "signed",
     "is scheduled for ", "took place", "reviews"]), max_size=16).map(
    "".join)


@settings(max_examples=400, deadline=None)
@given(HEAD_TEXT, st.integers(0, 200), st.integers(0, 200))
@example("a round table, a Round\ttables and a roundtable at the e-forum", 0, 200)
@example("the fact-finding  mission, the signing ceremony, pre-high-level events, Annual Review Meetings", 0, 200)
@example("x General Assembly", 0, 200)
@example("the next review is scheduled for May; field visits took place; a mid-term review was held", 0, 200)
def test_event_heads_tried_where_they_can_start_match_a_full_scan(T, a, b):
    from bisect import bisect_left, bisect_right

    from flows.extract.events import _HEAD_RE, _head_starts, match_at

    ss, se = min(a, b, len(T)), min(max(a, b), len(T))
    S = T[ss:se]
    heads, starts = _head_starts(T, T.lower())
    offsets = [0] + [x - ss for x in starts[bisect_right(starts, ss):bisect_left(starts, se)]]
    want = [m.span() for m in _HEAD_RE.finditer(S)]
    got = [m.span() for m in match_at(_HEAD_RE, S, offsets)] if bisect_left(heads, ss) < bisect_left(heads, se) else []
    assert got == want

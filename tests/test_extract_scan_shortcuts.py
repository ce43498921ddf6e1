"""Patterns tried only where a match can start (or skipped when a word they need is missing)
find the same matches as a plain `finditer` over the text."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from flows.extract import document, projects, prose
from flows.extract.text import sentences


def spans(it) -> list:
    return [(m.span(), m.groupdict(), m.lastgroup) for m in it]


VIEW_TEXT = st.lists(st.sampled_from(list("aZ -\t\n.|#:1") + ["Page 3", "x" * 55, "ab-\ncd", "Brief | Page 2\n",
                                                                 "Jul.", " Dr. ", "-\n"]),
                     max_size=50).map("".join)


@settings(max_examples=400, deadline=None)
@given(VIEW_TEXT)
def test_view_joins_found_at_line_breaks_are_all_of_them(src):
    assert spans(prose._join_matches(src)) == spans(prose._JOIN_RE.finditer(src))


def _plain_view_sentences(v: prose.View) -> list[tuple[int, int]]:
    """View.sentences as first written: a regex for the lines of every sentence."""
    spans_ = []
    joined: list[tuple[int, int]] = []
    for s, e in sentences(v.text):
        if joined and "\n" not in v.text[joined[-1][1]:s] and \
                prose._ABBREV_END_RE.search(v.text[max(0, joined[-1][1] - 8):joined[-1][1]]):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    for s, e in joined:
        for m in re.finditer(r"[^\n]+", v.text[s:e]):
            a, b = s + m.start(), s + m.end()
            while a < b and v.text[a].isspace():
                a += 1
            while b > a and v.text[b - 1].isspace():
                b -= 1
            while b - a > prose._MAX_SENTENCE:
                cut = v.text.rfind(" ", a + prose._MAX_SENTENCE // 2, a + prose._MAX_SENTENCE)
                cut = cut if cut > a else a + prose._MAX_SENTENCE
                spans_.append((a, cut))
                a = cut + 1
            if b > a:
                spans_.append((a, b))
    return spans_


@settings(max_examples=300, deadline=None)
@given(VIEW_TEXT)
def test_view_sentences_are_the_plain_definition(src):
    v = prose.build_view(src)
    assert v.sentences == _plain_view_sentences(v)


def _country_text():
    names = document._country_names_for_regex()
    word = st.sampled_from(names).flatmap(
        lambda n: st.sampled_from([n, n.upper(), n.title(), n[:-1], n + "s", n + "-", "$" + n, "the " + n]))
    glue = st.sampled_from([" ", ", ", "-", "’s ", "$", "", "\n", " and "])
    return st.lists(st.tuples(word, glue), max_size=8).map(lambda xs: "".join(a + b for a, b in xs))


@settings(max_examples=300, deadline=None)
@given(_country_text())
def test_country_trie_matches_the_plain_alternation(text):
    names = document._country_names_for_regex()
    plain = re.compile(rf"(?<![\w$])(?:{'|'.join(re.escape(n) for n in names)})(?![\w$])", re.IGNORECASE)
    assert spans(document._country_regex().finditer(text)) == spans(plain.finditer(text))


PROJECT_TEXT = st.lists(st.sampled_from([
    "project", "programme", "Programme", "initiative", "phase of the ", "Green Jobs ", "Programme (GJP)",
    " in Kenya", " known as ", '"', "“", "”", "Skills for Youth Employment", " (2019-2023)", "[since 2010]",
    "\n", "\n\n", "  ", " ", "- ", "1) ", "**", "Contacts", "Budget: ", "Duration", ":", " · ", "Donor: Norway",
    "Project title: ", "Key facts", "(", "called ", "ILO", "a", "The"]), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(PROJECT_TEXT)
@example('Programme"project"')  # the capitalised word right before a quote
def test_patterns_tried_at_their_words_find_every_match(text):
    kw = projects.word_offsets(text, projects._QUOTED_WORDS)
    quoted_at = projects.word_offsets(text, projects._QUOTED_AT_WORDS)
    assert spans(projects._finditer_at(projects.QUOTED_RE, text, quoted_at)) == spans(projects.QUOTED_RE.finditer(text))
    assert spans(projects._finditer_at(projects.KNOWN_AS_RE, text, kw)) == spans(projects.KNOWN_AS_RE.finditer(text))
    assert spans(projects._finditer_at(projects.PHASE_RE, text, projects.word_offsets(text, ("phase",)))) == \
        spans(projects.PHASE_RE.finditer(text))
    rx = projects.STANDALONE_RANGE_LINE_RE
    starts = projects._line_starts(text, projects.word_offsets(text, ("(", "[")))
    assert spans(projects._finditer_at(rx, text, starts)) == spans(rx.finditer(text))


@settings(max_examples=400, deadline=None)
@given(PROJECT_TEXT, st.integers(0, 60), st.integers(0, 80))
def test_line_anchored_patterns_tried_at_line_starts_find_every_match(text, start, length):
    start = min(start, len(text))
    end = min(len(text), start + length)
    for rx in (projects.BOILERPLATE_RE, projects._ITEM_RE, projects.TITLE_FIELD_RE, projects.FIELD_RE,
               projects.BULLET_RANGE_RE):
        assert spans(projects._finditer_lines(rx, text, start, end)) == spans(rx.finditer(text, start, end))


@settings(max_examples=400, deadline=None)
@given(PROJECT_TEXT, st.integers(0, 60))
def test_inline_fields_precheck_never_hides_a_field(text, start):
    start = min(start, len(text))
    plain = {}
    for m in projects._INLINE_FIELD_RE.finditer(text, start, len(text)):
        k = re.sub(r"\s+", " ", m.group("k").lower())
        plain.setdefault("countries" if k == "country" else k, (m.start("v"), m.end("v"), m.group("v")))
    assert projects._inline_fields(text, start, len(text)) == plain


def test_dotted_capital_i_turns_the_word_checks_off():
    # str.lower('İ') is two characters: offsets in the lower-cased text would be off
    assert projects._lowered("İnitiative funded by Norway") is None
    assert projects._may_match("İNITIATED in 2019", ("initiated",), 0, 5)


AMOUNT_TEXT = st.lists(st.sampled_from(["5", "12", "million", "thousand", "billion", " ", "  ", "\n", "\u00a0", "in",
                                        "from", "The", "the", "Norway", "x_y", "fé", ".", ","]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(AMOUNT_TEXT)
def test_amount_from_is_tried_wherever_it_can_start(body):
    rx = dict(projects._FUNDER_PATTERNS)["amount_from"]
    assert spans(projects._finditer_at(rx, body, projects._amount_from_starts(body))) == spans(rx.finditer(body))
    for tail in (projects._PROVIDED_TAIL_RE, projects._AND_ILO_TAIL_RE):
        assert tail.pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Norway", " has ", "provided", " a ", "US$", "EUR", "The ", "Government", " and the ILO ",
                                 "signed", ". ", ", ", "\n", "ILO", "have "]), max_size=20).map("".join))
def test_funder_tails_are_needed_by_the_whole_patterns(body):
    if projects._PROVIDED_RE.search(body):
        assert projects._PROVIDED_TAIL_RE.search(body)
    if projects._AND_ILO_RE.search(body):
        assert projects._AND_ILO_TAIL_RE.search(body)

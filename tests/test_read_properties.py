"""Property tests: the reader's text functions never raise, whatever text they are given."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.read import SUFFIXES, html_to_text, markdown_to_text, normalize, parse, reflow

# text rich in the characters the reader treats specially
SPECIAL = st.sampled_from(list("\r\n\f\t \u00a0\u2009\u202f\u00ad\ufeff\u200b\u2028\u2029\\$*_-#|[]()<>`~&•ﬁ\u0301\x00\x85"))
TEXT = st.text(st.one_of(st.characters(), SPECIAL), max_size=400)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert not any(c in once for c in "\r\u00a0\u2009\u202f\u00ad\ufeff\f\x00")
    assert "\\$" not in once and "\n\n\n" not in once


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_markup_and_reflow_never_raise(text):
    for out in (markdown_to_text(text), html_to_text(text),
                reflow([text.split("\n")]), reflow([p.split("\n") for p in text.split("\f")], furniture="pages")):
        assert isinstance(out, str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(sorted(set(SUFFIXES.values()))))
def test_parse_returns_a_document_or_one_quarantine_row(data, fmt):
    row = parse(data, fmt, "x")
    if "reason" in row:
        assert set(row) == {"source_path", "reason", "detail"} and row["detail"]
    else:
        assert row["text"] == normalize(row["text"]) and row["n_chars"] == len(row["text"])

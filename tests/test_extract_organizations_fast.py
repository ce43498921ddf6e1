"""The shortcuts of the organizations extractor give what the plain way gives:

- phrases are tokenized only in the pieces of text around a capitalized head noun
  (`_segments`), and only phrases with a head noun are read (`_may_hold_org`): the rows are
  those of tokenizing and reading every phrase of every block;
- acronym-only mentions are found without a regex compiled per document
  (`_acronym_mentions`): the same as one alternation of all forms, longest first.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from flows.extract import organizations as org
from flows.read import read_document

ROOT = Path(__file__).parent
DOCS = sorted(p for d in ("corpus", "holdout", "holdout2", "holdout3") for p in (ROOT / d).iterdir()
              if not p.name.endswith(".gold.json"))

PIECES = [
    "Ministry", "of", "Labour", "and", "the", ",", "&", "Office", "ILO", "UN", "UN DESA", "UNDP",
    "Minis-\ntry", "Depart-\n ment", "Depart\u00ad\nment", "l'Emploi", "Fondation", "pour", "\n",
    "\n\n", "  ", "(MOL)", "(ILO)", "( ILO )", "Women's", "Germany's", "Federation", "Trade",
    "Unions", "for", "in", "Government", "Japan", "x", "is", "to", "By", "The", "Committee",
    "Steering", "KfW", "—", "–", "/", "-", ".", "'", "’", "Directorate-General", "Fund", "SSN",
    "Bank", "World Bank", "International Labour Organization", ":", "|", "*", "_", "Institut",
    "de", "Trabajo", "Ministerio", "ministry", "MINISTRY", "İnstitute", "\u00ad", "\t",
    "Co-operative", "University", "Agency", "Japan International Cooperation Agency", "JICA",
    "Health", "Welfare", "Sport", "Regional", "Asia", "Pacific", "Union to Union", ", the",
    "organization", "a Dutch foundation", "Centre", "Research", "Hosei University",
    "Ohara Institute for Social Research", "MOLSS", "US$", "$", "@", "ILO-", "ILO's", "Bureau",
    "KEIDANREN", "Korea", "Republic", "Arvenza", "Secretariat", "ASEAN", "Programme", "Director",
    "Chambre", "des", "métiers", "Bundesagentur", "für", "Arbeit", "Fundação", "Getulio",
    "Vargas", "1", "2024", "Ltd.", "Inc", "Council", "Association", "Employers'", "Workers'",
    "**", "\\(", "]", "[", "\u212a", "Σ", "ΣΟΦΙΑ",
]


def _fuzz_text(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        out.append(rng.choice(PIECES))
        out.append(rng.choice([" ", " ", " ", "", "\n", ", ", " and ", "\n\n", ". "]))
    return "".join(out)


def _plain(text: str, monkeypatch) -> list[dict]:
    with monkeypatch.context() as m:
        m.setattr(org, "_segments", lambda text, start, end: [(start, end)])
        m.setattr(org, "_may_hold_org", lambda toks, ph: True)
        return org.extract(text)


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_corpus_rows_are_those_of_the_plain_way(path, monkeypatch):
    text = read_document(path, path.parent)["text"]
    assert org.extract(text) == _plain(text, monkeypatch)


def test_generated_and_fuzzed_rows_are_those_of_the_plain_way(monkeypatch):
    sys.path.insert(0, str(ROOT.parent / "bench"))
    import make_corpus
    texts = [make_corpus.make_document(11, i)[1] for i in range(40)]
    rng = random.Random(5)
    texts += [_fuzz_text(rng, rng.randint(5, 400)) for _ in range(400)]
    for text in texts:
        assert org.extract(text) == _plain(text, monkeypatch), text


def _acronyms_by_regex(text: str, forms) -> list[tuple[int, str]]:
    forms = sorted(forms, key=len, reverse=True)
    if not forms:
        return []
    rx = re.compile(r"(?<![\w@$/.-])(?:" + "|".join(re.escape(f) for f in forms)
                    + r")(?![\w$@]|-[A-Za-z0-9])")
    return [(m.start(), m.group(0)) for m in rx.finditer(text)]


def test_acronym_mentions_are_those_of_one_alternation():
    rng = random.Random(7)
    ref = [f for f, _, _ in org._ref_forms()]
    extra = ["UN DESA", "UN", "MOL", "MOLSS", "KfW", "ILO-IPEC", "ITC ILO", "A1", "SSN Fund",
             "I.L.O.", "DESA", "U", "ABC/DEF", "X+"]
    pieces = ref + extra + ["-", "$", "@", "/", ".", " ", "  ", "\n", "x", "-a", "'s", "(", ")",
                            "_", "é"]
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        forms = set(rng.sample(ref, rng.randint(0, len(ref)))) | set(rng.sample(extra, rng.randint(0, 5)))
        assert list(org._acronym_mentions(text, forms)) == _acronyms_by_regex(text, forms), (text, forms)


def test_head_hints_need_only_ascii_initials():
    """A capitalized head token starts with an upper-case letter that lower-cases to the
    head's first letter: `_HINT_RE` looks for those letters only."""
    firsts = {h[0] for h in org._HEADS}
    upper = {chr(c) for c in range(sys.maxunicode + 1)
             if chr(c).isupper() and chr(c).lower() in firsts}
    assert upper == {f.upper() for f in firsts}


@pytest.mark.parametrize("unit", ["Ministry ", "Ministry x ", "Minis-\n", "Ministry, ",
                                  "Ministry of Labour and ", "a Ministry ", "M" * 50 + " ",
                                  "Ministry (MOL) ", "x " * 40 + "Ministry "])
def test_hostile_repetitions_stay_linear(unit):
    from linear import grows_linearly

    ok, small, large = grows_linearly(org.extract, lambda n: unit * n, 30_000 // len(unit) + 1)
    assert ok, (small, large)

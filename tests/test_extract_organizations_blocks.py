"""Long texts are tokenized a block at a time (memory); the organizations found must not
depend on where the blocks fall."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.extract import organizations
from flows.read import read_document

DOCS = sorted(p for d in ("corpus", "holdout") for p in (Path(__file__).parent / d).iterdir()
              if not p.name.endswith(".gold.json"))


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_organizations_are_the_same_whatever_the_block_size(path, monkeypatch):
    text = read_document(path, path.parent)["text"]
    whole = organizations.extract(text)
    monkeypatch.setattr(organizations, "BLOCK_CHARS", 300)
    assert len(organizations._blocks(text)) > 1 or len(text) < 600
    assert organizations.extract(text) == whole

"""Extract persons facts from document text (stub: to be written)."""
from __future__ import annotations


def extract(text: str) -> list[dict]:
    return []

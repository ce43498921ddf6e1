"""Discover documents under the raw folder, decode them and normalize their text.

`documents.text` is the normalized text every fact offset points into, so all text
clean-up happens here, once, before any extractor runs.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def discover(raw_dir: Path) -> list[Path]:
    """Every document file under raw_dir, in a stable order."""
    return sorted(p for p in raw_dir.rglob("*") if p.suffix.lower() in SUFFIXES and not p.is_dir())


def normalize(text: str) -> str:
    """Line endings, odd spaces and escapes: the text users see and offsets point into."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00ad", "")
    text = re.sub(r"\\([$])", r"\1", text)
    return text


def read_document(path: Path, raw_dir: Path) -> dict:
    """One document as a dict, or a quarantine dict (with `reason`) when it cannot be read."""
    source_path = path.relative_to(raw_dir).as_posix()
    data = path.read_bytes()
    text = normalize(data.decode("utf-8", errors="replace"))
    return {"source_path": source_path, "doc_id": hashlib.sha256(data).hexdigest(),
            "format": SUFFIXES[path.suffix.lower()], "text": text, "n_chars": len(text),
            "n_pages": None}


def read_folder(raw_dir: Path) -> tuple[list[dict], list[dict]]:
    """(documents, quarantine rows) for every file under raw_dir."""
    docs, quarantine = [], []
    for path in discover(raw_dir):
        row = read_document(path, raw_dir)
        (quarantine if "reason" in row else docs).append(row)
    return docs, quarantine

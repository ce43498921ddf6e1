"""Files a run cannot read: each gives exactly one quarantine row, and the others still load."""
from __future__ import annotations

import io
import os
import random

import pytest
from pypdf import PdfWriter

from flows.read import MAX_BYTES, REASONS, read_document, read_folder


def blank_pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def only_row(tmp_path, name: str, data: bytes) -> dict:
    """Read a folder holding one file: it must give one quarantine row and no document."""
    (tmp_path / name).write_bytes(data)
    docs, quarantine = read_folder(tmp_path)
    assert docs == [] and len(quarantine) == 1, (docs, quarantine)
    row = quarantine[0]
    assert set(row) == {"source_path", "reason", "detail"}
    assert row["source_path"] == name and row["reason"] in REASONS
    assert row["detail"].endswith(".") and len(row["detail"]) > 20
    return row


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\t\r\n   \n", "empty"),
    ("bom_only.txt", b"\xef\xbb\xbf\n", "empty"),
    ("invisible.txt", "\u200b\u00ad\ufeff".encode(), "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary"),
    ("controls.md", bytes(range(1, 32)) * 20, "binary"),
    ("noise.txt", random.Random(1).randbytes(3000).replace(b"\x00", b"\x80"), "binary"),
    ("high_noise.txt", bytes(b | 0x80 for b in random.Random(2).randbytes(3000)), "undecodable"),
    ("symbols.txt", b"\xa2" * 3000, "undecodable"),
    ("scripts_only.html", b"<html><script>var a = 1;</script><style>p{}</style></html>", "no_text"),
    ("scan.pdf", blank_pdf(), "no_text"),
    ("locked.pdf", blank_pdf("secret"), "pdf_encrypted"),
    ("cut.pdf", blank_pdf()[:300], "pdf_broken"),
    ("fake.pdf", b"This is not a PDF at all.", "pdf_broken"),
    ("garbage.pdf", b"%PDF-1.7\n garbage that is no PDF structure\n%%EOF\n", "pdf_broken"),
])
def test_unreadable_content_gets_one_row_with_a_reason(tmp_path, name, data, reason):
    assert only_row(tmp_path, name, data)["reason"] == reason


def test_file_over_the_size_limit(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    docs, quarantine = read_folder(tmp_path, max_bytes=1000)
    assert docs == [] and [q["reason"] for q in quarantine] == ["too_large"]
    assert "MAX_BYTES" in quarantine[0]["detail"]
    assert MAX_BYTES >= 20 * 1024 * 1024  # a 20 MB text file must still load


def test_same_bytes_under_two_paths_load_once(tmp_path):
    (tmp_path / "a.txt").write_text("The same brief.")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a.txt").write_text("The same brief.")
    docs, quarantine = read_folder(tmp_path)
    assert [d["source_path"] for d in docs] == ["a.txt"]
    assert [(q["source_path"], q["reason"]) for q in quarantine] == [("copy/a.txt", "duplicate")]
    assert "a.txt" in quarantine[0]["detail"]


def test_links_inside_the_folder_are_duplicates_links_outside_are_refused(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "elsewhere"
    raw.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("Outside the raw folder.")
    (raw / "real.txt").write_text("Inside the raw folder.")
    (raw / "alias.txt").symlink_to(raw / "real.txt")
    (raw / "escape.txt").symlink_to(outside / "secret.txt")
    (raw / "more").symlink_to(outside, target_is_directory=True)
    (raw / "dangling.txt").symlink_to(raw / "missing.txt")
    docs, quarantine = read_folder(raw)
    assert [d["source_path"] for d in docs] == ["real.txt"]
    assert {(q["source_path"], q["reason"]) for q in quarantine} == {
        ("alias.txt", "duplicate"), ("escape.txt", "outside_raw"), ("more", "outside_raw"),
        ("dangling.txt", "unreadable")}
    assert all("Outside the raw folder" not in d["text"] for d in docs)


def test_link_loop_and_pipe_are_unreadable_not_hanging(tmp_path):
    (tmp_path / "loop_a.txt").symlink_to(tmp_path / "loop_b.txt")
    (tmp_path / "loop_b.txt").symlink_to(tmp_path / "loop_a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    docs, quarantine = read_folder(tmp_path)
    assert docs == []
    assert sorted((q["source_path"], q["reason"]) for q in quarantine) == [
        ("loop_a.txt", "unreadable"), ("loop_b.txt", "unreadable"), ("pipe.txt", "unreadable")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_file_without_read_permission(tmp_path):
    path = tmp_path / "private.txt"
    path.write_text("No access.")
    path.chmod(0)
    try:
        row = read_document(path, tmp_path)
    finally:
        path.chmod(0o644)
    assert row["reason"] == "unreadable" and "permission" in row["detail"]


def test_a_folder_of_broken_files_still_loads_the_good_one(tmp_path):
    broken = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02\x03" * 50,
        "locked.pdf": blank_pdf("pw"),
        "cut.pdf": blank_pdf()[:200],
        "z_copy.txt": b"A good brief on cooperation.",
    }
    (tmp_path / "good.txt").write_bytes(b"A good brief on cooperation.")
    for name, data in broken.items():
        (tmp_path / name).write_bytes(data)
    docs, quarantine = read_folder(tmp_path)
    assert [d["source_path"] for d in docs] == ["good.txt"]
    assert len(quarantine) == len(broken)
    assert len({q["source_path"] for q in quarantine}) == len(quarantine)  # one row per file


def test_read_document_never_raises_on_odd_paths(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    assert read_document(tmp_path / "folder.txt", tmp_path)["reason"] == "unreadable"
    assert read_document(tmp_path / "missing.txt", tmp_path)["reason"] == "unreadable"

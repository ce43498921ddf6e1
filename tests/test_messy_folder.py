"""One real run over a folder of every kind of input a user throws at it.

Readable documents load with their facts; each broken file gets exactly one quarantine row
with a reason a person understands; the run still completes.
"""
from __future__ import annotations

import os
import shutil

import duckdb

from flows import read
from test_read_broken_input import blank_pdf
from test_read_formats import make_pdf

from conftest import CORPUS

HTML = """<html><head><title>ignored</title><script>var x = "US$ 9 million";</script></head>
<body><nav>Home | About</nav><h1>Norway and the ILO renew their partnership</h1>
<p>OSLO, 3 March 2021 &ndash; Norway will provide NOK 45 million to the ILO between 2021 and 2023.</p>
<p>Contact: press@example.org</p></body></html>"""


def test_messy_folder_loads_what_it_can_and_quarantines_the_rest(run_flow, tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(CORPUS / "china_ilo_cooperation_2024-04.txt", raw / "brief.txt")
    shutil.copy(CORPUS / "korea_ilo_partnership_2025-05.md", raw / "page.md")
    (raw / "news.html").write_text(HTML)
    (raw / "wide.txt").write_bytes(b"\xff\xfe" + "Sweden provides SEK 120 million to Viet Nam.\r\n".encode("utf-16-le"))
    (raw / "legacy.txt").write_bytes("Caf\xe9 owners in S\xe3o Paulo received US$ 2 million.\r\n".encode("cp1252"))
    (raw / "report.pdf").write_bytes(make_pdf([["Brief on cooperation with Kenya",
                                                "Kenya received US$ 3 million in 2022."]]))
    broken = {
        "empty.txt": ("empty", b""),
        "blank.md": ("empty", b"   \n\n"),
        "image.txt": ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
        "cut.pdf": ("pdf_broken", blank_pdf()[:300]),
        "locked.pdf": ("pdf_encrypted", blank_pdf("secret")),
        "huge.txt": ("too_large", b"Kenya " * 50_000),
    }
    for name, (_, data) in broken.items():
        (raw / name).write_bytes(data)
    outside = tmp_path / "outside.txt"
    outside.write_text("A file outside the raw folder that names Kenya.")
    os.symlink(outside, raw / "escape.txt")
    broken["escape.txt"] = ("outside_raw", None)
    shutil.copy(raw / "brief.txt", raw / "brief_copy.txt")
    broken["brief_copy.txt"] = ("duplicate", None)
    monkeypatch.setattr(read, "MAX_BYTES", 200_000)

    db = tmp_path / "wh.duckdb"
    summary, state = run_flow(raw, db)
    assert state.is_completed()

    con = duckdb.connect(str(db), read_only=True)
    try:
        quarantine = con.execute("SELECT source_path, reason, detail FROM quality.quarantine "
                                 "WHERE table_name IS NULL").fetchall()
        loaded = dict(con.execute("SELECT source_path, format FROM documents").fetchall())
        money = {r[0] for r in con.execute(
            "SELECT d.source_path FROM money m JOIN documents d USING (doc_id)").fetchall()}
        countries = {r[0] for r in con.execute("SELECT DISTINCT iso3 FROM country_mentions").fetchall()}
        text = con.execute("SELECT text FROM documents WHERE source_path = 'legacy.txt'").fetchall()[0][0]
    finally:
        con.close()

    reasons = {path: reason for path, reason, _ in quarantine}
    assert len(quarantine) == len(broken) == len(reasons)  # exactly one row per broken file
    assert reasons == {name: reason for name, (reason, _) in broken.items()}
    assert all(len(detail) > 20 for _, _, detail in quarantine)
    assert loaded == {"brief.txt": "txt", "page.md": "md", "news.html": "html", "wide.txt": "txt",
                      "legacy.txt": "txt", "report.pdf": "pdf"}
    assert {"news.html", "wide.txt", "legacy.txt", "report.pdf"} <= money
    assert {"NOR", "SWE", "VNM", "KEN"} <= countries
    assert "São Paulo" in text and "\r" not in text
    assert summary["docs_quarantined"] == len(broken)

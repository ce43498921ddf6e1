"""Reading every supported format and encoding into the normalized documents.text."""
from __future__ import annotations

import hashlib
from pathlib import Path

from flows.read import normalize, read_document, read_folder

CORPUS = Path(__file__).parent / "corpus"


def read_bytes(tmp_path: Path, name: str, data: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path, tmp_path)


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: every page a list of text lines in Helvetica (WinAnsi)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (" ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))).encode(), len(pages)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
        for line in lines:
            ops.append("(%s) Tj T*" % line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
        stream = "\n".join(ops + ["ET"]).encode("cp1252")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (k, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# ------------------------------------------------------------------ plain text and encodings

def test_plain_text_keeps_its_lines_and_records_identity(tmp_path):
    data = b"Key facts\nDuration: April 2018 - March 2023\nBudget: US$ 6.4 million\n"
    doc = read_bytes(tmp_path, "facts.txt", data)
    assert doc["text"] == "Key facts\nDuration: April 2018 - March 2023\nBudget: US$ 6.4 million"
    assert doc["format"] == "txt" and doc["n_pages"] is None
    assert doc["doc_id"] == hashlib.sha256(data).hexdigest()
    assert doc["n_chars"] == len(doc["text"])
    assert doc["source_path"] == "facts.txt"


def test_utf8_with_bom_utf16_with_bom_and_legacy_encodings_read_alike(tmp_path):
    text = "São Paulo and Brasília pledged € 5 million – “for the coöperation” in Perú.\n"
    variants = {
        "utf8.txt": text.encode("utf-8"),
        "utf8bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16le.txt": text.encode("utf-16"),
        "utf16be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "cp1252.txt": text.encode("cp1252"),
    }
    for name, data in variants.items():
        assert read_bytes(tmp_path, name, data)["text"] == text.strip(), name


def test_line_endings_become_newlines(tmp_path):
    assert read_bytes(tmp_path, "crlf.txt", b"one\r\ntwo\r\n")["text"] == "one\ntwo"
    assert read_bytes(tmp_path, "cr.txt", b"one\rtwo\r")["text"] == "one\ntwo"


def test_odd_spaces_soft_hyphens_ligatures_and_escapes():
    raw = "US$\u00a01\u202f000\u2009000 for the ﬁrst ﬂow of co\u00adoperation, m² and “quotes” cost \\$ 5"
    assert normalize(raw) == "US$ 1 000 000 for the first flow of cooperation, m² and “quotes” cost $ 5"


def test_pdf_dump_text_is_reflowed_into_paragraphs():
    path = CORPUS / "brazil_ilo_cooperation_2024-05.txt"
    text = read_document(path, CORPUS)["text"]
    assert "-\n" not in text
    assert "ILO Partnership Brief" not in text
    assert "ILO-Brazil Partnership Programme" in text          # 'Partner-\nship'
    assert "Brazilian Association of Cotton Producers" in text  # 'Asso-\nciation'
    assert "Ambassador Fernando" in text and "South-South cooperation against" in text
    assert "known as Cotton with Decent Work, adapts" in text   # split by a page break
    assert "held again for the first time in seven years" in text
    # one paragraph is one line; list items and headings keep their own lines
    assert "Brazil has been a Member State of the International Labour Organization since its foundation" in text
    assert sum(1 for line in text.split("\n") if line.startswith("• ")) == 11
    assert "\n\nBRAZIL AND THE ILO\n\n" in text
    assert "\nTel: +55 61 2106 4600\nE-mail: brasilia@ilo.org\n" in text


def test_dump_with_form_feeds_drops_page_numbers_and_joins_across_pages(tmp_path):
    body = ("The programme supports labour inspection and social dialogue in the partner "
            "countries of the region, with a budget that grew every year and a team that "
            "works from the regional office. ")
    import textwrap
    lines = textwrap.wrap(body * 6, 72)
    page1, page2 = lines[:9], lines[9:]
    data = ("Annual Report 2023\n\n" + "\n".join(page1) + "\n\n1\n\f" + "Annual Report 2023\n\n"
            + "\n".join(page2) + "\n\n2\n\f").encode()
    text = read_bytes(tmp_path, "report.txt", data)["text"]
    assert text == " ".join(lines)


def test_normal_text_with_long_lines_is_not_rewrapped():
    path = CORPUS / "japan_ilo_cooperation_2023-10.txt"
    raw = path.read_text(encoding="utf-8")
    assert read_document(path, CORPUS)["text"] == normalize(raw)


# ------------------------------------------------------------------ Markdown

def test_markdown_keeps_structure_and_drops_syntax(tmp_path):
    md = (
        "# Korea – ILO cooperation\n\n"
        "*Partner page · updated May 2025*\n\n"
        "* **ILO member since:** 1991\n"
        "+ __Funding:__ US\\$ 63.1 million, snake_case_name stays\n\n"
        "| Year | Amount (US$) |\n|------|------:|\n| **2018** | 3,640,000 |\n\n"
        "Counterpart: [Ministry of Employment and Labor (MOEL)](https://www.moel.go.kr/english/).\n"
        "Web: [ilo.org/korea-partnership](https://www.ilo.org/korea-partnership) and "
        "[https://unglobalaccelerator.org](https://unglobalaccelerator.org), "
        "[a page](/en/about).\n"
    )
    text = read_bytes(tmp_path, "korea.md", md.encode())["text"]
    assert text == (
        "# Korea – ILO cooperation\n\n"
        "Partner page · updated May 2025\n\n"
        "- ILO member since: 1991\n"
        "- Funding: US$ 63.1 million, snake_case_name stays\n\n"
        "| Year | Amount (US$) |\n|------|------:|\n| 2018 | 3,640,000 |\n\n"
        "Counterpart: Ministry of Employment and Labor (MOEL) (https://www.moel.go.kr/english/).\n"
        "Web: ilo.org/korea-partnership and https://unglobalaccelerator.org, a page."
    )


def test_markdown_corpus_page_shows_each_url_once():
    text = read_document(CORPUS / "korea_ilo_partnership_2025-05.md", CORPUS)["text"]
    assert "**" not in text and "](" not in text
    assert text.count("ilo.org/korea-partnership") == 1
    assert "## At a glance" in text and "- ILO member since: 1991" in text


# ------------------------------------------------------------------ HTML

def test_html_visible_text_with_headings_lists_and_tables(tmp_path):
    page = """<!DOCTYPE html><html><head><title>Ignored title</title>
    <style>p { color: red }</style><script>var budget = "US$ 99 million";</script></head>
    <body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
    <h1>Japan &ndash; ILO cooperation</h1>
    <p>Japan   funded the <b>ILO</b> with US&#36;&nbsp;15.1&nbsp;million
    in 2022.<br>Second line.</p>
    <div hidden>hidden text</div><p style="display:none">invisible</p>
    <h2>Key facts</h2>
    <ul><li>First item</li><li><p>Second item</p></li></ul>
    <table><tr><th>Year</th><th>Amount</th></tr><tr><td>2018</td><td>3,640,000</td></tr></table>
    <footer><p>Contact: <a href="mailto:tokyo@ilo.org">tokyo@ilo.org</a></p></footer>
    </body></html>"""
    doc = read_bytes(tmp_path, "japan.html", page.encode())
    assert doc["format"] == "html"
    assert doc["text"] == (
        "# Japan – ILO cooperation\n\n"
        "Japan funded the ILO with US$ 15.1 million in 2022.\nSecond line.\n\n"
        "## Key facts\n\n"
        "- First item\n- Second item\n\n"
        "| Year | Amount |\n| 2018 | 3,640,000 |\n\n"
        "Contact: tokyo@ilo.org"
    )


def test_html_declared_legacy_charset(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Brasília – “ok”</p></body></html>'
    assert read_bytes(tmp_path, "legacy.htm", page.encode("cp1252"))["text"] == "Brasília – “ok”"


# ------------------------------------------------------------------ PDF

def test_pdf_text_layer_without_furniture_and_with_joined_lines(tmp_path):
    pdf = make_pdf([
        ["PARTNERSHIP REPORT", "Brazil and the ILO signed a Partner-", "ship agreement in 2009 that covers the",
         "South-South cooperation in many countries", "and regions of the world.", "", "Annual Brief | Page 1"],
        ["The second page continues the text on", "work and trade in Latin America and the",
         "Caribbean, with US\u00a0$ 1\u00a0000\u00a0000 for the first", "year.", "Annual Brief | Page 2"],
        ["Final remarks about the programme are here.", "Annual Brief | Page 3"],
    ])
    doc = read_bytes(tmp_path, "brief.pdf", pdf)
    assert doc["format"] == "pdf" and doc["n_pages"] == 3
    assert doc["text"] == (
        "PARTNERSHIP REPORT\n"
        "Brazil and the ILO signed a Partnership agreement in 2009 that covers the South-South "
        "cooperation in many countries and regions of the world.\n\n"
        "The second page continues the text on work and trade in Latin America and the Caribbean, "
        "with US $ 1 000 000 for the first year.\n\n"
        "Final remarks about the programme are here."
    )


def test_pdf_sentence_split_by_a_page_break_is_joined(tmp_path):
    pdf = make_pdf([["Brief on cooperation", "The agreement was signed in Geneva by the two",
                     "Partner Brief | 1"],
                    ["Brief on cooperation", "ministers in the presence of the Director-General.",
                     "Partner Brief | 2"]])
    text = read_bytes(tmp_path, "split.pdf", pdf)["text"]
    # the running header and footer repeat on every page: gone, and the sentence reads on
    assert text == ("The agreement was signed in Geneva by the two ministers "
                    "in the presence of the Director-General.")


# ------------------------------------------------------------------ folders

def test_read_folder_loads_every_format_and_subfolders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Plain text.")
    (tmp_path / "sub" / "b.md").write_text("# Title\n\nBody.")
    (tmp_path / "c.HTML").write_text("<p>Visible</p>")
    (tmp_path / "d.pdf").write_bytes(make_pdf([["A one-page PDF."]]))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # not a document type: ignored
    docs, quarantine = read_folder(tmp_path)
    assert quarantine == []
    assert [(d["source_path"], d["format"]) for d in docs] == [
        ("a.txt", "txt"), ("c.HTML", "html"), ("d.pdf", "pdf"), ("sub/b.md", "md")]
    assert {d["text"] for d in docs} == {"Plain text.", "# Title\n\nBody.", "Visible", "A one-page PDF."}
    for d in docs:
        assert set(d) == {"source_path", "doc_id", "format", "text", "n_chars", "n_pages"}


def test_html_with_unclosed_and_nested_cells_keeps_their_text(tmp_path):
    page = ("<table><tr><td>a</td><td><table><tr><td>in1</td><td>in2</td></tr></table></td></tr>"
            "<tr><td>z</td></tr></table><p>after<td>x<td>y")
    assert read_bytes(tmp_path, "cells.html", page.encode())["text"] == (
        "| a | in1 in2 |\n| z |\n\nafter\n\n| x y |")


def test_pdf_dated_running_header_is_kept_once_on_the_first_page(tmp_path):
    pdf = make_pdf([["KENYA AND THE ILO | Brief | March 2022", "A title of the brief", "", "Body text one."],
                    ["KENYA AND THE ILO | Brief | March 2022", "Body text two."]])
    text = read_bytes(tmp_path, "dated.pdf", pdf)["text"]
    assert text.startswith("KENYA AND THE ILO | Brief | March 2022\n\nA title of the brief")
    assert text.count("March 2022") == 1


def test_markdown_footnotes_are_kept_while_link_definitions_are_not():
    from flows.read import markdown_to_text

    src = ('Funding rose.[^2]\n\n[^2]: ILO (2023). *Mid-term review.* https://www.ilo.org/eval/mtr\n'
           '[ilo]: https://www.ilo.org "ILO"\n')
    text = markdown_to_text(src)
    assert "https://www.ilo.org/eval/mtr" in text  # a footnote is content a reader sees
    assert "[ilo]" not in text  # a link reference definition is not


def test_a_hard_wrapped_text_keeps_its_tables_and_signature_columns_line_by_line(tmp_path):
    prose = ("The partners agreed on the following schedule of payments, which the committee will "
             "review at each of its meetings, and on the reporting that goes with each payment to the "
             "donor and to the national steering committee of the programme in the capital.")
    words, lines, line = prose.split(), [], ""
    for w in words:  # wrapped at 72 characters, as an e-mail or a PDF dump is
        if len(line) + 1 + len(w) > 72:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    table = ["", "  Payment   Year      Amount (NOK)   Due on",
             "  -------   ----   -------------   -----------------------------",
             "  First     2025       4,000,000   Signature of the agreement",
             "  Second    2026       3,500,000   Approval of the first annual",
             "                                   report",
             "  -------   ----   -------------",
             "  Total                7,500,000", ""]
    signatures = ["For the Ministry:                        For the ILO:", "",
                  "Ingrid Solheim-Bakke                     Rafael Montoya Cruz",
                  "Director General                         Regional Director", ""]
    path = tmp_path / "letter.txt"
    path.write_text("\n".join(lines * 3 + table + lines * 2 + [""] + signatures))
    text = read_document(path, tmp_path)["text"]
    assert prose in text  # prose is still joined into paragraphs
    assert "\n  First     2025       4,000,000   Signature of the agreement\n" in text
    assert "\n  -------   ----   -------------\n  Total                7,500,000\n" in text
    assert "\nIngrid Solheim-Bakke                     Rafael Montoya Cruz\n" in text

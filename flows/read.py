"""Discover documents under the raw folder, decode them and normalize their text.

`documents.text` is the normalized text every fact offset points into, so all text
clean-up happens here, once, before any extractor runs:

- formats: .txt, .md (Markdown syntax removed, headings/lists/tables kept as '#', '- ', '|'
  lines), .html/.htm (visible text via BeautifulSoup), .pdf (text layer via pypdf, repeated
  page headers and footers dropped, hard-wrapped lines joined, hyphenation undone);
- plain text that is a PDF dump (hard line breaks, hyphenation, 'Brief | Page N' footers) is
  reflowed the same way as a PDF;
- encodings: UTF-8 with or without BOM, UTF-16/32 with BOM, legacy single-byte encodings
  (charset-normalizer); text hygiene in `normalize`.

Anything that cannot be read becomes one quarantine row {source_path, reason, detail}, with a
short reason code (see REASONS) and a sentence a person understands. Nothing here raises.

Size limit: files larger than MAX_BYTES are not read and are quarantined as 'too_large'.
MAX_BYTES comes from flows/settings.py (50 MB, environment COOPFACTS_MAX_BYTES); without a
settings module it defaults to 50 MB here.
"""
from __future__ import annotations

import codecs
import hashlib
import html as html_lib
import bisect
import io
import math
import os
import re
import stat
import unicodedata
from pathlib import Path

try:  # configuration lives in flows/settings.py when the project has one
    from .settings import MAX_BYTES  # type: ignore[attr-defined]
except Exception:  # noqa: BLE001 - no settings module or no MAX_BYTES in it
    #: Largest file read, in bytes. Bigger files get a 'too_large' quarantine row.
    MAX_BYTES = 50 * 1024 * 1024

SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html",
            ".pdf": "pdf"}

#: quarantine reason codes
REASONS = ("empty", "binary", "undecodable", "pdf_encrypted", "pdf_broken", "too_large",
           "unreadable", "outside_raw", "duplicate", "no_text")


# ------------------------------------------------------------------ discovery

def discover(raw_dir: Path) -> list[Path]:
    """Every document file under raw_dir (links to files included; links to folders are not
    followed), in a stable order."""
    return [p for p, problem in _walk(Path(raw_dir)) if problem is None]


def _walk(raw_dir: Path) -> list[tuple[Path, str | None]]:
    """(path, problem) for every document-like entry; problem is set for unreadable folders."""
    found: list[tuple[Path, str | None]] = []

    def onerror(err: OSError) -> None:
        if err.filename and Path(err.filename) != raw_dir:
            found.append((Path(err.filename), "unreadable_dir"))

    for root, dirs, files in os.walk(raw_dir, onerror=onerror, followlinks=False):
        dirs.sort()
        for d in list(dirs):
            full = Path(root) / d
            if full.is_symlink():  # not followed: files inside are reached by their real path
                found.append((full, "dir_link"))
        for f in sorted(files):
            full = Path(root) / f
            if full.suffix.lower() in SUFFIXES:
                found.append((full, None))
    found.sort(key=lambda item: str(item[0]))
    return found


def _source_path(path: Path, raw_dir: Path) -> str:
    try:
        rel = path.relative_to(raw_dir).as_posix()
    except ValueError:
        rel = path.as_posix()
    # file names that are not valid UTF-8 must still be storable
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _quarantine(source_path: str, reason: str, detail: str) -> dict:
    return {"source_path": source_path, "reason": reason, "detail": detail}


# ------------------------------------------------------------------ hygiene

_LINE_BREAKS = {"\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n", "\x0b": "\n"}
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DROP = "\u00ad\u200b\u2060\ufeff\ufffe"
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_CONTROL = "".join(chr(c) for c in [*range(0, 9), *range(14, 32), 0x7f, *range(0x80, 0x85),
                                     *range(0x86, 0xa0)])
_FIXES = {**{c: " " for c in _SPACES}, **{c: "" for c in _DROP}, **{c: "" for c in _CONTROL},
          **_LIGATURES}
# one regex pass finds the rare characters to fix (str.translate is slow on large texts)
_FIX_RE = re.compile("[" + "".join(re.escape(c) for c in _FIXES) + "\ud800-\udfff]")
_MANY_BLANKS = re.compile(r"\n{3,}")
_ESCAPED_DOLLAR = re.compile(r"\\+(?=\$)")


def _prepare(text: str) -> str:
    """Line endings only (CRLF, CR, Unicode separators -> LF); keeps form feeds (page breaks)."""
    text = text.replace("\r\n", "\n")
    for char, repl in _LINE_BREAKS.items():
        if char in text:
            text = text.replace(char, repl)
    return text


def normalize(text: str) -> str:
    """Line endings, odd spaces, invisible characters and escapes: the text offsets point into.

    CRLF/CR -> LF; form feeds become blank lines; non-breaking, thin and other Unicode spaces
    become plain spaces ('US$ 1 000 000'); soft hyphens, zero-width spaces, BOMs and control
    characters (and lone surrogates) are removed; the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are spelled out (the rest of the text
    keeps its characters, curly quotes included); NFC composition; a Markdown escape '\\$' becomes
    '$'; trailing spaces are dropped and more than one blank line in a row becomes one.
    Idempotent: normalize(normalize(t)) == normalize(t).
    """
    text = _prepare(text).replace("\f", "\n\n")
    text = _FIX_RE.sub(lambda m: _FIXES.get(m.group(), ""), text)  # lone surrogates: dropped
    text = unicodedata.normalize("NFC", text)
    if "\\$" in text:
        text = _ESCAPED_DOLLAR.sub("", text)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip("\n")


# ------------------------------------------------------------------ decoding

class _Unreadable(Exception):
    """A document that cannot be turned into text: carries the quarantine reason and detail."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
_TEXT_CONTROLS = set(b"\t\n\r\f\x1a")  # \x1a: DOS end-of-file marker


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name) of raw bytes; raises _Unreadable('binary'|'undecodable', ...)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise _Unreadable("undecodable", f"The file starts with a {enc.upper()} byte-order "
                                  f"mark but is not valid {enc.upper()} (byte {exc.start}).") from None
    utf16 = _bomless_utf16(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise _Unreadable("binary", "The file contains NUL bytes: it is a binary file (an image, "
                          "archive or office document?) with a text file extension.")
    controls = sum(1 for b in data[:65536] if b < 32 and b not in _TEXT_CONTROLS)
    if controls > max(8, len(data[:65536]) // 100):
        raise _Unreadable("binary", f"The file is full of control bytes ({controls} in the first "
                          "64 KB): it is binary data, not text.")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
        matches = list(from_bytes(data))
    except Exception:  # noqa: BLE001 - the detector must not take the run down
        matches = []
    best = matches[0] if matches else None
    for m in matches[1:]:
        # the detector ties Windows-1250 and -1252 on Western text: prefer the common one
        if m.encoding in _PREFERRED_LEGACY and best.encoding not in _PREFERRED_LEGACY and \
                m.chaos <= best.chaos and m.coherence >= best.coherence - 0.01:
            best = m
            break
    if best is None:
        raise _Unreadable("undecodable", "The file is not UTF-8 and no known text encoding fits its "
                          "bytes; re-save it as UTF-8.")
    text = str(best)
    sample = "".join(text[:20000].split())
    if sample and sum(1 for c in sample if c.isalnum()) < 0.5 * len(sample):
        raise _Unreadable("undecodable", f"The file is not UTF-8, and read as {best.encoding} it is "
                          "mostly symbols rather than words; re-save it as UTF-8.")
    return text, best.encoding


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: every other byte NUL in mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and not (even if zeros is odd else odd).count(0):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return text, enc
    return None


# ------------------------------------------------------------------ reflow of hard-wrapped text

_BULLET_RE = re.compile(r"^[ \t]*(?:[•●▪◦‣○■□➢►▶✓✔\-–—*+·][ \t]|\(?\d{1,3}[.)][ \t]|\(?[a-z][.)][ \t])")
_MARKED_HEADING_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|[▶►■])")
#: a 'Label: value' line of a key-facts box ('Budget: US$ 6.2 million'): a line of its own
_LABEL_LINE_RE = re.compile(r"^[ \t]*[A-Z][A-Za-z'’/&()\- ]{0,28}[A-Za-z)]:[ \t]")
#: a capitals heading that goes on on the next line ('SAFE MIGRATION CORRIDORS IN')
_HEADING_GOES_ON_RE = re.compile(r"(?:\b(?:IN|OF|THE|AND|FOR|TO|ON|WITH|AT|BY|FROM)|[-–&])$")
_HYPHEN_END_RE = re.compile(r"([^\W_]{1,40})[-\u00ad\u2010]$")
# 'Donor:      Swiss Agency for Development and Cooperation': a label with its value aligned by spaces (a key-facts
# block of a PDF or a plain-text report); such a line starts a new line even after a long one
_ALIGNED_LABEL_RE = re.compile(r"^[A-Z][A-Za-z'’/&()\- ]{0,28}[A-Za-z)]:[ \t]{2,}\S")
# '4.1 Burkina Faso': a numbered section heading (the 'x.y' form; '4. Findings' is a list item)
_NUMBERED_HEADING_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?[ \t]+[A-Z][^.!?:;]{0,60}$")
# a line laid out in columns ('1st      2024      800,000') or a ruler ('-----   ----'), in a
# plain-text file: kept as it is (see reflow's keep_layout)
_COLUMN_LAYOUT_RE = re.compile(r"\S {3,}\S|^[ \t]*[-=_+]{3,}[-=_+| \t]*$|\S[ \t]?\.{4,}[ \t]?\S")  # (dot leaders too)
_FIRST_WORD_RE = re.compile(r"\S{1,60}")
_WORD_RE = re.compile(r"[^\W\d_]{2,40}")
_LEADING_WORD_RE = re.compile(r"[^\W\d_]{1,40}")
_TERMINAL_RE = re.compile(r"[.!?:;][\"'”’)\]]?$")
_DIGITS_RE = re.compile(r"\d+")
_PAGE_WORD_RE = re.compile(r"\b(?:page|p\.|pg\.?|seite|página|pagina)\b", re.IGNORECASE)


def _is_heading(line: str) -> bool:
    """A heading line: marked with '#', '▶', '►', '■', or written in capitals."""
    if _MARKED_HEADING_RE.match(line):
        return True
    if line.lstrip()[:1] == "(":
        return False  # '(PARTNERSHIPS).' ends a sentence; no heading opens with a bracket
    head = line[:200]
    if head.upper() != head:  # has a lowercase letter: the common, fast case
        return False
    return sum(1 for c in head if c.isupper()) >= 3


def _is_block_start(line: str) -> bool:
    """Lines that always start a new line: list items, headings, table rows."""
    return bool(_BULLET_RE.match(line)) or _is_heading(line) or line.lstrip().startswith("|")


def _percentile(values: list[int], q: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _line_width(lines: list[str]) -> int:
    lens = [len(x) for x in lines if x.strip()]
    return _percentile(lens, 0.9) if lens else 0


def is_hard_wrapped(text: str) -> bool:
    """True when the lines of a text were broken at a fixed width (a PDF or e-mail dump).

    Decided on line-length statistics: at least 10 lines, a width between 30 and 120
    characters that almost no line exceeds, and most lines followed by another line of the
    same paragraph filled up to that width.
    """
    lines = [x.rstrip() for x in _prepare(text).replace("\f", "\n").split("\n")]
    lens = [len(x) for x in lines if x.strip()]
    if len(lens) < 10:
        return False
    width = _percentile(lens, 0.9)
    if not 30 <= width <= 120 or sum(1 for n in lens if n > width + 8) > 0.03 * len(lens):
        return False
    inside = filled = 0
    for cur, nxt in zip(lines, lines[1:]):
        if not cur.strip() or not nxt.strip() or _is_block_start(nxt):
            continue
        inside += 1
        word = _FIRST_WORD_RE.search(nxt)
        if len(cur) + 1 + (len(word.group()) if word else 0) > 0.9 * width:
            filled += 1
    return filled >= 5 and filled >= 0.6 * inside


def _mask(line: str) -> str:
    return _DIGITS_RE.sub("#", " ".join(line.split()).lower())


def _repeated_lines(lines: list[str]) -> set[int]:
    """Indexes of running footers/headers in a dump without page breaks.

    A line is one when it stands alone (blank or nothing around it), is short, and the same
    line with its numbers masked occurs at least three times, with increasing page numbers
    or (when it has no number) word for word.
    """
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or len(s) > 100 or _BULLET_RE.match(line):
            continue
        if (i > 0 and lines[i - 1].strip()) or (i + 1 < len(lines) and lines[i + 1].strip()):
            continue
        groups.setdefault(_mask(s), []).append(i)
    drop: set[int] = set()
    for key, idxs in groups.items():
        if len(idxs) < (2 if _PAGE_WORD_RE.search(key) else 3):
            continue
        if "#" in key:
            numbers = [int(_DIGITS_RE.findall(lines[i])[-1]) for i in idxs]
            increasing = all(a < b for a, b in zip(numbers, numbers[1:]))
            page_like = (_PAGE_WORD_RE.search(key) or not any(c.isalpha() for c in key)
                         or ("|" in key and key.endswith("#")))
            if increasing and page_like:
                drop.update(idxs)
        elif not _is_heading(lines[idxs[0]]) or len(idxs) >= 4:
            drop.update(idxs)
    return drop


def _page_furniture(pages: list[list[str]]) -> list[set[int]]:
    """Per page, the indexes of header/footer lines that repeat on most pages."""
    n = len(pages)
    drop: list[set[int]] = [set() for _ in pages]
    if n < 2:
        return drop
    edges: list[list[int]] = []
    counts: dict[str, int] = {}
    for lines in pages:
        filled = [i for i, x in enumerate(lines) if x.strip()]
        idxs = sorted(set(filled[:2] + filled[-2:]))
        edges.append(idxs)
        for key in {_mask(lines[i]) for i in idxs if len(lines[i].strip()) <= 120}:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, math.ceil(0.5 * n))
    first_top = set([i for i, x in enumerate(pages[0]) if x.strip()][:1])
    for p, idxs in enumerate(edges):
        for i in idxs:
            key = _mask(pages[p][i])
            if p == 0 and i in first_top and _MONTH_YEAR_RE.search(pages[p][i]):
                continue        # the first page's dated header dates the document: kept once
            if counts.get(key, 0) >= need or _page_number(pages[p][i], n):
                drop[p].add(i)
    return drop


#: a month and year ('November 2023', 'Nov. 2023')
_MONTH_YEAR_RE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)[ \t]+(?:19|20)\d\d\b")


def _page_number(line: str, n_pages: int) -> bool:
    """A line that is only a page number ('7', '- 7 -', '7 / 12'), not a year or an amount."""
    if _mask(line).strip("# -–—/|") != "" or "#" not in _mask(line):
        return False
    return all(len(x) <= 5 and int(x) <= max(2 * n_pages, n_pages + 10)
               for x in _DIGITS_RE.findall(line))


def _dehyphenate(prev: str, nxt: str, compounds: set[str] | None) -> str | None:
    """Join a line ending in a broken word with the next line, or None when it does not end so.

    'Partner-' + 'ship' -> 'Partnership' (a letter before the hyphen, a lowercase letter after),
    unless the document writes the pair with a hyphen elsewhere ('Portuguese-speaking');
    'South-' + 'South', 'Brazil-' + 'ILO' and '2005-' + '2023' keep their hyphen.
    """
    m = _HYPHEN_END_RE.search(prev, max(0, len(prev) - 60))
    if not m:
        return None
    rest = nxt.lstrip()
    if not rest or not (rest[0].isalpha() or rest[0].isdigit()):
        return None
    head = prev[: m.end(1)]
    if prev[m.end(1):] == "\u00ad":  # a soft hyphen only ever marks a break
        return head + rest
    if m.group(1)[-1].isalpha() and rest[0].islower():
        second = _LEADING_WORD_RE.match(rest)
        if compounds and second and f"{m.group(1)}-{second.group()}".lower() in compounds:
            return head + "-" + rest
        return head + rest
    return head + "-" + rest


def _join_heading(prev: str, nxt: str, words) -> str:
    """A capitals heading and its next line as one: 'INDO-' + 'NESIA' is 'INDONESIA' when
    the document writes that word elsewhere (`words()`: its words, lowercased), else the
    hyphen stays ('SOUTH-' + 'SOUTH')."""
    rest = nxt.strip()
    m = _HYPHEN_END_RE.search(prev, max(0, len(prev) - 60))
    if m and rest[:1].isalpha():
        second = _LEADING_WORD_RE.match(rest)
        glue = "" if second and (m.group(1) + second.group()).lower() in words() else "-"
        return prev[:m.end(1)] + glue + rest
    return prev.rstrip() + " " + rest


def _compounds(lines: list[str]) -> set[str]:
    """Hyphenated words written on one line ('portuguese-speaking'), lowercased."""
    found: set[str] = set()
    for line in lines:
        pos = line.find("-")
        while pos > 0:
            after = _LEADING_WORD_RE.match(line, pos + 1)
            if after and line[pos - 1].isalpha():
                start = pos
                while start > 0 and pos - start < 40 and line[start - 1].isalpha():
                    start -= 1
                found.add(f"{line[start:pos]}-{after.group()}".lower())
            pos = line.find("-", pos + 1)
    return found


_ROMAN_HEADING_RE = re.compile(r"^(?:[IVX]{1,5}|[A-H])\.[ \t]+[A-Z]")


def _short_heading(tok: str, last: str, nxt: str | None, width: int) -> bool:
    """A short title-like line between a finished sentence (or a 'Label:  value' line) and a
    full line of text, or between a list item (or a bracket) and a list: a heading ('II. Delivery by region', 'Draft decision', 'Background')
    that a PDF's text layer sets without a blank line around it. The last line of a
    paragraph ends with a full stop, so it is not taken for one."""
    s = tok.strip()
    if (not s or len(s) > 0.6 * width or len(s.split()) > 7 or _TERMINAL_RE.search(s[-3:])
            or s[-1] in ",-–" or not (s[0].isupper() or s[0].isdigit())):
        return False
    before_list = bool(nxt and _BULLET_RE.match(nxt))
    if not (_TERMINAL_RE.search(last.rstrip()[-3:]) or _ALIGNED_LABEL_RE.match(last)
            or (before_list and (_BULLET_RE.match(last) or last.rstrip()[-1:] == ")"))):
        return False  # a slide's 'P3 - Labour rights' between two lists heads the second one
    if not nxt or not nxt.strip() or _ALIGNED_LABEL_RE.match(nxt) or tok[:1] in " \t":
        return False  # an indented line, or one before a 'Label:  value', goes on a value
    if s[0].isdigit() and not _NUMBERED_HEADING_RE.match(s):
        return False  # '2,350 young people took part' is no heading
    return len(nxt.strip()) >= 0.6 * width or _is_block_start(nxt) or _is_heading(nxt)


def _bracket_goes_on(last: str, tok: str) -> bool:
    """A line that leaves a bracket open goes on on the next one, even when that one looks
    like a capitals heading: 'Health in the Andean Region (EU-' + 'LABINSPECT)'."""
    return (last.count("(") > last.count(")") and ")" in tok[:80] and not _BULLET_RE.match(tok)
            and not tok.lstrip().startswith("|") and not _MARKED_HEADING_RE.match(tok))


def _laid_out(line: str) -> bool:
    """A ruler, or a line set out in columns; an aligned 'Label:   value' counts by its value
    alone (so a wrapped value still joins it)."""
    m = _ALIGNED_LABEL_RE.match(line)
    body = line[m.end() - 1:] if m else line.strip()
    return bool(_COLUMN_LAYOUT_RE.search(body) or _COLUMN_LAYOUT_RE.match(line))


def reflow(pages: list[list[str]], *, furniture: str = "repeated", dehyphenate: bool = True,
           slack: float = 0.9, paragraph_after_stop: bool = False, keep_labels: bool = False,
           keep_layout: bool = False) -> str:
    """Join hard-wrapped lines into paragraphs.

    pages: the lines of each page (one page for a dump without page breaks). furniture:
    'pages' drops lines at the top/bottom of pages that repeat on most pages, 'repeated'
    drops standalone lines repeated with increasing page numbers (the page break is where
    they were), 'none' keeps every line. A line is joined to the next when the next line's
    first word would have fitted on it (so it was wrapped), when it ends in a broken word, and
    across a page break when the sentence goes on. List items, headings and table rows keep
    their own lines; blank lines between paragraphs are kept. keep_labels: 'Label: value'
    lines keep their own lines too (a narrow column's key-facts box, whose lines look full).
    keep_layout: lines set out in columns with runs of spaces, and rulers, are neither joined
    nor joined to (a plain-text table or a two-column signature block keeps its lines, whose
    columns the table readers find by position).
    """
    tokens: list[str | None] = []  # a line, '' for a blank line, None for a page break
    page_drops = _page_furniture(pages) if furniture == "pages" else None
    for p, lines in enumerate(pages):
        lines = [x.rstrip() for x in lines]
        if page_drops is not None:
            drop = page_drops[p]
        elif furniture == "repeated":
            drop = _repeated_lines(lines)
        else:
            drop = set()
        if p:
            tokens.append(None)
        for i, line in enumerate(lines):
            tokens.append(None if i in drop else line)
    width = _line_width([t for t in tokens if t])
    compounds = _compounds([t for t in tokens if t]) if dehyphenate else None

    vocabulary: set[str] = set()

    def words() -> set[str]:
        """The document's words, lowercased (found once, when a broken heading needs them)."""
        if not vocabulary:
            vocabulary.update(w.lower() for t in tokens if t for w in _WORD_RE.findall(t))
        return vocabulary

    out: list[str] = []
    cur: str | None = None  # the paragraph being built
    last = ""               # its last physical line
    gap: str | None = None  # 'blank' or 'page' between cur and the next line

    def flush() -> None:
        if cur is not None:
            out.append(cur)

    after_heading = False   # the last line was a short heading (_short_heading)
    for i, tok in enumerate(tokens):
        if tok is None:
            gap = "page"
            continue
        if not tok.strip():
            gap = gap or "blank"
            continue
        joined = None
        heading = cur is not None and _short_heading(tok, last, tokens[i + 1] if i + 1 < len(tokens) else None,
                                                     width)
        # a capitals heading broken over two lines is one heading
        heading_goes_on = (cur is not None and gap is None and _is_heading(last) and _is_heading(tok)
                           and not _MARKED_HEADING_RE.match(tok) and bool(_HEADING_GOES_ON_RE.search(last)))
        if heading_goes_on:
            joined = _join_heading(cur, tok, words)
        elif (cur is not None and gap != "blank" and _bracket_goes_on(last, tok)
              and not (keep_layout and (_laid_out(tok) or _laid_out(last)))):
            joined = (_dehyphenate(cur, tok, compounds) if dehyphenate else None) or cur.rstrip() + " " + tok.strip()
        elif (cur is not None and gap != "blank" and not _is_block_start(tok) and not _is_heading(last)
              and not (keep_labels and _LABEL_LINE_RE.match(tok)) and not _ALIGNED_LABEL_RE.match(tok)
              # in a key-facts box ('Countries:   Rwanda ...'), a next 'Label: value' is a field
              and not (_ALIGNED_LABEL_RE.match(last) and _LABEL_LINE_RE.match(tok))
              and not (_NUMBERED_HEADING_RE.match(tok) and _TERMINAL_RE.search(last[-3:]))
              and not (keep_layout and (_laid_out(tok) or _laid_out(last)))
              and not heading and not after_heading):
            if dehyphenate:
                joined = _dehyphenate(cur, tok, compounds)
            if joined is None and not (gap == "page" and _TERMINAL_RE.search(last[-3:])):
                word = _FIRST_WORD_RE.search(tok)
                if len(last) + 1 + len(word.group()) > slack * width:
                    joined = cur.rstrip() + " " + tok.strip()
        if joined is not None:
            cur, last = joined, tok
        else:
            flush()
            if cur is not None and (gap or (paragraph_after_stop and _TERMINAL_RE.search(last[-3:]))):
                out.append("")
            cur, last = tok, tok
        gap = None
        after_heading = heading
    flush()
    return "\n".join(out)


def _reflow_dump(text: str) -> str:
    """A plain-text PDF dump: page breaks at form feeds, else at repeated footers."""
    text = _prepare(text)
    if "\f" in text:
        return reflow([split_columns(p.split("\n"), min_col=40) for p in text.split("\f")],
                      furniture="pages", keep_layout=True)
    return reflow([split_columns(text.split("\n"), min_col=40)], furniture="repeated", keep_layout=True)


# ------------------------------------------------------------------ Markdown

_PH_RE = re.compile("\ue000(\\d{1,9})\ue001")
_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_CODE_RE = re.compile(r"`([^`\n]{1,500})`")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^\s<>]{1,2000}|mailto:[^\s<>]{1,300}|"
                             r"[^\s<>@]{1,200}@[^\s<>@]{1,200})>")
_MD_IMAGE_RE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_MD_LINK_RE = re.compile(r"\[([^\[\]\n]{0,500})\]\(\s{0,20}<?([^()\s<>]{0,2000})>?"
                         r"(?:\s{1,20}(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?\s{0,20}\)")
_MD_REFLINK_RE = re.compile(r"\[([^\[\]\n]{1,500})\](?:\[([^\[\]\n]{0,200})\])?")
_MD_REFDEF_RE = re.compile(r"^ {0,3}\[(?!\^)([^\[\]\n]{1,200})\]:[ \t]{0,20}<?(\S{1,2000}?)>?"
                           r"(?:[ \t]{1,20}[\"'(][^\n]{0,500})?[ \t]*$")
_BARE_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]*`]{1,2000}")
_MD_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_MD_LIST_RE = re.compile(r"^([ \t]*)[*+][ \t]+")
_MD_QUOTE_RE = re.compile(r"^ {0,3}(?:>[ \t]?){1,20}")
_MD_TABLE_SEP_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{1,200}:?[ \t]*(?:\|[ \t]*:?-{1,200}:?[ \t]*){1,200}\|?[ \t]*$")
_MD_FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,500})?/?>")
_BR_RE = re.compile(r"<br\s{0,5}/?>", re.IGNORECASE)
_STRONG_UNDERSCORE_RE = re.compile(r"(?<![\w\\])__(?=[^\s_])|(?<=[^\s_\\])__(?!\w)")
_EM_STAR_RE = re.compile(r"(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*])")
_EM_UNDERSCORE_RE = re.compile(r"(?<![\w\\])_(?=[^\s_])|(?<=[^\s_\\])_(?!\w)")


def _url_key(url: str) -> str:
    url = url.strip().lower()
    url = re.sub(r"^(?:[a-z]{2,10}:(?://)?)", "", url)
    url = url.removeprefix("www.")
    return url.rstrip("/")


def _strip_html_comments(text: str) -> str:
    out, pos = [], 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            return "".join(out)
        end = text.find("-->", start + 4)
        out.append(text[pos:start])
        if end < 0:
            return "".join(out)
        pos = end + 3


def markdown_to_text(src: str) -> str:
    """Readable text of a Markdown document.

    Keeps '#' heading lines, '- ' list items (from '-', '*' or '+'), numbered items and '|'
    table rows (the |---| separator row too); removes emphasis ('**', '__', '*', '_'),
    code ticks, backslash escapes, HTML tags and comments; a link '[text](url)' becomes
    'text (url)', or just 'text' when the text already is the URL.
    """
    src = _prepare(src).replace("\ue000", "").replace("\ue001", "")
    src = _strip_html_comments(src)
    lines = src.split("\n")
    if lines and lines[0].strip() == "---":  # YAML front matter: keep its lines, drop fences
        for j in range(1, min(len(lines), 200)):
            if lines[j].strip() in ("---", "..."):
                lines = lines[1:j] + [""] + lines[j + 1:]
                break
    refs: dict[str, str] = {}
    kept = []
    for line in lines:
        m = _MD_REFDEF_RE.match(line)
        if m and not _MD_FENCE_RE.match(line):
            refs[m.group(1).strip().lower()] = m.group(2)
            continue
        kept.append(line)

    protected: list[str] = []

    def protect(s: str) -> str:
        protected.append(s)
        return f"\ue000{len(protected) - 1}\ue001"

    def link(text: str, url: str) -> str:
        url = url.strip()
        if url.lower().startswith("mailto:"):
            url = url[7:]
        if not text.strip():
            return protect(url) if re.match(r"(?:https?://|www\.|[^\s@]+@)", url) else ""
        if _url_key(_restore(text, protected)) == _url_key(url):
            return text
        if re.match(r"(?:https?://|www\.)", url, re.IGNORECASE) or re.match(r"[^\s@/]+@[^\s@/]+\.\w", url):
            return f"{text} ({protect(url)})"
        return text  # relative links and anchors are not contacts

    def inline(line: str) -> str:
        # each step runs only when its marker character is on the line (large files stay fast)
        if "`" in line:
            line = _MD_CODE_RE.sub(lambda m: protect(m.group(1)), line)
        if "\\" in line:
            line = _MD_ESCAPE_RE.sub(lambda m: protect(m.group(1)), line)
            line = re.sub(r"\\$", "", line)  # a backslash at the end of a line is a hard break
        if "<" in line:
            line = _MD_AUTOLINK_RE.sub(lambda m: protect(m.group(1).removeprefix("mailto:")), line)
        if "](" in line:
            line = _MD_IMAGE_RE.sub(lambda m: m.group(1), line)
            line = _MD_LINK_RE.sub(lambda m: link(m.group(1), m.group(2)), line)
        if refs and "[" in line:
            def ref(m: re.Match) -> str:
                label = (m.group(2) or m.group(1)).strip().lower()
                return link(m.group(1), refs[label]) if label in refs else m.group(0)
            line = _MD_REFLINK_RE.sub(ref, line)
        if "http" in line or "www." in line:
            line = _BARE_URL_RE.sub(lambda m: protect(m.group(0)), line)
        if "<" in line:
            line = _BR_RE.sub(" ", line)
            line = _HTML_TAG_RE.sub("", line)
        if "*" in line:
            line = line.replace("**", "")
            line = _EM_STAR_RE.sub("", line)
        if "~~" in line:
            line = line.replace("~~", "")
        if "_" in line:
            line = _STRONG_UNDERSCORE_RE.sub("", line)
            line = _EM_UNDERSCORE_RE.sub("", line)
        if "&" in line:
            line = html_lib.unescape(line)
        return line

    out: list[str] = []
    in_fence = False
    prev_para = False  # the previous output line is paragraph text (for setext headings)
    for line in kept:
        if _MD_FENCE_RE.match(line):
            in_fence = not in_fence
            prev_para = False
            continue
        if in_fence:
            out.append(line)
            continue
        stripped = line.strip()
        compact = stripped.replace(" ", "").replace("\t", "")
        if prev_para and compact and set(compact) in ({"="}, {"-"}) and " " not in stripped:
            out[-1] = ("# " if compact[0] == "=" else "## ") + out[-1].strip()
            prev_para = False
            continue
        if len(compact) >= 3 and set(compact) in ({"-"}, {"*"}, {"_"}):
            out.append("")  # a horizontal rule
            prev_para = False
            continue
        if _MD_TABLE_SEP_RE.match(line) and "|" in line:
            out.append(line.strip())  # kept: table readers use it to tell the header row
            prev_para = False
            continue
        line = _MD_QUOTE_RE.sub("", line)
        m = _MD_HEADING_RE.match(line)
        if m:
            out.append(m.group(1) + " " + inline(m.group(2) or "").strip())
            prev_para = False
            continue
        line = _MD_LIST_RE.sub(r"\1- ", line)
        text = inline(line)
        out.append(text)
        prev_para = bool(text.strip()) and not _BULLET_RE.match(text) and not text.lstrip().startswith("|")
    text = "\n".join(out)
    return _restore(text, protected)


def _restore(text: str, protected: list[str]) -> str:
    for _ in range(4):
        if "\ue000" not in text:
            break
        text = _PH_RE.sub(lambda m: protected[int(m.group(1))] if int(m.group(1)) < len(protected)
                          else "", text)
    return text


# ------------------------------------------------------------------ HTML

_HTML_SKIP = {"script", "style", "nav", "noscript", "template", "title", "svg", "iframe", "object",
              "embed", "select", "option", "datalist", "canvas", "math", "audio", "video", "map",
              "button", "input", "textarea", "meta", "link", "base"}
_HTML_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
               "figure", "figcaption", "address", "form", "fieldset", "legend", "dl", "dt", "dd",
               "pre", "center", "details", "summary", "caption", "hr", "ul", "ol", "table",
               "thead", "tbody", "tfoot", "body", "html", "hgroup", "menu", "dialog", "label"}
_HTML_ROWS = {"tr", "table", "thead", "tbody", "tfoot"}
_HEADING_TAG_RE = re.compile(r"h[1-6]$")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDDEN_CLASSES = {"sr-only", "visually-hidden", "screen-reader-text", "hidden"}
_META_CHARSET_RE = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{1,40})",
                              re.IGNORECASE)


def _hidden(el) -> bool:
    attrs = el.attrs or {}
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    if attrs.get("role") == "navigation":
        return True
    if _HIDDEN_STYLE_RE.search(str(attrs.get("style", ""))):
        return True
    classes = attrs.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    return bool(_HIDDEN_CLASSES.intersection(classes))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page: blocks become paragraphs, headings '# ' lines, table rows
    '| a | b |' lines, list items '- ' lines; scripts, styles, navigation and hidden elements
    are dropped. The <title> is used as the heading when the page has no <h1>."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(_SURROGATE_RE.sub("", markup), "html.parser")
    walker = _HtmlText()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if title and not soup.find("h1"):
        walker.blocks.append(("h", "# " + " ".join(title.split())))
    # an explicit stack, not recursion: deeply nested pages must not overflow
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not comments, doctypes, CDATA
                walker.text(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if not leaving:
            if name in _HTML_SKIP or _hidden(node):
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        walker.tag(name, leaving)
    return walker.finish()


class _HtmlText:
    """Builds the text of html_to_text from start/end tag and text events."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []   # (kind, text)
        self.buf: list[str] = []                  # inline text of the current block
        self.prefix: tuple[str, str] | None = None  # (kind, '# ' / '- ') for the next block
        self.row: list[str] | None = None         # cells of the open table row
        self.cell: list[str] | None = None        # text of the open cell
        self.cell_depth = 0                       # cells nested in cells (broken markup)
        self.in_pre = 0

    def text(self, s: str) -> None:
        s = s if self.in_pre else re.sub(r"[ \t\n\r\f]+", " ", s)
        (self.cell if self.cell is not None else self.buf).append(s)

    def flush(self) -> None:
        raw = "".join(self.buf)
        self.buf.clear()
        if self.in_pre:
            text = raw.strip("\n")
        else:
            text = "\n".join(" ".join(x.split()) for x in raw.split("\n")).strip()
        if text.strip():
            kind = "p"
            if self.prefix:
                kind, prefix = self.prefix
                text = prefix + text
                self.prefix = None
            self.end_row()
            self.blocks.append((kind, text))

    def end_row(self) -> None:
        if self.cell is not None:
            self.end_cell()
        if self.row is not None and any(c for c in self.row):
            self.blocks.append(("tr", "| " + " | ".join(self.row) + " |"))
        self.row = None

    def end_cell(self) -> None:
        text = " ".join("".join(self.cell or []).split()).replace("|", "/")
        self.cell, self.cell_depth = None, 0
        if self.row is None:
            self.row = []
        self.row.append(text)

    def tag(self, name: str, leaving: bool) -> None:
        if self.cell is not None:  # inside a cell everything is inline text
            if name in ("td", "th"):
                if leaving and self.cell_depth <= 1:
                    self.end_cell()
                    return
                self.cell_depth += -1 if leaving else 1
                self.cell.append(" ")
            elif name == "br" or name in _HTML_BLOCK or name in _HTML_ROWS or _HEADING_TAG_RE.match(name):
                self.cell.append(" ")
            return
        if name == "br":
            if not leaving:
                self.buf.append("\n")
        elif _HEADING_TAG_RE.match(name):
            self.flush()
            self.prefix = None if leaving else ("h", "#" * int(name[1]) + " ")
        elif name == "li":
            self.flush()
            self.prefix = None if leaving else ("li", "- ")
        elif name == "tr":
            self.flush()
            self.end_row()
            if not leaving:
                self.row = []
        elif name in ("td", "th"):
            if not leaving:
                self.flush()
                self.cell, self.cell_depth = [], 1
        elif name == "pre":
            self.flush()
            self.in_pre += -1 if leaving else 1
        elif name in _HTML_BLOCK:
            self.flush()
            if name in ("table", "thead", "tbody", "tfoot"):
                self.end_row()

    def finish(self) -> str:
        self.flush()
        self.end_row()
        out: list[str] = []
        for i, (kind, text) in enumerate(self.blocks):
            if i:
                same = kind == self.blocks[i - 1][0] and kind in ("li", "tr")
                out.append("\n" if same else "\n\n")
            out.append(text)
        return "".join(out)


def _decode_html(data: bytes) -> str:
    m = _META_CHARSET_RE.search(data[:4096])
    declared = m.group(1).decode("ascii", "ignore") if m else None
    try:
        if declared:
            codecs.lookup(declared)
    except LookupError:
        declared = None
    return decode(data, declared=declared)[0]


# ------------------------------------------------------------------ PDF

def pdf_pages(data: bytes) -> list[str]:
    """The text layer of every page; raises _Unreadable for encrypted or broken files."""
    if b"%PDF-" not in data[:1024]:
        raise _Unreadable("pdf_broken", "The file has a .pdf extension but is not a PDF "
                          "(no %PDF header).")
    if b"%%EOF" not in data[-8192:]:
        raise _Unreadable("pdf_broken", "The PDF is truncated: it stops before its end marker "
                          "(%%EOF), probably cut off during a download or copy.")
    try:
        from pypdf import PdfReader
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported cipher or broken encryption dict
                opened = 0
            if not opened:
                raise _Unreadable("pdf_encrypted", "The PDF is password-protected; save an "
                                  "unprotected copy to have it read.")
        pages = list(reader.pages)
    except _Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors on bad files
        raise _Unreadable("pdf_broken", f"The PDF cannot be opened: {_short(exc)}.") from None
    texts, failed = [], 0
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - one damaged page should not lose the others
            texts.append("")
            failed += 1
    if pages and failed == len(pages):
        raise _Unreadable("pdf_broken", f"None of the {len(pages)} pages of the PDF could be read.")
    return texts


_COLUMN_GAP_RE = re.compile(r"(?<=\S) {3,}(?=\S)")
_LEADING_SPACES_RE = re.compile(r" *")


def _right_start(line: str) -> tuple[int, int] | None:
    """(end of the left part, start of the right part) of a line set as two columns side by
    side: one run of 3+ spaces after column 25 (a line with several gaps is a table row), or
    25+ leading spaces before text (the right column alone)."""
    lead = _LEADING_SPACES_RE.match(line).end()
    if lead >= 25 and lead < len(line):
        return (0, lead) if not _COLUMN_GAP_RE.search(line, lead) else None
    gaps = list(_COLUMN_GAP_RE.finditer(line))
    if len(gaps) == 1 and gaps[0].end() >= 25:
        return gaps[0].start(), gaps[0].end()
    return None


def split_columns(lines: list[str], min_col: int = 25) -> list[str]:
    """A page's lines with a two-column passage (the columns side by side on each line, as
    some PDF text layers and layout-preserving dumps give them) rewritten as the left
    column's paragraphs, then the right column's.

    A passage is found by its gutter: at least five lines whose right part starts at the
    same column (within a few characters: indented list continuations), three of them with
    a left part that fills most of the column (prose, not a 'Label:   value' list). Each
    column is joined into paragraphs on its own (its width is not the page's), and the
    paragraphs are set apart by blank lines so the page's own joining leaves them be.
    min_col: the leftmost column the gutter may sit at. A plain-text file asks for a wide left
    column (40): its aligned tables (a name column, then roles) look like two columns too.
    """
    found = [_right_start(line) for line in lines]
    starts = sorted(r[1] for r in found if r)
    if len(starts) < 5:
        return lines
    # the gutter: the column where most right parts start (allowing indents of up to 6)
    best, col = 0, 0
    for i, c in enumerate(starts):
        n = bisect.bisect_right(starts, c + 6) - i
        if n > best:
            best, col = n, c
    # prose on both sides: a left part that fills most of the column and is no label, and a
    # right part of several words (a 'Label:    value' list has short values)
    full = [i for i, r in enumerate(found) if r and col - 1 <= r[1] <= col + 6 and r[0] >= 0.6 * col
            and not lines[i][:r[0]].endswith(":") and len(lines[i]) - r[1] >= 20
            and lines[i].count(" ", r[1]) >= 2]
    # (a card in plain text: a short left column of facts beside a column of prose, at least
    # three of its right parts long lines and few of its left parts labels)
    two = [i for i, r in enumerate(found) if r and col - 1 <= r[1] <= col + 6]
    both = [i for i in two if found[i][0] > 0]
    card = (min_col >= 40 and len(two) >= 6 and len(both) >= 4
            and sum(len(lines[i]) - found[i][1] >= 30 for i in two) >= 3
            and 3 * sum(lines[i][:found[i][0]].rstrip().endswith(":") for i in both) <= len(both))
    if best < 5 or (len(full) < 3 and not card) or col < min_col:
        return lines

    def kind(i: int) -> str:
        line, r = lines[i], found[i]
        if not line.strip():
            return "blank"
        if r and col - 1 <= r[1] <= col + 6:
            return "two"
        return "left" if len(line.rstrip()) < col - 2 else "full"

    kinds = [kind(i) for i in range(len(lines))]
    out: list[str] = []
    i = 0
    while i < len(lines):
        if kinds[i] != "two":
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] in ("two", "left", "blank"):
            j += 1
        # the passage ends at its last two-column line, or after the left column's last
        # lines that follow it (up to a blank line)
        last = max(k for k in range(i, j) if kinds[k] == "two")
        end = last + 1
        while end < j and kinds[end] == "left":
            end += 1
        left, right = [], []
        for k in range(i, end):
            line, r = lines[k], found[k]
            if kinds[k] == "two":
                left.append(line[:r[0]].rstrip())
                right.append(line[r[1]:].rstrip())
            else:
                left.append(line.rstrip())
        for column in (left, right):
            text = reflow([[x for x in column if x.strip()]], furniture="none", slack=0.8,
                          paragraph_after_stop=True, keep_labels=True, keep_layout=True)
            out.append("")
            out += [p for para in text.split("\n") if para.strip() for p in (para, "")]
        i = end
    return out


def pdf_to_text(texts: list[str]) -> str:
    """Pages of PDF text -> one text: furniture dropped, lines joined into paragraphs."""
    pages = [split_columns(_prepare(t).split("\n")) for t in texts]
    # a dated running header ('FINLAND AND THE ILO | Partnership brief | November 2023') is
    # kept on the first page (see _page_furniture), as a line of its own
    top = [i for i, x in enumerate(pages[0]) if x.strip()][:1] if pages else []
    if len(pages) > 1 and top and _MONTH_YEAR_RE.search(pages[0][top[0]]):
        pages[0] = pages[0][:top[0] + 1] + [""] + pages[0][top[0] + 1:]
    return reflow(pages, furniture="pages", slack=0.8, paragraph_after_stop=True, keep_layout=True)


def _short(exc: Exception) -> str:
    msg = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


# ------------------------------------------------------------------ documents

def _read_bytes(path: Path, raw_dir: Path, source_path: str, max_bytes: int) -> bytes | dict:
    """The raw bytes of a document, or a quarantine row."""
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(raw_dir.resolve()):
                return _quarantine(source_path, "outside_raw",
                                   f"The file is a link to {target}, outside the raw folder; "
                                   "links that leave the raw folder are not followed.")
            if not target.exists():
                return _quarantine(source_path, "unreadable",
                                   "The file is a link to a file that does not exist.")
        st = os.stat(path)
    except (OSError, RuntimeError) as exc:
        return _quarantine(source_path, "unreadable", f"The file cannot be read: {_short(exc)}.")
    if not stat.S_ISREG(st.st_mode):
        return _quarantine(source_path, "unreadable",
                           "This is not a regular file (a pipe, socket, device or folder).")
    if st.st_size > max_bytes:
        return _quarantine(source_path, "too_large",
                           f"The file is {st.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB "
                           "limit (MAX_BYTES); split it or raise the limit.")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else _short(exc)
        return _quarantine(source_path, "unreadable", f"The file cannot be read ({reason}).")
    if len(data) > max_bytes:
        return _quarantine(source_path, "too_large",
                           f"The file is over the {max_bytes / 1e6:.0f} MB limit (MAX_BYTES).")
    return data


def _blank(data: bytes) -> bool:
    for bom, _ in _BOMS:
        if data.startswith(bom):
            data = data[len(bom):]
            break
    return not data.strip(b" \t\r\n\f\v")


def parse(data: bytes, fmt: str, source_path: str) -> dict:
    """A document dict from raw bytes in a format, or a quarantine row."""
    if not data:
        return _quarantine(source_path, "empty", "The file is empty (0 bytes).")
    if _blank(data) and fmt != "pdf":
        return _quarantine(source_path, "empty", "The file contains only blank space.")
    n_pages = None
    try:
        if fmt == "pdf":
            texts = pdf_pages(data)
            n_pages = len(texts)
            text = normalize(pdf_to_text(texts))
            if not text.strip():
                return _quarantine(source_path, "no_text",
                                   f"The PDF has {n_pages} page(s) but no text layer (scanned "
                                   "images?); text recognition (OCR) is not done here.")
        else:
            raw = _decode_html(data) if fmt == "html" else decode(data)[0]
            if "\x00" in raw:
                raise _Unreadable("binary", "The file decodes to text full of NUL characters: "
                                  "it is binary data with a text extension.")
            if fmt == "html":
                text = normalize(html_to_text(raw))
            elif fmt == "md":
                text = markdown_to_text(raw)
                text = normalize(_reflow_md(text) if is_hard_wrapped(text) else text)
            else:
                text = normalize(_reflow_dump(raw) if is_hard_wrapped(raw) else raw)
            if not text.strip():
                if fmt == "txt" or not normalize(raw).strip():
                    return _quarantine(source_path, "empty", "The file contains only blank space "
                                       "or invisible characters.")
                return _quarantine(source_path, "no_text",
                                   "The file has markup but no visible text.")
    except _Unreadable as exc:
        return _quarantine(source_path, exc.reason, exc.detail)
    except RecursionError:
        return _quarantine(source_path, "undecodable", "The file is nested too deeply to be read.")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
        return _quarantine(source_path, "undecodable", f"The file could not be turned into text "
                           f"({_short(exc)}).")
    return {"source_path": source_path, "doc_id": hashlib.sha256(data).hexdigest(), "format": fmt,
            "text": text, "n_chars": len(text), "n_pages": n_pages}


def _reflow_md(text: str) -> str:
    return reflow([text.split("\n")], furniture="none", dehyphenate=False)


def read_document(path: Path, raw_dir: Path, max_bytes: int | None = None) -> dict:
    """One document as a dict, or a quarantine dict (with `reason`) when it cannot be read."""
    path, raw_dir = Path(path), Path(raw_dir)
    source_path = _source_path(path, raw_dir)
    data = _read_bytes(path, raw_dir, source_path, MAX_BYTES if max_bytes is None else max_bytes)
    if isinstance(data, dict):
        return data
    return parse(data, SUFFIXES.get(path.suffix.lower(), "txt"), source_path)


def scan(raw_dir: Path, max_bytes: int | None = None) -> tuple[list[dict], list[dict]]:
    """(files, quarantine rows) for every document-like file under raw_dir, without decoding.

    A file is {source_path, path, format, doc_id, bytes}: its bytes are read once to hash them
    (doc_id), then dropped, so deciding what is new or changed costs no memory. The same
    bytes under a second path give a 'duplicate' quarantine row (regular files win over
    links to them); folders and links that cannot be followed give their own rows.
    """
    raw_dir = Path(raw_dir)
    limit = MAX_BYTES if max_bytes is None else max_bytes
    files: list[dict] = []
    quarantine: list[dict] = []
    seen: dict[str, str] = {}
    entries = _walk(raw_dir)
    entries.sort(key=lambda e: (e[0].is_symlink(), str(e[0])))
    for path, problem in entries:
        source_path = _source_path(path, raw_dir)
        if problem == "unreadable_dir":
            quarantine.append(_quarantine(source_path, "unreadable", "This folder cannot be "
                                          "opened (permission denied?); its files were not read."))
            continue
        if problem == "dir_link":
            try:
                target = path.resolve()
                outside = not target.is_relative_to(raw_dir.resolve())
            except (OSError, RuntimeError):
                target, outside = path, True
            if outside:
                quarantine.append(_quarantine(source_path, "outside_raw", f"This folder is a link "
                                              f"to {target}, outside the raw folder; its files "
                                              "were not read."))
            continue
        data = _read_bytes(path, raw_dir, source_path, limit)
        if isinstance(data, dict):
            quarantine.append(data)
            continue
        digest = hashlib.sha256(data).hexdigest()
        if data and not _blank(data):
            if digest in seen:
                quarantine.append(_quarantine(source_path, "duplicate", f"The file has the same "
                                              f"bytes as {seen[digest]}, which is loaded instead."))
                continue
            seen[digest] = source_path
        files.append({"source_path": source_path, "path": str(path), "doc_id": digest,
                      "format": SUFFIXES.get(path.suffix.lower(), "txt"), "bytes": len(data)})
    files.sort(key=lambda f: f["source_path"])
    quarantine.sort(key=lambda q: q["source_path"])
    return files, quarantine


def read_file(file: dict, raw_dir: Path, max_bytes: int | None = None) -> dict:
    """A file found by `scan`, read and decoded now: a document dict or a quarantine row.

    If the file changed since the scan, the new bytes are read (and get their own doc_id).
    """
    data = _read_bytes(Path(file["path"]), Path(raw_dir), file["source_path"],
                       MAX_BYTES if max_bytes is None else max_bytes)
    if isinstance(data, dict):
        return data
    return parse(data, file["format"], file["source_path"])


def read_folder(raw_dir: Path, max_bytes: int | None = None) -> tuple[list[dict], list[dict]]:
    """(documents, quarantine rows) for every file under raw_dir, all read into memory.

    Every document-like file gives exactly one of the two (see `scan` for duplicates).
    """
    files, quarantine = scan(raw_dir, max_bytes)
    docs: list[dict] = []
    for f in files:
        row = read_file(f, raw_dir, max_bytes)
        (quarantine if "reason" in row else docs).append(row)
    docs.sort(key=lambda d: d["source_path"])
    quarantine.sort(key=lambda q: q["source_path"])
    return docs, quarantine

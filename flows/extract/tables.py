"""Tables written as plain text: rows of cells with their offsets. The one place that reads
tables out of text; the extractors (money, quantities, projects) decide what the cells mean.

Markdown pipe tables ('| Project | Budget (USD) |' over '|---|---|' and rows) are read by
`markdown_tables(text)`: a tuple of (header cells, body rows of cells), a cell being
`(start, end, text)` with the text between the pipes as written. Cached per text, because
money and quantities both ask for the same text's tables.

Three more kinds, found without knowing what the table is about, by `find_tables(text)`:

* delimited: a header line of at least three word-like cells separated by ';' or a tab
  (or ',' when at least two rows have the header's number of cells), and the lines below it
  with the same number of cells ('country;project;donor;start;end;budget_usd');
* aligned: a header line of at least three short cells separated by runs of two or more
  spaces (a PDF table's text layer: 'Project      Donor     Period     Budget (USD)'), and the
  lines below it, each cell put in the column it lines up with;
* joined: the same aligned table after a reader joined its lines into one paragraph: cells
  stay separated by space runs, but the last cell of a row and the first cell of the next one
  are separated by one space; rows are recovered from the header's number of columns when
  the last column holds single tokens (amounts, years, codes).

`find_tables(text)` returns a list of `Table`s. A cell is `(start, end)`, offsets into the
text (end-exclusive, without the surrounding spaces); `text[start:end]` is its content. A row
has one cell per header column or `None` where the row has no cell under that column.
Every scan is a single pass of simple patterns: linear in the length of the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .text import DAY, MONTH, YEAR

Cell = tuple[int, int]


@dataclass
class Table:
    kind: str                               # 'delimited', 'aligned' or 'joined'
    start: int                              # span of the whole table (header included)
    end: int
    header: list[Cell]
    rows: list[list[Cell | None]] = field(default_factory=list)

    def names(self, text: str) -> list[str]:
        """The header's cells, lower-cased, spaces collapsed."""
        return [" ".join(text[s:e].split()).lower() for s, e in self.header]

    def cell_text(self, text: str, row: list[Cell | None], col: int) -> str:
        c = row[col] if col < len(row) else None
        return "" if c is None else text[c[0]:c[1]]


_GAP_RE = re.compile(r"[ \t]{2,}|\t")
_HEAD_CELL_RE = re.compile(r"[A-Za-z][A-Za-z/&'’._\-]*(?:[ _][A-Za-z/&'’._\-]+|[ ]\([^()\d\n]{1,12}\)|"
                           r"[ ]\(\w{1,6}\)){0,4}")
_NUMBERISH_RE = re.compile(r"[$€£¥]?\d[\d.,:/\-–]*%?")
_TAIL_WORD_RE = re.compile(r"\S+")
_DIGIT_RE = re.compile(r"\d")


def _split(line: str, off: int, sep: re.Pattern) -> list[Cell]:
    """The non-blank cells of a line split at `sep`, as absolute spans (spaces trimmed)."""
    cells: list[Cell] = []
    pos = 0
    for m in sep.finditer(line):
        _add(cells, line, off, pos, m.start())
        pos = m.end()
    _add(cells, line, off, pos, len(line))
    return cells


def _add(cells: list[Cell], line: str, off: int, a: int, b: int) -> None:
    seg = line[a:b]
    s = seg.strip()
    if s:
        lead = len(seg) - len(seg.lstrip())
        cells.append((off + a + lead, off + a + lead + len(s)))


def _is_head_cell(s: str) -> bool:
    return len(s) <= 40 and _HEAD_CELL_RE.fullmatch(s) is not None


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


# ------------------------------------------------------------------- markdown

_TABLE_LINE_RE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_SEPARATOR_RE = re.compile(r"[\s|:\-]+")


@lru_cache(maxsize=4)
def markdown_tables(text: str) -> tuple:
    """Markdown pipe tables, in order: (header cells, body rows of cells), a cell being
    (start, end, text) with the text between its pipes unstripped. A table is a run of
    consecutive '|' lines: header, separator ('|---|:--|'), body; or, without a separator (an
    HTML table converted), a header whose cells are all words over at least one row.
    Computed once per text (money and quantities both ask) and returned as tuples, so the
    shared result cannot be changed by a caller."""
    if "|" not in text:
        return ()
    return tuple((tuple(header), tuple(tuple(row) for row in body))
                 for header, body in _markdown_tables(text))


def _markdown_tables(text: str) -> list[tuple[list, list[list]]]:
    tables = []
    lines = [(m.start(), m.group(0)) for m in _TABLE_LINE_RE.finditer(text)]
    i = 0
    while i < len(lines):
        # a table: consecutive '|' lines; header, separator, body
        block = [lines[i]]
        while i + 1 < len(lines) and lines[i + 1][0] == block[-1][0] + len(block[-1][1]) + 1:
            i += 1
            block.append(lines[i])
        i += 1
        if len(block) >= 3 and _SEPARATOR_RE.fullmatch(block[1][1]):
            tables.append((_pipe_cells(block[0][1], block[0][0]),
                           [_pipe_cells(line, off) for off, line in block[2:]]))
        elif len(block) >= 2 and _is_pipe_header(block[0][1]) and \
                not any(_SEPARATOR_RE.fullmatch(line) for _, line in block):
            # a table without a separator line (an HTML table): its first row is the header
            # when none of its cells is a number
            tables.append((_pipe_cells(block[0][1], block[0][0]),
                           [_pipe_cells(line, off) for off, line in block[1:]]))
    return tables


def _pipe_cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The cells between a line's pipes, (start, end, text) as written (not stripped)."""
    cells = []
    inner_start = line.index("|") + 1
    pos = inner_start
    for part in line[inner_start:].split("|")[:-1]:
        cells.append((offset + pos, offset + pos + len(part), part))
        pos += len(part) + 1
    return cells


def _is_pipe_header(line: str) -> bool:
    cells = [c.strip(" *_") for c in line.strip().strip("|").split("|")]
    # (a column header may name a year: '| Project | 2021 | 2022 | Total 2021–2023 |', when
    # the first cell names none)
    return len(cells) >= 2 and all(c for c in cells) and not re.search(r"\d", cells[0]) \
        and not any(re.search(r"\d", _YEARS_IN_CELL_RE.sub("", _DAY_IN_CELL_RE.sub("", c))) for c in cells)


# the day of a date a header cell may name: 'Achieved (as of 30 September 2024)', 'at 31 Dec.
# 2023', 'March 31, 2024' (the year is taken by _YEARS_IN_CELL_RE)
_DAY_IN_CELL_RE = re.compile(rf"(?<!\d)(?:{DAY}[ \t]+(?={MONTH}[ \t]+{YEAR})|{MONTH}[ \t]+{DAY},?(?=[ \t]+{YEAR}))",
                             re.IGNORECASE)
# the years a header cell may name: '2021', 'Total 2021–2023', 'FY 2022/23'
_YEARS_IN_CELL_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?:[ \t]*[-–—/][ \t]*(?:(?:19|20)\d\d|\d\d))?(?!\d)")


# ------------------------------------------------------------------ delimited

_DELIMS = (";", "\t", ",")


def _delimited(text: str, lines: list[tuple[int, str]], used: set[int]) -> list[Table]:
    out: list[Table] = []
    i = 0
    while i < len(lines) - 1:
        off, line = lines[i]
        table = None
        for d in _DELIMS:
            if line.count(d) < 2:
                continue
            parts = line.split(d)
            if not all(_is_head_cell(p.strip()) for p in parts):
                continue
            n = len(parts)
            rows: list[list[Cell | None]] = []
            j = i + 1
            while j < len(lines) and lines[j][1].strip() and lines[j][1].count(d) == n - 1:
                roff, row = lines[j]
                cells: list[Cell | None] = []
                pos = 0
                for p in row.split(d):
                    s = p.strip()
                    lead = len(p) - len(p.lstrip())
                    cells.append((roff + pos + lead, roff + pos + lead + len(s)) if s else None)
                    pos += len(p) + 1
                rows.append(cells)
                j += 1
            if len(rows) < (2 if d == "," else 1):
                continue
            table = Table("delimited", off, lines[j - 1][0] + len(lines[j - 1][1]),
                          _split(line, off, re.compile(re.escape(d))), rows)
            break
        if table is not None and len(table.header) == len(table.rows[0]):
            out.append(table)
            used.update(range(i, j))
            i = j
        else:
            i += 1
    return out


# -------------------------------------------------------------------- aligned

def _head_cells(line: str, off: int) -> list[Cell] | None:
    if "  " not in line and "\t" not in line:
        return None
    cells = _split(line, off, _GAP_RE)
    if len(cells) < 3:
        return None
    return cells


def _aligned(text: str, lines: list[tuple[int, str]], used: set[int]) -> list[Table]:
    out: list[Table] = []
    i = 0
    while i < len(lines) - 1:
        if i in used:
            i += 1
            continue
        off, line = lines[i]
        head = _head_cells(line, off)
        if not head or not all(_is_head_cell(text[s:e]) for s, e in head):
            i += 1
            continue
        cols = [s - off for s, _ in head]
        rows: list[list[Cell | None]] = []
        j = i + 1
        while j < len(lines):
            roff, row = lines[j]
            cells = _split(row, roff, _GAP_RE) if row.strip() else []
            if len(cells) == 1 and rows and len(cols) > 1 and cells[0][0] - roff >= cols[1] - 3 \
                    and j + 1 < len(lines) and "  " in lines[j + 1][1] \
                    and len(_split(lines[j + 1][1], lines[j + 1][0], _GAP_RE)) >= 2:
                j += 1  # the wrapped second line of a row's text cell ('economy workers' under
                continue  # 'Extending social protection to informal'), between two rows
            if len(cells) < 2:
                break
            placed: list[Cell | None] = [None] * len(cols)
            for s, e in cells:
                # the column it lines up with: the last column starting at or before the
                # cell (with some slack), or the column it overlaps
                rel = s - roff
                # (cols ascend: a binary search, so a very wide line costs no more than linear)
                k = max(bisect.bisect_right(cols, rel + 3) - 1, 0)
                if placed[k] is not None:
                    k = min(k + 1, len(cols) - 1)
                if placed[k] is None:
                    placed[k] = (s, e)
            rows.append(placed)
            j += 1
        if rows:
            out.append(Table("aligned", off, lines[j - 1][0] + len(lines[j - 1][1]), head, rows))
            used.update(range(i, j))
            i = j
        else:
            i += 1
    return out


# --------------------------------------------------------------------- joined

def _head_tail(text: str, s: int, e: int) -> int | None:
    """Where a header's first cell starts at the end of a run of words ('... in 2023 Project'):
    the longest tail of at most three words that starts with a capital and has no digit."""
    words = [(m.start(), m.end()) for m in _TAIL_WORD_RE.finditer(text, s, e)]
    best = None
    for k in range(len(words) - 1, max(len(words) - 4, -1), -1):
        w = text[words[k][0]:words[k][1]]
        if any(ch.isdigit() for ch in w):
            break
        if w[:1].isupper():
            best = words[k][0]
    return best


_LAST_HEAD_RE = re.compile(r"[A-Z][A-Za-z/&'’\-]*(?:[ ](?:[a-z][a-z/&'’\-]*|\([^()\n]{1,12}\)|[A-Z]{2,3}\b))*")


def _joined(text: str, lines: list[tuple[int, str]], used: set[int], totals: bool = False) -> list[Table]:
    out: list[Table] = []
    for i, (off, line) in enumerate(lines):
        if i in used or len(line) < 80 or line.count("  ") < 4 or not _DIGIT_RE.search(line):
            continue                # (a joined row ends with an amount, a year or a code)
        segs = _split(line, off, _GAP_RE)
        head = [_is_head_cell(text[s:e]) for s, e in segs]          # each segment tested once
        split = [_splits(text, s, e) for s, e in segs]
        a = 0
        while a < len(segs) - 4:
            table, nxt = _joined_at(text, segs, a, head, split, totals)
            if table is None:
                a += 1
                continue
            out.append(table)
            a = nxt
    return out


def _splits(text: str, s: int, e: int) -> bool:
    """Whether a segment can be a header's last cell joined to a first cell ('Budget (USD) Name')."""
    m = _LAST_HEAD_RE.match(text, s, e)
    return m is not None and m.end() < e


def _joined_at(text: str, segs: list[Cell], a: int, head: list[bool], split: list[bool],
               totals: bool) -> tuple[Table | None, int]:
    if not split[a + 2] and not any(split[a + 3:a + 10]):
        return None, 0
    s0, e0 = segs[a]
    first = _head_tail(text, s0, e0)
    if first is None or not _is_head_cell(text[first:e0]):
        return None, 0
    # the header's last cell is joined to the first row's first cell: try each place for it,
    # nearest first, while the cells before it look like header cells
    for b in range(a + 2, min(len(segs), a + 10)):
        if not head[b - 1]:
            break
        if not split[b]:
            continue
        table, k = _joined_rows(text, segs, a, b, first, totals)
        if table is not None:
            return table, k
    return None, 0


def _joined_rows(text: str, segs: list[Cell], a: int, b: int, first: int,
                 totals: bool) -> tuple[Table | None, int]:
    n = b - a + 1                           # header cells: a .. b-1, and the head of segs[b]
    s0, e0 = segs[a]
    hs, he = segs[b]
    m = _LAST_HEAD_RE.match(text, hs, he)
    if not m or m.end() >= he:
        return None, 0
    header = [(first, e0)] + list(segs[a + 1:b]) + [(hs, m.end())]
    rows: list[list[Cell | None]] = []
    cur_first = (m.end() + 1, he)           # the first row's first cell (trimmed below)
    k = b + 1
    while k < len(segs):
        fs, fe = cur_first
        while fs < fe and text[fs] == " ":
            fs += 1
        if re.match(r"(?i)total\b", text[fs:fe]):
            # a total row ends the table; kept when asked, its amount under the last column
            tok = _NUMBERISH_RE.match(text, *segs[k]) if totals else None
            if tok is not None and (tok.end() >= segs[k][1] or text[tok.end()] == " "):
                rows.append([(fs, fe)] + [None] * (n - 2) + [(segs[k][0], tok.end())])
                k += 1
            break
        if k + n - 2 >= len(segs):
            break
        mid = segs[k:k + n - 2]
        ls, le = segs[k + n - 2]
        tok = _NUMBERISH_RE.match(text, ls, le)
        if tok is None:
            break
        tok_end = tok.end()
        if tok_end < le and text[tok_end] != " ":
            break
        rows.append([(fs, fe)] + list(mid) + [(ls, tok_end)])
        k += n - 1
        if tok_end >= le:
            break
        cur_first = (tok_end + 1, le)
    if not rows:
        return None, 0
    last = rows[-1][-1]
    return Table("joined", first, last[1], header, rows), k


# ----------------------------------------------------------------------- API

def find_tables(text: str, totals: bool = False) -> list[Table]:
    """The delimited, aligned and joined tables of a text, in order (see the module
    docstring). A joined table ends at a row whose first cell is 'Total'; with `totals` that
    row is kept, its number under the last column and None in between (money wants the
    total's amount; projects wants no 'Total' project)."""
    if ";" not in text and "\t" not in text and "," not in text and "  " not in text:
        return []
    lines = _lines(text)
    used: set[int] = set()
    tables = _delimited(text, lines, used)
    if "  " in text or "\t" in text:
        tables += _aligned(text, lines, used)
        tables += _joined(text, lines, used, totals)
    return sorted(tables, key=lambda t: t.start)


def column(names: list[str], pattern: str) -> int | None:
    """The index of the first header name matching a regex (searched), or None."""
    rx = re.compile(pattern)
    return next((k for k, c in enumerate(names) if rx.search(c)), None)


# ------------------------------------------------------------------ grid tables

# a grid table's border: '+-------+-----+' (or '+=====+' under its header)
_GRID_BORDER = r"\+[-=][-=:+]*\+"
_GRID_BORDER_RE = re.compile(rf"[ \t]*{_GRID_BORDER}[ \t]*")
# a line of a grid table: a border (text after it ends the table: a reader may have joined the
# note below the table to its last border), or a row of cells, maybe with the border below it
# joined to its end ('| TOTAL | 4,500 | +------+-----+')
_GRID_LINE_RE = re.compile(
    rf"^[ \t]*(?:(?P<border>{_GRID_BORDER})(?P<after>[ \t][^\n]*)?|(?P<row>\|[^\n]*\|)"
    rf"(?:[ \t]+(?P<tail>{_GRID_BORDER}))?)[ \t]*$", re.MULTILINE)


@lru_cache(maxsize=4)
def grid_tables(text: str) -> tuple:
    """Plain-text grid tables ('+----+----+' borders around '| cell | cell |' lines), in the
    shape of `markdown_tables`: (header cells, body rows of cells). The header is the lines
    between the top border and the next border, a cell's text joined over its lines (offsets
    are those of its first line: 'Approved' over 'budget' is 'Approved budget'); every line of
    the body is a row (a cell continued on the next line leaves that line's other cells empty)."""
    if "+-" not in text and "+=" not in text:
        return ()
    tables = []
    # the table's parts in order: None for a border, (offset, line) for a row
    parts: list = []
    last_end = -2

    def flush():
        if parts and parts[0] is None:
            _grid_table(parts, tables)
        parts.clear()

    for m in _GRID_LINE_RE.finditer(text):
        if m.start() != last_end + 1:
            flush()
        last_end = m.end()
        if m.group("border"):
            if m.group("border").count("+") < 3:
                flush()
                continue
            parts.append(None)
            if m.group("after") and m.group("after").strip():
                flush()
                last_end = -2
            continue
        parts.append((m.start("row"), m.group("row")))
        if m.group("tail"):
            parts.append(None)
    flush()
    return tuple(tables)


def _grid_table(parts: list, tables: list) -> None:
    borders = [k for k, p in enumerate(parts) if p is None]
    if len(borders) < 3 or borders[1] < 2:
        return
    head_lines = [_pipe_cells(line, off) for off, line in parts[1:borders[1]]]
    width = len(head_lines[0])
    if width < 2 or any(len(c) != width for c in head_lines):
        return
    header = [(c[0], c[1], " ".join(" ".join(h[j][2] for h in head_lines).split()))
              for j, c in enumerate(head_lines[0])]
    body = [tuple(_pipe_cells(p[1], p[0])) for p in parts[borders[1] + 1:] if p is not None]
    tables.append((tuple(header), tuple(body)))


# ------------------------------------------------------------ inner-pipe tables

# a plain-text table whose columns are separated by '|' inside the line (no '|' at either
# end: a dashboard's text export), with a rule of dashes under its header ('-----+-----+---')
_INNER_RULE_RE = re.compile(r"[ \t]*-{2,}(?:[ \t]*[+|][ \t]*-{2,})+[ \t]*")


@lru_cache(maxsize=4)
def inner_pipe_tables(text: str) -> tuple:
    """Tables written 'ID | Indicator | Target' over a '---+------+---' rule and rows with the
    same number of '|', in the shape of `markdown_tables`: (header cells, body rows of cells),
    the first cell running from the line's start to its first '|', the last one from its last
    '|' to its end. A row whose first cell is blank and whose other cells are blank but one
    continues the cell above ('Informal economy workers newly enrolled' over '  health care
    scheme'): that cell's text is joined to the one above (its offsets stay those of the first
    line), and the line is no row of its own. A header that starts or ends with '|' is
    Markdown's, left to `markdown_tables`."""
    if "|" not in text or "-+-" not in text and "-|-" not in text:
        return ()
    lines = _lines(text)
    tables = []
    for i in range(1, len(lines) - 1):
        roff, rule = lines[i]
        if "-" not in rule or not _INNER_RULE_RE.fullmatch(rule):
            continue
        hoff, head = lines[i - 1]
        n = head.count("|")
        if n < 2 or head.lstrip().startswith("|") or head.rstrip().endswith("|"):
            continue
        header = _inner_cells(head, hoff)
        body: list[list] = []
        for off, line in lines[i + 1:]:
            if line.count("|") != n or not line.strip():
                break
            cells = _inner_cells(line, off)
            filled = [k for k, c in enumerate(cells) if c[2].strip()]
            if body and len(filled) == 1 and filled[0] > 0:
                k = filled[0]
                s, e, t = body[-1][k]
                body[-1][k] = (s, e, " ".join((t + " " + cells[k][2]).split()))
                continue
            body.append(cells)
        if body:
            tables.append((tuple(header), tuple(tuple(r) for r in body)))
    return tuple(tables)


def _inner_cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    cells, pos = [], 0
    for part in line.split("|"):
        cells.append((offset + pos, offset + pos + len(part), part))
        pos += len(part) + 1
    return cells

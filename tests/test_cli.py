"""The command line as a person uses it: the installed `coopfacts` script, in a subprocess.

One warehouse is built per module (one `coopfacts run` over the dev corpus plus a duplicate
and a broken file); every other test reads it. A second run (unchanged documents) happens
on a pseudo-terminal, to see the progress display a person at a terminal gets.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

COOPFACTS = str(Path(sys.executable).with_name("coopfacts"))
CORPUS = Path(__file__).parent / "corpus"
ANSI = re.compile(r"\x1b\[")
SPINNER_OR_BAR = re.compile("[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏━]")


def user_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: no Prefect home or API of the test process."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PREFECT_HOME", "PREFECT_API_URL", "PREFECT_LOGGING_SETTINGS_PATH")}
    env.update(extra)
    return env


def coopfacts(*args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([COOPFACTS, *args], capture_output=True, text=True, timeout=timeout,
                          env=user_env(**env))


def on_terminal(*args: str, timeout: float = 300) -> tuple[int, str]:
    """Run coopfacts with stdout and stderr on a pseudo-terminal; (exit code, what it showed)."""
    import pty

    master, slave = pty.openpty()
    env = user_env(TERM="xterm-256color", COLUMNS="120")
    env.pop("CI", None)
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([COOPFACTS, *args], stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []

    def drain():
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    code = proc.wait(timeout=timeout)
    reader.join(timeout=10)
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One `coopfacts run` over a copy of the dev corpus, a duplicate file and a broken PDF."""
    base = tmp_path_factory.mktemp("cli")
    raw = base / "raw"
    raw.mkdir()
    docs = [f for f in sorted(CORPUS.iterdir()) if f.suffix in (".txt", ".md")]
    for f in docs:
        shutil.copy(f, raw / f.name)
    shutil.copy(docs[0], raw / "copy_of_first.txt")
    (raw / "broken.pdf").write_bytes(b"this is not a pdf")
    db = base / "warehouse" / "coopfacts.duckdb"
    mark = f"cli-{os.getpid()}-{id(base)}"  # in the environment of every process the run starts
    result = coopfacts("run", "--raw", str(raw), "--db", str(db), COOPFACTS_TEST_MARK=mark)
    return {"raw": raw, "db": db, "n_docs": len(docs), "result": result, "base": base, "mark": mark}


def processes_with(mark: str) -> list[str]:
    """Command lines of the live processes whose environment holds COOPFACTS_TEST_MARK=mark."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if f"COOPFACTS_TEST_MARK={mark}".encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:  # not a process, gone meanwhile, or not ours to read
            continue
    return found


def sql(built, *args: str) -> subprocess.CompletedProcess:
    return coopfacts("sql", *args, "--db", str(built["db"]))


# ----------------------------------------------------------------------------- run

def test_run_prints_a_one_screen_summary(built):
    r = built["result"]
    assert r.returncode == 0, r.stderr
    out = r.stdout
    n = built["n_docs"]
    assert f"{n + 2} seen: {n} loaded, 0 unchanged, 2 quarantined, 0 removed" in out
    for table in ("country_mentions", "org_mentions", "money", "quantities", "contacts"):
        assert re.search(rf"\b{table} [1-9]\d*\b", out), f"no count for {table} in:\n{out}"
    assert "copy_of_first.txt: duplicate" in out   # quarantined, with the reason
    assert "broken.pdf: " in out
    assert re.search(r"quality +\d+ checks", out)
    report = built["db"].parent / "reports" / "report.html"
    assert str(report) in out and report.is_file()
    assert str(built["db"]) in out
    assert len(out.splitlines()) <= 25


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux's /proc")
def test_run_leaves_no_prefect_server_or_worker_behind(built):
    assert built["result"].returncode == 0, built["result"].stderr
    assert processes_with(built["mark"]) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_killed_run_takes_its_prefect_server_with_it(tmp_path):
    import signal
    import time

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(next(CORPUS.glob("*.txt")), raw)
    mark = f"killed-{os.getpid()}"
    proc = subprocess.Popen([COOPFACTS, "run", "--raw", str(raw), "--db", str(tmp_path / "w.duckdb")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=user_env(COOPFACTS_TEST_MARK=mark))
    deadline = time.monotonic() + 120
    while not any("uvicorn" in c for c in processes_with(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert any("uvicorn" in c for c in processes_with(mark)), "the run started no server"
    proc.send_signal(signal.SIGKILL)  # no clean-up code of the run's can run
    proc.wait()
    deadline = time.monotonic() + 30
    while processes_with(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_with(mark) == []


def test_run_with_prefect_info_logs_exits_when_done(tmp_path):
    """Prefect ships INFO logs to its server as the process exits; the server must still be
    there (it once was stopped first, and the exit waited a minute on a dead address)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(next(CORPUS.glob("*.txt")), raw)
    r = coopfacts("run", "--raw", str(raw), "--db", str(tmp_path / "w.duckdb"), timeout=50,
                  PREFECT_LOGGING_LEVEL="INFO")
    assert r.returncode == 0, r.stderr
    assert "completed in" in r.stdout


def test_run_in_a_pipe_is_plain_and_quiet(built):
    r = built["result"]
    assert not ANSI.search(r.stdout) and not ANSI.search(r.stderr)
    assert not SPINNER_OR_BAR.search(r.stdout + r.stderr)
    assert r.stderr.strip() == ""  # no Prefect log lines, no warnings on a clean run
    assert "Traceback" not in r.stdout + r.stderr


def test_rerun_on_a_terminal_shows_progress_then_the_summary(built):
    code, screen = on_terminal("run", "--raw", str(built["raw"]), "--db", str(built["db"]))
    assert code == 0, screen
    # the progress line, while the files are compared with the warehouse; nothing is new,
    # so Prefect is not started (stages.run_without_extraction)
    assert "comparing" in screen and "starting Prefect" not in screen
    assert SPINNER_OR_BAR.search(screen)
    assert ANSI.search(screen)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
    assert f"0 loaded, {built['n_docs']} unchanged" in plain
    assert "none new" in plain
    assert "Traceback" not in plain and "| INFO" not in plain


# ----------------------------------------------------------------------------- sql

def test_sql_prints_a_table_by_default(built):
    r = sql(built, "SELECT source_path, n_chars FROM documents ORDER BY source_path")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["source_path", "n_chars"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({built['n_docs']} rows)"


def test_sql_csv_has_a_header_line(built):
    r = sql(built, "SELECT iso3, name FROM countries WHERE iso3 IN ('CHN', 'BRA') ORDER BY iso3", "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["iso3,name", "BRA,Brazil", "CHN,China"]


def test_sql_json_is_one_array_with_real_numbers_lists_and_iso_dates(built):
    r = sql(built, "SELECT 1.50::DECIMAL(10,2) AS dec, 170141183460469231731687303715884105727::HUGEINT AS huge, "
                   "2.5::DOUBLE AS dbl, [1, 2] AS list, DATE '2024-04-01' AS day, NULL AS nothing", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows == [{"dec": 1.5, "huge": 170141183460469231731687303715884105727, "dbl": 2.5,
                     "list": [1, 2], "day": "2024-04-01", "nothing": None}]
    money = json.loads(sql(built, "SELECT amount, published_on FROM money JOIN documents USING (doc_id) LIMIT 3",
                           "--format", "json").stdout)
    assert money and all(isinstance(m["amount"], (int, float)) for m in money)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", m["published_on"]) for m in money if m["published_on"])


def test_sql_markdown(built):
    r = sql(built, "SELECT 'a|b' AS x, 2 AS n", "--format", "markdown")
    assert r.stdout.splitlines() == ["| x | n |", "|---|---:|", "| a\\|b | 2 |"]


def test_sql_from_a_file_and_example_queries_by_name(built, tmp_path):
    query = tmp_path / "q.sql"
    query.write_text("-- documents per format\nSELECT format, count(*) AS n FROM documents GROUP BY 1;\n")
    r = coopfacts("sql", "--file", str(query), "--db", str(built["db"]), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "format,n"
    listing = coopfacts("sql", "--list")
    names = [line.split()[0] for line in listing.stdout.splitlines()[:-2] if line.strip()]
    assert "largest_amounts" in names
    for name in names:
        r = sql(built, name)
        assert r.returncode == 0, f"{name}: {r.stderr}"
        assert re.search(r"\(\d+ rows?\)$", r.stdout.strip())
    described = dict(line.split(None, 1) for line in listing.stdout.splitlines() if line[:1].isalpha()
                     and not line.startswith("run one"))
    assert "largest" in described["largest_amounts"].lower()


# ------------------------------------------------------------------- explain, show

def _a_money_fact(built) -> dict:
    r = sql(built, "SELECT fact_id, evidence, rule FROM money WHERE amount_usd > 1000000 "
                   "ORDER BY amount_usd DESC LIMIT 1", "--format", "json")
    return json.loads(r.stdout)[0]


def test_explain_shows_the_evidence_in_its_text_the_rule_and_the_checks(built):
    fact = _a_money_fact(built)
    r = coopfacts("explain", fact["fact_id"], "--db", str(built["db"]))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert f"[[{' '.join(fact['evidence'].split())}]]" in out   # marked inside its surrounding text
    assert fact["rule"] in out
    assert re.search(r"document: +\S+\.(txt|md)", out)
    assert "grounded:" in out and "yes" in out
    assert re.search(r"grounding +passed", out)
    assert not ANSI.search(out)
    short = coopfacts("explain", fact["fact_id"][:8], "--db", str(built["db"]))
    assert short.returncode == 0 and fact["rule"] in short.stdout  # a unique id prefix is enough


def test_explain_on_a_terminal_highlights_the_evidence(built):
    fact = _a_money_fact(built)
    code, screen = on_terminal("explain", fact["fact_id"], "--db", str(built["db"]))
    assert code == 0, screen
    assert "[[" not in screen
    assert re.search(r"\x1b\[[0-9;]*43m" + re.escape(" ".join(fact["evidence"].split())), screen)


def test_show_lists_a_documents_facts_with_their_ids(built):
    name = sorted(p.name for p in built["raw"].glob("*_ilo_*"))[0]
    r = coopfacts("show", name.split("_")[0], "--db", str(built["db"]))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith(name)
    assert "country_mentions" in r.stdout and "money" in r.stdout
    fact_id = re.search(r"^\s+([0-9a-f]{20})\s", r.stdout, re.M).group(1)
    assert coopfacts("explain", fact_id, "--db", str(built["db"])).returncode == 0


def test_report_rebuilds_the_html_and_json(built, tmp_path):
    r = coopfacts("report", "--db", str(built["db"]), "--out", str(tmp_path / "rep"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "rep" / "report.html").is_file() and (tmp_path / "rep" / "report.json").is_file()


# --------------------------------------------------------------------- user errors

USER_ERRORS = [
    (["sql", "SELEC 1"], "syntax error"),
    (["sql", "SELECT * FROM no_such_table"], "no_such_table"),
    (["sql", "DELETE FROM documents"], "read-only"),
    (["sql", "SELECT 1", "--format", "yaml"], "unknown format"),
    (["sql", "--file", "/no/such/query.sql"], "no SQL file"),
    (["explain", "nope"], "no fact with id"),
    (["show", "no-such-document"], "no document matches"),
    (["run", "--raw", "/nonexistent"], "raw folder /nonexistent does not exist"),
    (["frobnicate"], "No such command"),
]


@pytest.mark.parametrize("args,message", USER_ERRORS, ids=[" ".join(a) for a, _ in USER_ERRORS])
def test_user_errors_are_one_clear_line_and_exit_2(built, args, message):
    db_args = [] if args[0] in ("run", "frobnicate") else ["--db", str(built["db"])]
    r = coopfacts(*args, *db_args)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    assert message in lines[0]


@pytest.mark.parametrize("command", [["report"], ["sql", "SELECT 1"], ["explain", "abc"], ["show", "x"]])
def test_a_missing_or_wrong_warehouse_is_a_user_error(command, tmp_path):
    not_duckdb = tmp_path / "notes.txt"
    not_duckdb.write_text("hello")
    for db, message in ((tmp_path / "none.duckdb", "no warehouse at"), (tmp_path, "is a folder"),
                        (not_duckdb, "not a DuckDB file")):
        r = coopfacts(*command, "--db", str(db))
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert r.stderr.startswith("error: ") and message in r.stderr


def test_run_into_a_folder_or_onto_a_file_is_a_user_error(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "file").write_text("x")
    for db, message in ((tmp_path, "is a folder"), (tmp_path / "file" / "w.duckdb", "is a file, not a folder")):
        r = coopfacts("run", "--raw", str(raw), "--db", str(db))
        assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr


def test_a_locked_warehouse_is_a_user_error(built, tmp_path):
    db = tmp_path / "locked.duckdb"
    shutil.copy(built["db"], db)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        for args in (["sql", "SELECT 1"], ["run", "--raw", str(built["raw"])]):
            r = coopfacts(*args, "--db", str(db), COOPFACTS_LOCK_TIMEOUT="1")
            assert r.returncode == 2, r.stdout + r.stderr
            assert "Traceback" not in r.stderr
            assert r.stderr.strip().splitlines()[-1].startswith("error: the warehouse")
            assert "locked by another process" in r.stderr
    finally:
        holder.kill()
        holder.wait()

#!/usr/bin/env python3
"""Big and hostile input: every extractor on a 20 MB text and a 1 MB adversarial text.

    .venv/bin/python bench/robustness.py [--realistic-mb 20] [--adversarial-mb 1] [--keep DIR]

In a temporary folder the script writes
  realistic.txt    generated documents (bench/make_corpus.py) concatenated to 20 MB;
  adversarial.txt  1 MB on one line: long runs of digits, commas, '((((', 'US$ US$',
                   'Ministry of Ministry of', capitalized words, '1,1,1,...', and more.
Then it
  1. reads each file with flows.read.read_document (the normalized text extractors see);
  2. runs every extractor (flows.extract.EXTRACTORS and flows.extract.document) on each text
     in a worker process: seconds (wall and CPU), then a second pass under tracemalloc for
     the peak of Python allocations; a job that passes --timeout seconds is killed and
     reported as TIMEOUT;
  3. the linear-time check: each extractor on the adversarial text built with runs of n and
     of 10n characters, and on each hostile pattern alone, printing CPU-time ratios (~10 is
     linear; 100 is quadratic; anything above 25 is flagged with the pattern that triggers it);
  4. runs `coopfacts run` on a folder holding both files: wall time, peak RSS of the process
     tree, exit code and the run summary.
"""
from __future__ import annotations

import argparse
import json
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

# ------------------------------------------------------------------ hostile text

#: pattern name -> function(size in characters) -> text of about that size, no newline
def _cycle(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _numbered(template: str, size: int) -> str:
    """Lines of `template` with {i} counting up, to `size` characters: distinct items (titles,
    rows), which a repeated unit would not give (a merge of equal titles is cheap)."""
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(template.format(i=i, v=1000 + i, y=2000 + i % 25))
        total += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


_CAPS = ["Alpha", "Bureau", "Council", "Delta", "Agency", "Federation", "National", "Union", "Office",
         "Development", "Labour", "Social", "Organization", "Fund", "Programme", "Employment", "Trade"]

PATTERNS = {
    "digits": lambda n: _cycle("1234567890", n),
    "commas": lambda n: _cycle(",", n),
    "1,1,1": lambda n: _cycle("1,", n),
    "thousands": lambda n: "1" + _cycle(",000", n - 1),
    "parens": lambda n: _cycle("(", n // 2) + _cycle(")", n - n // 2),
    "US$ US$": lambda n: _cycle("US$ ", n),
    "Ministry of": lambda n: _cycle("Ministry of ", n),
    "capitalized words": lambda n: " ".join(_CAPS[(i * 7) % len(_CAPS)] for i in range(n // 7 + 1))[:n],
    "acronyms": lambda n: _cycle("(ABC) DEF GHI-JK ", n),
    "digit groups": lambda n: _cycle("12 34 ", n),
    "years": lambda n: _cycle("2019-2020 and ", n),
    "dates": lambda n: _cycle("1 January 2020 to ", n),
    "qualifiers": lambda n: _cycle("more than about over ", n),
    "money words": lambda n: _cycle("US$ 1.5 million and ", n),
    "quotes": lambda n: _cycle('"Promoting Decent Work “', n),
    "dots and dashes": lambda n: _cycle(". - – ", n),
    "at signs": lambda n: _cycle("a@b.", n),
    "spaces": lambda n: "x" + " " * (n - 2) + "x",
}
#: patterns with line breaks: only in the linear check (the adversarial file is one line)
LINE_PATTERNS = {
    "short lines": lambda n: _cycle("Labour office\n", n),
    "blank lines": lambda n: _cycle("Decent work.\n\n", n),
    "hyphenated breaks": lambda n: _cycle("employ-\nment ", n),
    "sections": lambda n: _cycle("## Skills for Youth (2019-2023)\nThe project trains workers. It works in Kenya.\n\n", n),
    # distinct items, one per line: lists and tables of thousands of rows
    "dot leaders": lambda n: _numbered("Item {i} reached ........ {v:,}\n", n),
    "project headings": lambda n: _numbered("## Project {i} for Decent Work (2020-2024)\n\nFunded by Sweden "
                                            "with SEK {i} million.\n\n", n),
    "key-facts boxes": lambda n: _numbered("Project title: Skills {i}\nDonor: Norway\nBudget: US$ {i} million\n"
                                           "Duration: 2020-2024\n\n", n),
    "pipe rows": lambda n: _numbered("| Skills for Jobs {i} | Norway | US$ {i} million | 2020-2024 |\n", n),
    "aligned rows": lambda n: _numbered("{y}      Norway       {v:,}\n", n),
}


def adversarial(run: int, total: int | None = None) -> str:
    """Every hostile pattern as one run of `run` characters, on one line; repeated (with the
    runs varied a little) until `total` characters when total is given."""
    one = " ".join(make(run) for make in PATTERNS.values())
    if total is None:
        return one
    parts, size, k = [], 0, 0
    while size < total:
        block = " ".join(make(run + 7 * k) for make in PATTERNS.values())
        parts.append(block)
        size += len(block) + 1
        k += 1
    return " ".join(parts)[:total]


def realistic(total: int, seed: int = 0) -> str:
    """Generated documents, concatenated until `total` characters."""
    import make_corpus

    parts, size, i = [], 0, 0
    while size < total:
        _, text, _ = make_corpus.make_document(seed, i)
        parts.append(text)
        size += len(text) + 2
        i += 1
    return "\n\n".join(parts)


# ------------------------------------------------------------------ worker side

def _extractors() -> dict:
    from flows.extract import EXTRACTORS, document

    fns = dict(EXTRACTORS)
    fns["document"] = lambda text: [document.extract(text, "robustness.txt")]
    return fns


def _grounded(rows: list, text: str) -> bool:
    return all(r.get("evidence") is None or text[r["char_start"]:r["char_end"]] == r["evidence"]
               for r in rows if isinstance(r, dict) and "char_start" in r)


def _do(job: dict, fns: dict) -> dict:
    import tracemalloc

    fn = fns[job["extractor"]]
    if job["kind"] == "file":
        text = Path(job["path"]).read_text(encoding="utf-8")
        w, c = time.perf_counter(), time.process_time()
        rows = fn(text)
        return {"wall_s": time.perf_counter() - w, "cpu_s": time.process_time() - c, "rows": len(rows),
                "grounded": _grounded(rows, text), "chars": len(text)}
    if job["kind"] == "memory":
        text = Path(job["path"]).read_text(encoding="utf-8")
        tracemalloc.start()
        fn(text)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return {"peak_mb": peak / 1e6}
    # linear check: CPU seconds on runs of n and 10n characters (best of a few tries)
    make = (lambda n: adversarial(n)) if job["pattern"] == "ALL" else {**PATTERNS, **LINE_PATTERNS}[job["pattern"]]
    times = []
    for size, reps in ((job["n"], 3), (10 * job["n"], 2)):
        text = make(size)
        best = float("inf")
        for rep in range(reps):
            variant = text + " " * rep  # a new string each time: extractors may cache by text
            c = time.process_time()
            fn(variant)
            best = min(best, time.process_time() - c)
        times.append(best)
    return {"t_n": times[0], "t_10n": times[1], "ratio": times[1] / max(times[0], 1e-4)}


def worker(jobs_file: str) -> None:
    jobs = json.loads(Path(jobs_file).read_text())
    fns = _extractors()
    import make_corpus

    warm = make_corpus.make_document(0, 0)[1]
    for fn in fns.values():  # load reference data (pycountry, exchange rates) before timing
        fn(warm)
    for i, job in enumerate(jobs):
        print(f"START {i}", flush=True)
        try:
            result = _do(job, fns)
        except Exception as exc:  # noqa: BLE001 - reported, the benchmark goes on
            result = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        print(f"DONE {i} {json.dumps(result)}", flush=True)


# ------------------------------------------------------------------ controller side

def run_jobs(jobs: list[dict], timeout: float, workdir: Path, label: str) -> list[dict]:
    """Run jobs in worker processes; a job that takes longer than `timeout` is killed and
    reported as a timeout, and a new worker takes the remaining jobs."""
    results: list[dict | None] = [None] * len(jobs)
    start = 0
    while start < len(jobs):
        jobs_file = workdir / f"jobs-{label}-{start}.json"
        jobs_file.write_text(json.dumps(jobs[start:]))
        proc = subprocess.Popen([sys.executable, __file__, "--_worker", str(jobs_file)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        current, deadline = None, time.monotonic() + 120  # importing flows
        next_start = len(jobs)
        while True:
            ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:  # timed out
                proc.kill()
                proc.wait()
                i = start + (current or 0)
                if current is not None:
                    results[i] = {"timeout": timeout}
                    print(f"    {_describe(jobs[i])}: TIMEOUT after {timeout:.0f} s", flush=True)
                    next_start = i + 1
                else:
                    next_start = len(jobs)
                break
            line = proc.stdout.readline()
            if not line:  # worker ended
                proc.wait()
                if current is not None and results[start + current] is None:
                    results[start + current] = {"error": f"worker died (exit {proc.returncode})"}
                    next_start = start + current + 1
                break
            if line.startswith("START "):
                current = int(line.split()[1])
                deadline = time.monotonic() + timeout
            elif line.startswith("DONE "):
                _, idx, payload = line.split(" ", 2)
                results[start + int(idx)] = json.loads(payload)
                print(f"    {_describe(jobs[start + int(idx)])}: {_brief(results[start + int(idx)])}", flush=True)
                current = None
                deadline = time.monotonic() + timeout
        start = next_start
    return [r or {"error": "not run"} for r in results]


def _describe(job: dict) -> str:
    if job["kind"] == "linear":
        return f"{job['extractor']} linear[{job['pattern']}]"
    return f"{job['extractor']} on {Path(job['path']).name.split('.')[0]}" + (" (tracemalloc)" if job["kind"] == "memory" else "")


def _brief(r: dict) -> str:
    if "error" in r:
        return "ERROR " + r["error"]
    if "ratio" in r:
        return f"{r['t_n']:.3f} s -> {r['t_10n']:.3f} s (x{r['ratio']:.1f})"
    if "peak_mb" in r:
        return f"peak {r['peak_mb']:.1f} MB"
    return f"{r['wall_s']:.1f} s, {r['rows']} rows" + ("" if r["grounded"] else ", UNGROUNDED rows")


def fmt_file(r: dict | None, m: dict | None, mb: float) -> tuple[str, str, str]:
    if r is None:
        return "–", "–", "–"
    if "timeout" in r:
        return f">{r['timeout']:.0f} TIMEOUT", "–", "–"
    if "error" in r:
        return "ERROR", "–", "–"
    if m is None:
        peak = "skipped"
    else:
        peak = f"{m['peak_mb']:.0f}" if "peak_mb" in m else ("TIMEOUT" if "timeout" in m else "ERROR")
    return f"{r['wall_s']:.1f}", f"{mb / r['wall_s']:.2f}" if r["wall_s"] else "inf", peak


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--realistic-mb", type=float, default=20.0)
    ap.add_argument("--adversarial-mb", type=float, default=1.0)
    ap.add_argument("--run", type=int, default=2000,
                    help="characters per hostile run in the adversarial file (default 2000)")
    ap.add_argument("--linear-n", type=int, default=5000,
                    help="n of the linear check: runs of n and 10n characters (default 5000)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per extractor job before it is killed")
    ap.add_argument("--cli-timeout", type=float, default=1800.0, help="seconds before the full run is killed")
    ap.add_argument("--linear-timeout", type=float, default=120.0)
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the memory pass")
    ap.add_argument("--no-patterns", action="store_true", help="linear check on the mixed text only")
    ap.add_argument("--no-cli", action="store_true", help="skip the full `coopfacts run`")
    ap.add_argument("--no-files", action="store_true", help="skip the extractors on the two files")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    ap.add_argument("--_worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._worker:
        worker(args._worker)
        return 0

    workdir = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="coopfacts-robust-"))
    raw = workdir / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    files = {"realistic": raw / "realistic.txt", "adversarial": raw / "adversarial.txt"}
    files["realistic"].write_text(realistic(int(args.realistic_mb * 1e6)), encoding="utf-8")
    files["adversarial"].write_text(adversarial(args.run, int(args.adversarial_mb * 1e6)), encoding="utf-8")
    sizes = {k: p.stat().st_size / 1e6 for k, p in files.items()}
    print(f"inputs in {workdir} ({time.perf_counter() - t:.1f} s): "
          + ", ".join(f"{k} {v:.1f} MB" for k, v in sizes.items()), flush=True)

    # 1. the reader: normalized text, written once for the workers
    from flows import read
    from flows.extract import EXTRACTORS

    norm, read_s = {}, {}
    for k, p in files.items():
        t = time.perf_counter()
        doc = read.read_document(p, raw)
        read_s[k] = time.perf_counter() - t
        if "reason" in doc:
            print(f"  read {k}: QUARANTINED {doc['reason']}: {doc.get('detail')}")
            continue
        norm[k] = workdir / f"{k}.normalized.txt"
        norm[k].write_text(doc["text"], encoding="utf-8")
        print(f"  read {k}: {read_s[k]:.1f} s ({len(doc['text']):,} characters)", flush=True)

    names = [*EXTRACTORS, "document"]
    # 2. every extractor on each file
    print("\nextractors on each file:", flush=True)
    file_jobs = [] if args.no_files else \
        [{"kind": "file", "extractor": e, "path": str(norm[k])} for k in norm for e in names]
    file_res = run_jobs(file_jobs, args.timeout, workdir, "files")
    by_file = {(j["extractor"], Path(j["path"]).name.split(".")[0]): r for j, r in zip(file_jobs, file_res)}
    mem = {}
    if not args.no_tracemalloc:
        # tracemalloc slows allocation-heavy code two- to threefold: only for jobs that were quick
        print("\npeak Python allocations (tracemalloc), for extractors that took under a third of --timeout:",
              flush=True)
        mem_jobs = [dict(j, kind="memory") for j, r in zip(file_jobs, file_res)
                    if r.get("wall_s") is not None and r["wall_s"] < args.timeout / 3]
        mem_res = run_jobs(mem_jobs, args.timeout, workdir, "memory")
        mem = {(j["extractor"], Path(j["path"]).name.split(".")[0]): r for j, r in zip(mem_jobs, mem_res)}

    # 3. linear-time check
    print("\nlinear-time check (CPU seconds at n and 10n):", flush=True)
    patterns = ["ALL"] + ([] if args.no_patterns else [*PATTERNS, *LINE_PATTERNS])
    # the mixed text holds every pattern (runs of n/5); line patterns cost little per character,
    # so they get runs of 10n (a quadratic cost only shows on long documents)
    lin_jobs = [{"kind": "linear", "extractor": e, "pattern": p,
                 "n": max(args.linear_n // 5, 50) if p == "ALL" else
                 10 * args.linear_n if p in LINE_PATTERNS else args.linear_n}
                for e in names for p in patterns]
    lin_res = run_jobs(lin_jobs, args.linear_timeout, workdir, "linear")
    lin = {(j["extractor"], j["pattern"]): r for j, r in zip(lin_jobs, lin_res)}

    # 4. the full CLI run on a folder holding both files
    cli = None
    if not args.no_cli:
        import run as bench_run

        print("\ncoopfacts run on both files ...", flush=True)
        db = workdir / "robust.duckdb"
        cli = bench_run.measure(bench_run.coopfacts_cmd() + ["run", "--raw", str(raw), "--db", str(db),
                                                             "--report", str(workdir / "reports")],
                                timeout=args.cli_timeout)

    # ---- report
    print("\n" + "=" * 100)
    head = ["extractor", f"realistic {sizes['realistic']:.1f} MB: s", "MB/s", "peak MB",
            f"adversarial {sizes['adversarial']:.1f} MB: s", "MB/s", "peak MB", "linear x(10n/n)", "worst pattern"]
    rows = []
    flagged = []
    for e in names:
        rr = fmt_file(by_file.get((e, "realistic")), mem.get((e, "realistic")), sizes["realistic"])
        ra = fmt_file(by_file.get((e, "adversarial")), mem.get((e, "adversarial")), sizes["adversarial"])
        mix = lin.get((e, "ALL"), {})
        mix_txt = f"{mix['ratio']:.1f}" if "ratio" in mix else ("TIMEOUT" if "timeout" in mix else "ERROR")
        worst, worst_txt = None, "–"
        for p in [*PATTERNS, *LINE_PATTERNS]:
            r = lin.get((e, p))
            if r is None:
                continue
            if "timeout" in r or "error" in r:
                worst, worst_txt = (p, float("inf")), f"{p}: {'TIMEOUT' if 'timeout' in r else 'ERROR'}"
                flagged.append((e, p, r))
                break
            if r["t_10n"] >= 0.02 and (worst is None or r["ratio"] > worst[1]):
                worst, worst_txt = (p, r["ratio"]), f"{p} x{r['ratio']:.0f}"
            if r["ratio"] > 25 and r["t_10n"] >= 0.05:
                flagged.append((e, p, r))
        rows.append([e, *rr, *ra, mix_txt, worst_txt])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    print("  ".join(h.rjust(w) for h, w in zip(head, widths)))
    for r in rows:
        print("  ".join(v.rjust(w) for v, w in zip(r, widths)))
    print(f"\nreader (read.read_document): " + ", ".join(f"{k} {v:.1f} s" for k, v in read_s.items()))
    tot = {k: sum(r["wall_s"] for (e, f), r in by_file.items() if f == k and "wall_s" in r) for k in sizes}
    slow = {k: sum(1 for (e, f), r in by_file.items() if f == k and "timeout" in r) for k in sizes}
    if any(tot.values()) or any(slow.values()):
        print("all extractors together: " + ", ".join(
            f"{k} {'more than ' if slow[k] else ''}{v + slow[k] * args.timeout:.0f} s" for k, v in tot.items() if v))
    ungrounded = [f"{e} on {f}" for (e, f), r in by_file.items() if r.get("grounded") is False]
    if ungrounded:
        print("rows whose evidence differs from the text: " + ", ".join(ungrounded))
    if flagged:
        print("\nSUPER-LINEAR or hanging (ratio > 25 at 10n, or timeout):")
        for e, p, r in flagged:
            sample = {**PATTERNS, **LINE_PATTERNS}[p](60)[:60]
            print(f"  {e}: pattern '{p}' e.g. {sample!r} -> {_brief(r) if 'timeout' not in r else 'TIMEOUT'}")
    else:
        print("\nno extractor is super-linear on any hostile pattern (every ratio <= 25)")
    if cli is not None:
        state = f"KILLED after {args.cli_timeout:.0f} s" if cli.get("timed_out") else f"exit {cli['exit']}"
        print(f"\ncoopfacts run on both files: {state}, {cli['wall_s']:.1f} s, peak RSS of the process "
              f"tree {cli['peak_tree_mb']:.0f} MB; per process: "
              + ", ".join(f"{n} {m} MB" for n, m in cli.get("processes", [])[:5]))
        print("  " + cli["output"].strip()[-1500:].replace("\n", "\n  "))
    if args.keep:
        out = workdir / "robustness.json"
        out.write_text(json.dumps({"sizes_mb": sizes, "read_s": read_s,
                                   "files": [dict(j, result=r, memory=mem.get((j["extractor"], Path(j["path"]).name.split(".")[0])))
                                             for j, r in zip(file_jobs, file_res)],
                                   "linear": [dict(j, result=r) for j, r in zip(lin_jobs, lin_res)],
                                   "cli": cli}, indent=1, default=str))
        print(f"\nresults: {out}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmark the real coopfacts flow on generated corpora: speed, memory, stages, accuracy.

    .venv/bin/python bench/run.py                         # 1,000 and 10,000 documents
    .venv/bin/python bench/run.py --sizes 1000,10000,50000
    .venv/bin/python bench/run.py --quick                 # 200 documents, a smoke test

For each size the script
  1. generates the corpus with bench/make_corpus.py (or reuses WORKDIR/corpus-N-sS when its
     manifest says the same generator, size and seed made it);
  2. runs `coopfacts run --raw CORPUS --db DB` in a subprocess on a new warehouse (first run)
     and again over the unchanged corpus (second run), measuring wall time and the peak RSS of
     the whole process tree (the CLI, Prefect's server, extraction workers), polled in /proc;
  3. runs the stages as plain functions in one fresh process (read.read_folder,
     pipeline.extract_documents, pipeline.build, load.load_run, report.write_report on a
     temporary warehouse) and times each, so Prefect's share of the wall time can be
     estimated as CLI wall time minus the in-process stage total;
  4. scores the first run's warehouse against the generated gold with tests/score.py --json.

It prints one table and writes WORKDIR/results.json. See bench/README.md for what each
figure means and the targets of issue 7.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import make_corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


# ------------------------------------------------------------------ process-tree memory

def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the command name may hold spaces or parentheses: fields start after the last ')'
        ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _label(pid: int) -> str:
    """A short name for a process: 'coopfacts run', 'uvicorn (Prefect server)', 'python -c ...'."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            argv = [a.decode(errors="replace") for a in fh.read().split(b"\0") if a]
    except OSError:
        return "?"
    text = " ".join(Path(a).name if i < 2 else a for i, a in enumerate(argv))
    if "uvicorn" in text:
        return "Prefect API server (uvicorn)"
    if "coopfacts run" in text:
        return "coopfacts run (flow)"
    if "resource_tracker" in text:
        return "multiprocessing resource tracker"
    if "multiprocessing" in text or "spawn_main" in text or "forkserver" in text:
        return "worker process"
    return text[:60]


def _tree_rss(root: int) -> tuple[int, int, dict[int, tuple[str, int]]]:
    """(sum of RSS over root and its descendants, largest single RSS, {pid: (label, rss)})."""
    kids = _children_map()
    todo, total, largest, each = [root], 0, 0, {}
    while todo:
        pid = todo.pop()
        todo += kids.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm") as fh:
                rss = int(fh.read().split()[1]) * PAGE
        except OSError:
            continue
        total += rss
        largest = max(largest, rss)
        each[pid] = rss
    return total, largest, each


def measure(cmd: list[str], env: dict | None = None, interval: float = 0.1, timeout: float | None = None) -> dict:
    """Run cmd; wall seconds, peak RSS of its process tree, exit code and output tail.
    After `timeout` seconds the whole process group is killed (timed_out is then True)."""
    peak = {"tree": 0, "single": 0, "work": 0}  # work: the tree without Prefect's API server
    per_pid: dict[int, list] = {}  # pid -> [label, peak rss]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            tree, single, each = _tree_rss(proc.pid)
            peak["tree"] = max(peak["tree"], tree)
            peak["single"] = max(peak["single"], single)
            for pid, rss in each.items():
                if pid not in per_pid:
                    per_pid[pid] = [_label(pid), 0]
                per_pid[pid][1] = max(per_pid[pid][1], rss)
            peak["work"] = max(peak["work"], sum(rss for pid, rss in each.items()
                                                 if not per_pid[pid][0].startswith("Prefect API server")))
            done.wait(interval)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, 9)  # the run and every process it started (its own session)
        out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    poller.join()
    procs = sorted(per_pid.values(), key=lambda x: -x[1])
    return {"wall_s": wall, "peak_tree_mb": peak["tree"] / 1e6, "peak_single_mb": peak["single"] / 1e6,
            "peak_work_mb": peak["work"] / 1e6,
            "processes": [(label, round(rss / 1e6)) for label, rss in procs[:8]],
            "exit": proc.returncode, "timed_out": timed_out, "output": out[-3000:]}


# ------------------------------------------------------------------ the stages in-process

def stages(corpus: Path, scratch: Path) -> dict:
    """Each pipeline stage as a plain function, timed (runs in its own process: see --_stages).
    A stage that fails is reported with its error; the stages before it keep their times."""
    import resource
    import traceback
    import uuid
    from datetime import datetime, timezone

    t = time.perf_counter()
    from flows import load, pipeline, read, report  # importing Prefect is part of no stage
    out: dict = {"import_s": time.perf_counter() - t}
    db = scratch / "stages.duckdb"
    for stale in (db, scratch / "stages.duckdb.wal"):
        stale.unlink(missing_ok=True)
    state: dict = {}

    def do_read():
        state["docs"], state["quarantine"] = read.read_folder(corpus)
        out["docs"] = len(state["docs"])

    def do_extract():
        state["extracted"], state["bad"] = pipeline.extract_documents(state.pop("docs"))

    import inspect

    new_api = "index" in inspect.signature(pipeline.build).parameters  # batches, spilled Parquet

    def do_build():
        state["started"] = datetime.now(timezone.utc).replace(tzinfo=None)
        state["run_id"] = uuid.uuid4().hex[:12]
        known = load.snapshot(db)["orgs"]
        if not new_api:
            state["built"] = pipeline.build(state["extracted"], known, state["run_id"], state["started"])
            return
        from flows import settings
        from flows.orgindex import OrgIndex

        index, built = OrgIndex(known), []
        for batch in pipeline.batches(state.pop("extracted"), settings.BATCH_DOCS):
            built.append(pipeline.build(batch, index, state["run_id"], state["started"]))
            state["n_extracted"] = state.get("n_extracted", 0) + len(batch)
        state["index"], state["built"] = index, built

    def do_load():
        quarantine = [{**q, "table_name": None} for q in state["quarantine"] + state["bad"]]
        n_quar = len(state["quarantine"]) + len(state["bad"])
        n_docs = state.get("n_extracted", len(state.get("extracted", [])))
        run = {"run_id": state["run_id"], "flow_run_id": None, "started_at": state["started"],
               "finished_at": datetime.now(timezone.utc).replace(tzinfo=None), "status": "completed",
               "docs_seen": n_docs + n_quar, "docs_loaded": n_docs, "docs_unchanged": 0,
               "docs_quarantined": n_quar, "docs_removed": 0, "facts_loaded": 0, "raw_dir": str(corpus),
               "error": None}
        if not new_api:
            built = state["built"]
            quality = {"checks": built["checks"], "failures": built["failures"],
                       "quarantine": quarantine + built["quarantine"]}
            got = load.load_run(db, run=run, documents=built["documents"], facts=built["facts"],
                                organizations=built["organizations"], countries=built["countries"],
                                replaced_doc_ids=[], removed_paths=[], quality=quality)
        else:
            import polars as pl
            from flows.extract import countries

            spill_dir = scratch / "spill"
            shutil.rmtree(spill_dir, ignore_errors=True)
            spill_dir.mkdir()
            spill = pipeline.Spill(spill_dir)
            failures = []
            for b in state["built"]:
                spill.write(b)
                failures += b["failures"]
                quarantine += b["quarantine"]
            checks = pipeline.merge_checks([(b["checks"], b["documents"].height) for b in state["built"]])
            rows = state["index"].rows()
            organizations = pl.DataFrame(rows, schema={k: pl.Utf8 for k in (rows[0] if rows else {})})
            got = load.load_run(db, run=run, spilled=spill.tables(), organizations=organizations,
                                countries=pl.DataFrame(countries.country_table()), replaced_doc_ids=[],
                                removed_paths=[], quality={"checks": checks, "failures": failures,
                                                           "quarantine": quarantine})
        out["facts"] = (got or {}).get("facts_loaded")

    def do_report():
        report.write_report(db, scratch / "stages-report")

    for key, fn in (("read_s", do_read), ("extract_s", do_extract), ("transform_validate_s", do_build),
                    ("load_s", do_load), ("report_s", do_report)):
        t = time.perf_counter()
        try:
            fn()
        except Exception:  # noqa: BLE001 - the pipeline is someone else's code: report, stop
            out["failed_stage"] = key.removesuffix("_s")
            out["error"] = traceback.format_exc()[-1500:]
            break
        out[key] = time.perf_counter() - t
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KB on Linux
    return out


def run_stages(corpus: Path, scratch: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--_stages", str(corpus), str(scratch)], cwd=ROOT,
                          capture_output=True, text=True)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": (proc.stderr or proc.stdout)[-1500:]}


# ------------------------------------------------------------------ corpus, CLI, score

def corpus_for(workdir: Path, n: int, seed: int) -> tuple[Path, dict]:
    """The corpus of n documents, generated unless an identical one is already there."""
    folder = workdir / f"corpus-{n}-s{seed}"
    manifest = folder / "manifest.json"
    if manifest.exists():
        m = json.loads(manifest.read_text())
        if m.get("docs") == n and m.get("seed") == seed and m.get("generator") == make_corpus.generator_id():
            return folder, {**m, "reused": True}
    if folder.exists():
        shutil.rmtree(folder)
    return folder, {**make_corpus.generate(folder, n, seed), "reused": False}


def coopfacts_cmd() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "coopfacts"
    return [str(exe)] if exe.exists() else [shutil.which("coopfacts") or "coopfacts"]


def cli_run(corpus: Path, db: Path, reports: Path) -> dict:
    return measure(coopfacts_cmd() + ["run", "--raw", str(corpus), "--db", str(db), "--report", str(reports)])


def score(db: Path, corpus: Path, sample: int) -> dict:
    """Micro scores from tests/score.py --json on every gold file, or on an even sample of them
    (score.py re-reads the documents table for each gold file, so its cost grows with n²)."""
    gold = sorted(corpus.glob("*.gold.json"))
    if sample and len(gold) > sample:
        step = len(gold) / sample
        gold = [gold[int(i * step)] for i in range(sample)]
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "score.py"), "--db", str(db), "--json",
                           "--gold", *map(str, gold)], cwd=ROOT, capture_output=True, text=True)
    try:
        result = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return {"error": (proc.stderr or proc.stdout)[-1500:], "gold_files": len(gold)}
    return {"micro": result["micro"], "by_type": {k: v["f1"] for k, v in result["by_type"].items()},
            "grounded": result["grounded"], "documents_scored": result["documents_scored"],
            "gold_files": len(gold), "seconds": time.perf_counter() - t}


# ------------------------------------------------------------------ report

def fmt(v, spec: str = ".1f", none: str = "–") -> str:
    return none if v is None else format(v, spec)


def print_table(results: list[dict]) -> None:
    cols = ["docs", "MB", "run", "wall s", "docs/s", "MB/s", "peak RSS MB", "read s", "extract s",
            "transf+valid s", "load s", "report s", "stages s", "Prefect s", "Prefect %", "F1"]
    rows = []
    for r in results:
        st = r.get("stages") or {}
        stage_total = None
        if "report_s" in st:
            stage_total = sum(st[k] for k in ("read_s", "extract_s", "transform_validate_s", "load_s", "report_s"))
        for label, run in (("first", r["first"]), ("second", r["second"])):
            first = label == "first"
            prefect = run["wall_s"] - stage_total if first and stage_total is not None else None
            rows.append([f"{r['docs']:,}", fmt(r["mb"]), label, fmt(run["wall_s"]),
                         fmt(r["docs"] / run["wall_s"], ".0f"), fmt(r["mb"] / run["wall_s"], ".2f"),
                         fmt(run["peak_tree_mb"], ".0f"),
                         *(fmt(st.get(k)) if first else "" for k in ("read_s", "extract_s", "transform_validate_s",
                                                                       "load_s", "report_s")),
                         fmt(stage_total) if first else "", fmt(prefect) if first else "",
                         fmt(100 * prefect / run["wall_s"], ".0f") if first and prefect is not None else "",
                         fmt((r.get("score") or {}).get("micro", {}).get("f1"), ".3f") if first else ""])
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(cols)]
    print("  ".join(c.rjust(w) for c, w in zip(cols, widths)))
    for row in rows:
        print("  ".join(v.rjust(w) for v, w in zip(row, widths)))


def print_details(results: list[dict]) -> None:
    for r in results:
        sc, st = r.get("score") or {}, r.get("stages") or {}
        print(f"\n{r['docs']:,} documents ({r['mb']:.1f} MB, corpus {'reused' if r['corpus']['reused'] else 'generated in ' + str(r['corpus']['seconds']) + ' s'}):")
        for label in ("first", "second"):
            run = r[label]
            state = "ok" if run["exit"] == 0 else f"EXIT {run['exit']}"
            procs = ", ".join(f"{name} {mb} MB" for name, mb in run.get("processes", [])[:5])
            print(f"  {label} run: {state}; peak RSS per process: {procs}")
            if run["exit"] != 0:
                print("    " + run["output"][-1500:].replace("\n", "\n    "))
        if "error" in st:
            print(f"  stages: the {st.get('failed_stage', '?')} stage failed (the stages before it are timed):\n    "
                  + st["error"].replace("\n", "\n    "))
        elif st:
            facts = f", {st['facts']:,} facts loaded" if st.get("facts") is not None else ""
            print(f"  stages in one process: importing flows {st['import_s']:.1f} s, peak RSS {st['peak_rss_mb']:.0f} MB"
                  + facts)
        if "error" in sc:
            print("  score: failed: " + sc["error"])
        elif sc:
            m = sc["micro"]
            print(f"  score on {sc['documents_scored']} of {sc['gold_files']} gold files sampled: micro "
                  f"P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} attrs={m['attr_accuracy']}; "
                  f"grounded {sc['grounded']['exact']}/{sc['grounded']['rows']}")
            print("    F1 by type: " + ", ".join(f"{k} {v:.2f}" for k, v in sc["by_type"].items()))


def print_targets(results: list[dict]) -> None:
    """Issue 7's targets, checked against what was measured (sizes that were not run are skipped)."""
    by = {r["docs"]: r for r in results}
    print("\nTargets (issue 7):")
    big = by.get(10000) or by[max(by)]
    mbs = big["mb"] / big["first"]["wall_s"]
    print(f"  throughput >= 5 MB/s at {big['docs']:,} docs: {mbs:.2f} MB/s -> {'PASS' if mbs >= 5 else 'FAIL'}")
    peak = max(max(r["first"]["peak_tree_mb"], r["second"]["peak_tree_mb"]) for r in results)
    print(f"  peak memory <= 500 MB (process tree, any size): {peak:.0f} MB -> {'PASS' if peak <= 500 else 'FAIL'}")
    work = max(max(r["first"].get("peak_work_mb", 0), r["second"].get("peak_work_mb", 0)) for r in results)
    print(f"    the same tree without Prefect's API server (as when PREFECT_API_URL points at a running "
          f"server): {work:.0f} MB -> {'PASS' if work <= 500 else 'FAIL'}")
    for r in results:
        share = r["second"]["wall_s"] / r["first"]["wall_s"]
        print(f"  re-run < 10 % of first run at {r['docs']:,} docs: {100 * share:.0f} % -> "
              f"{'PASS' if share < 0.10 else 'FAIL'}")
    if len(by) > 1:
        small, large = by[min(by)], by[max(by)]
        a = small["mb"] / small["first"]["wall_s"]
        b = large["mb"] / large["first"]["wall_s"]
        print(f"  linear cost: MB/s at {large['docs']:,} docs within 20 % of MB/s at {small['docs']:,}: "
              f"{b:.2f} vs {a:.2f} ({100 * (b - a) / a:+.0f} %) -> {'PASS' if abs(b - a) <= 0.2 * a else 'FAIL'}")


# ------------------------------------------------------------------ main

def bench_size(n: int, workdir: Path, seed: int, score_sample: int, with_stages: bool) -> dict:
    corpus, manifest = corpus_for(workdir, n, seed)
    db = workdir / f"warehouse-{n}.duckdb"
    reports = workdir / f"reports-{n}"
    for stale in (db, Path(str(db) + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(reports, ignore_errors=True)
    print(f"[{n:,} docs] first run ...", flush=True)
    first = cli_run(corpus, db, reports)
    print(f"[{n:,} docs] first run {first['wall_s']:.1f} s; second run ...", flush=True)
    second = cli_run(corpus, db, reports)
    print(f"[{n:,} docs] second run {second['wall_s']:.1f} s", flush=True)
    result = {"docs": n, "mb": manifest["raw_bytes"] / 1e6, "corpus": manifest, "first": first, "second": second}
    if with_stages:
        print(f"[{n:,} docs] stages in-process ...", flush=True)
        scratch = workdir / f"stages-{n}"
        scratch.mkdir(parents=True, exist_ok=True)
        result["stages"] = run_stages(corpus, scratch)
        shutil.rmtree(scratch, ignore_errors=True)
    if first["exit"] == 0:
        print(f"[{n:,} docs] scoring ...", flush=True)
        result["score"] = score(db, corpus, score_sample)
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--workdir", type=Path, default=ROOT / "scratch" / "bench",
                    help="corpora, warehouses and results.json go here (default scratch/bench)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="one corpus of 200 documents")
    ap.add_argument("--score-sample", type=int, default=400,
                    help="gold files scored per size, evenly spaced; 0 scores all (default 400)")
    ap.add_argument("--no-stages", action="store_true", help="skip the in-process stage timing")
    ap.add_argument("--_stages", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._stages:
        print(json.dumps(stages(Path(args._stages[0]), Path(args._stages[1]))))
        return 0
    sizes = [200] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"coopfacts benchmark: sizes {', '.join(f'{n:,}' for n in sizes)}; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    results = [bench_size(n, workdir, args.seed, args.score_sample, not args.no_stages) for n in sizes]
    print()
    print_table(results)
    print_details(results)
    print_targets(results)
    out = workdir / "results.json"
    out.write_text(json.dumps({"load_average_end": os.getloadavg(), "results": results}, indent=1, default=str))
    print(f"\nresults: {out}")
    return 0 if all(r["first"]["exit"] == 0 and r["second"]["exit"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

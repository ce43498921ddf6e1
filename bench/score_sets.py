"""Score every gold-annotated test folder in seconds: the run's stages as plain functions.

    .venv/bin/python bench/score_sets.py                      # one micro-F1 line per folder
    .venv/bin/python bench/score_sets.py -v tests/holdout26   # per-type table, every miss and extra
    .venv/bin/python bench/score_sets.py --jobs 1 tests/corpus

Why: `coopfacts run` starts Prefect's temporary server (seconds per process), so scoring the
thirty test folders through the command line takes minutes. The flow only strings plain
functions together (flows/stages.py, flows/batch.py); this script calls the same functions in
the same order (plan -> read and extract per batch -> build and spill -> load -> report), so a
folder's warehouse and score are those of `coopfacts run`. Each folder's warehouse is left in
the temporary folder for inspection (`coopfacts sql --db ...`). Folders run in parallel
processes. Used to check that a change to an extractor raises no folder's score.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def gold_folders() -> list[Path]:
    """Every folder under tests/ with gold files beside its documents."""
    return sorted((d for d in (ROOT / "tests").iterdir() if d.is_dir() and any(d.glob("*.gold.json"))),
                  key=lambda d: (len(d.name), d.name))


def score_folder(folder: Path, out_dir: Path, verbose: bool) -> str:
    """Load `folder` into a fresh warehouse as `coopfacts run` would, and score it."""
    import score
    from flows import batch, load, settings, stages

    db = out_dir / f"{folder.name}.duckdb"
    db.unlink(missing_ok=True)
    plan = stages.plan(folder, db)
    run = stages.Run(folder, db, out_dir / f"{folder.name}-report", plan)
    spill = stages.Spill(Path(tempfile.mkdtemp(dir=out_dir)))
    for files in stages.batches(plan["todo"], settings.BATCH_DOCS):
        docs, bad = batch.read_and_extract(files, folder)
        run.add(docs, bad, spill)
    run.finish(spill, load.load_run)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        score.main(["--db", str(db), "--gold", str(folder)] + (["-v"] if verbose else []))
    if verbose:
        return f"== {folder.name} ({db})\n{printed.getvalue()}"
    micro = next(line for line in printed.getvalue().splitlines() if line.startswith("micro"))
    return f"{folder.name:<10} {micro}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, help="gold folders (default: every one under tests/)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every missed and extra fact")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "coopfacts-score-sets",
                    help="where the warehouses are written")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    folders = [f.resolve() for f in args.folders] or gold_folders()
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        for line in pool.map(score_folder, folders, [args.out] * len(folders), [args.verbose] * len(folders)):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

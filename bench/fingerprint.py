"""Fingerprint every extractor's output, and time it: the safety net for speed work.

    .venv/bin/python bench/fingerprint.py --save scratch/fp.json    # before a change
    .venv/bin/python bench/fingerprint.py --check scratch/fp.json   # after: same rows?

The inputs are the test corpora (dev copy and every holdout folder, read as the pipeline reads
them), 400 generated documents and the hostile patterns of `bench/robustness.py` at a
small size. For each extractor it prints the seconds spent, the MB/s over the corpora and a
hash of every row it returned; `--check` names the extractors whose rows changed and the
first input where they differ, and exits 1 if any did.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def inputs(n_generated: int) -> dict[str, str]:
    """name -> text."""
    import make_corpus
    import robustness
    from flows import read

    texts: dict[str, str] = {}
    folders = ["corpus"] + sorted((p.name for p in (ROOT / "tests").glob("holdout*")
                                   if p.is_dir() and p.name != "holdout_src"),
                                  key=lambda n: (len(n), n))
    for folder in folders:
        raw = ROOT / "tests" / folder
        files, _ = read.scan(raw)
        for f in files:
            doc = read.read_file(f, raw)
            if "text" in doc:
                texts[f"{folder}/{f['source_path']}"] = doc["text"]
    for i in range(n_generated):
        name, text, _ = make_corpus.make_document(7, i)
        texts[f"generated/{name}"] = text
    for p, make in {**robustness.PATTERNS, **robustness.LINE_PATTERNS}.items():
        texts[f"hostile/{p}"] = make(3000)
    texts["hostile/ALL"] = robustness.adversarial(200, 20_000)
    return texts


def extractors() -> dict:
    from flows.extract import EXTRACTORS, document

    return {"document": lambda t: document.extract(t, "doc.txt"), **EXTRACTORS}


def fingerprint(texts: dict[str, str]) -> dict:
    """Every extractor over each text in turn, as the pipeline runs them (so work they
    share per text, such as the reading view, is paid once and counted where first done)."""
    fns = extractors()
    mb = sum(len(t) for t in texts.values()) / 1e6
    secs = dict.fromkeys(fns, 0.0)
    per_input: dict[str, dict] = {name: {} for name in fns}
    for key, text in texts.items():
        for name, fn in fns.items():
            start = time.perf_counter()
            rows = fn(text)
            secs[name] += time.perf_counter() - start
            per_input[name][key] = hashlib.sha256(
                json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()[:16]
    out = {}
    for name in fns:
        whole = hashlib.sha256(json.dumps(per_input[name], sort_keys=True).encode()).hexdigest()[:16]
        out[name] = {"seconds": round(secs[name], 3), "hash": whole, "inputs": per_input[name]}
        print(f"{name:18s} {secs[name]:7.2f} s {mb / secs[name]:7.2f} MB/s  {whole}", flush=True)
    total = sum(v["seconds"] for v in out.values())
    print(f"{'all':18s} {total:7.2f} s {mb / total:7.2f} MB/s  ({mb:.2f} MB, {len(texts)} inputs)")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--check", type=Path)
    ap.add_argument("--generated", type=int, default=400)
    ap.add_argument("--only", help="comma-separated extractor names")
    args = ap.parse_args(argv)
    texts = inputs(args.generated)
    if args.only:
        wanted = set(args.only.split(","))
        global extractors
        every = extractors
        extractors = lambda: {k: v for k, v in every().items() if k in wanted}  # noqa: E731
    fp = fingerprint(texts)
    if args.save:
        args.save.write_text(json.dumps(fp, indent=1))
    if args.check:
        before = json.loads(args.check.read_text())
        changed = 0
        for name, now in fp.items():
            if name in before and before[name]["hash"] != now["hash"]:
                changed += 1
                diff = [k for k, h in now["inputs"].items() if before[name]["inputs"].get(k) != h]
                print(f"CHANGED {name}: {len(diff)} inputs differ, first {diff[:3]}")
            elif name in before:
                print(f"same    {name}: {before[name]['seconds']:.2f} s -> {now['seconds']:.2f} s")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

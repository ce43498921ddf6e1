"""Run the README's tour in a fresh clone and put the real outputs into the README.

    git clone /path/to/coopfacts /tmp/fresh
    python docs/tour.py /tmp/fresh            # run the tour there, show what differs
    python docs/tour.py /tmp/fresh --write    # ... and rewrite README.md's outputs

Every ```console block of README.md is a tour step: its `$ ` lines are run in order, in the
clone's root, with the clone's .venv/bin first on PATH (as after `. .venv/bin/activate`),
and the block's output is replaced by what they printed (stdout and stderr, not a
terminal, so plain text). Other code blocks (```sh, ```sql, ```toml) are not run. A
`make` step keeps only the lines from coopfacts' own command on: pip's install output is
summarized in one line. Run ids, times and timestamps differ from run to run.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)


def run_step(command: str, clone: Path) -> tuple[str, float]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PREFECT_HOME", "PREFECT_API_URL", "VIRTUAL_ENV", "CI")}
    env["PATH"] = f"{clone / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    began = time.monotonic()
    proc = subprocess.run(["bash", "-c", command], cwd=clone, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    took = time.monotonic() - began
    out = proc.stdout
    if command.startswith("make"):
        lines = out.splitlines()
        start = next((i for i, ln in enumerate(lines) if ln.startswith(".venv/bin/coopfacts")), 0)
        kept = lines[start:]
        if start > 0:
            kept = ["… (the first time: creates .venv and installs coopfacts with pip)"] + kept
        out = "\n".join(kept) + "\n"
    if proc.returncode != 0:
        out += f"[exit code {proc.returncode}]\n"
    return out, took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("clone", type=Path, help="a fresh clone to run the tour in")
    parser.add_argument("--write", action="store_true", help="rewrite README.md with the outputs")
    args = parser.parse_args()
    text = README.read_text()
    pieces, pos, changed = [], 0, 0
    for m in BLOCK.finditer(text):
        body = m.group(1)
        commands = [ln[2:] for ln in body.splitlines() if ln.startswith("$ ")]
        new_body = ""
        for command in commands:
            out, took = run_step(command, args.clone.resolve())
            print(f"$ {command}   ({took:.1f} s)", file=sys.stderr)
            new_body += f"$ {command}\n{out}"
        changed += new_body != body
        pieces += [text[pos:m.start(1)], new_body]
        pos = m.end(1)
    pieces.append(text[pos:])
    result = "".join(pieces)
    print(f"{changed} block(s) differ from README.md", file=sys.stderr)
    if args.write:
        README.write_text(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())

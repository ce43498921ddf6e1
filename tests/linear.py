"""Linear time, checked without absolute seconds: the brief says speed is measured in
benchmarks, and a test that times a few milliseconds on a busy machine is flaky."""
from __future__ import annotations

import time


def cpu_seconds(fn, text: str) -> float:
    t0 = time.process_time()
    fn(text)
    return time.process_time() - t0


def grows_linearly(fn, make, n: int, factor: int = 8, slack: float = 4.0) -> tuple[bool, float, float]:
    """(ok, seconds at n, seconds at factor*n): ok when the larger input costs at most
    `slack` times what linear growth predicts (super-linear patterns blow far past that)."""
    # warm compiled patterns on another text: the same text would leave cached results (the
    # extractors keep a few per text), and the first timing would measure a cache hit
    fn(make(n - 1))
    a = cpu_seconds(fn, make(n))
    b = cpu_seconds(fn, make(factor * n))
    return b < factor * slack * max(a, 0.005), a, b

"""Read and extract one batch of files: what an extraction worker process runs.

Extraction is CPU-bound Python, so a run with more than one batch extracts in
`settings.WORKERS` worker processes. They are plain `concurrent.futures` processes, not
Prefect's `ProcessPoolTaskRunner`, for two reasons measured on 1,000 documents:

- Prefect's process pool runs the whole task engine in each worker, and a worker that is
  not told the parent's API address starts an ephemeral API server of its own (~200 MB
  each, seconds to start). Here a worker imports only `flows.read` and `flows.extract`
  (no Prefect, polars, pandera or DuckDB): about 60 MB instead of about 480 MB with its
  server, and nothing to start.
- The flow still runs one Prefect task per batch (`read-extract`, in a thread of the
  flow's process) and that task hands its batch to this pool and waits: Prefect keeps a
  record, retries and logs per batch, while the worker processes stay plain Python.

Workers are started with 'spawn': a fresh interpreter holds only what it imports, whereas
a forked child would inherit (and count in its resident memory) everything the flow's
process had loaded. Only the file list of a batch goes to a worker (paths and hashes);
the worker reads the files itself and sends back the documents with their facts.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import BrokenExecutor, CancelledError, Future, ProcessPoolExecutor
from pathlib import Path

from . import read, settings
from .extract import document, extract_all


def extract_documents(docs: list[dict], map_parts=map) -> tuple[list[dict], list[dict]]:
    """Metadata and facts for each document; a document whose extraction fails is quarantined.

    `map_parts` maps the extraction over a long document's parts (extract_all)."""
    done, quarantine = [], []
    for doc in docs:
        try:
            meta = document.extract(doc["text"], doc["source_path"])
            facts = extract_all(doc["text"], map_parts=map_parts)
        except (BrokenExecutor, CancelledError):
            # the worker pool that extracts a long document's parts failed (a worker killed,
            # the pool stopped): no fault of the document, which must not be quarantined
            # as one; the batch fails as it does when a worker dies on a whole batch
            raise
        except Exception as exc:  # one bad document must not stop the run
            quarantine.append({"source_path": doc["source_path"], "reason": "extract_error",
                               "detail": f"Extraction failed: {type(exc).__name__}: {exc}"})
            continue
        done.append({**doc, **meta, "facts": facts})
    return done, quarantine


def read_and_extract(files: list[dict], raw_dir: Path, map_parts=map) -> tuple[list[dict], list[dict]]:
    """Read and decode a batch of scanned files, then extract their facts."""
    docs, quarantine = [], []
    for f in files:
        row = read.read_file(f, raw_dir)
        (quarantine if "reason" in row else docs).append(row)
    done, bad = extract_documents(docs, map_parts)
    return done, quarantine + bad


def is_long(file: dict) -> bool:
    """A scanned file big enough to be extracted in parts (settings.PART_CHARS characters;
    its size in bytes is known before it is decoded, and is about its length in characters)."""
    return file.get("bytes", 0) > settings.PART_CHARS


class Workers:
    """The worker processes of one run (a context manager); with n <= 1, none: `run`
    extracts in the calling process.

    Processes start on the first batch and stop when the run leaves the `with` block.
    """

    def __init__(self, n: int):
        self.n = n
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Workers":
        global _ACTIVE
        if self.n > 1:
            self._pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("spawn"))
        _ACTIVE = self
        return self

    def __exit__(self, *exc) -> bool:
        global _ACTIVE
        _ACTIVE = None
        self.stop()
        return False

    def stop(self) -> None:
        """End the worker processes (when the last batch is in, before the load)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, files: list[dict], raw_dir: Path) -> Future:
        if self._pool is None:
            future: Future = Future()
            try:
                future.set_result(read_and_extract(files, raw_dir))
            except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on it
                future.set_exception(exc)
            return future
        return self._pool.submit(read_and_extract, files, Path(raw_dir))

    def extract(self, files: list[dict], raw_dir: Path) -> tuple[list[dict], list[dict]]:
        """A batch's documents and quarantine rows, extracted by the worker processes.

        A long document (`is_long`) is extracted in parts anyway (extract_all), so its parts
        go to the workers one by one while this thread reads it and finds its metadata: one
        20 MB text then takes the time of its parts over every worker, not the sum of them.
        The batch's other files go to one worker, as a batch of their own.
        """
        long = [f for f in files if is_long(f)]
        if self._pool is None or not long:
            return self.submit(files, raw_dir).result()
        rest = [f for f in files if not is_long(f)]
        future = self.submit(rest, raw_dir) if rest else None
        docs, bad = read_and_extract(long, raw_dir, map_parts=self._pool.map)
        if future is not None:
            more_docs, more_bad = future.result()
            docs, bad = docs + more_docs, bad + more_bad
        return docs, bad


_ACTIVE: Workers | None = None  # the workers of the run in progress in this process


def run(files: list[dict], raw_dir: Path) -> tuple[list[dict], list[dict]]:
    """A batch, read and extracted by this process's worker processes when a run has
    started some (`Workers`), else here (a small run, or a task running on a Dask worker)."""
    workers = _ACTIVE
    if workers is None:
        return read_and_extract(files, raw_dir)
    return workers.extract(files, raw_dir)

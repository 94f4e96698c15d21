"""Bounded, ordered, parallel processing of JSON Lines streams.

The contract's ``--jsonl`` modes must stream: memory may not grow with the input. ``Pool.imap``
reads its whole input iterable ahead in a feeder thread, so instead lines are grouped into batches
and at most ``2 * workers`` batches are in flight; results are written in input order as soon as
the oldest batch is done. Each worker process builds its models once (``init``) and then handles
whole batches, so spaCy's ``nlp.pipe`` batching stays effective inside a worker.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TextIO

# A batch is a list of (line number, line) pairs; the function returns one output line for each.
BatchFn = Callable[[list[tuple[int, str]]], list[str]]

# 32 lines per batch: large enough that nlp.pipe amortises its per-call cost (measured in
# bench/throughput.py: 8 -> 32 gained ~6 %, 32 -> 128 nothing), small enough to keep the pool busy.
DEFAULT_BATCH = 32


def resolve_workers(workers: int) -> int:
    """0 or negative means all cores."""
    return workers if workers > 0 else max(1, os.cpu_count() or 1)


def batched(lines: Iterable[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    it = iter(lines)
    while chunk := list(islice(it, size)):
        yield chunk


def non_blank(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Number lines from 1 (as editors do) and drop blank ones."""
    for n, line in enumerate(lines, 1):
        if line.strip():
            yield n, line.rstrip("\r\n")


def run_batches(
    lines: Iterable[str],
    fn: BatchFn,
    *,
    workers: int,
    init: Callable[[], None] | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> Iterator[str]:
    """Yield ``fn``'s output lines for every input line, in input order."""
    batches = batched(non_blank(lines), batch_size)
    if workers <= 1:
        if init is not None:
            init()
        for batch in batches:
            yield from fn(batch)
        return
    # fork keeps start-up cheap on Linux; spawn elsewhere (macOS/Windows default).
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(processes=workers, initializer=init) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.apply_async(fn, (batch,)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def write_lines(out: TextIO, lines: Iterable[str]) -> int:
    n = 0
    for line in lines:
        out.write(line)
        out.write("\n")
        n += 1
    out.flush()
    return n

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
from concurrent.futures import Executor, Future, ProcessPoolExecutor
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
    executor: Executor | None = None,
) -> Iterator[str]:
    """Yield ``fn``'s output lines for every input line, in input order.

    ``executor`` runs the batches elsewhere, e.g. a Dask cluster's
    ``distributed.Client(address).get_executor()`` when one machine is not enough; ``workers``
    then only sets how many batches are kept in flight. Without it, ``workers`` processes here.
    """
    batches = batched(non_blank(lines), batch_size)
    if executor is not None:
        yield from _ordered(executor, fn, batches, in_flight=2 * max(1, workers))
        return
    if workers <= 1:
        if init is not None:
            init()
        for batch in batches:
            yield from fn(batch)
        return
    # fork keeps start-up cheap on Linux; spawn elsewhere (macOS/Windows default).
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    context = mp.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init) as pool:
        yield from _ordered(pool, fn, batches, in_flight=2 * workers)


def _ordered(
    executor: Executor, fn: BatchFn, batches: Iterator[list[tuple[int, str]]], *, in_flight: int
) -> Iterator[str]:
    pending: deque[Future[list[str]]] = deque()
    for batch in batches:
        pending.append(executor.submit(fn, batch))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def dask_executor(address: str) -> Executor:
    """An executor on the Dask cluster at ``address`` (``tcp://host:8786``; workers need warwatch)."""
    from distributed import Client

    executor: Executor = Client(address).get_executor()
    return executor


def write_lines(out: TextIO, lines: Iterable[str]) -> int:
    n = 0
    for line in lines:
        out.write(line)
        out.write("\n")
        n += 1
    out.flush()
    return n

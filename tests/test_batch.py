"""The bounded parallel JSONL runner: order, blank lines, laziness (memory bounded by input)."""

from __future__ import annotations

from collections.abc import Iterator

from warwatch.batch import non_blank, run_batches


def echo_upper(batch: list[tuple[int, str]]) -> list[str]:
    return [f"{n}:{line.upper()}" for n, line in batch]


def test_order_is_kept_across_processes() -> None:
    lines = [f"line{i}\n" for i in range(500)]
    out = list(run_batches(lines, echo_upper, workers=2, batch_size=7))
    assert out == [f"{i + 1}:LINE{i}" for i in range(500)]


def test_blank_lines_are_dropped_but_numbering_follows_the_file() -> None:
    assert list(non_blank(["a\n", "\n", "  \n", "b\r\n"])) == [(1, "a"), (4, "b")]


def test_input_is_read_lazily() -> None:
    consumed = 0

    def source() -> Iterator[str]:
        nonlocal consumed
        for i in range(10_000):
            consumed += 1
            yield f"{i}\n"

    out = run_batches(source(), echo_upper, workers=2, batch_size=10)
    first = next(out)
    assert first == "1:0"
    # At most 2 * workers batches in flight, plus the one being read: never the whole input.
    assert consumed <= 10 * (2 * 2 + 1)
    out.close()


def test_single_worker_runs_in_process_and_calls_init() -> None:
    calls: list[int] = []
    out = list(run_batches(["x\n"], echo_upper, workers=1, init=lambda: calls.append(1)))
    assert out == ["1:X"] and calls == [1]


def test_batches_run_on_a_dask_cluster_in_order() -> None:
    distributed = __import__("pytest").importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        lines = [f"r{i}\n" for i in range(200)]
        out = list(
            run_batches(lines, echo_upper, workers=2, batch_size=9, executor=client.get_executor())
        )
    assert out == [f"{i + 1}:R{i}" for i in range(200)]

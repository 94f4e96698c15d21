"""The orchestrator: steps in order, per-article error isolation, idempotent ingest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warwatch import pipeline
from warwatch.model import Article
from warwatch.settings import load_settings
from warwatch.store import open_store

GOOD = [
    "Police fired tear gas at protesters in Yerevan on Monday, officials said.",
    "Artillery shelling hit the town of Martuni on Sunday, killing two civilians.",
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD[0], encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(GOOD[1], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "doc.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" * 20)
    (folder / "latin1.txt").write_bytes("Caf\xe9 bombing in Kabul".encode("latin-1") + b"\xff\xfe\x00")
    (folder / ".hidden").write_text("ignored", encoding="utf-8")
    return folder


def test_ingest_isolates_failures_and_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    settings = load_settings()
    first = pipeline.ingest([str(corpus)], store, settings, published=dt.date(2020, 10, 5))
    assert (first.added, first.present, first.failed) == (2, 0, 3)
    codes = {Path(source).name: code for source, code, _ in first.failures}
    assert codes["empty.txt"] == "empty_input"
    assert codes["doc.pdf"] == "binary_input"
    assert codes["latin1.txt"] in ("bad_encoding", "binary_input")
    run = store.get_run(first.run_id)
    assert run.failed == 3 and {f.code for f in run.failures} == set(codes.values())

    before = [store.load_report(r.article.sha256) for r in store.iter_reports()]
    second = pipeline.ingest([str(corpus)], store, settings)
    assert (second.added, second.present, second.failed) == (0, 2, 3)
    assert [store.load_report(r.article.sha256) for r in before] == before


def test_a_stage_crash_is_recorded_and_the_batch_goes_on(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.analyse

    def flaky(doc, article: Article):
        if "Martuni" in article.text:
            raise RuntimeError("boom")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "analyse", flaky)
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    summary = pipeline.ingest([str(corpus / "a.txt"), str(corpus / "sub")], store, load_settings())
    assert summary.added == 1 and summary.failed == 1
    source, code, message = summary.failures[0]
    assert source.endswith("b.txt") and code == "processing_failed" and "RuntimeError: boom" in message


def test_missing_path_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    summary = pipeline.ingest([str(tmp_path / "nope.txt")], store, load_settings())
    assert summary.failed == 1 and "nope.txt" in summary.failures[0][0]
    assert summary.failures[0][1] == "unreadable"


def test_cap_words_keeps_offsets() -> None:
    article = Article(text="one two  three four", sha256="x")
    cut = pipeline.cap_words(article, 2)
    assert cut.truncated and cut.text == "one two  " and article.text.startswith(cut.text)
    assert pipeline.cap_words(article, 4) == article

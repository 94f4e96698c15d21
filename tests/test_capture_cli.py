"""The watch / bundle / verify commands: Ctrl-C on a running watch, end to end through the store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_capture_server import LocalServer, page, running_server
from warwatch.cli import build_app
from warwatch.cli.capture import parse_duration

EMPTY_FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from running_server()


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARWATCH_")}
    env.update(
        WARWATCH_DATA_DIR=str(data_dir),
        WARWATCH_CONFIG=str(data_dir / "none.toml"),
        WARWATCH_ALLOW_PRIVATE_ADDRESSES="true",
    )
    return env


def test_parse_duration() -> None:
    assert (
        parse_duration("15m") == 900 and parse_duration("90") == 90 and parse_duration("2h") == 7200
    )
    with pytest.raises(Exception, match="duration"):
        parse_duration("soon")


def test_sigint_stops_watch_cleanly(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/feed"] = page(EMPTY_FEED, "application/rss+xml")
    proc = subprocess.Popen(
        [sys.executable, "-m", "warwatch", "watch", server.url("/feed"), "--every", "1s"],
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while server.paths().count("/feed") < 2 and time.monotonic() < deadline:
            time.sleep(0.1)  # wait until it has polled twice: it is in its loop
        assert server.paths().count("/feed") >= 2, (
            proc.stderr.read1().decode() if proc.stderr else ""
        )
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=15)
        assert code == 0
        assert time.monotonic() - sent < 5  # promptly: it was waiting, not working
        assert b"polls" in (proc.stderr.read() if proc.stderr else b"")
    finally:
        if proc.poll() is None:
            proc.kill()


def test_watch_once_ingests_into_store(
    server: LocalServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    # Geoparsing would build the gazetteer in this fresh data dir (minutes): this test is about
    # feed -> pipeline -> store plumbing, so steps 4-7 are replaced by an empty report.
    from warwatch import pipeline
    from warwatch.model import Report

    monkeypatch.setattr(pipeline, "analyse", lambda doc, article: Report(article=article))
    monkeypatch.setenv("WARWATCH_ALLOW_PRIVATE_ADDRESSES", "true")
    monkeypatch.setenv("WARWATCH_CONFIG", str(data_dir / "none.toml"))
    article = (
        b"<html><head><title>Shelling in the north</title></head><body><article>"
        b"<p>Artillery shells hit the market in the town of Kharkiv on Monday, killing three "
        b"civilians and wounding twelve, regional officials said.</p></article></body></html>"
    )
    server.routes["/a1"] = page(article)
    server.routes["/feed"] = page(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
        f'<link>{server.url("/a1")}</link><guid isPermaLink="false">a1</guid></item></channel></rss>'.encode(),
        "application/rss+xml",
    )
    db = f"sqlite:///{data_dir / 'w.db'}"
    result = CliRunner().invoke(build_app(), ["watch", server.url("/feed"), "--once", "--db", db])
    assert result.exit_code == 0, result.output
    from warwatch.store import open_store

    store = open_store(db)
    import hashlib

    sha = hashlib.sha256(article).hexdigest()
    assert store.get_capture(sha) is not None and store.entry_seen(server.url("/feed"), "a1")
    assert store.has_article(sha) and store.family_of(sha) is not None


def test_bundle_and_verify_commands(tmp_path: Path) -> None:
    from test_bundle_roundtrip import make_store  # the same two-article store

    store, incident_id = make_store(f"sqlite:///{tmp_path / 'w.db'}")
    runner = CliRunner()
    out = tmp_path / "e.zip"
    app = build_app()
    made = runner.invoke(app, ["bundle", str(incident_id), "-o", str(out), "--db", store.url])
    assert made.exit_code == 0, made.output
    ok = runner.invoke(app, ["verify", str(out)])
    assert ok.exit_code == 0 and "OK: 4 files" in ok.output
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(bad, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(
                name, data + b" " if name.startswith("reports/") and b"}" in data[-2:] else data
            )
    altered = runner.invoke(app, ["verify", str(bad)])
    assert altered.exit_code == 1 and "altered: reports/" in altered.output

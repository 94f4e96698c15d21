"""The extract document: shipped schema matches the models; real outputs validate; offsets hold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from warwatch import contract, pipeline
from warwatch.capture import capture_path
from warwatch.settings import load_settings


def test_shipped_schema_is_generated_from_the_models() -> None:
    assert contract.shipped_schema() == contract.json_schema(), (
        "regenerate: python -m warwatch.contract > src/warwatch/schema/extract.schema.json"
    )


@pytest.fixture(scope="module")
def seed_document(seed_path: Path) -> dict:
    capture = capture_path(seed_path, published=dt.date(2020, 10, 5))
    report = pipeline.extract(capture, load_settings())
    return contract.to_document(report)


def test_seed_document_validates(seed_document: dict) -> None:
    jsonschema.validate(seed_document, contract.shipped_schema())
    assert seed_document["schema_version"] == 1
    assert seed_document["id"] == seed_document["article"]["sha256"]


def _spans(node: object):
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def test_every_offset_points_into_the_text(seed_document: dict) -> None:
    text = seed_document["article"]["text"]
    body = {k: v for k, v in seed_document.items() if k != "article"}
    for span in _spans(body):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        if "text" in span:  # a TextSpan (trigger) or a quote: its text is the slice
            assert text[span["start"] : span["end"]] == span["text"] or "speaker" in span


def test_document_is_json_serialisable(seed_document: dict) -> None:
    assert json.loads(contract.dumps(seed_document)) == seed_document

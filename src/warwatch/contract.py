"""The machine contract (CONTRACT.md): the extract document, produced from the models here only.

``to_document`` is the single place a ``Report`` becomes contract JSON; ``json_schema`` derives
the JSON Schema from the same models, and the copy shipped in ``schema/extract.schema.json`` is
checked against it by the tests (regenerate with ``python -m warwatch.contract``).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from . import SCHEMA_VERSION
from .errors import WarwatchError
from .model import Report

SCHEMA_FILE = "extract.schema.json"


def to_document(report: Report, id: str | None = None) -> dict[str, Any]:
    body = report.model_dump(mode="json")
    return {
        "schema_version": SCHEMA_VERSION,
        "id": id or report.article.id or report.article.sha256,
        **body,
    }


def error_document(id: str | None, error: WarwatchError) -> dict[str, Any]:
    return {"id": id, "error": {"code": error.code, "message": str(error)}}


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def json_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    props = {
        "schema_version": {"const": SCHEMA_VERSION},
        "id": {"type": "string"},
        **schema["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "warwatch extract document",
        "type": "object",
        "properties": props,
        "required": ["schema_version", "id", *schema.get("required", [])],
        "$defs": schema.get("$defs", {}),
    }


def shipped_schema() -> dict[str, Any]:
    text = resources.files("warwatch.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, sort_keys=True))

"""The JSON Schemas of what the advisor reads and writes, generated from the models beside them.

The same schemas ship inside the package as advisor/schema/json/NAME.schema.json; a test keeps those
files equal to what the models generate (`advisor schema --all --out advisor/schema/json` renews them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# name -> (model in advisor.schema, pydantic mode, what it describes)
SCHEMAS: dict[str, tuple[str, str, str]] = {
    "answers": ("Answers", "validation", "an answers document, as advise, serve and batch read it"),
    "advice": ("Advice", "serialization", "the advice, as advise --format json, serve and batch write it"),
    "knowledge": ("KnowledgeExport", "validation", "the document advisor export writes"),
    "request": ("Request", "validation", "one line of advisor serve --stdio in its long form"),
    "response": ("Response", "serialization", "advisor serve's answer to a long-form request"),
    "error": ("ErrorResponse", "serialization", "advisor serve's answer to a line it cannot advise on"),
    "summary": ("BatchSummary", "serialization", "summary.json of advisor batch"),
}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one of SCHEMAS."""
    from . import advice, answers, embedding

    model_name, mode, description = SCHEMAS[name]
    model = next(getattr(module, model_name) for module in (answers, advice, embedding) if hasattr(module, model_name))
    generated = model.model_json_schema(mode=mode)
    return {
        "$schema": DIALECT,
        "$comment": f"Generated from advisor/schema ({model_name}) by `advisor schema {name}`: {description}.",
        **generated,
    }


def shipped_schema(name: str) -> Path:
    """The schema file that ships inside the package."""
    return Path(__file__).resolve().parent / "json" / f"{name}.schema.json"

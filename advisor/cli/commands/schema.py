"""`advisor schema`: the JSON Schemas of what the advisor reads and writes, from the models in advisor/schema/.

The same schemas ship inside the package as advisor/schema/json/NAME.schema.json; a test keeps those
files equal to what the models generate (`advisor schema --all --out advisor/schema/json` renews them).
"""

from __future__ import annotations

import argparse
import sys
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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", choices=sorted(SCHEMAS), metavar="NAME", help="one of: " + ", ".join(SCHEMAS))
    parser.add_argument("--all", action="store_true", help="every schema, as NAME.schema.json files in --out DIR")
    parser.add_argument("--out", metavar="PATH", help="write to this file (with --all: this directory)")


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one of SCHEMAS."""
    from ... import schema

    model_name, mode, description = SCHEMAS[name]
    generated = getattr(schema, model_name).model_json_schema(mode=mode)
    return {
        "$schema": DIALECT,
        "$comment": f"Generated from advisor/schema ({model_name}) by `advisor schema {name}`: {description}.",
        **generated,
    }


def shipped_schema(name: str) -> Path:
    """The schema file that ships inside the package."""
    return Path(__file__).resolve().parents[2] / "schema" / "json" / f"{name}.schema.json"


def render(name: str) -> str:
    from ...render.json import dumps

    return dumps(json_schema(name))


def run(args: argparse.Namespace) -> int:
    from ...errors import AdvisorError

    if args.all:
        if args.name or not args.out:
            raise AdvisorError("--all writes every schema into a directory", hint="advisor schema --all --out DIR")
        from ...files.write import ensure_directory, write_output

        directory = ensure_directory(args.out)
        for name in SCHEMAS:
            write_output(directory / f"{name}.schema.json", render(name))
        print(f"advisor: schema: {len(SCHEMAS)} → {directory}", file=sys.stderr)
        return 0
    if not args.name:
        raise AdvisorError("name the schema to print", hint="advisor schema " + "|".join(SCHEMAS))
    text = render(args.name)
    if args.out:
        from ...files.write import write_output

        write_output(args.out, text)
    else:
        sys.stdout.write(text)
    return 0

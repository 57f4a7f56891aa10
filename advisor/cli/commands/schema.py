"""`advisor schema`: print or write the JSON Schemas of what the advisor reads and writes."""

from __future__ import annotations

import argparse
import sys

# the names only: the models (pydantic) load when a schema is made, not for --help
SCHEMAS = ("answers", "advice", "knowledge", "request", "response", "error", "summary")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", choices=sorted(SCHEMAS), metavar="NAME", help="one of: " + ", ".join(SCHEMAS))
    parser.add_argument("--all", action="store_true", help="every schema, as NAME.schema.json files in --out DIR")
    parser.add_argument("--out", metavar="PATH", help="write to this file (with --all: this directory)")


def render(name: str) -> str:
    from ...render.json import dumps
    from ...schema.generate import json_schema

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

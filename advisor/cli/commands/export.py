"""`advisor export`: the whole knowledge base as one versioned JSON or YAML document
(advisor/engine/export.py)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..options import add_knowledge_arguments, knowledge_from

if TYPE_CHECKING:  # pragma: no cover - pydantic stays off the cold path (--help)
    from ...schema import KnowledgeExport


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("json", "yaml"), default="json", help="output format (default: json)")
    parser.add_argument("--out", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    add_knowledge_arguments(parser)


def render(document: KnowledgeExport, fmt: str) -> str:
    from ...engine.export import export_data

    data = export_data(document)
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    from ...render.json import dumps

    return dumps(data)


def run(args: argparse.Namespace) -> int:
    from ...engine.export import export_knowledge

    text = render(export_knowledge(knowledge_from(args)), args.format)
    if args.out:
        from ...files.write import write_output

        write_output(args.out, text)
        print(f"advisor: export: {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0

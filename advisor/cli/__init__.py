"""The command line: `advisor [COMMAND] ...` (main.py), its shared options and one module per command."""

from .main import main

__all__ = ["main"]

"""Faults around the advisor rather than in its input: standard output on a full disk. One clear
error (exit 2), no traceback and no internal error."""

from __future__ import annotations

import subprocess
import sys

import pytest
from samples import EXAMPLE_FILE


@pytest.mark.parametrize(
    "args",
    [
        ["advise", "--answers", EXAMPLE_FILE],
        ["advise", "--answers", EXAMPLE_FILE, "--format", "json"],
        ["advise", "--answers", EXAMPLE_FILE, "--format", "markdown"],
        ["findings"],
    ],
    ids=["text", "json", "markdown", "findings"],
)
def test_a_full_disk_on_standard_output_is_a_clear_error(args):
    with open("/dev/full", "wb") as full:
        completed = subprocess.run([sys.executable, "-m", "advisor", *args], stdout=full, stderr=subprocess.PIPE,
                                   text=True, timeout=120)
    assert completed.returncode == 2, completed.stderr
    assert "cannot write the output: No space left on device" in completed.stderr
    assert "Traceback" not in completed.stderr and "internal error" not in completed.stderr
    assert "Exception ignored" not in completed.stderr

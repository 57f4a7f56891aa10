"""Hostile knowledge files: whatever sits in --rules or --findings is looked at before it is read,
so a FIFO cannot block the advisor, /dev/zero cannot fill its memory and a huge file is refused
without being read. Run as a separate process with a memory limit and a timeout: on failure
these would otherwise hang or exhaust the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest
from hostile import assert_clean_error

MEMORY_LIMIT = 400 * 2**20  # address space: several times what a consultation needs


class Result:
    def __init__(self, completed: subprocess.CompletedProcess):
        self.code, self.out, self.err = completed.returncode, completed.stdout, completed.stderr


def advise_with(knowledge, answers) -> Result:
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    command = [
        sys.executable, "-m", "advisor", "advise", "--answers", str(answers),
        "--findings", str(knowledge / "findings.yaml"), "--rules", str(knowledge / "rules"),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=60, preexec_fn=limit_memory)
    return Result(completed)


@pytest.fixture
def answers(write_yaml):
    return write_yaml({"goals": ["alignment"], "usage": {"active_share": 5}})


def test_a_fifo_among_the_rule_files_is_refused_without_blocking(knowledge_copy, answers):
    fifo = knowledge_copy / "rules" / "waiting.yaml"
    os.mkfifo(fifo)
    result = advise_with(knowledge_copy, answers)
    assert_clean_error(result, f"{fifo}: not a regular file")


def test_a_rule_file_that_is_dev_zero_is_refused_without_reading_it(knowledge_copy, answers):
    (knowledge_copy / "rules" / "endless.yaml").symlink_to("/dev/zero")
    result = advise_with(knowledge_copy, answers)
    assert_clean_error(result, "endless.yaml: not a regular file")


def test_a_huge_rule_file_is_refused_by_its_size_without_reading_it(knowledge_copy, answers):
    huge = knowledge_copy / "rules" / "huge.yaml"
    with open(huge, "wb") as handle:  # sparse: takes no disk, but 300 MB to read
        handle.truncate(300 * 2**20)
    result = advise_with(knowledge_copy, answers)
    assert_clean_error(result, f"{huge}: larger than 1,000,000 bytes")


def test_a_findings_file_that_is_a_fifo_is_refused_without_blocking(knowledge_copy, answers):
    findings = knowledge_copy / "findings.yaml"
    findings.unlink()
    os.mkfifo(findings)
    assert_clean_error(advise_with(knowledge_copy, answers), f"{findings}: not a regular file")

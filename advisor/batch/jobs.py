"""``advisor batch --jobs N``: advising rows in N worker processes, with the same output.

The main process reads and validates the rows (inputs.py) and writes every file; each worker
loads the same knowledge base with the same engine once and advises chunks of valid rows. The
chunks come back in the order they were sent, so the files, results.csv and the summary are
byte for byte those of a run with one job (tests/commands/test_batch.py holds them so).
Workers are started fresh ("spawn"), not forked: the engine and the threads of a running
advisor are not safe to copy into a child process.
"""

from __future__ import annotations

import itertools
from typing import Iterable, Iterator

from .inputs import Row

CHUNK = 64  # rows per task: large enough that sending them costs little next to advising them
_worker = None  # the advisor of this worker process


def advised_in_workers(rows: Iterable[Row], advisor, options, folder) -> Iterator[tuple[Row, object]]:
    """Each row with its advice (None for an invalid row), in input order. With a folder, the
    workers write each row's advice file into it themselves and send back only what the summary
    needs."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    knowledge = advisor.knowledge
    fmt, lang, jobs = options.format, options.lang, options.jobs
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start, initargs=(knowledge.paths, advisor.engine.name)
    ) as pool:
        chunks = _chunks(rows)
        pending = []
        for chunk in itertools.islice(chunks, jobs * 4):  # a few chunks ahead per worker, not the whole input
            pending.append((chunk, pool.submit(_advise, [row for row in chunk if row.answers is not None], fmt, lang, folder)))
        while pending:
            chunk, future = pending.pop(0)
            results = iter(future.result())
            for row in chunk:
                yield row, None if row.answers is None else next(results)
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.submit(_advise, [row for row in following if row.answers is not None], fmt, lang, folder)))


def _chunks(rows: Iterable[Row]) -> Iterator[list[Row]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        yield chunk


def _start(paths: tuple[str, str], engine: str) -> None:
    global _worker
    from ..knowledge.load import load_knowledge
    from ..reasoning.pipeline import advisor_for

    _worker = advisor_for(load_knowledge(*paths), engine)


def _advise(rows: list[Row], fmt: str, lang: str, folder) -> list:
    from dataclasses import replace

    from .destination import write_advice_file
    from .advising import EXTENSIONS, advise_row

    found = []
    for row in rows:
        advised = advise_row(_worker, row, fmt, lang)
        if folder is not None:
            write_advice_file(folder, row.id + EXTENSIONS[fmt], advised.text)
            advised = replace(advised, text=None)
        found.append(advised)
    return found

"""Writing a batch run's many output files on a thread of its own (atomically: see advisor.files.write)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..files.write import write_output


def _write_quickly(path: Path, text: str) -> None:
    write_output(path, text, durable=False)  # atomically; flushed to disk by the system in its time


class BackgroundWriter:
    """Writes files (atomically, see write_atomic) on a thread of its own, so that creating ten
    thousand files, which mostly waits on the file system, overlaps with advising the next rows.
    Use as a context manager; the first failure to write is raised on leaving (or on the next
    ``write``)."""

    def __init__(self, backlog: int = 256, write: Callable[[Path, str], None] = _write_quickly):
        self._write_file = write
        import queue
        import threading

        self._queue: queue.Queue = queue.Queue(maxsize=backlog)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="advisor-batch-writer", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is None:
                try:
                    self._write_file(*item)
                except BaseException as error:  # reported to the caller, not lost in the thread
                    self._error = error

    def write(self, path: Path, text: str) -> None:
        self._raise_if_failed()
        self._queue.put((path, text))

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._raise_if_failed()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def __enter__(self) -> "BackgroundWriter":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.close()
        else:  # already failing: stop the thread, keep the first error
            self._queue.put(None)
            self._thread.join()

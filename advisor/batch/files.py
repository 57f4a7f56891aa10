"""Writing output files atomically: a temporary file in the same directory, then os.replace, so
a reader never sees half a file and a failed run leaves the old file as it was."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import AdvisorError, Problem


def write_atomic(path: str | Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path``. ``durable`` also flushes it to disk before the rename
    (one file: yes; ten thousand advice files of a batch run: no, the rename is enough there).
    An existing file keeps its permissions; a new one gets the usual ones (umask)."""
    path = Path(path)
    # a name of this process's own: cheaper than mkstemp's exclusive create, which costs a batch
    # run a quarter of its time on some file systems
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        with open(temporary, "wb") as handle:
            handle.write(text.encode("utf-8"))
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from None
        raise


def ensure_directory(path: str | Path) -> Path:
    """Make the output directory (and its parents) if needed."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise AdvisorError(Problem(source=str(path), message="exists and is not a directory")) from None
    except OSError as error:
        raise _cannot_write(path, error) from None
    return path


def _cannot_write(path: Path, error: OSError) -> AdvisorError:
    hint = "check that the directory exists and that you may write there"
    return AdvisorError(Problem(source=str(path), message=f"cannot write: {error.strerror or error}", hint=hint))


class BackgroundWriter:
    """Writes files (atomically, see write_atomic) on a thread of its own, so that creating ten
    thousand files, which mostly waits on the file system, overlaps with advising the next rows.
    Use as a context manager; the first failure to write is raised on leaving (or on the next
    ``write``)."""

    def __init__(self, backlog: int = 256):
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
                    write_atomic(*item, durable=False)
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

"""An exclusive lock on a lock file, held around every read-modify-write of a workshop file.

The workshop file itself is replaced atomically on every write (temp file + os.replace), so it
cannot be the lock: a lock on it would stay with the old inode. A lock file next to it is never
replaced, so every writer locks the same file. The lock is filelock's (fcntl.flock on POSIX,
msvcrt.locking on Windows): the operating system releases it if the process dies. A writer that
finds the lock taken says so, waits, and gives up with a clear error after WAIT_SECONDS, so a
second terminal never hangs in silence.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

WAIT_SECONDS = 120  # one change takes milliseconds: minutes of waiting mean something is wrong


def lock_path(path: Path) -> Path:
    """The lock file of a workshop file: hidden, in the same directory."""
    return path.with_name("." + path.name + ".lock")


def _say_waiting(path: Path) -> None:
    from ..i18n import default_lang, t

    print(f"advisor: {t(default_lang(), 'lock.waiting', path=path.name)}", file=sys.stderr, flush=True)


@contextmanager
def locked(path: Path, waiting: Callable[[Path], None] = _say_waiting, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock of path (a workshop file) for the duration of the block.

    ``waiting`` is called once if another process holds it, before waiting up to ``wait``
    seconds; AdvisorError if the lock cannot be made (a read-only folder) or is not free in time."""
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), thread_local=False)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            waiting(path)
            lock.acquire(timeout=wait)
    except Timeout:
        from ..errors import AdvisorError, Problem
        from ..i18n import default_lang, t

        lang = default_lang()
        raise AdvisorError(
            Problem(source=str(path), message=t(lang, "lock.timeout", seconds=int(wait)), hint=t(lang, "lock.timeout_hint"))
        ) from None
    except OSError as error:  # a read-only folder, say: a clear error, nothing written
        from .write import cannot_write

        raise cannot_write(lock_path(path), error) from None
    try:
        yield
    finally:
        lock.release()

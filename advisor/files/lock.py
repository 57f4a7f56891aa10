"""An exclusive lock on a lock file, held around every read-modify-write of a workshop file.

The workshop file itself is replaced atomically on every write (temp file + os.replace), so it
cannot be the lock: a lock on it would stay with the old inode. A lock file next to it is never
replaced or deleted (deleting a lock file is racy), so every writer locks the same inode.
POSIX uses fcntl.flock, Windows msvcrt.locking; both block until the other writer is done and
both are released by the operating system if the process dies.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def lock_path(path: Path) -> Path:
    """The lock file of a workshop file: hidden, in the same directory."""
    return path.with_name("." + path.name + ".lock")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of path (a workshop file) for the duration of the block."""
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:  # a read-only folder, say: a clear error, nothing written
        from .write import cannot_write

        raise cannot_write(lock_path(path), error) from None
    try:
        _acquire(fd)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _acquire(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        while True:
            try:
                # LK_LOCK itself retries for about 10 seconds, then raises: keep waiting
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                time.sleep(0.05)

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _acquire(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

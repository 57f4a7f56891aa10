"""Writing files atomically: a temporary file in the same directory, then os.replace, so a reader
never sees half a file and a failed write leaves the old file as it was. Every file the advisor
writes (saved answers, reports, workshop files, exports, batch output) goes through here."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import AdvisorError, Problem


def write_atomic(path: str | Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path``; raises OSError. ``durable`` also flushes it to disk
    before the rename (one file: yes; ten thousand advice files of a batch run: no, the rename is
    enough there). An existing file keeps its permissions; a new one gets the usual ones (umask)."""
    path = Path(path)
    # a name of this process's own: cheaper than mkstemp's exclusive create, which costs a batch
    # run a quarter of its time on some file systems
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # see remove_stale_temporaries
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
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


_TEMPORARY_NAME = re.compile(r"^\..+\.(\d+)\.tmp$")


def remove_stale_temporaries(directory: Path) -> int:
    """Remove the temporary files of write_atomic that a killed process left in directory (a
    process that is still running keeps its own). Returns how many were removed."""
    removed = 0
    try:
        names = os.listdir(directory)
    except OSError:
        return 0
    for name in names:
        match = _TEMPORARY_NAME.match(name)
        if match is None or running(int(match.group(1))):
            continue
        try:
            os.unlink(directory / name)
            removed += 1
        except OSError:
            pass
    return removed


def running(pid: int) -> bool:
    """Whether a process may still be running (and so own the temporary files named after it)."""
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill(pid, 0) would end that process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or not ours to judge: leave its file
    return True


def write_new(path: str | Path, text: str) -> None:
    """Write a file in a folder no reader sees yet (a batch run's fresh output folder, renamed
    into place when it is complete): no temporary file needed. Raises AdvisorError."""
    try:
        with open(path, "wb") as handle:
            handle.write(text.encode("utf-8"))
    except OSError as error:
        raise cannot_write(Path(path), error) from None


def write_output(path: str | Path, text: str, *, durable: bool = True) -> None:
    """write_atomic for output the user asked for: a failure is a clear error (exit 2)."""
    try:
        write_atomic(path, text, durable=durable)
    except OSError as error:
        raise cannot_write(Path(path), error) from None


def ensure_directory(path: str | Path) -> Path:
    """Make an output directory (and its parents) if needed."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise AdvisorError(Problem(source=str(path), message="exists and is not a directory")) from None
    except OSError as error:
        raise cannot_write(path, error) from None
    return path


def cannot_write(path: Path, error: OSError) -> AdvisorError:
    hint = "check that the directory exists and that you may write there"
    return AdvisorError(Problem(source=str(path), message=f"cannot write: {error.strerror or error}", hint=hint))

"""Where a batch run writes its files, so that no file is ever half-written under its final name.

When ``--out`` is new or empty, every file goes into a fresh hidden folder beside it, written
plainly, and that folder is renamed to ``--out`` when the run is complete: one rename instead of
a temporary file and a rename per file (a run of ten thousand rows spent nearly half its time on
those). A run that fails or is interrupted leaves ``--out`` empty, and the hidden folder is
removed (or, if the process was killed, by the next run into the same ``--out``). When ``--out``
already holds files, each file is written atomically into it (advisor/files/write.py).
"""

from __future__ import annotations

import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..files.write import cannot_write, running, write_new, write_output
from .files import BackgroundWriter


class Destination:
    """The output folder of one run. Use as a context manager; ``write`` writes one file."""

    def __init__(self, out: Path):
        self.out = out
        self.staging: Path | None = None

    def __enter__(self) -> "Destination":
        _remove_stale_staging(self.out)
        if not _has_entries(self.out):
            self.staging = self.out.parent / f".{self.out.name}.{os.getpid()}.tmp"
            try:
                self.staging.mkdir()
            except OSError:  # e.g. the parent is not ours to write in: write into --out itself
                self.staging = None
        return self

    def path(self, name: str) -> Path:
        return (self.staging or self.out) / name

    def folder(self) -> tuple[Path, bool]:
        """Where advice files go, and whether that is the fresh folder (plain writes) or --out
        itself (atomic writes): for worker processes that write files themselves."""
        return (self.staging, True) if self.staging is not None else (self.out, False)


    def write(self, name: str, text: str) -> None:
        if self.staging is not None:
            write_new(self.staging / name, text)
        else:
            write_output(self.out / name, text)

    @contextmanager
    def advice_writer(self, fmt: str, jsonl_name: str) -> Iterator[Callable[[str, str], None]]:
        """A function that writes one row's advice: the next line of one file for jsonl; else a
        file of its own, written plainly into the fresh folder (cheap enough to do right away),
        or atomically into an --out that holds files already (on a thread of its own, so that
        waiting on the file system overlaps with advising)."""
        if fmt == "jsonl":
            with self._lines(jsonl_name) as write_line:
                yield lambda name, text: write_line(text)
            return
        if self.staging is not None:
            staging = self.staging
            yield lambda name, text: write_new(staging / name, text)
            return
        with BackgroundWriter() as writer:
            yield lambda name, text: writer.write(self.out / name, text)

    @contextmanager
    def _lines(self, name: str) -> Iterator[Callable[[str], None]]:
        final = self.path(name)
        # into --out itself: a temporary name until the last line is written
        target = final if self.staging is not None else final.with_name(f".{name}.{os.getpid()}.tmp")
        try:
            handle = open(target, "w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise cannot_write(final, error) from None
        try:
            with handle:
                yield handle.write
            if target != final:
                os.replace(target, final)
        except OSError as error:
            _unlink(target) if target != final else None
            raise cannot_write(final, error) from None
        except BaseException:
            _unlink(target) if target != final else None
            raise

    def __exit__(self, kind, value, traceback) -> None:
        if self.staging is None:
            return
        if kind is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        try:
            _move_into_place(self.staging, self.out)
        except OSError as error:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise cannot_write(self.out, error) from None


def _move_into_place(staging: Path, out: Path) -> None:
    try:
        if os.name == "nt":  # Windows renames no folder onto another
            os.rmdir(out)
        os.replace(staging, out)  # POSIX: replaces the empty folder in one step
        return
    except FileNotFoundError:
        os.replace(staging, out)  # removed meanwhile: it is simply new
        return
    except OSError:
        if not out.is_dir():
            raise
    # someone wrote into --out meanwhile: move the files one by one (each rename is atomic)
    for entry in os.scandir(staging):
        os.replace(entry.path, out / entry.name)
    os.rmdir(staging)


def _has_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is not None
    except OSError:
        return True  # not readable as a folder: let the writes report it


def _remove_stale_staging(out: Path) -> None:
    """Remove the hidden folders of runs into the same --out that were killed."""
    pattern = re.compile(rf"^\.{re.escape(out.name)}\.(\d+)\.tmp$")
    try:
        names = os.listdir(out.parent)
    except OSError:
        return
    for name in names:
        match = pattern.match(name)
        if match and not running(int(match.group(1))) and (out.parent / name).is_dir():
            shutil.rmtree(out.parent / name, ignore_errors=True)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_advice_file(folder: tuple[Path, bool], name: str, text: str) -> None:
    """Write one advice file as Destination does, from any process."""
    path, fresh = folder
    if fresh:
        write_new(path / name, text)
    else:
        write_output(path / name, text, durable=False)

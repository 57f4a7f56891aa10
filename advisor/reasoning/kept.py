"""A bounded memo: what the pipeline keeps between consultations, with memory that stays flat."""

from __future__ import annotations

import threading
from typing import Callable, Generic, Hashable, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    """Values made once per key and kept, at most ``limit`` of them: past that the oldest go.
    Safe to share between threads: two callers may make the same value at once, and one of them
    is kept. Keep only immutable values here: every caller is given the same object."""

    def __init__(self, limit: int):
        self.limit = limit
        self._values: dict[Hashable, V] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        found = self._values.get(key)
        if found is None:
            found = make()
            with self._lock:
                if len(self._values) >= self.limit:
                    del self._values[next(iter(self._values))]  # dicts keep insertion order: the oldest
                found = self._values.setdefault(key, found)
        return found

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

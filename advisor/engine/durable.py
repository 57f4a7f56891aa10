"""The thin, safe layer around durable_rules.

Each line here answers one of durable_rules 2.0.28's sharp edges (docs/engines.md):
- ``Host()`` starts two timer threads that crash the process when a session's state is deleted
  while another is live: one Host per knowledge base, with its timers disabled (no timers used).
- At most 1024 live sessions per ruleset: every consultation deletes its state in ``finally``.
- No locks in the C extension: one lock around each whole consultation (assert, collect, delete).
- An exception inside an action is swallowed into ``state["exception"]``: the state is checked
  after every call and a real error raised; actions only append a firing (and assert a derived fact).
- A fact no rule matches raises MessageNotHandledException: a catch-all rule takes every fact.
- ``post`` lets only one rule consume a message: facts are asserted, never posted.
- A ruleset name registers once: each knowledge base has a unique name.
- ``set_rulesets`` deletes the ``run`` key from the dict it is given: it gets a deep copy.
- No ``$in`` operator: the compiler writes "one of" as ``$or`` (compiler.py).
- Firing order is the engine's agenda: the advice is sorted afterwards (reasoning/pipeline.py).
- ``delete_state`` segfaults for a session in which no rule fired: every consultation asserts one
  more fact that an internal rule always fires on (and that is never reported).
- Past the fixed limits of its network (at most 64 tests holding at once for one fact, and
  others: durable_limits.py) it corrupts memory and crashes the process: a ruleset beyond them
  is refused before durable_rules sees it, with a clear error that points to --engine python.
- After a failed call its state is corrupt, and deleting it crashes the process: an engine whose
  call failed is never called again.
"""

from __future__ import annotations

import copy
import itertools
import threading

from ..errors import AdvisorError, EngineError, Problem
from ..knowledge.load import Knowledge
from . import durable_limits
from .compiler import CATCH_ALL, CATCH_ALL_RULE, compile_rules, derived_fact
from .protocol import Fact, Firing, firing_of


class DurableEngine:
    """Runs consultations on durable_rules. Safe to share between threads."""

    name = "durable"

    def __init__(self, knowledge: Knowledge):
        from durable import engine as durable_engine  # imported here: the cold path stays light

        class _Host(durable_engine.Host):
            def _run(self) -> None:  # no timer threads: see the module docstring
                return None

        self._ruleset = knowledge.name
        self._lock = threading.Lock()
        self._sids = itertools.count(1)
        self._firings: list[Firing] = []
        self._derived: set[str] = set()

        definition = copy.deepcopy(compile_rules(knowledge))
        for rule in knowledge.rules:
            derive = rule.then.derive
            definition[rule.id]["run"] = self._action(rule.id, next(iter(derive.items())) if derive else None)
        definition[CATCH_ALL_RULE] = copy.deepcopy(CATCH_ALL)
        definition[CATCH_ALL_RULE]["run"] = _never
        definition[_SESSION_RULE] = {"all": [{"session": {"t": _SESSION_RULE}}], "run": _session}
        beyond = durable_limits.problem(definition)
        if beyond is not None:
            raise _cannot_run(knowledge, beyond)
        self._host = _Host()
        try:
            self._host.set_rulesets({self._ruleset: definition})
        except Exception as error:  # durable_rules' own checks while building (error codes 106-113)
            raise _cannot_run(knowledge, f"durable_rules refuses the rules: {error}") from None
        self._failed: str | None = None

    def _action(self, rule_id: str, derive: tuple[str, str] | None):
        if derive is None:

            def record(c) -> None:
                self._firings.append(firing_of(rule_id, c._m.values()))

            return record
        name, value = derive
        fact = derived_fact(rule_id, name, value)

        def record_and_derive(c) -> None:
            self._firings.append(firing_of(rule_id, c._m.values()))
            if fact["id"] not in self._derived:  # a fact asserted twice raises MessageObservedException
                self._derived.add(fact["id"])
                c.assert_fact(dict(fact))

        return record_and_derive

    def run(self, facts: list[Fact]) -> list[Firing]:
        """Assert the facts in a fresh session and return the firings, in the engine's order."""
        with self._lock:
            if self._failed is not None:
                raise EngineError(self._failed)
            sid = str(next(self._sids))
            self._firings = firings = []
            self._derived = set()
            try:
                facts = [dict(fact, sid=sid) for fact in facts] + [{"sid": sid, "id": _SESSION_RULE, "t": _SESSION_RULE}]
                state = self._host.assert_facts(self._ruleset, facts)
                if state and "exception" in state:
                    raise EngineError(f"a rule action failed: {str(state['exception'])[:500]}")
            except BaseException as error:
                # its state may be corrupt now: deleting it, or any further call, can crash the process
                self._failed = f"durable_rules failed and is not called again: {str(error)[:500]}"
                if not isinstance(error, Exception):
                    raise  # Ctrl-C stays Ctrl-C
                raise EngineError(self._failed) from None
            finally:
                self._firings = []
            self._host.delete_state(self._ruleset, sid)
        return firings


def _cannot_run(knowledge: Knowledge, why: str) -> AdvisorError:
    return AdvisorError(
        Problem(
            source=knowledge.paths[1] or knowledge.name,
            message=f"the durable engine cannot run this knowledge base: {why}",
            hint="run it with --engine python: the same advice, without these limits",
        )
    )


_SESSION_RULE = "$session"


def _session(c) -> None:
    """Fires once per consultation, so durable_rules never deletes a session where nothing fired."""


def _never(c) -> None:  # pragma: no cover - the catch-all rule cannot complete
    raise AssertionError("the catch-all rule fired")

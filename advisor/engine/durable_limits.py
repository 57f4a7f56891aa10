"""What durable_rules 2.0.28 can run, checked before a ruleset is handed to it.

durable_rules builds an alpha network from the rules (rete.c): every test of a pattern becomes a
node, shared between rules where the property, operator and value are the same, and each "one of"
($or) gets a forward node of its own. Asserting a fact walks that network (events.c, handleAlpha)
with a fixed stack of MAX_STACK_SIZE = 64 nodes, pushing every child test that holds for the fact
at once. When more than 64 are pending, e.g. 65 distinct thresholds on one share that a small
share meets, or 65 "one of" patterns on one answer, the walk returns error 303 with the fact half
stored, and the next delete_state (or assert) on that ruleset frees corrupted memory: "free():
invalid size" (exit 134) or a segmentation fault (exit 139). Its fixed-size lists overflow
similarly: a node's forward/not-exists list holds 127 entries (NEXT_LIST_LENGTH 128 less the zero
that ends it), its list of rules 255 (BETA_LIST_LENGTH 256), its hash set of tests 511
(NEXT_BUCKET_LENGTH 512); a rule joins at most MAX_MESSAGE_FRAMES = 16 facts; a ruleset holds at
most MAX_ACTIONS = 4096 rules.

``problem(definition)`` models that network from the compiled definition and returns what would
go past a limit (None when nothing would). The model over-approximates which tests can hold at
once: every test on a fact can, except equalities on one property, of which one value at most.
"""

from __future__ import annotations

from typing import Any

STACK = 64  # events.c MAX_STACK_SIZE
NEXT_LIST = 127  # rules.h NEXT_LIST_LENGTH (128), less the terminating zero
BETA_LIST = 255  # rules.h BETA_LIST_LENGTH (256), likewise
HASH_SET = 511  # rules.h NEXT_BUCKET_LENGTH (512): one bucket stays empty to end a lookup
FRAME = 16  # state.h MAX_MESSAGE_FRAMES: the facts one rule can join
RULES = 4096  # rete.c MAX_ACTIONS

_OPERATORS = {"$lt", "$lte", "$gt", "$gte", "$neq", "$ex", "$nex", "$mt", "$imt"}
_SYMBOLS = {"$eq": "=", "$neq": "!=", "$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">="}


class _Node:
    __slots__ = ("key", "label", "operand", "children", "next_list", "betas")

    def __init__(self, key: tuple, label: str, operand: Any = None):
        self.key = key  # (field, operator, value) as rete.c findAlpha tells tests apart
        self.label = label
        self.operand = operand
        self.children: dict[tuple, _Node] = {}  # conjunctive tests, in a hash set
        self.next_list: list[_Node] = []  # forward nodes of "one of", and not-exists tests
        self.betas = 0  # patterns (of rules) that end here


def problem(definition: dict[str, dict[str, Any]]) -> str | None:
    """What in this ruleset definition durable_rules 2.0.28 cannot run, or None."""
    if len(definition) > RULES:
        return f"{len(definition)} rules, more than the {RULES} durable_rules takes"
    root = _Node(("root",), "a fact")
    for rule_id, rule in definition.items():
        patterns = [pattern for gate in ("all", "any") for pattern in rule.get(gate, [])]
        if len(rule.get("all", [])) > FRAME:
            return f"rule {rule_id!r} joins {len(rule['all'])} facts, more than the {FRAME} durable_rules can join"
        for pattern in patterns:
            for condition in pattern.values():
                _add(root, condition).betas += 1
    return _overflow(root)


def _add(parent: _Node, condition: dict) -> _Node:
    """The node a test (or a conjunction or "one of" of tests) ends at, as rete.c createAlpha builds it."""
    ((name, value),) = condition.items()
    if name == "$and":
        node = parent
        for item in value:
            node = _add(node, item)
        return node
    if name == "$or":
        forward = _Node(("forward", id(condition)), "one of")  # never shared: rete.c createForwardAlpha
        for item in value:
            _add(parent, item).next_list.append(forward)
        return forward
    operator, (field, operand) = (name, next(iter(value.items()))) if name in _OPERATORS else ("$eq", (name, value))
    key = (field, operator, _exact(operand))
    found = parent.children.get(key) or next((node for node in parent.next_list if node.key == key), None)
    if found is None:
        found = _Node(key, f"{field} {_SYMBOLS.get(operator, operator)} {operand}", operand)
        if operator == "$nex":
            parent.next_list.append(found)
        else:
            parent.children[key] = found
    return found


def _exact(value: Any) -> tuple:
    return ("ref", repr(value)) if isinstance(value, dict) else (type(value).__name__, repr(value))


def _equal_key(value: Any) -> Any:
    """Equal values, whatever their type: at most one of them can equal a fact's value."""
    if isinstance(value, (bool, int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return None


def _at_once(node: _Node) -> int:
    """How many children of node can hold for one fact: all but the equalities with a value, of
    which one value per property (a reference to another fact is always followed)."""
    count = len(node.next_list)
    equal: dict[tuple, int] = {}
    for (field, operator, _), child in node.children.items():
        value = None if isinstance(child.operand, dict) else _equal_key(child.operand)
        if operator == "$eq" and value is not None:
            equal[(field, value)] = equal.get((field, value), 0) + 1
        else:
            count += 1
    per_field: dict[str, int] = {}
    for (field, _), times in equal.items():
        per_field[field] = max(per_field.get(field, 0), times)
    return count + sum(per_field.values())


def _overflow(root: _Node) -> str | None:
    needs: dict[int, int] = {}
    widest: list = [0, ""]

    def need(node: _Node, path: str) -> int:
        if id(node) in needs:
            return needs[id(node)]
        kids = list(node.children.values()) + node.next_list
        if len(node.next_list) > NEXT_LIST or node.betas > BETA_LIST or len(node.children) > HASH_SET:
            raise _Limit(f"the test {path or 'of a fact'} is followed by more tests or rules than durable_rules 2.0.28 can link to one test")
        at_once = _at_once(node)
        if at_once > widest[0]:
            widest[:] = [at_once, path]
        deepest = max((need(kid, _longer(path, kid)) for kid in kids), default=0)
        needs[id(node)] = max(at_once, at_once - 1 + deepest) if kids else 0
        return needs[id(node)]

    try:
        peak = need(root, "")
    except _Limit as limit:
        return str(limit)
    if peak <= STACK:
        return None
    return (
        f"up to {peak} of its tests can hold at once for one fact ({widest[0]} of them on the facts with "
        f"{widest[1] or 'any value'}), more than the {STACK} durable_rules 2.0.28 follows at once: it would crash"
    )


def _longer(path: str, node: _Node) -> str:
    if node.key[0] == "forward":
        return path
    return f"{path}, {node.label}" if path else node.label


class _Limit(Exception):
    pass

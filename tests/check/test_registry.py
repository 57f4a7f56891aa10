"""The registry of `advisor check` (advisor/check/registry.py): each code declared once, every code
the code can report declared, each check reporting only its own codes, problems that carry their
code and id from where they are made, and no import cycle inside advisor/check/."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

import advisor
from advisor.check.lint import Lint, checked
from advisor.check.registry import CHECKS, CODES, STAGES, declare
from advisor.check.run import codes
from advisor.errors import AdvisorError, Problem
from advisor.i18n import LANGS
from advisor.knowledge.load import load_knowledge
from advisor.reasoning.pipeline import advisor_for

PACKAGE = Path(advisor.__file__).resolve().parent


def _named_codes() -> dict[str, set[str]]:
    """Every problem code the package names where it makes a problem, by module: ``code="..."``
    given to Problem, .problem() or validate() (a text, a module constant, or a function of the
    module that returns codes), ``lint.add("...", ...)``, and ``code = "..."`` in advisor/check/,
    read with Python's own parser."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets if isinstance(target, ast.Name)
        }
        functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
        names: set[str] = set()

        def value_codes(value: ast.expr) -> set[str]:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return {value.value}
            if isinstance(value, ast.Name) and value.id in constants:
                return {constants[value.id]}
            if isinstance(value, ast.Name) and value.id in functions:
                return {
                    node.value.value for node in ast.walk(functions[value.id])
                    if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant)
                }
            return set()

        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                for keyword in node.keywords:
                    if keyword.arg == "code" and called in ("Problem", "problem", "validate", "problems_from"):
                        names |= value_codes(keyword.value)
                if isinstance(func, ast.Attribute) and func.attr == "add" and isinstance(func.value, ast.Name) \
                        and func.value.id == "lint" and node.args:
                    names |= value_codes(node.args[0])
            elif isinstance(node, ast.Assign) and path.parent.name in ("check", "checks"):
                for target in node.targets:
                    pairs = zip(target.elts, node.value.elts) if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple) \
                        else [(target, node.value)]
                    for name, value in pairs:
                        if isinstance(name, ast.Name) and name.id == "code":
                            names |= value_codes(value)
        if names:
            found[str(path.relative_to(PACKAGE))] = names
    return found


def test_every_code_the_package_can_report_is_declared():
    named = _named_codes()
    everything = set().union(*named.values())
    assert len(everything) == len(CODES)  # the scan sees them all: each is made somewhere
    undeclared = {module: sorted(found - set(CODES)) for module, found in named.items() if found - set(CODES)}
    assert undeclared == {}
    assert {"files/read.py", "knowledge/load.py", "measure/thresholds.py", "check/coverage.py"} <= set(named)


def test_each_code_is_declared_once_with_its_words_in_every_language():
    listed = codes()
    assert len(listed) == len(CODES) and [entry["stage"] for entry in listed] == sorted(
        (entry["stage"] for entry in listed), key=STAGES.index
    )
    reported = [code.code for check in CHECKS for code in check.codes]
    loader = [code.code for code in CODES.values() if code.stage == "load"]
    assert sorted(reported + loader) == sorted(CODES)  # each by one check, or by the loader
    for code in CODES.values():
        for lang in LANGS:
            doc = code.doc(lang)
            assert doc.strip() and "\n" not in doc and doc.endswith("."), (code.code, lang)
    with pytest.raises(ValueError, match="reported by two checks"):
        declare("never-fires")(lambda lint: None)
    with pytest.raises(ValueError, match="of different stages"):
        declare("untranslated", "empty-advice")(lambda lint: None)


def test_a_check_reports_only_the_codes_it_declares(knowledge):
    lint = Lint(advisor_for(knowledge))
    lint.running = next(check for check in CHECKS if check.name == "uncited")
    finding = next(iter(knowledge.findings))
    lint.add("uncited-finding", "finding", finding, (), "cited by no rule")
    assert [(p.code, p.severity, p.id) for p in lint.problems] == [("uncited-finding", "warning", finding)]
    with pytest.raises(ValueError, match="does not declare"):
        lint.add("never-fires", "finding", finding, (), "not this check's")
    with pytest.raises(ValueError, match="not in the registry"):
        checked(Problem(source="rules", message="made up", code="made-up"))


def test_the_loader_gives_its_problems_a_code_and_the_id_they_are_about(knowledge_copy):
    alignment = knowledge_copy / "rules" / "alignment.yaml"
    text = alignment.read_text(encoding="utf-8")
    alignment.write_text(
        text.replace("      recommend: broaden-active-use", "      recomend: broaden-active-use")
        .replace("    findings: [alignment-through-dialogue, alignment-active-breadth]",
                 "    findings: [alignment-through-dialog, alignment-active-breadth]"),
        encoding="utf-8",
    )
    with pytest.raises(AdvisorError) as caught:
        load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    about = {(problem.code, problem.id) for problem in caught.value.problems}
    assert ("schema", "alignment-broaden-active-use") in about
    # with the schema right, the cross-check runs
    alignment.write_text(text.replace("[alignment-through-dialogue,", "[alignment-through-dialog,", 1), encoding="utf-8")
    with pytest.raises(AdvisorError) as caught:
        load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    [problem] = caught.value.problems
    assert (problem.code, problem.id, problem.field) == ("dangling-id", "alignment-strategy-dialogue", "rules[2].findings[0]")


def test_no_import_cycle_inside_the_check_package():
    graph = grimp.build_graph("advisor")  # type-checking imports included
    modules = {module for module in graph.modules if module.startswith("advisor.check")}
    edges = {module: {m for m in graph.find_modules_directly_imported_by(module) if m in modules} for module in modules}
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(edges[module]):
            assert state.get(imported) != 1, " -> ".join(path + [module, imported])
            if imported not in state:
                visit(imported, path + [module])
        state[module] = 2

    for module in sorted(modules):
        if module not in state:
            visit(module, [])
    assert "advisor.check.run" in modules and edges["advisor.check.lint"] == {"advisor.check.registry"}

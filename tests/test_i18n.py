"""The message catalogs (advisor/i18n/locale/*.po): every message in every language, with the
same placeholders and real plural forms; every message the code asks for exists; and a new
language is a new catalog, with no change to the code."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import advisor
from advisor.i18n import LANGS, LOCALE_DIR, SOURCE_LANG, number, t, tn

PACKAGE = Path(advisor.__file__).resolve().parent
PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")
PREFIXED = {"batch": "batch.", "measure": "measure."}  # w(lang, KEY) of advisor/batch/words.py, advisor/measure/words.py


def read(lang: str):
    with open(LOCALE_DIR / f"{lang}.po", "rb") as handle:
        return read_po(handle, locale=lang)


def entries(lang: str) -> dict[str, tuple[str, ...]]:
    found = {}
    for message in read(lang):
        if message.id:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            found[key] = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)
    return found


def test_english_and_dutch_are_the_languages():
    assert LANGS[0] == SOURCE_LANG == "en" and "nl" in LANGS


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != SOURCE_LANG])
def test_every_message_exists_in_every_language_with_the_same_placeholders(lang):
    source, translated = entries(SOURCE_LANG), entries(lang)
    assert sorted(set(source) ^ set(translated)) == []
    for key, texts in translated.items():
        assert all(text.strip() for text in texts), f"{lang}: {key} is empty"
        wanted = {name for text in source[key] for name in PLACEHOLDER.findall(text)}
        for text in texts:
            assert set(PLACEHOLDER.findall(text)) <= wanted, (lang, key, text)
        assert (len(texts) > 1) == (len(source[key]) > 1), f"{lang}: {key} is plural in one language only"


@pytest.mark.parametrize("lang", LANGS)
def test_plural_messages_have_as_many_forms_as_the_language_has(lang):
    catalog = read(lang)
    assert not any(message.fuzzy for message in catalog if message.id)
    for message in catalog:
        if isinstance(message.id, tuple):
            assert len(message.string) == catalog.num_plurals, message.id


def test_plural_forms_follow_the_count():
    assert tn("en", "workshop.status_waiting", 1, missing=1).startswith("1 more response ")
    assert tn("en", "workshop.status_waiting", 2, missing=2).startswith("2 more responses ")
    assert tn("nl", "workshop.status_waiting", 1, missing=1).startswith("Nog 1 inzending ")
    assert tn("nl", "workshop.status_waiting", 0, missing=0).startswith("Nog 0 inzendingen ")


def test_numbers_are_written_the_languages_way():
    assert (number("en", 12.5), number("en", 80287), number("en", 8)) == ("12.5", "80,287", "8")
    assert (number("nl", 12.5), number("nl", 80287), number("nl", 8)) == ("12,5", "80.287", "8")
    assert number("nl", 33.3333) == "33,33"


def _words_module(tree: ast.Module, path: Path) -> str:
    """The key prefix of w(): the words module this file imports it from (batch or measure)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(alias.name == "w" for alias in node.names):
            module = (node.module or "").split(".")
            area = module[-2] if module[-1] == "words" and len(module) > 1 else path.parent.name
            return PREFIXED.get(area, "")
    return ""


def _keys(node: ast.expr) -> tuple[set[str], set[str]]:
    """The keys an argument names: (whole keys, prefixes of computed ones)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}, set()
    if isinstance(node, ast.IfExp):
        a, b = _keys(node.body), _keys(node.orelse)
        return a[0] | b[0], a[1] | b[1]
    if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
        return set(), {node.left.value}
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return set(), {str(node.values[0].value)}
    return set(), set()


def _calls() -> tuple[set[str], set[str]]:
    """Every message key the code names in t(lang, KEY), tn(lang, KEY, n) and the batch and
    measure words w(lang, KEY), read from the code with Python's own parser (Babel's extractor
    would join the two literals of `t(lang, "a" if x else "b")` into one)."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        words = _words_module(tree, path)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "tn", "w")):
                continue
            if len(node.args) < 2:
                continue
            prefix = words if node.func.id == "w" else ""
            found, starts = _keys(node.args[1])
            keys |= {prefix + key for key in found}
            prefixes |= {prefix + start for start in starts}
    return keys | _template_keys(), prefixes


def _template_keys() -> set[str]:
    """The keys the web templates name in t("web.key") and tn("web.key", n), read by Jinja's own
    parser (the templates' `t` speaks the page's language, so the key is its first argument)."""
    jinja2 = pytest.importorskip("jinja2")
    from jinja2.ext import extract_from_ast

    environment = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    keys: set[str] = set()
    for path in (PACKAGE / "web" / "templates").glob("*.html"):
        tree = environment.parse(path.read_text(encoding="utf-8"))
        for _, _, found in extract_from_ast(tree, gettext_functions=("t", "tn")):
            first = found[0] if isinstance(found, tuple) else found
            if isinstance(first, str):
                keys.add(first)
    return keys


def test_every_message_the_code_names_is_in_the_catalogs():
    known = set(entries(SOURCE_LANG))
    named, _ = _calls()
    assert len(named) > 200
    assert sorted(named - known) == []


def test_every_message_in_the_catalogs_is_used():
    """A key is used where the code names it, or builds it from a prefix ("status." + status),
    or keeps it in a table of keys it looks up (a string literal of the code)."""
    named, prefixes = _calls()
    literals = {node.value for path in PACKAGE.rglob("*.py") for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    unused = [
        key for key in entries(SOURCE_LANG)
        if key not in named
        and key not in literals
        and key.split(".", 1)[-1] not in literals  # a key of the batch or measure words, by its own name
        and not any(key.startswith(prefix) for prefix in prefixes)
    ]
    assert unused == []


def test_a_new_language_is_a_new_catalog(tmp_path):
    """Copy the package, add de.po (here: the English texts), and the advisor speaks 'de' with no
    code changed; the knowledge, which has no German texts, is refused until it has them."""
    from advisor.files.places import default_paths

    copy = tmp_path / "advisor"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    findings, rules = default_paths()  # the knowledge ships inside the copy, as in an installed package
    shipped = copy / "knowledge" / "shipped"
    if not (shipped / "findings.yaml").exists():
        shipped.mkdir(parents=True, exist_ok=True)
        shutil.copy(findings, shipped / "findings.yaml")
        shutil.copytree(rules, shipped / "rules")
    shutil.copy(copy / "i18n" / "locale" / "en.po", copy / "i18n" / "locale" / "de.po")
    code = (
        "import advisor.i18n as i18n\n"
        "print(i18n.LANGS)\n"
        "print(i18n.t('de', 'strategy'))\n"
        "from advisor.errors import AdvisorError\n"
        "from advisor.knowledge.load import load_knowledge\n"
        "try:\n"
        "    load_knowledge()\n"
        "except AdvisorError as error:\n"
        "    print(sum(1 for p in error.problems if (p.field or '').endswith('.de')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(tmp_path), "PATH": ""})
    assert result.returncode == 0, result.stderr
    langs, strategy, missing = result.stdout.splitlines()
    assert "'de'" in langs and strategy == t("en", "strategy")
    assert int(missing) > 20  # every text of the findings asks for its German translation


def test_a_day_is_written_day_first_in_both_languages():
    # Babel's long English format is American ("May 4, 2026"); the reports write the day first
    import datetime

    from advisor.render.summary import date_text

    day = datetime.date(2026, 5, 4)
    assert date_text("en", day) == "4 May 2026"
    assert date_text("nl", day) == "4 mei 2026"


@pytest.mark.parametrize("lang, partner", [("en", "University of Amsterdam"), ("nl", "Universiteit van Amsterdam")])
def test_the_study_is_cited_by_its_name_in_the_report_language(cli, tmp_path, lang, partner):
    import json

    from samples import EXAMPLE_ANSWERS

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(EXAMPLE_ANSWERS), encoding="utf-8")
    for output in ("markdown", "html"):
        report = cli("advise", str(answers), "--lang", lang, "--format", output).out
        assert f"Evolve {'with the' if lang == 'en' else 'met de'} {partner}" in " ".join(report.split())

"""The vocabulary is data (rules/catalog/vocabulary.yaml): the answers format, the schema's types,
the levers' labels and the workshop's share bands are built from it; a new purpose or a renamed
parameter is a data change that the loader and `advisor check` verify; a copy of the rules whose
vocabulary differs from the installed one is refused."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml

from advisor import vocabulary
from advisor.check.checks import vocabulary as checks
from advisor.check.lint import Lint
from advisor.errors import AdvisorError
from advisor.knowledge.load import load_knowledge
from advisor.schema import Answers, Purposes, Usage
from advisor.vocabulary import installed_path, read_vocabulary

VOCABULARY = Path("rules") / "catalog" / "vocabulary.yaml"


def test_the_answers_format_is_built_from_the_vocabulary():
    data = yaml.safe_load(installed_path().read_text(encoding="utf-8"))["vocabulary"]
    assert list(Usage.model_fields) == [term["answer"] for term in data["usage"]]
    assert list(Purposes.model_fields) == [term["purpose"] for term in data["purposes"]]
    assert vocabulary.GOALS == tuple(data["goals"])
    assert vocabulary.LEVERS == tuple(t["dimension"] for t in data["usage"]) + tuple(t["purpose"] for t in data["purposes"])
    assert vocabulary.FREQUENCIES == tuple(level["value"] for level in data["frequencies"])
    assert vocabulary.PURPOSE_LEVELS == tuple(level["value"] for level in data["purpose_levels"])
    assert vocabulary.SHARE_BANDS == {f"usage.{t['answer']}": tuple(t["bands"]) for t in data["usage"] if t["kind"] == "share"}
    assert vocabulary.LEVER_ANSWERS["active_breadth"] == "usage.active_share"
    assert vocabulary.answer_choices("usage.active_frequency") == ("daily", "weekly", "monthly", "less")
    assert vocabulary.answer_choices("usage.active_share") is None


def test_the_workshop_counts_shares_in_the_questionnaires_bands_which_keep_to_the_vocabularys_marks(knowledge):
    from advisor.workshop.aggregate import question_bands

    bands = question_bands(knowledge)
    for key, (low, high) in vocabulary.SHARE_BANDS.items():
        marks = (knowledge.param(low), knowledge.param(high))
        assert bands[key] == tuple(tuple(c.band) for q in knowledge.questions if q.key == key for c in q.choices)
        assert not [band for band in bands[key] for mark in marks if band[0] < mark < band[1]]


def test_labels_come_from_the_vocabulary_in_every_language():
    assert vocabulary.lever_label("nl", "ideas") == "ideeën delen en uitwerken"
    assert vocabulary.answer_label("en", "usage.passive_share") == "share of employees reading"
    assert vocabulary.level_label("nl", "often") == "vaak"
    assert vocabulary.level_label("nl", "unknown") == "weet ik niet"
    assert vocabulary.lever_label("de", "ideas") == "sharing and developing ideas"  # a language without labels: English


def test_usage_may_be_left_out():
    assert Answers.model_validate({"goals": ["engagement"]}).usage == Usage()


def test_the_knowledge_carries_its_vocabulary_and_exports_it(cli, knowledge):
    assert [term.answer for term in knowledge.vocabulary.usage] == list(Usage.model_fields)
    exported = json.loads(cli("export", "--format", "json").out)
    assert exported["vocabulary"]["goals"] == list(vocabulary.GOALS)


def test_a_broken_vocabulary_file_is_a_clear_error_with_its_position(tmp_path):
    path = tmp_path / "vocabulary.yaml"
    text = installed_path().read_text(encoding="utf-8").replace("      kind: frequency\n", "      kind: often\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AdvisorError) as caught:
        read_vocabulary(path)
    line = text.splitlines().index("      kind: often") + 1
    assert f"vocabulary.yaml:{line}:" in caught.value.render() and "vocabulary.usage[1].kind" in caught.value.render()


# --------------------------------------------------------------------------------------------
# A copy of the rules passed with --rules


def edit(copy: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = copy / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


NEW_PURPOSE = (
    "    - purpose: onboarding\n"
    '      label: {en: "welcoming new colleagues", nl: "nieuwe collega\'s verwelkomen"}\n'
    '      answer_label: {en: "use for welcoming new colleagues", nl: "gebruik om nieuwe collega\'s te verwelkomen"}\n'
)
NEW_QUESTION = """
  - key: purposes.onboarding
    kind: choice
    prompt: {en: "How often is it used to welcome new colleagues?", nl: "Hoe vaak wordt het gebruikt om nieuwe collega's te verwelkomen?"}
    help: {en: "A purpose the study did not measure.", nl: "Een toepassing die het onderzoek niet heeft gemeten."}
    choices:
      - {value: never, label: {en: "Never", nl: "Nooit"}}
      - {value: sometimes, label: {en: "Sometimes", nl: "Soms"}}
      - {value: often, label: {en: "Often", nl: "Vaak"}}
"""


def test_a_copy_whose_vocabulary_differs_from_the_installed_one_is_refused(cli, knowledge_copy, write_yaml):
    edit(knowledge_copy, str(VOCABULARY), "  # The values of a frequency answer", NEW_PURPOSE + "\n  # The values of a frequency answer")
    answers = write_yaml({"goals": ["engagement"], "purposes": {"onboarding": "often"}})
    result = cli("advise", "--answers", str(answers), "--rules", str(knowledge_copy / "rules"))
    assert result.code == 2 and result.out == ""
    assert "vocabulary.yaml" in result.err
    assert "the vocabulary differs from the installed advisor's: answers: not installed: purposes.onboarding" in result.err
    assert "pip install -e" in result.err  # how to change it where it counts


def test_a_copy_with_other_labels_is_refused_too(knowledge_copy):
    edit(knowledge_copy, str(VOCABULARY), 'nl: "vaak"', 'nl: "dikwijls"')
    with pytest.raises(AdvisorError) as caught:
        load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    assert "labels: the names in some language differ" in caught.value.render()


def test_a_copy_without_a_vocabulary_uses_the_installed_one(knowledge_copy):
    (knowledge_copy / VOCABULARY).unlink()
    assert load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules").vocabulary == installed_model()


def installed_model():
    from advisor.knowledge.load import shipped_knowledge

    return shipped_knowledge().vocabulary


def test_renaming_a_parameter_but_not_the_vocabulary_is_caught_where_the_vocabulary_names_it(knowledge_copy):
    for path in [knowledge_copy / "rules" / "catalog" / "parameters.yaml", *(knowledge_copy / "rules").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("active_share_low", "active_share_floor"), encoding="utf-8")
    with pytest.raises(AdvisorError) as caught:
        load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    message = caught.value.render()
    assert "vocabulary.yaml:" in message and "vocabulary.usage[0].bands[0]: unknown parameter 'active_share_low'" in message


# --------------------------------------------------------------------------------------------
# The installed vocabulary changed (an editable install): a data change, verified


def run_installed(knowledge_dir: Path, code: str) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter whose installed knowledge is knowledge_dir."""
    prelude = (
        "from pathlib import Path\n"
        "import advisor.files.places as places\n"
        f"places.default_paths = lambda: (Path({str(knowledge_dir / 'findings.yaml')!r}), Path({str(knowledge_dir / 'rules')!r}))\n"
    )
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=300)


def test_a_new_purpose_is_a_data_change(knowledge_copy):
    edit(knowledge_copy, str(VOCABULARY), "  # The values of a frequency answer", NEW_PURPOSE + "\n  # The values of a frequency answer")
    code = (
        "from advisor.errors import AdvisorError\n"
        "from advisor.knowledge.load import shipped_knowledge\n"
        "try:\n"
        "    shipped_knowledge()\n"
        "except AdvisorError as error:\n"
        "    print('refused:', error.render())\n"
    )
    refused = run_installed(knowledge_copy, code)
    assert refused.returncode == 0, refused.stderr
    assert "refused:" in refused.stdout and "no question for 'purposes.onboarding'" in refused.stdout

    edit(knowledge_copy, "rules/catalog/questions.yaml", "\n  - key: organisation.name", NEW_QUESTION + "\n  - key: organisation.name")
    code = (
        "from advisor.answers.read import parse_answers\n"
        "from advisor.check.run import check\n"
        "from advisor.schema import Purposes\n"
        "print(list(Purposes.model_fields))\n"
        "print(parse_answers({'goals': ['efficiency'], 'purposes': {'onboarding': 'Vaak'}}, lang='nl').purposes.onboarding)\n"
        "report = check(grid=False, engine='python')\n"
        "print(report.valid, sorted({(p.code, p.id) for p in report.problems}))\n"
    )
    accepted = run_installed(knowledge_copy, code)
    assert accepted.returncode == 0, accepted.stderr
    fields, level, report = accepted.stdout.splitlines()
    assert fields.endswith("'read_only', 'onboarding']") and level == "often"
    assert report.startswith("True")  # it loads; the checks below say what is missing
    found = checks_on(knowledge_copy)
    assert ("unused-lever", ("purposes", 5)) in found


def checks_on(knowledge_dir: Path) -> set:
    """The vocabulary checks run on a knowledge base whose installed vocabulary it is."""
    code = (
        "import types\n"
        "from advisor.check.lint import Lint\n"
        "from advisor.check.registry import CHECKS\n"
        "import advisor.check.checks.vocabulary as module\n"
        "from advisor.knowledge.load import shipped_knowledge\n"
        "lint = Lint(types.SimpleNamespace(knowledge=shipped_knowledge()))\n"
        "for check in CHECKS:\n"
        "    if check.run.__module__ == module.__name__:\n"
        "        lint.running = check\n"
        "        check.run(lint)\n"
        "for p in lint.problems: print(p.code, p.field)\n"
    )
    result = run_installed(knowledge_dir, code)
    assert result.returncode == 0, result.stderr
    found = set()
    for line in result.stdout.splitlines():
        code, field = line.split(" ", 1)
        parts = field.split(".")  # vocabulary.purposes[5]
        section, index = parts[1].split("[")
        found.add((code, (section, int(index.rstrip("]")))))
    return found


# --------------------------------------------------------------------------------------------
# The checks of advisor/check/vocabulary.py, each with its own broken knowledge


def lint_of(knowledge) -> Lint:
    return Lint(types.SimpleNamespace(knowledge=knowledge))  # the vocabulary checks run no rules


def with_parameter(knowledge, name, value):
    parameters = dict(knowledge.parameters)
    parameters[name] = parameters[name].model_copy(update={"value": value})
    return dataclasses.replace(knowledge, parameters=parameters)


def with_choice_label(knowledge, key, value, text):
    questions = []
    for question in knowledge.questions:
        if question.key == key:
            choices = [
                c.model_copy(update={"label": c.label.model_copy(update={"en": text})}) if c.value == value else c
                for c in question.choices
            ]
            question = question.model_copy(update={"choices": choices})
        questions.append(question)
    return dataclasses.replace(knowledge, questions=questions)


def with_vocabulary(knowledge, **update):
    return dataclasses.replace(knowledge, vocabulary=knowledge.vocabulary.model_copy(update=update))


def renamed_purpose_label(knowledge):
    purposes = list(knowledge.vocabulary.purposes)
    purposes[1] = purposes[1].model_copy(update={"label": purposes[0].label})
    return with_vocabulary(knowledge, purposes=purposes)


def unnamed_lever(knowledge):
    purposes = list(knowledge.vocabulary.purposes)
    purposes.append(purposes[0].model_copy(update={"purpose": "onboarding", "label": purposes[0].label.model_copy(update={"en": "x", "nl": "x"})}))
    return with_vocabulary(knowledge, purposes=purposes)


CASES = {
    "vocabulary-bands": (checks.share_bands, lambda k: with_parameter(k, "active_share_high", 5), "not in order"),
    "vocabulary-bands-straddled": (checks.share_bands, lambda k: with_parameter(k, "active_share_low", 12), "straddles a mark"),
    "ambiguous-spelling": (checks.spellings, lambda k: with_choice_label(k, "usage.active_frequency", "monthly", "Weekly"), "'Weekly' stands for both 'weekly' and 'monthly'"),
    "duplicate-label": (checks.labels, renamed_purpose_label, "'expertise' and 'ideas' have the same label in en"),
    "unused-lever": (checks.levers_named, unnamed_lever, "names 'onboarding'"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_vocabulary_check_finds_its_own_mistake(knowledge, case):
    check, breaking, words = CASES[case]
    clean = lint_of(knowledge)
    check(clean)
    assert clean.problems == []  # the shipped knowledge passes it
    broken = lint_of(breaking(knowledge))
    check(broken)
    assert {p.code for p in broken.problems} == {case.removesuffix("-straddled")}, broken.problems
    assert any(words in p.message for p in broken.problems), broken.problems
    assert all(p.id == "vocabulary" and p.source.endswith("vocabulary.yaml") for p in broken.problems)

"""A knowledge base: the findings and the rule set, loaded, merged and cross-checked (cross_check.py).

``load_knowledge`` is the one loader for findings.yaml and rules/. It reports every problem it
finds (schema errors and dangling references alike) with the file, line, field and a hint, and
gives each its code and the id of the item it is about (`advisor check --list` names the codes);
its own messages are in the language asked for.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any, Callable

from ..errors import AdvisorError, Problem
from ..files.read import UNREADABLE, Document, Loc, load_document, read_bytes, validate
from ..i18n import LANGS, SOURCE_LANG, t
from ..schema import FindingsFile, RuleFile, Vocabulary
from ..files.places import default_paths
from .cache import cache_folder, cached_documents, entry_key, keep_documents
from .cross_check import cross_check
from .model import Knowledge, Origin
from ..vocabulary import RELATIVE_PATH, installed, read_vocabulary

# the knowledge model and its cross-check are in their own modules; callers load and name them here
__all__ = ["Knowledge", "Origin", "cross_check", "default_paths", "load_knowledge", "shipped_knowledge"]

_KEY_FIELD = {"parameters": "name", "goals": "goal", "questions": "key", "wording": "lang"}  # the others have an `id`
VOCABULARY_DIFFERS = "vocabulary-differs"  # a rule set whose vocabulary is not the installed advisor's
_SECTIONS = tuple(name for name in RuleFile.model_fields if name != "vocabulary")  # the lists of items


_shipped_lock = threading.Lock()
_shipped: Knowledge | None = None


def shipped_knowledge() -> Knowledge:
    """The knowledge base that ships with the advisor, loaded once per process."""
    global _shipped
    with _shipped_lock:
        if _shipped is None:
            _shipped = load_knowledge()
        return _shipped


def load_knowledge(
    findings: str | Path | None = None, rules: str | Path | None = None, *, lang: str = SOURCE_LANG
) -> Knowledge:
    """Load findings.yaml and a rules directory (the shipped ones by default) and check them.
    The loader's own messages are in ``lang`` (those of the YAML reader and the schema are not)."""
    default_findings, default_rules = default_paths()
    findings_path = Path(findings) if findings else default_findings
    rules_path = Path(rules) if rules else default_rules
    problems: list[Problem] = []
    cached, keep = _cached_documents(findings_path, rules_path)

    def document_of(path: Path) -> Document:
        return cached[str(path)] if cached is not None else load_document(path)

    findings_doc = document_of(findings_path)
    findings_file = validate(FindingsFile, findings_doc, code=_schema_code, item_id=_item_id(findings_doc))
    origins: dict[tuple[str, str], Origin] = {}
    _register_findings(findings_file, findings_doc, origins, problems, lang)
    files = _rule_files(rules_path, lang)
    # read_bytes, not Path.read_bytes: a FIFO, /dev/zero or a huge file is refused before reading
    digest = hashlib.sha256(read_bytes(findings_path)[0])
    documents = [findings_doc]
    merged, vocabularies = _read_rule_files(files, document_of, digest, documents, origins, problems, lang)
    if problems:
        raise AdvisorError(problems)
    vocabulary, vocabulary_doc = _check_vocabulary(vocabularies, rules_path, lang)
    origins[("vocabulary", "vocabulary")] = Origin(vocabulary_doc, ("vocabulary",), "vocabulary")

    knowledge = Knowledge(
        version=f"{findings_file.knowledge_version}+{digest.hexdigest()[:12]}",
        findings_file=findings_file,
        rules=merged["rules"],
        recommendations={r.id: r for r in merged["recommendations"]},
        notices={n.id: n for n in merged["notices"]},
        parameters={p.name: p for p in merged["parameters"]},
        goal_profiles={g.goal: g for g in merged["goals"]},
        questions=merged["questions"],
        vocabulary=vocabulary,
        wording={w.lang: w for w in merged["wording"]},
        origins=origins,
        paths=(str(findings_path), str(rules_path)),
    )
    problems.extend(cross_check(knowledge, lang))
    if problems:
        raise AdvisorError(problems)
    if keep is not None:
        keep_documents(keep, documents)
    return knowledge


def _register_findings(
    findings_file: FindingsFile, document: Document, origins: dict, problems: list, lang: str
) -> None:
    """Note where each finding and statement is defined; an id used twice is a problem."""
    for index, item in enumerate(findings_file.findings):
        _register(origins, problems, "finding", item.id, Origin(document, ("findings", index), item.id), lang)
    for index, item in enumerate(findings_file.statements):
        _register(origins, problems, "finding", item.id, Origin(document, ("statements", index), item.id), lang)


def _rule_files(rules_path: Path, lang: str) -> list[Path]:
    """The YAML files of a rules directory and its folders (catalog/); none, or no directory, is refused."""
    if not rules_path.is_dir():
        raise AdvisorError(
            Problem(source=str(rules_path), message=t(lang, "check.unreadable.not_directory"), code=UNREADABLE)
        )
    files = sorted(rules_path.glob("*.yaml")) + sorted(rules_path.glob("*/*.yaml"))
    if not files:
        raise AdvisorError(Problem(source=str(rules_path), message=t(lang, "check.unreadable.no_files"), code=UNREADABLE))
    return files


def _read_rule_files(
    files: list[Path], document_of: Callable[[Path], Document], digest: Any, documents: list[Document],
    origins: dict, problems: list, lang: str,
) -> tuple[dict[str, list], list[tuple[Path, Document, Vocabulary]]]:
    """Validate each rule file and merge its sections, noting where each item is defined, adding
    each file to the digest and the documents read; the vocabularies found, with their files."""
    merged: dict[str, list] = {section: [] for section in _SECTIONS}
    vocabularies: list[tuple[Path, Document, Vocabulary]] = []
    for path in files:
        digest.update(path.name.encode() + b"\0" + read_bytes(path)[0])
        document = document_of(path)
        documents.append(document)
        try:
            rule_file = validate(RuleFile, document, code=_schema_code, item_id=_item_id(document))
        except AdvisorError as error:
            problems.extend(error.problems)
            continue
        for section in _SECTIONS:
            for index, item in enumerate(getattr(rule_file, section)):
                key = getattr(item, _KEY_FIELD.get(section, "id"))
                _register(origins, problems, section, key, Origin(document, (section, index), key), lang)
                merged[section].append(item)
        if rule_file.vocabulary is not None:
            vocabularies.append((path, document, rule_file.vocabulary))
    return merged, vocabularies


def _schema_code(kind: str, loc: Loc) -> str:
    """The code of a schema problem, from pydantic's error type and the field it is about."""
    if kind == "missing" and loc and loc[-1] in LANGS:  # a text without one of its languages
        return "missing-translation"
    if kind == "no_examples" or (kind == "too_short" and loc[-1:] == ("examples",)):  # Rule
        return "no-examples"
    return "schema"


def _item_id(document: Document) -> Callable[[Loc], str | None]:
    """The id (or name, goal, key) of the item a field is in, from the document's data: the rule
    of ``rules[3].then``, the finding of ``findings[0].quote``."""

    def item_id(loc: Loc) -> str | None:
        data = document.data
        if len(loc) < 2 or not isinstance(loc[1], int) or not isinstance(data, dict):
            return None
        items = data.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and 0 <= loc[1] < len(items) else None
        key = item.get(_KEY_FIELD.get(loc[0], "id")) if isinstance(item, dict) else None
        return key if isinstance(key, str) else None

    return item_id


def _check_vocabulary(
    found: list[tuple[Path, Document, Vocabulary]], rules_path: Path, lang: str
) -> tuple[Vocabulary, Document]:
    """The vocabulary of the rules: theirs (catalog/vocabulary.yaml), or the installed one for a
    rule set without one. The answers format is built from the installed vocabulary, so a rule set
    whose vocabulary differs from it would read answers it cannot mean: refused."""
    if len(found) > 1:
        first = found[0][1]
        raise AdvisorError(
            [
                document.problem(
                    ("vocabulary",),
                    t(lang, "check.vocabulary-differs.second"),
                    t(lang, "check.vocabulary-differs.second.hint", first=first.source),
                    code=VOCABULARY_DIFFERS,
                    id="vocabulary",
                )
                for _, document, _ in found[1:]
            ]
        )
    if not found:
        path = rules_path / RELATIVE_PATH
        if path.exists():  # there, but without a vocabulary section: say so rather than use another
            raise AdvisorError(
                Problem(
                    source=str(path), field="vocabulary", message=t(lang, "check.schema.vocabulary_missing"),
                    hint=t(lang, "check.schema.vocabulary_missing.hint"), code="schema",
                )
            )
        document = load_document(default_paths()[1] / RELATIVE_PATH)
        return validate(RuleFile, document).vocabulary, document  # type: ignore[return-value]
    path, document, model = found[0]
    differences = installed().differences(read_vocabulary(path))
    if differences:
        raise AdvisorError(
            document.problem(
                ("vocabulary",),
                t(lang, "check.vocabulary-differs", differences="; ".join(differences)),
                t(lang, "check.vocabulary-differs.hint"),
                code=VOCABULARY_DIFFERS,
                id="vocabulary",
            )
        )
    return model, document


def _cached_documents(findings_path: Path, rules_path: Path) -> tuple[dict[str, Document] | None, str | None]:
    """The parsed files from the cache (knowledge/cache.py), and the key to keep them under when
    they are not there; (None, None) when the files cannot all be read (the loader then says why)."""
    try:
        if cache_folder() is None or not rules_path.is_dir():
            return None, None
        paths = [findings_path] + sorted(rules_path.glob("*.yaml")) + sorted(rules_path.glob("*/*.yaml"))
        key = entry_key(paths, [read_bytes(path)[0] for path in paths])
    except (AdvisorError, OSError):
        return None, None
    found = cached_documents(key, paths)
    return (found, None) if found is not None else (None, key)


def _register(origins: dict, problems: list, section: str, key: str, origin: Origin, lang: str) -> None:
    """Note where an item is defined; an id already defined in its id space is a problem."""
    # findings and statements share one id space; so do the sections of the rule files
    space = "finding" if section == "finding" else section
    if (space, key) in origins:
        first = origins[(space, key)]
        line, _ = first.document.position(first.loc)
        problems.append(
            origin.problem(
                (),
                t(lang, "check.duplicate-id", id=repr(key)),
                t(lang, "check.duplicate-id.hint", where=f"{first.document.source}:{line}"),
                code="duplicate-id",
            )
        )
        return
    origins[(space, key)] = origin

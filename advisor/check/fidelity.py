"""`advisor check`: the knowledge says what the source says, and no more.

Each check is one function with its own problem code; each reports the file, line and field of
the text at fault, and a hint. They read the source text that ships in findings.yaml
(`source.text`), so a domain expert editing a copy of the knowledge gets the same verdict as the
test suite.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..schema import Text

if TYPE_CHECKING:  # the linter's own state; imported for types only (lint.py imports this module)
    from ..knowledge.load import Knowledge
    from .lint import Lint

# Causal or promising wording: the study reports correlations across organisations and its authors
# "may not speak of causality". A text may still use one of these words where it denies or quotes a
# claim: it then lists the word under `allow:` with the reason.
CAUSAL_WORDING = {
    "en": (
        r"\b(lead|leads|leading|led) to\b",
        r"\bresult(s|ed)? in\b",
        r"\bincreas(e|es|ed|ing)\b",
        r"\brais(e|es|ed|ing)\b",
        r"\bimprov(e|es|ed|ing)\b",
        r"\bboost(s|ed|ing)?\b",
        r"\bwill\b",
        r"\bensur(e|es|ed|ing)\b",
        r"\bguarantee(s|d)?\b",
    ),
    "nl": (
        r"\bzorg(t|en|de|den)? voor\b",
        r"\b(leid(t|en|de|den)?|geleid) tot\b",
        r"\bresulte(er|ert|ren|erde|erden) in\b",
        r"\bverhoog(t|en|de|den)?\b",
        r"\bverbeter(t|en|de|den)?\b",
        r"\bgarande(er|ert|ren|erde|erden)\b",
        r"\b(zal|zullen)\b",
    ),
}

# How each outcome and purpose is named in either language: a text's English and Dutch must name
# the same ones.
NAMES = {
    "alignment": (r"\balignment\b", r"\balignment\b"),
    "engagement": (r"\bengage(ment|d)\b", r"\bbetrokken(heid)?\b"),
    "efficiency": (r"\befficien(t|cy)\b", r"\befficiënt(e|er|ere|ie)?\b"),
    "effectiveness": (r"\beffective(ness)?\b", r"\beffectie(f|ve)\b|\beffectiviteit\b"),
    "knowledge_sharing": (r"\bknowledge (sharing|is shared)\b", r"\bkennisdeling\b|\bkennis (wordt )?gedeeld\b"),
    "communication_satisfaction": (
        r"\bcommunication satisfaction\b|\bdissatisfaction with internal communication\b",
        r"\bcommunicatietevredenheid\b|\bonvrede over de interne communicatie\b",
    ),
    "ideas": (r"\bideas\b", r"\bideeën\b"),
    "expertise": (r"\bexpertise\b", r"\bexpertise\b"),
    "processes": (r"\bsupport(ing)? process(es)?\b", r"\bondersteunende? process(en)?\b|\bondersteunend proces\b"),
}

SIC = re.compile(r"\s*\[sic\]")  # marks a typo of the source in a quote; not part of the passage


def user_texts(knowledge: "Knowledge") -> Iterator[tuple[str, str, tuple, Text]]:
    """Every text of the knowledge a user can read: (section, id, field path, text)."""
    items: list[tuple[str, str, object]] = [("finding", f.id, f) for f in knowledge.findings.values()]
    items += [("finding", s.id, s) for s in knowledge.statements.values()]
    items += [("recommendations", r.id, r) for r in knowledge.recommendations.values()]
    items += [("notices", n.id, n) for n in knowledge.notices.values()]
    items += [("goals", g.goal, g) for g in knowledge.goal_profiles.values()]
    items += [("questions", q.key, q) for q in knowledge.questions]
    items += [("rules", r.id, r) for r in knowledge.rules]
    items += [("parameters", p.name, p) for p in knowledge.parameters.values()]
    for section, id_, item in items:
        for sub, text in texts_of(item, ()):
            yield section, id_, sub, text


def texts_of(value: object, loc: tuple) -> Iterator[tuple[tuple, Text]]:
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts_of(item, loc + (index,))
    elif hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:
            yield from texts_of(getattr(value, name), loc + (name,))


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check_quotes(lint: "Lint") -> None:
    """Every quote is a passage of the source text, verbatim (whitespace aside)."""
    knowledge = lint.knowledge
    source = _normalise(knowledge.findings_file.source.text)
    items = list(knowledge.findings.values()) + list(knowledge.statements.values())
    for item in items:
        quote = _normalise(SIC.sub("", item.quote))
        if quote in source:
            continue
        agree = max((n for n in range(len(quote) + 1) if quote[:n] in source), default=0)
        lint.add(
            "quote-not-verbatim",
            "finding",
            item.id,
            ("quote",),
            f"the quote of {item.id!r} is not a passage of the source text: it differs after {quote[:agree][-40:]!r}",
            "copy the sentence from `source.text` in findings.yaml exactly; mark a typo of the source with "
            "[sic] after it, never correct it",
        )


def check_levers(lint: "Lint") -> None:
    """A recommendation or goal profile steers on a lever only where a positive finding relates it
    to the goal, unless it is marked as resting on an authors' conclusion (and cites one)."""
    knowledge = lint.knowledge
    positive = {(f.construct, f.usage): f.id for f in knowledge.findings.values() if f.relation == "positive"}

    def conclusions_for(goal: str, refs: list[str]) -> list[str]:
        return [
            ref
            for ref in refs
            if ref in knowledge.statements
            and knowledge.statements[ref].kind == "conclusion"
            and (not knowledge.statements[ref].constructs or goal in knowledge.statements[ref].constructs)
        ]

    for rule in knowledge.rules:
        rec = knowledge.recommendations.get(rule.then.recommend or "")
        if rec is None:
            continue
        goals = [goal for pattern in rule.goal_patterns() for goal in pattern.goals()]
        for goal in dict.fromkeys(goals):
            if rec.basis == "conclusion":
                if not conclusions_for(goal, rule.findings):
                    lint.add(
                        "lever-without-finding",
                        "recommendations",
                        rec.id,
                        ("basis",),
                        f"{rec.id!r} rests on an authors' conclusion, but rule {rule.id!r} cites none for {goal}",
                        f"cite the conclusion (a statement of kind conclusion) in the findings of {rule.id!r}",
                    )
                continue
            for lever in rec.levers:
                if positive.get((goal, lever)) not in rule.findings:
                    lint.add(
                        "lever-without-finding",
                        "recommendations",
                        rec.id,
                        ("levers", rec.levers.index(lever)),
                        f"{rec.id!r} steers on {lever} for {goal} (rule {rule.id!r}), "
                        f"but the rule cites no positive finding for {goal} × {lever}",
                        f"cite the finding that relates {lever} to {goal} in {rule.id!r}; if only an authors' "
                        "conclusion suggests the lever, mark the recommendation `basis: conclusion`",
                    )
    for profile in knowledge.goal_profiles.values():
        for index, lever in enumerate(profile.steer_on):
            if positive.get((profile.goal, lever)) not in profile.findings:
                lint.add(
                    "lever-without-finding",
                    "goals",
                    profile.goal,
                    ("steer_on", index),
                    f"the {profile.goal} profile steers on {lever} without a positive finding for {profile.goal} × {lever} in its findings",
                    "cite that finding in the profile's `findings`; a lever that only an authors' conclusion "
                    "suggests goes under `suggested`",
                )
        for index, lever in enumerate(profile.suggested):
            if not conclusions_for(profile.goal, profile.findings):
                lint.add(
                    "lever-without-finding",
                    "goals",
                    profile.goal,
                    ("suggested", index),
                    f"the {profile.goal} profile suggests {lever}, but cites no authors' conclusion for {profile.goal}",
                    "cite the conclusion that suggests it in the profile's `findings`",
                )


def check_untested_none(lint: "Lint") -> None:
    """`none` says the relation was tested and found not significant: only where the source says so."""
    for finding in lint.knowledge.findings.values():
        if finding.relation == "none" and "significant" not in finding.quote.lower():
            lint.add(
                "untested-none",
                "finding",
                finding.id,
                ("relation",),
                f"{finding.id!r} is `none` (tested, no significant relation), but its quote does not say 'significant'",
                "use `not_shown`; where the relation is read from the wording, add `inferred: true` and a note",
            )


def check_inferred_notes(lint: "Lint") -> None:
    """An inferred relation says, in its note, how it was read from the source."""
    for finding in lint.knowledge.findings.values():
        if finding.inferred and finding.note is None:
            lint.add(
                "inferred-without-note",
                "finding",
                finding.id,
                ("inferred",),
                f"{finding.id!r} is inferred, but has no note saying how it was read",
                "add a `note` (en and nl) that names the words of the source the relation is read from",
            )


def check_causal_wording(lint: "Lint") -> None:
    """No text claims more than a correlation: no causal or promising words, unless allowed with a reason."""
    for section, id_, sub, text in user_texts(lint.knowledge):
        allowed = {item.word.casefold() for item in text.allow or []}
        for lang, patterns in CAUSAL_WORDING.items():
            for pattern in patterns:
                for match in re.finditer(pattern, getattr(text, lang), re.IGNORECASE):
                    if match.group(0).casefold() in allowed:
                        continue
                    lint.add(
                        "causal-wording",
                        section,
                        id_,
                        sub + (lang,),
                        f"the {lang} text of {id_!r} uses causal or promising wording: {match.group(0)!r}",
                        "the study shows correlations only: say 'relates to', 'goes with' ('hangt samen met', "
                        "'gaat samen met'); where the word denies or quotes a claim, list it under `allow:` "
                        "with the reason",
                    )


def check_stale_exemptions(lint: "Lint") -> None:
    """An allowed word the text no longer uses: drop it, so it cannot let the word back in unseen."""
    for section, id_, sub, text in user_texts(lint.knowledge):
        for index, item in enumerate(text.allow or []):
            word = re.compile(rf"\b{re.escape(item.word)}\b", re.IGNORECASE)
            if not word.search(text.en) and not word.search(text.nl):
                lint.add(
                    "stale-exemption",
                    section,
                    id_,
                    sub + ("allow", index),
                    f"{id_!r} allows {item.word!r}, which its text no longer uses",
                    "remove the exemption",
                )


def check_translation_names(lint: "Lint") -> None:
    """A text names the same outcomes and purposes in English and in Dutch."""
    for section, id_, sub, text in user_texts(lint.knowledge):
        english = {name for name, (en, _) in NAMES.items() if re.search(en, text.en, re.IGNORECASE)}
        dutch = {name for name, (_, nl) in NAMES.items() if re.search(nl, text.nl, re.IGNORECASE)}
        if english != dutch:
            only = []
            if english - dutch:
                only.append(f"only in English: {', '.join(sorted(english - dutch))}")
            if dutch - english:
                only.append(f"only in Dutch: {', '.join(sorted(dutch - english))}")
            lint.add(
                "translation-mismatch",
                section,
                id_,
                sub,
                f"the English and Dutch text of {id_!r} name different findings ({'; '.join(only)})",
                "make both say the same: name the same outcomes and purposes in each language",
            )

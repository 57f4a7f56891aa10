"""The advisor's own words (headings, labels, messages) in English and Dutch.

Knowledge texts (findings, recommendations, questions) live in the data files; this module holds
only the interface around them. Kept free of heavy imports: the cold path uses it.
"""

from __future__ import annotations

import os

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "title": "Adoption strategy for your internal social media",
        "for_org": "for {name}",
        "strategy": "Strategy",
        "recommendations": "Recommendations",
        "no_recommendations": "No recommendation for these goals and answers: see the warnings.",
        "warnings": "Warnings",
        "caveats": "Caveats",
        "unknowns": "Answers this advice still depends on",
        "unknown_line": "{answer}: not known; it matters for {goals}",
        "status.gap": "gap",
        "status.sustain": "sustain",
        "steer_on": "Steer on",
        "serves": "Serves",
        "evidence": "Evidence (the study)",
        "practice": "Practice (how organisations commonly do it; not a result of the study)",
        "quote": "Source",
        "rules": "Rules",
        "priority": "Priority",
        "relation.positive": "positive relation",
        "relation.none": "no significant relation",
        "relation.not_shown": "not shown",
        "kind.conclusion": "authors' conclusion",
        "kind.remark": "authors' remark",
        "kind.caveat": "authors' caveat",
        "strength": "strength",
        "source_line": "Source: {title}, {publisher} with {partner}, {organisations} organisations. Correlations, not causes.",
        "error": "error",
        "internal_error": "internal error: {error}",
        "internal_hint": "run again with --debug for the details, and report it with the answers file",
        "interrupted": "interrupted",
        "knowledge": "knowledge {version}",
    },
    "nl": {
        "title": "Adoptiestrategie voor uw interne social media",
        "for_org": "voor {name}",
        "strategy": "Strategie",
        "recommendations": "Aanbevelingen",
        "no_recommendations": "Geen aanbeveling voor deze doelen en antwoorden: zie de waarschuwingen.",
        "warnings": "Waarschuwingen",
        "caveats": "Kanttekeningen",
        "unknowns": "Antwoorden waar dit advies nog van afhangt",
        "unknown_line": "{answer}: onbekend; van belang voor {goals}",
        "status.gap": "tekort",
        "status.sustain": "vasthouden",
        "steer_on": "Stuur op",
        "serves": "Dient",
        "evidence": "Onderbouwing (het onderzoek)",
        "practice": "Praktijk (hoe organisaties het vaak aanpakken; geen uitkomst van het onderzoek)",
        "quote": "Bron",
        "rules": "Regels",
        "priority": "Prioriteit",
        "relation.positive": "positieve samenhang",
        "relation.none": "geen significante samenhang",
        "relation.not_shown": "niet aangetoond",
        "kind.conclusion": "conclusie van de auteurs",
        "kind.remark": "opmerking van de auteurs",
        "kind.caveat": "kanttekening van de auteurs",
        "strength": "sterkte",
        "source_line": "Bron: {title}, {publisher} met de {partner}, {organisations} organisaties. Samenhang, geen oorzaken.",
        "error": "fout",
        "internal_error": "interne fout: {error}",
        "internal_hint": "draai opnieuw met --debug voor de details, en meld het met het antwoordenbestand",
        "interrupted": "onderbroken",
        "knowledge": "kennis {version}",
    },
}

LEVERS: dict[str, dict[str, str]] = {
    "en": {
        "active_breadth": "share of employees posting or reacting",
        "active_frequency": "how often they post or react",
        "passive_breadth": "share of employees reading",
        "passive_frequency": "how often they read",
        "ideas": "sharing and developing ideas",
        "expertise": "finding and asking for expertise",
        "processes": "supporting processes",
        "strategy_dialogue": "dialogue about the strategy",
        "read_only": "referring people to read only",
    },
    "nl": {
        "active_breadth": "aandeel medewerkers dat post of reageert",
        "active_frequency": "hoe vaak zij posten of reageren",
        "passive_breadth": "aandeel medewerkers dat leest",
        "passive_frequency": "hoe vaak zij lezen",
        "ideas": "ideeën delen en uitwerken",
        "expertise": "expertise vinden en vragen",
        "processes": "ondersteunende processen",
        "strategy_dialogue": "dialoog over de strategie",
        "read_only": "mensen verwijzen om alleen te lezen",
    },
}

ANSWERS: dict[str, dict[str, str]] = {
    "en": {
        "usage.active_share": "share of employees posting or reacting",
        "usage.active_frequency": "how often active employees post or react",
        "usage.passive_share": "share of employees reading",
        "usage.passive_frequency": "how often employees read",
        "purposes.ideas": "use for sharing and developing ideas",
        "purposes.expertise": "use for finding and asking for expertise",
        "purposes.processes": "use for supporting processes",
        "purposes.strategy_dialogue": "use for a dialogue about the strategy",
        "purposes.read_only": "referring people to read only",
    },
    "nl": {
        "usage.active_share": "aandeel medewerkers dat post of reageert",
        "usage.active_frequency": "hoe vaak actieve medewerkers posten of reageren",
        "usage.passive_share": "aandeel medewerkers dat leest",
        "usage.passive_frequency": "hoe vaak medewerkers lezen",
        "purposes.ideas": "gebruik voor ideeën delen en uitwerken",
        "purposes.expertise": "gebruik voor expertise vinden en vragen",
        "purposes.processes": "gebruik voor ondersteunende processen",
        "purposes.strategy_dialogue": "gebruik voor een dialoog over de strategie",
        "purposes.read_only": "mensen verwijzen om alleen te lezen",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    text = MESSAGES.get(lang, MESSAGES["en"]).get(key) or MESSAGES["en"][key]
    return text.format(**values) if values else text


def lever(lang: str, name: str) -> str:
    return LEVERS.get(lang, LEVERS["en"]).get(name, name)


def answer_label(lang: str, key: str) -> str:
    return ANSWERS.get(lang, ANSWERS["en"]).get(key, key)


def default_lang(environ: dict[str, str] | None = None) -> str:
    """'nl' when the locale is Dutch (LC_ALL, LC_MESSAGES or LANG starting with 'nl'), else 'en'."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"

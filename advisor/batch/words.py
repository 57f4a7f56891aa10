"""The words of batch runs (progress, summary, HTML pages) in English and Dutch, beside i18n.py's.

As there, a message about a count has its singular form under `KEY#one`."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "advising": "advising",
        "progress": "{done}/{total} rows ({percent}%)",
        "done#one": "{rows} row: {advised} advised, {invalid} invalid; written to {out}",
        "done": "{rows} rows: {advised} advised, {invalid} invalid; written to {out}",
        "invalid_row": "row {row}",
        "more_invalid#one": "... and {count} more problem: see {file}",
        "more_invalid": "... and {count} more problems: see {file}",
        "no_rows": "no rows to advise in {input}",
        "summary": "Batch summary",
        "input": "Input",
        "rows": "Rows",
        "advised": "Advised",
        "invalid": "Invalid",
        "without_recommendation": "Without a recommendation",
        "primary": "First recommendation",
        "recommendation": "Recommendation",
        "count": "Rows",
        "invalid_rows": "Invalid rows",
        "row": "Row",
        "id": "Id",
        "field": "Field",
        "problem": "Problem",
        "advice_files": "Advice per row",
        "engine": "engine {engine}",
    },
    "nl": {
        "advising": "adviseren",
        "progress": "{done}/{total} rijen ({percent}%)",
        "done#one": "{rows} rij: {advised} geadviseerd, {invalid} ongeldig; geschreven naar {out}",
        "done": "{rows} rijen: {advised} geadviseerd, {invalid} ongeldig; geschreven naar {out}",
        "invalid_row": "rij {row}",
        "more_invalid#one": "... en nog {count} probleem: zie {file}",
        "more_invalid": "... en nog {count} problemen: zie {file}",
        "no_rows": "geen rijen om te adviseren in {input}",
        "summary": "Samenvatting van de batch",
        "input": "Invoer",
        "rows": "Rijen",
        "advised": "Geadviseerd",
        "invalid": "Ongeldig",
        "without_recommendation": "Zonder aanbeveling",
        "primary": "Eerste aanbeveling",
        "recommendation": "Aanbeveling",
        "count": "Rijen",
        "invalid_rows": "Ongeldige rijen",
        "row": "Rij",
        "id": "Id",
        "field": "Veld",
        "problem": "Probleem",
        "advice_files": "Advies per rij",
        "engine": "engine {engine}",
    },
}


def w(lang: str, key: str, n: int | None = None, **values: object) -> str:
    """A batch word or message; whole numbers get the language's thousands separator. When the
    message is about `n` things and n is one, its singular form."""
    words = WORDS.get(lang, WORDS["en"])
    if n == 1 and key + "#one" in words:
        key += "#one"
    text = words.get(key) or WORDS["en"][key]
    shown = {name: number(lang, value) if isinstance(value, int) else value for name, value in values.items()}
    return text.format(**shown) if values else text


def number(lang: str, value: int) -> str:
    return f"{value:,}".replace(",", ".") if lang == "nl" else f"{value:,}"

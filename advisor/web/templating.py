"""The HTML templates (advisor/web/templates/): Jinja2, autoescaped, with the advisor's words.

Templates call ``t("web.some_key", name=...)`` with a literal key; it speaks the language of
the page being rendered (the context's ``lang``)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def environment():
    import jinja2

    from ..i18n import t

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template is HTML: user text is always escaped
        undefined=jinja2.StrictUndefined,  # a misspelt variable is an error, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
    )

    @jinja2.pass_context
    def words(context, key: str, **values) -> str:
        return t(context["lang"], key, **values)

    env.globals["t"] = words
    return env


def render(env, name: str, **context) -> str:
    return env.get_template(name).render(**context)

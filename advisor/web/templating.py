"""The HTML templates (advisor/web/templates/): Jinja2, autoescaped, with the advisor's words.

Templates call ``t("web.some_key", name=...)`` with a literal key, or ``tn("web.some_key", n,
...)`` for a message about n things; both speak the language of the page being rendered (the
context's ``lang``)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def environment():
    import jinja2

    from ..i18n import t, tn

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

    @jinja2.pass_context
    def counted(context, key: str, count: int, **values) -> str:
        return tn(context["lang"], key, count, **values)

    env.globals["t"] = words
    env.globals["tn"] = counted  # a message about a number of things: its singular form for one
    return env


def render(env, name: str, **context) -> str:
    return env.get_template(name).render(**context)

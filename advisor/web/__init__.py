"""The web front end: a live workshop from participants' phones (`advisor workshop serve`) and
the HTTP interface for tools (`advisor serve --http`).

    app.py          the workshop app: what is mounted where, and the middleware around it
    context.py      what a running workshop app holds, and what its routes share to make pages
    participant.py  the participant's pages: join, one question per page, review, thanks
    steps.py        which steps a participant goes through, and reading each step's form
    drafts.py       answers in progress, per device, until they are sent
    presenter.py    the presenter's pages and controls (token required), and live updates
    slides.py       the present screens of the workshop as data for the HTML templates
    api.py          the HTTP API: POST /v1/advice, GET /v1/schema/{name}, GET /healthz
    openapi.py      the OpenAPI description of the API, generated from the pydantic models
    security.py     tokens, CSRF, security headers; limits.py: body size and rate limits
    forms.py        reading a posted form; qr.py: QR codes; network.py: addresses and sockets
    serving.py      running an app with uvicorn; templating.py: Jinja2 with autoescape

The web stack is an optional extra (`pip install 'intranet-adoption-advisor[web]'`): nothing in
this package's __init__ imports it, so the commands can say what is missing.
"""

from __future__ import annotations

import importlib

# the import names of the `web` extra's packages (pyproject.toml)
WEB_PACKAGES = ("starlette", "uvicorn", "jinja2", "segno")
INSTALL = "pip install 'intranet-adoption-advisor[web]'"


def missing_packages() -> list[str]:
    missing = []
    for name in WEB_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing


def require_web(lang: str) -> None:
    """AdvisorError (exit 2) naming the install command when the web extra is not installed."""
    missing = missing_packages()
    if missing:
        from ..errors import AdvisorError
        from ..i18n import t

        raise AdvisorError(t(lang, "web.missing", packages=", ".join(missing)), hint=INSTALL)

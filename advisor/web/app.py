"""The workshop app of `advisor workshop serve`: the participant's pages at /, the presenter's
at /present, the package's own script and style at /static (nothing from the internet: a
workshop room often has none), and the limits and headers around all of them."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..i18n import t
from ..reasoning.pipeline import Advisor
from .context import Live, message, visitor
from .limits import WORKSHOP_MAX_BODY, BodyLimit
from .security import Keys, SecurityHeaders
from .templating import STATIC, environment


def create_workshop_app(
    path: str | Path,
    *,
    advisor: Advisor,
    join_url: str,
    lang: str | None = None,
    teams: str = "optional",
    per_device: int = 1,
    keys: Keys | None = None,
    allowed_hosts: list[str] | None = None,
    notify: Callable[[str], None] | None = None,
):
    """The ASGI app for one workshop file. allowed_hosts: the Host headers to answer (None: any),
    against DNS rebinding from a web page a participant happens to have open."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    from . import participant, presenter

    live = Live(
        path=Path(path), advisor=advisor, env=environment(), join_url=join_url, keys=keys or Keys(),
        lang=lang, teams=teams, per_device=per_device, notify=notify,
    )

    def refuse(scope, limit):
        from starlette.responses import PlainTextResponse

        return PlainTextResponse(t(live.lang or "en", "web.too_large", kb=limit // 1024), status_code=413)

    async def not_found(request, error: HTTPException):
        who = visitor(request, live.lang or "en")
        who.new_device = False
        if error.status_code == 404:
            return message(live, who, t(who.lang, "web.not_found_title"), t(who.lang, "web.not_found"), status=404)
        if error.status_code == 405:
            return message(live, who, t(who.lang, "web.not_found_title"), t(who.lang, "web.not_found"), status=405)
        return message(live, who, t(who.lang, "web.error_title"), t(who.lang, "web.error"), status=error.status_code)

    async def failure(request, error: Exception):
        who = visitor(request, live.lang or "en")
        who.new_device = False
        if notify:
            notify(t(live.lang or "en", "web.failure_line", error=f"{type(error).__name__}: {error}"[:300]))
        return message(live, who, t(who.lang, "web.error_title"), t(who.lang, "web.error"), status=500)

    middleware = [Middleware(SecurityHeaders), Middleware(BodyLimit, limit_for=lambda path: WORKSHOP_MAX_BODY, refuse=refuse)]
    if allowed_hosts is not None:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(
        routes=participant.routes() + presenter.routes() + [Mount("/static", StaticFiles(directory=str(STATIC)), name="static")],
        middleware=middleware,
        exception_handlers={HTTPException: not_found, Exception: failure},
    )
    app.state.live = live
    return app

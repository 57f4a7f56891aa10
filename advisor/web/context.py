"""What a running workshop app holds (the workshop file, the advisor, the server's keys, the
drafts, the limits) and the page functions its participant and presenter routes share."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from ..i18n import t
from ..reasoning.pipeline import Advisor
from ..schema import Workshop
from ..i18n import LANGS
from ..workshop import store
from .drafts import Drafts
from .limits import RateLimit
from .security import DEVICE_COOKIE, LANG_COOKIE, Keys, device_hash, is_token, new_token

LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}  # each in its own language
COOKIE_AGE = 7 * 24 * 3600  # a participant may come back to change an answer during the week


@dataclass
class Live:
    path: Path
    advisor: Advisor
    env: Any  # the Jinja2 environment
    join_url: str
    keys: Keys
    lang: str | None = None  # --lang; else the workshop's
    teams: str = "optional"
    per_device: int = 1
    notify: Callable[[str], None] | None = None  # a line for the facilitator's terminal
    drafts: Drafts = field(default_factory=Drafts)
    # sends: 3 at once, then one every 20 s per device; 20 at once, then one every 3 s per
    # address (a phone clearing its cookies is still one address on the venue's network)
    send_per_device: RateLimit = field(default_factory=lambda: RateLimit(3, 20.0))
    send_per_address: RateLimit = field(default_factory=lambda: RateLimit(20, 3.0))
    # the steps of answering: generous, only against a flood
    posts_per_device: RateLimit = field(default_factory=lambda: RateLimit(60, 0.5))
    stopping: threading.Event = field(default_factory=threading.Event)  # set when the server stops
    _steps: dict = field(default_factory=dict)
    _read: tuple[str, Workshop] | None = None  # the file as last read, with its signature
    _reading: threading.Lock = field(default_factory=threading.Lock)

    def workshop(self) -> Workshop:
        """The workshop file as it is now, read again only when it changed (every page needs it;
        pages asked for at the same moment share one read)."""
        with self._reading:
            signature = self.signature()  # before reading: a change while reading is seen next time
            if self._read is None or self._read[0] != signature:
                self._read = (signature, store.load(self.path))
            return self._read[1]

    def steps(self, lang: str):
        from ..questionnaire.flow import Flow
        from .steps import Steps

        if lang not in self._steps:
            self._steps[lang] = Steps(Flow(self.advisor.knowledge, lang), self.teams)
        return self._steps[lang]

    def default_lang(self, workshop: Workshop) -> str:
        return self.lang or workshop.lang

    def signature(self) -> str:
        """Changes whenever the workshop file is written (each write is a new file: os.replace)."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return "missing"
        return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"


@dataclass
class Visitor:
    """Who is asking: their language (and whether it was just chosen) and their device token."""

    lang: str
    device: str
    set_lang: bool = False
    new_device: bool = False
    path: str = "/"
    query: tuple = ()  # the query without lang, to switch language on the same page

    @property
    def device_hash(self) -> str:
        return device_hash(self.device)


def visitor(request, default_lang: str) -> Visitor:
    chosen = request.query_params.get("lang")
    cookie = request.cookies.get(LANG_COOKIE)
    if chosen in LANGS:
        lang, set_lang = chosen, True
    else:
        lang, set_lang = (cookie if cookie in LANGS else default_lang), False
    token = request.cookies.get(DEVICE_COOKIE)
    query = tuple((k, v) for k, v in request.query_params.multi_items() if k != "lang")
    path = "/" + request.url.path.lstrip("/")  # never "//host": that link would leave the server
    if is_token(token):
        return Visitor(lang, token, set_lang, path=path, query=query)
    return Visitor(lang, new_token(), set_lang, new_device=True, path=path, query=query)


def address(request) -> str:
    client = request.scope.get("client")
    return client[0] if client else "unknown"


def page(live: Live, who: Visitor, name: str, *, status: int = 200, **context):
    """An HTML page in the visitor's language, keeping the cookies it needs."""
    from starlette.responses import HTMLResponse

    from .templating import render

    context.setdefault("refresh", None)
    languages = [(code, LANGUAGE_NAMES[code], who.path + "?" + urlencode(who.query + (("lang", code),))) for code in LANGS]
    body = render(live.env, name, lang=who.lang, languages=languages, **context)
    return remember(HTMLResponse(body, status_code=status), who)


def redirect(who: Visitor | None, url: str):
    from starlette.responses import RedirectResponse

    response = RedirectResponse(url, status_code=303)
    return remember(response, who) if who else response


def remember(response, who: Visitor):
    if who.new_device:
        response.set_cookie(DEVICE_COOKIE, who.device, max_age=COOKIE_AGE, httponly=True, samesite="lax")
    if who.set_lang:
        response.set_cookie(LANG_COOKIE, who.lang, max_age=COOKIE_AGE, httponly=True, samesite="lax")
    return response


def message(live: Live, who: Visitor, title: str, text: str, *, status: int, link: str = "/",
            link_text: str | None = None, refresh: int | None = None):
    """A page that says one thing (an error, a refusal), with a way on."""
    return page(live, who, "message.html", status=status, title=title, text=text, link=link,
                link_text=link_text or t(who.lang, "web.to_start"), refresh=refresh)

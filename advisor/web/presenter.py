"""The presenter's pages (token required): the present screens of `workshop present` for the
projector, the controls (open and close collection, reveal, reset one question) and the live
updates (server-sent events).

Without the token every route here is 403. The token comes once in the presenter address,
moves into a cookie (HttpOnly, SameSite=Strict) and the page redirects to an address without it.
"""

from __future__ import annotations

import asyncio
import json
import shlex
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from ..errors import AdvisorError
from ..i18n import t, tn
from ..vocabulary import ANSWER_KEYS, answer_label
from ..workshop import live as live_changes
from ..workshop.screens import build_screens
from ..workshop.summary import summarise
from .context import Live, Visitor, message, page, redirect, visitor
from .forms import FormError, read_form
from .qr import svg_qr
from .security import same
from .slides import slide

POLL_SECONDS = 0.25  # how often the event stream looks at the workshop file
KEEP_ALIVE_SECONDS = 15


def routes() -> list[Route]:
    return [
        Route("/present", present, methods=["GET"]),
        Route("/present/events", events, methods=["GET"]),
        Route("/present/reveal", reveal, methods=["POST"]),
        Route("/present/collection", collection, methods=["POST"]),
        Route("/present/reset", confirm_reset, methods=["GET"]),
        Route("/present/reset", reset, methods=["POST"]),
    ]


def _forbidden(live: Live, who: Visitor):
    return message(live, who, t(who.lang, "web.forbidden_title"), t(who.lang, "web.forbidden"), status=403)


async def _presenter(request):
    """(live, workshop, visitor) for the presenter, or a 403 response."""
    live: Live = request.app.state.live
    workshop = await run_in_threadpool(live.workshop)
    who = visitor(request, live.default_lang(workshop))
    who.new_device = False  # the projector is no participant: it gets no device cookie
    if not live.keys.is_presenter(request.cookies):
        return live, workshop, who, _forbidden(live, who)
    return live, workshop, who, None


def _deck(live: Live, workshop, lang: str):
    summary = summarise(workshop, live.advisor, lang)
    return summary, build_screens(summary, live.path.name)


def screen_url(key: str) -> str:
    return "/present?screen=" + quote(key, safe="")


async def present(request):
    live: Live = request.app.state.live
    token = request.query_params.get("token")
    if token is not None:  # the presenter address: swap the token for a cookie, and hide it
        if not same(token, live.keys.presenter_token):
            workshop = await run_in_threadpool(live.workshop)
            who = visitor(request, live.default_lang(workshop))
            who.new_device = False
            return _forbidden(live, who)
        response = redirect(None, "/present")
        response.set_cookie(live.keys.presenter_cookie, live.keys.presenter_token, httponly=True, samesite="strict")
        return response
    live, workshop, who, refused = await _presenter(request)
    if refused:
        return refused
    summary, screens = await run_in_threadpool(_deck, live, workshop, who.lang)
    keys = [screen.key for screen in screens]
    wanted = request.query_params.get("screen")
    index = keys.index(wanted) if wanted in keys else 0
    screen = screens[index]
    revealed = screen.key in (workshop.revealed or [])
    view = slide(summary, screen, revealed)
    if view["kind"] == "responses":
        view["qr"] = svg_qr(live.join_url, t(who.lang, "web.qr_title", url=live.join_url))
    if view["kind"] == "end":
        view["handout"] = f"advisor workshop export {shlex.quote(live.path.name)} --format html --out handout.html"
    return page(
        live, who, "present.html",
        workshop=workshop, slide=view, index=index, count=len(screens),
        first=screen_url(keys[0]), last=screen_url(keys[-1]),
        previous=screen_url(keys[index - 1]) if index > 0 else None,
        next=screen_url(keys[index + 1]) if index + 1 < len(keys) else None,
        here=screen_url(screen.key), revealable=screen.revealable, revealed=revealed,
        open=live_changes.is_open(workshop), join_url=live.join_url,
        csrf=live.keys.presenter_csrf(), signature=live.signature(),
        resettable=view["kind"] == "question" and view.get("question") in ANSWER_KEYS,
    )


async def _control(request):
    """(live, workshop, visitor, form) for a presenter's post, or a refusal as the last item."""
    live, workshop, who, refused = await _presenter(request)
    if refused:
        return live, workshop, who, None, refused
    try:
        form = await read_form(request)
    except FormError:
        return live, workshop, who, None, message(live, who, t(who.lang, "web.bad_form_title"), t(who.lang, "web.bad_form"), status=400, link="/present")
    if not live.keys.check_presenter_csrf(form.get("csrf")):
        return live, workshop, who, None, message(live, who, t(who.lang, "web.expired_title"), t(who.lang, "web.expired"), status=403, link="/present", link_text=t(who.lang, "web.try_again"))
    return live, workshop, who, form, None


async def reveal(request):
    live, workshop, who, form, refused = await _control(request)
    if refused:
        return refused
    key = form.get("screen", "")
    _, screens = await run_in_threadpool(_deck, live, workshop, who.lang)
    screen = next((s for s in screens if s.key == key), None)
    if screen is None or not screen.revealable:  # hidden by the minimum group size, or no such screen
        return message(live, who, t(who.lang, "web.cannot_reveal_title"), t(who.lang, "web.cannot_reveal"), status=409, link="/present")
    await run_in_threadpool(live_changes.reveal, live.path, key)
    return redirect(None, screen_url(key))


async def collection(request):
    live, workshop, who, form, refused = await _control(request)
    if refused:
        return refused
    state = form.get("state")
    if state not in ("open", "closed"):
        return message(live, who, t(who.lang, "web.bad_form_title"), t(who.lang, "web.bad_form"), status=400, link="/present")
    await run_in_threadpool(live_changes.set_collection, live.path, state == "open")
    if live.notify:
        lang = live.default_lang(workshop)
        live.notify(t(lang, "web.opened_line") if state == "open" else t(lang, "web.closed_line"))
    back = form.get("back", "")
    return redirect(None, back if back.startswith("/present?screen=") else "/present")


async def confirm_reset(request):
    live, workshop, who, refused = await _presenter(request)
    if refused:
        return refused
    key = request.query_params.get("question", "")
    if key not in ANSWER_KEYS:
        return redirect(None, "/present")
    summary, _ = await run_in_threadpool(_deck, live, workshop, who.lang)
    from ..workshop import labels

    return page(live, who, "reset.html", question=key, prompt=labels.question(summary.knowledge, who.lang, key),
                csrf=live.keys.presenter_csrf(), back=screen_url("question:" + key))


async def reset(request):
    live, workshop, who, form, refused = await _control(request)
    if refused:
        return refused
    key = form.get("question", "")
    if key not in ANSWER_KEYS:
        return message(live, who, t(who.lang, "web.bad_form_title"), t(who.lang, "web.bad_form"), status=400, link="/present")
    _, cleared = await run_in_threadpool(live_changes.reset_question, live.path, key)
    if live.notify:
        lang = live.default_lang(workshop)
        what = answer_label(lang, key)
        live.notify(tn(lang, "web.reset_line", cleared, question=what, count=cleared))
    return redirect(None, screen_url("question:" + key))


async def events(request):
    """Server-sent events: a `change` event (with the response count) whenever the workshop file
    is written, by this server or anything else (`workshop add`, a second server); a comment
    now and then keeps the connection open through proxies and sleeping Wi-Fi. The stream ends
    when the server stops, so Ctrl-C does not wait on open projector pages."""
    live, workshop, who, refused = await _presenter(request)
    if refused:
        return refused
    from starlette.responses import StreamingResponse

    async def stream():
        yield "retry: 2000\n\n"  # reconnect after 2 s if the connection drops
        last, quiet = None, 0.0
        while not live.stopping.is_set():
            signature = live.signature()
            if signature != last:
                last, quiet = signature, 0.0
                try:
                    total = len((await run_in_threadpool(live.workshop)).responses)
                except AdvisorError:  # a file being edited by hand: no count until it reads again
                    total = None
                yield f"event: change\ndata: {json.dumps({'signature': signature, 'responses': total})}\n\n"
            elif quiet >= KEEP_ALIVE_SECONDS:
                quiet = 0.0
                yield ": keep-alive\n\n"
            await asyncio.sleep(POLL_SECONDS)
            quiet += POLL_SECONDS

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})

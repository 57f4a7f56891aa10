"""The participant's pages: join, one question per page, review, thanks.

Plain forms that work without JavaScript (the script only helps), each step posted and then
redirected to the next page (so the browser's back and reload buttons do no harm). Nothing here
shows a result: early answers must not sway the rest.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from ..answers.read import parse_answers
from ..errors import AdvisorError
from ..i18n import t
from ..vocabulary import ANSWER_KEYS, UNKNOWN
from ..workshop import live as live_changes
from .context import Live, Visitor, address, message, page, redirect, visitor
from .drafts import Draft
from .forms import FormError, read_form
from .steps import REVIEW, TEAM, TYPED


def routes() -> list[Route]:
    return [
        Route("/", join, methods=["GET"]),
        Route("/answer", start, methods=["GET"]),
        Route("/answer/{step}", show_step, methods=["GET"]),
        Route("/answer/{step}", post_step, methods=["POST"]),
        Route("/thanks", thanks, methods=["GET"]),
    ]


async def _context(request):
    live: Live = request.app.state.live
    workshop = await run_in_threadpool(live.workshop)
    who = visitor(request, live.default_lang(workshop))
    return live, workshop, who


def _own(workshop, who: Visitor) -> list:
    return [r for r in workshop.responses if r.device == who.device_hash]


async def join(request):
    live, workshop, who = await _context(request)
    own = _own(workshop, who)
    is_open = live_changes.is_open(workshop)
    return page(
        live, who, "join.html",
        workshop=workshop, own=own, open=is_open, can_add=len(own) < live.per_device,
        refresh=None if is_open else 15,  # a closed workshop: look again now and then
    )


async def start(request):
    """Start answering, continue a draft, or (?change=N) change response N of this device."""
    live, workshop, who = await _context(request)
    if not live_changes.is_open(workshop):
        return redirect(who, "/")
    steps = live.steps(who.lang)
    own = _own(workshop, who)
    change = request.query_params.get("change", "")
    if change:
        response = next((r for r in own if str(r.number) == change), None)
        if response is None:
            return redirect(who, "/")
        draft = live.drafts.put(who.device_hash, _seed(steps, response))
        return redirect(who, f"/answer/{REVIEW}")
    draft = live.drafts.get(who.device_hash)
    if draft is None or (request.query_params.get("new") and draft.number is not None):
        if len(own) >= live.per_device:
            return redirect(who, "/thanks")
        draft = live.drafts.put(who.device_hash, Draft())
    return redirect(who, f"/answer/{steps.first_open(draft)}")


def _seed(steps, response) -> Draft:
    """A draft holding a sent response, to change it."""
    answers = response.answers
    draft = Draft(team=response.team, goals=list(answers.goals), number=response.number)
    for key in steps.questions(draft):
        draft.answers[key] = answers.value(key)
        question = steps.flow.questions[key]
        if question.kind == "share" and answers.value(key) != UNKNOWN and answers.value(key) not in [c.answer for c in question.choices]:
            draft.typed.add(key)
    draft.done.update(step for step in steps.plan(draft) if step not in ANSWER_KEYS)
    return draft


async def show_step(request):
    live, workshop, who = await _context(request)
    if not live_changes.is_open(workshop):
        return redirect(who, "/")
    draft = live.drafts.get(who.device_hash)
    if draft is None:
        return redirect(who, "/answer")
    steps = live.steps(who.lang)
    step = request.path_params["step"]
    if step not in steps.plan(draft):
        return redirect(who, f"/answer/{steps.first_open(draft)}")
    return _step_page(live, who, steps, draft, step, {}, None, back_to_review=request.query_params.get("review") == "1")


def _step_page(live: Live, who: Visitor, steps, draft: Draft, step: str, errors: dict, form, *, back_to_review: bool, status: int = 200):
    if step == REVIEW:
        return page(live, who, "review.html", status=status, rows=steps.review(draft), errors=errors,
                    csrf=live.keys.participant_csrf(who.device), changing=draft.number is not None)
    view = steps.view(step, draft)
    if form is not None:  # show what was typed again, beside its error
        view = _refill(view, form)
    number, count = steps.position(step, draft)
    previous = steps.before(step, draft)
    return page(
        live, who, "step.html", status=status, step=step, view=view, errors=errors, number=number, count=count,
        back=f"/answer/{previous}" if previous else "/", back_to_review=back_to_review,
        csrf=live.keys.participant_csrf(who.device), dont_know=UNKNOWN, typed_value=TYPED,
    )


def _refill(view: dict, form) -> dict:
    view = dict(view)
    if view["kind"] == "team":
        view["value"] = form.get("team", "")[:200]
    elif view["kind"] == "share":
        picked = form.get("value")
        view["options"] = [{**o, "checked": o["value"] == picked} for o in view["options"]]
        view["dont_know"] = picked == UNKNOWN
        typed = form.get(TYPED, "")[:40]
        view["typed"] = {"checked": picked == TYPED or (picked is None and bool(typed.strip())), "value": typed}
    return view


def _too_many(live: Live, who: Visitor, wait: float):
    response = message(live, who, t(who.lang, "web.slow_down_title"), t(who.lang, "web.slow_down", seconds=int(wait) + 1), status=429, link="/answer", link_text=t(who.lang, "web.try_again"))
    response.headers["Retry-After"] = str(int(wait) + 1)
    return response


async def post_step(request):
    live, workshop, who = await _context(request)
    try:
        form = await read_form(request)
    except FormError:
        return message(live, who, t(who.lang, "web.bad_form_title"), t(who.lang, "web.bad_form"), status=400,
                       link="/answer", link_text=t(who.lang, "web.try_again"))
    if who.new_device or not live.keys.check_participant_csrf(who.device, form.get("csrf")):
        return message(live, who, t(who.lang, "web.expired_title"), t(who.lang, "web.expired"), status=403,
                       link="/answer", link_text=t(who.lang, "web.try_again"))
    wait = live.posts_per_device.wait(who.device_hash)
    if wait:
        return _too_many(live, who, wait)
    if not live_changes.is_open(workshop):
        return message(live, who, t(who.lang, "web.closed_title"), t(who.lang, "web.closed"), status=409)
    draft = live.drafts.get(who.device_hash)
    if draft is None:
        return redirect(who, "/answer")
    steps = live.steps(who.lang)
    step = request.path_params["step"]
    if step not in steps.plan(draft):
        return redirect(who, f"/answer/{steps.first_open(draft)}")
    if step == REVIEW:
        return await _send(request, live, workshop, who, steps, draft)
    to_review = form.get("review") == "1"
    errors = steps.read(step, draft, form)
    if not errors and step == TEAM and draft.team:
        taken = [r for r in workshop.responses if r.team and r.team.casefold() == draft.team.casefold() and r.number != draft.number]
        if taken:
            errors = {"team": t(who.lang, "web.team_taken", team=draft.team)}
            draft.done.discard(TEAM)
    if errors:
        return _step_page(live, who, steps, draft, step, errors, form, back_to_review=to_review, status=422)
    return redirect(who, f"/answer/{steps.after(step, draft, to_review)}")


async def _send(request, live: Live, workshop, who: Visitor, steps, draft: Draft):
    for limit, key in ((live.send_per_device, who.device_hash), (live.send_per_address, address(request))):
        wait = limit.wait(key)
        if wait:
            return _too_many(live, who, wait)
    rows = steps.review(draft)
    missing = [row for row in rows if row["missing"]]
    if missing:
        errors = {row["step"]: t(who.lang, "web.answer_missing") for row in missing}
        return _step_page(live, who, steps, draft, REVIEW, errors, None, back_to_review=False, status=422)
    try:
        answers = parse_answers(steps.final(draft), source="form", lang=who.lang, knowledge=steps.flow.knowledge)
        _, response = await run_in_threadpool(
            live_changes.submit, live.path, answers, team=draft.team, device=who.device_hash,
            number=draft.number, per_device=live.per_device, lang=who.lang,
        )
    except AdvisorError as error:
        problem = error.problems[0]
        if problem.field == "team":
            draft.done.discard(TEAM)
            return _step_page(live, who, steps, draft, REVIEW, {TEAM: problem.message}, None, back_to_review=False, status=409)
        if problem.source == "form":  # an answer the reader refused: say which
            return _step_page(live, who, steps, draft, REVIEW, {"answers": error.render(t(who.lang, "hint"))}, None, back_to_review=False, status=422)
        return message(live, who, t(who.lang, "web.not_sent_title"), problem.message, status=409)
    live.drafts.drop(who.device_hash)
    if live.notify:  # a line for the facilitator's terminal, in the workshop's language
        lang = live.default_lang(workshop)
        who_text = t(lang, "workshop.who_team", team=response.team) if response.team else t(lang, "workshop.who_anonymous")
        changed = draft.number is not None
        live.notify(t(lang, "web.changed_line" if changed else "web.received_line", number=response.number, who=who_text))
    return redirect(who, "/thanks")


async def thanks(request):
    live, workshop, who = await _context(request)
    own = _own(workshop, who)
    if not own:
        return redirect(who, "/")
    return page(live, who, "thanks.html", own=own, open=live_changes.is_open(workshop), can_add=len(own) < live.per_device)

"""The case pages: the advisors' queue (``/cases``), one case (``/cases/<id>``: the advisor's view for
staff, the customer's for its customer, not found for anyone else) with its thread and actions, and
the member's own requests (``/requests``). The canned replies' page is in ``canned_views``; the
"Talk to an advisor" form in ``entry_views``, on this blueprint."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from community.core.extensions import db
from community.core.forms import attempt
from community.core.permissions import can, require
from community.core.web import page_arg
from community.escalation import operations, queries
from community.escalation.forms import AssignForm, ConsentForm, ReplyForm, SurveyForm
from community.escalation.models import STATUSES, Case
from community.escalation.sharing_views import sharing_state
from community.members.models import User
from community.questions.models import Question
from community.taxonomy import queries as taxonomy
from community.taxonomy.models import Category

bp = Blueprint("escalation", __name__)
PER_PAGE = 25

STATUS_LABELS = {
    "new": _l("New"),
    "assigned": _l("In progress"),
    "waiting": _l("Waiting for the customer"),
    "resolved": _l("Resolved"),
    "reopened": _l("Reopened"),
}
#: The same statuses as the customer reads them.
CUSTOMER_STATUS_LABELS = {
    "new": _l("Received"),
    "assigned": _l("An advisor is on it"),
    "waiting": _l("Waiting for your reply"),
    "resolved": _l("Resolved"),
    "reopened": _l("Reopened"),
}
PRIORITY_LABELS = {"low": _l("Low"), "normal": _l("Normal"), "high": _l("High"), "urgent": _l("Urgent")}
SOURCE_LABELS = {
    "web": _l("“Talk to an advisor” form"),
    "api": _l("Chatbot hand-off"),
    "sweep": _l("Question left unanswered"),
    "callback": _l("Callback request"),
}
DEVICE_LABELS = {"phone": _l("Phone"), "tablet": _l("Tablet"), "computer": _l("Computer"), "bot": _l("Robot")}
#: The button that moves a case to each status, for staff and for the customer.
STAFF_MOVES = {
    "assigned": _l("Back to in progress"),
    "waiting": _l("Waiting for the customer"),
    "resolved": _l("Mark as resolved"),
    "reopened": _l("Reopen"),
}
CUSTOMER_MOVES = {"resolved": _l("My problem is solved"), "reopened": _l("Reopen my request")}
MOVED = {
    "assigned": _l("The case is in progress."),
    "waiting": _l("The case now waits for the customer."),
    "resolved": _l("The request is resolved."),
    "reopened": _l("The request is open again."),
}


def _when(text) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text)).replace(tzinfo=None)
    except ValueError:
        return None


def trail_of(case: Case) -> dict:
    """The context the customer confirmed, with its moments read back as datetimes."""
    context = case.context or {}

    def items(name: str) -> list[dict]:
        return [dict(item, at=_when(item.get("at"))) for item in context.get(name) or [] if isinstance(item, dict)]

    device = context.get("device") or {}
    shown_device = {
        k: device.get(k) for k in ("kind", "system", "browser") if device.get(k) and device.get(k) != "unknown"
    }
    trail = {"searches": items("searches"), "articles": items("articles"), "questions": items("questions")}
    trail["device"] = shown_device
    trail["empty"] = not any(trail.values()) and not case.transcript
    return trail


def _move_label(case: Case, status: str, staff: bool):
    """The label of the button moving ``case`` to ``status``, in the words of the viewer's side."""
    if not staff:
        return CUSTOMER_MOVES.get(status)
    if status == "assigned" and case.status in ("new", "reopened"):
        return _("Mark as in progress")
    return STAFF_MOVES.get(status)


def _reply_form(case: Case, formdata=None) -> ReplyForm:
    form = ReplyForm(formdata=formdata)
    if can(current_user, "case.note", case):
        form.canned.choices = [("", _("Choose a canned reply…"))] + [
            (str(r.id), r.title) for r in queries.canned_replies()
        ]
    else:
        del form.internal
        del form.canned
    return form


def _assign_form(case: Case, formdata=None) -> AssignForm:
    form = AssignForm(formdata=formdata)
    advisors = queries.advisors()
    form.assignee.choices = [(str(current_user.id), _("Me"))] + [
        (str(u.id), u.display_name) for u in advisors if u.id != current_user.id
    ]
    if formdata is None:
        form.assignee.data = str(case.assignee_id or current_user.id)
    return form


def _render_case(case: Case, *, reply=None, assign=None, survey=None, consent=None, status: int = 200):
    staff = current_user.is_staff
    reply = reply or _reply_form(case)
    moves = operations.allowed_statuses(current_user, case)
    context = {
        "case": case,
        "staff": staff,
        "messages": queries.thread(current_user, case),
        "reply": reply,
        # Taking a case nobody has is the assignment form's "Me" (the default there).
        "moves": [
            (s, _move_label(case, s, staff))
            for s in moves
            if not (staff and s == "assigned" and case.assignee_id is None)
        ],
        "move_form": FlaskForm(),
        "overdue": queries.is_overdue(case),
        "status_labels": STATUS_LABELS if staff else CUSTOMER_STATUS_LABELS,
        "priority_labels": PRIORITY_LABELS,
    }
    if staff:
        canned = {str(r.id): r.body for r in queries.canned_replies()}
        context.update(
            trail=trail_of(case),
            source_labels=SOURCE_LABELS,
            device_labels=DEVICE_LABELS,
            canned_bodies=canned,
            assign=assign or (_assign_form(case) if can(current_user, "case.assign", case) else None),
            category=db.session.get(Category, case.category_id) if case.category_id else None,
            question=db.session.get(Question, case.question_id) if case.question_id else None,
            sharing=sharing_state(case),
        )
    else:
        context.update(
            consent=consent or ConsentForm(data={"consent": case.share_consent}),
            survey=survey or (SurveyForm() if case.status == "resolved" and case.surveyed_at is None else None),
        )
    return render_template("escalation/case.html", **context), status


def _case_or_404(case_id: int) -> Case:
    return queries.get_case(current_user, case_id)


def _then_back(case: Case, form: FlaskForm, operation, done: str):
    """Run a one-button action; say how it went in a flash message and go back to the case."""
    if not form.validate_on_submit():
        flash(_("The form expired. Please send it again."), "error")
    elif attempt(form, operation) is not None:
        flash(done, "success")
    else:
        reasons = list(form.form_errors) + [e for f in form if f.errors for e in f.errors]
        flash(" ".join(str(r) for r in reasons), "error")
    return redirect(url_for("escalation.case", case_id=case.id))


@bp.route("/cases")
@login_required
def queue():
    require(current_user, "case.queue")
    args = request.args
    status = args.get("status") if args.get("status") in STATUSES else None
    assignee = args.get("assignee") if args.get("assignee") in queries.ASSIGNEE_FILTERS else "anyone"
    overdue = args.get("overdue") == "1"
    categories = taxonomy.categories()
    category = next((c for c in categories if c.slug == args.get("category")), None)
    page = queries.queue(
        current_user,
        status=status,
        assignee=assignee,
        overdue=overdue,
        category_id=category.id if category else None,
        page=page_arg(),
        per_page=PER_PAGE,
    )
    counts = queries.status_counts()
    return render_template(
        "escalation/queue.html",
        page=page,
        counts=counts,
        open_count=sum(n for s, n in counts.items() if s in STATUSES and s != "resolved"),
        filters={"status": status, "assignee": assignee, "overdue": overdue, "category": category},
        filtered=bool(status or assignee != "anyone" or overdue or category),
        categories=categories,
        status_labels=STATUS_LABELS,
        priority_labels=PRIORITY_LABELS,
        is_overdue=queries.is_overdue,
    )


@bp.route("/cases/<int:case_id>")
@login_required
def case(case_id: int):
    return _render_case(_case_or_404(case_id))


@bp.route("/cases/<int:case_id>/reply", methods=["POST"])
@login_required
def reply(case_id: int):
    found = _case_or_404(case_id)
    form = _reply_form(found, request.form)
    if "use_canned" in request.form and getattr(form, "canned", None) is not None:
        chosen = queries.canned_replies()
        body = next((r.body for r in chosen if str(r.id) == form.canned.data), None)
        if body is None:
            form.canned.errors = [_("Choose a canned reply.")]
        else:
            typed = (form.body.data or "").rstrip()
            form.body.data = f"{typed}\n\n{body}" if typed else body
        return _render_case(found, reply=form)
    internal = getattr(form, "internal", None) is not None and bool(form.internal.data)
    if form.validate_on_submit():
        message = attempt(
            form, lambda: operations.post_message(current_user, found, form.body.data or "", internal=internal)
        )
        if message is not None:
            flash(
                _("Your note is saved: only the team sees it.") if internal else _("Your message is sent."), "success"
            )
            return redirect(url_for("escalation.case", case_id=found.id, _anchor=f"message-{message.id}"))
    return _render_case(found, reply=form, status=422)


@bp.route("/cases/<int:case_id>/status", methods=["POST"])
@login_required
def move(case_id: int):
    found = _case_or_404(case_id)
    status = request.form.get("status", "")
    done = str(MOVED.get(status, ""))
    return _then_back(found, FlaskForm(), lambda: operations.set_status(current_user, found, status), done)


@bp.route("/cases/<int:case_id>/assign", methods=["POST"])
@login_required
def assign(case_id: int):
    found = _case_or_404(case_id)
    require(current_user, "case.queue")
    form = _assign_form(found, request.form)
    typed = form.assignee.data or ""
    member = db.session.get(User, int(typed)) if typed.isdigit() and int(typed) < 2**31 else None
    name = member.display_name if member is not None else ""
    done = (
        _("You took this case.")
        if member is not None and member.id == current_user.id
        else _("The case is given to %(name)s.", name=name)
    )
    return _then_back(found, form, lambda: operations.assign(current_user, found, member), done)


@bp.route("/cases/<int:case_id>/consent", methods=["POST"])
@login_required
def consent(case_id: int):
    found = _case_or_404(case_id)
    form = ConsentForm()
    given = bool(form.consent.data)
    done = (
        _("Thank you: the fix may help other customers, without your name.")
        if given
        else _("Noted: the fix stays between you and the Néolia team.")
    )
    return _then_back(found, form, lambda: operations.set_share_consent(current_user, found, given), done)


def _score(text) -> int | None:
    return int(text) if text and str(text).isdigit() and len(str(text)) < 3 else None


@bp.route("/cases/<int:case_id>/survey", methods=["POST"])
@login_required
def survey(case_id: int):
    found = _case_or_404(case_id)
    form = SurveyForm()
    if form.validate_on_submit():
        done = attempt(
            form, lambda: operations.answer_survey(current_user, found, _score(form.ces.data), _score(form.csat.data))
        )
        if done is not None:
            flash(_("Thank you for your answers: they help us improve."), "success")
            return redirect(url_for("escalation.case", case_id=found.id, _anchor="survey"))
    if found.surveyed_at is not None or found.status != "resolved":
        # Answered already, or not resolved (any more): say why on the case, the survey is gone.
        flash(" ".join(str(e) for e in form.form_errors) or _("The form expired. Please send it again."), "error")
        return redirect(url_for("escalation.case", case_id=found.id))
    return _render_case(found, survey=form, status=422)


@bp.route("/requests")
@login_required
def my_requests():
    page = queries.customer_cases(current_user, page=page_arg(), per_page=PER_PAGE)
    return render_template(
        "escalation/my_requests.html",
        page=page,
        status_labels=CUSTOMER_STATUS_LABELS,
    )


def init_app(app) -> None:
    from community.core.navigation import StaffLink, register_staff_link
    from community.escalation import canned_views, entry_views  # noqa: F401 (their pages are on this blueprint)

    app.register_blueprint(bp)
    link = StaffLink("escalation.queue", _l("Advisor cases"), "mail", "case.queue", order=36, group="community")
    register_staff_link(app, link)

"""The staff's "Share with the community" actions of a case page (``escalation/_sharing.html``).

The case page includes the partial; its two forms post here. A refusal for bad input shows the
forms again on a page of their own, with the reasons beside the fields and the text kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from community.core.errors import DomainError
from community.core.extensions import db
from community.core.forms import apply_errors
from community.core.permissions import can, denial, require
from community.escalation import queries, sharing
from community.escalation.models import Case

bp = Blueprint("escalation_sharing", __name__)


class ThreadForm(FlaskForm):
    body = TextAreaField(
        _l("Official answer"),
        description=_l(
            "Posted under your name, marked as Néolia’s official answer. Leave out the customer’s name and details."
        ),
        render_kw={"rows": 6, "maxlength": 20000},
    )


class CurationForm(FlaskForm):
    title = StringField(_l("Article title"), render_kw={"maxlength": sharing.TITLE_MAX})
    body = TextAreaField(
        _l("What the article should say"),
        description=_l("Staff see it in the curation queue and write the article from it."),
        render_kw={"rows": 6, "maxlength": sharing.BODY_MAX},
    )


@dataclass
class SharingState:
    """What the partial shows for one case, for the staff member looking at it."""

    case: Case
    thread_form: ThreadForm
    curation_form: CurationForm
    question: object = None
    answer: object = None
    can_thread: bool = False
    can_curation: bool = False
    thread_refusal: str | None = None
    errors: dict = field(default_factory=dict)


def sharing_state(case: Case, thread_form: ThreadForm | None = None, curation_form: CurationForm | None = None):
    """The partial's state: each form prefilled from the advisor's latest reply unless given."""
    suggested = sharing.suggested_text(case) if thread_form is None or curation_form is None else ""
    if thread_form is None:
        thread_form = ThreadForm(formdata=None, prefix="thread", data={"body": suggested})
    if curation_form is None:
        curation_form = CurationForm(formdata=None, prefix="curation", data={"title": case.subject, "body": suggested})
    answer = sharing.shared_answer(case)
    return SharingState(
        case=case,
        thread_form=thread_form,
        curation_form=curation_form,
        question=sharing.linked_question(case),
        answer=answer,
        can_thread=answer is None and can(current_user, "case.share_thread", case),
        can_curation=case.shared_to_curation_at is None and can(current_user, "case.share_curation", case),
        thread_refusal=denial(current_user, "case.share_thread", case),
    )


def _case_page(case: Case) -> str:
    return url_for("escalation.case", case_id=case.id, _anchor="sharing")


def _refused(case: Case, form: FlaskForm, err: DomainError, which: str):
    """Bad input: the forms again, the reasons beside the fields, the text kept."""
    db.session.rollback()
    if err.status in (401, 403, 404):
        raise err
    if not err.fields:  # shared already, or the thread refused it (closed): said on the case page
        flash(err.message, "error")
        return redirect(_case_page(case))
    apply_errors(form, err)
    forms = {"thread_form": form} if which == "thread" else {"curation_form": form}
    return render_template("escalation/share.html", case=case, sharing=sharing_state(case, **forms)), err.status


@bp.route("/cases/<int:case_id>/share/thread", methods=["POST"])
@login_required
def post_to_thread(case_id: int):
    case = queries.get_case(current_user, case_id)
    require(current_user, "case.share_thread", case)
    form = ThreadForm(prefix="thread")
    if not form.validate_on_submit():
        return render_template("escalation/share.html", case=case, sharing=sharing_state(case, thread_form=form)), 400
    try:
        sharing.post_to_thread(current_user, case, form.body.data or "")
        db.session.commit()
    except DomainError as err:
        return _refused(case, form, err, "thread")
    flash(_("The fix is on the thread, marked as Néolia’s official answer."), "success")
    return redirect(_case_page(case))


@bp.route("/cases/<int:case_id>/share/curation", methods=["POST"])
@login_required
def send_to_curation(case_id: int):
    case = queries.get_case(current_user, case_id)
    require(current_user, "case.share_curation", case)
    form = CurationForm(prefix="curation")
    if not form.validate_on_submit():
        return render_template("escalation/share.html", case=case, sharing=sharing_state(case, curation_form=form)), 400
    try:
        sharing.send_to_curation(current_user, case, form.title.data or "", form.body.data or "")
        db.session.commit()
    except DomainError as err:
        return _refused(case, form, err, "curation")
    flash(_("The fix is in the knowledge base’s curation queue."), "success")
    return redirect(_case_page(case))

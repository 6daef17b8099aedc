"""``/advisor``, "Talk to an advisor": the brand's other channels beside a short form that opens a case,
with the box showing what of the visit the advisor will see (each item removable).

Anyone may read the page; sending needs an account. A visitor who sends is asked to sign in, and
finds what they typed again (kept on the server like the ask form's drafts, the session holding
only its key). Another page may send its text here to prefill the form (``prefill=1``: the ask
form's confirmation step), which opens nothing.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField, TextAreaField

from community.core.errors import NotFound
from community.core.extensions import db
from community.core.forms import attempt
from community.discovery.visits import returning_visit_id
from community.escalation import channels, operations, trail
from community.escalation.articles import article_fact
from community.escalation.views import bp
from community.questions import drafts
from community.questions import operations as questions

DRAFT = "advisor_draft"
PHONE_DIGITS = (6, 20)
PREFILL_MAX = 5000


class AdvisorForm(FlaskForm):
    subject = StringField(
        _l("Subject"),
        description=_l("In a few words, what is wrong?"),
        render_kw={"maxlength": 200, "autocomplete": "off"},
    )
    message = TextAreaField(
        _l("Your message"),
        description=_l("What happens, since when, and what you already tried. Never write a password or bank details."),
        render_kw={"rows": 7, "maxlength": 5000},
    )
    callback = BooleanField(
        _l("Call me back"),
        description=_l("An advisor calls you during opening hours; callback requests are handled first."),
    )
    callback_phone = StringField(
        _l("Phone number to call"), render_kw={"type": "tel", "autocomplete": "tel", "maxlength": 40}
    )
    question = HiddenField()
    article = HiddenField()
    q = HiddenField()

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.callback.data:
            digits = sum(ch.isdigit() for ch in self.callback_phone.data or "")
            if not (PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]):
                self.callback_phone.errors = list(self.callback_phone.errors) + [
                    _("Give a phone number we can call, such as 06 12 34 56 78.")
                ]
                valid = False
        return valid


def _linked_question(raw):
    """The question ``raw`` names, when it is one the viewer may see."""
    if not (isinstance(raw, str) and raw.isdigit() and len(raw) < 10):
        return None
    try:
        return questions.get_question(int(raw), current_user)
    except NotFound:
        return None


def _ticked(shared: dict) -> set[str]:
    """The checkboxes of the sharing box to show ticked: all of them at first, then as sent."""
    if request.method == "POST" and request.form.get("shown") == "1":
        return set(request.form.getlist("share"))
    keys = {trail.item_key("search", s) for s in shared["searches"]}
    keys |= {trail.item_key("article", a) for a in shared["articles"]}
    keys |= {trail.item_key("question", q) for q in shared["questions"]}
    return keys | {"device"}


def _prefill(form: AdvisorForm, question, article, source) -> bool:
    """Fill a new form from a draft kept while the member signed in, else from what linked here;
    whether a draft was restored."""
    draft = None
    if current_user.is_authenticated and DRAFT in session:
        draft = drafts.take(session.pop(DRAFT))
        db.session.commit()
    if draft is not None:
        form.subject.data, form.message.data = draft["title"][:200], draft["body"][:PREFILL_MAX]
        return True
    subject = source.get("subject") or (question.title if question is not None else "") or source.get("q")
    form.subject.data = (subject or "")[:200]
    form.message.data = (source.get("message") or "")[:PREFILL_MAX]
    return False


@bp.route("/advisor", methods=["GET", "POST"])
def advisor():
    source = request.form if request.method == "POST" else request.args
    question = _linked_question(source.get("question"))
    article = article_fact(source.get("article"))
    searched = (source.get("q") or "").strip()[:200]
    prefill = request.method == "GET" or request.form.get("prefill") == "1"
    form = AdvisorForm(formdata=None if prefill else request.form)
    restored = _prefill(form, question, article, source) if prefill else False
    form.question.data = str(question.id) if question is not None else ""
    form.article.data = str(article.id) if article is not None else ""
    form.q.data = searched
    shared = trail.snapshot(returning_visit_id(), current_user)
    status = 200
    if not prefill:
        if not form.validate():
            status = 422
        elif not current_user.is_authenticated:
            session[DRAFT] = drafts.keep({"title": form.subject.data or "", "body": form.message.data or ""})
            db.session.commit()
            flash(_("Sign in or create an account to send your request: what you wrote is kept meanwhile."), "info")
            back = url_for("escalation.advisor", question=form.question.data or None, article=form.article.data or None)
            return redirect(url_for("members.login", next=back))
        else:
            callback = bool(form.callback.data)
            case = attempt(
                form,
                lambda: operations.open_case(
                    current_user,
                    subject=form.subject.data or "",
                    message=form.message.data or "",
                    question=question,
                    article=article,
                    context=trail.confirmed(shared, request.form.getlist("share")),
                    source="callback" if callback else "web",
                    callback_phone=(form.callback_phone.data or "").strip() if callback else "",
                    priority="high" if callback else "normal",
                ),
            )
            if case is not None:
                flash(_("Your request is sent. An advisor will answer you here; you will be notified."), "success")
                return redirect(url_for("escalation.case", case_id=case.id))
            status = 422
    return render_template(
        "escalation/advisor.html",
        form=form,
        question=question,
        article=article,
        searched=searched,
        trail=shared,
        ticked=_ticked(shared),
        channels=channels.advisor_channels(),
        restored=restored,
        response_hours=current_app.config["ESCALATION_FIRST_RESPONSE_HOURS"],
    ), status

"""The case pages' forms: the reply (with the advisors' canned replies), giving a case to an advisor,
the sharing consent, the satisfaction survey, and the canned replies themselves. The operations
check what they receive; these forms only carry it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField

CES_CHOICES = [(str(n), str(n)) for n in range(1, 8)]
CSAT_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class ReplyForm(FlaskForm):
    """A message on the case's thread; staff may make it an internal note and start from a canned reply."""

    body = TextAreaField(_l("Your reply"), render_kw={"rows": 6, "maxlength": 5000})
    internal = BooleanField(
        _l("Internal note"), description=_l("Seen by the Néolia team only: the customer is not told.")
    )
    canned = SelectField(_l("Canned reply"), choices=[], validate_choice=False)


class AssignForm(FlaskForm):
    assignee = SelectField(_l("Advisor"), choices=[], validate_choice=False)


class ConsentForm(FlaskForm):
    consent = BooleanField(_l("You may share the fix with the community, without my name"))


class SurveyForm(FlaskForm):
    ces = RadioField(_l("How easy was it to get your problem solved?"), choices=CES_CHOICES, validate_choice=False)
    csat = RadioField(_l("How satisfied are you?"), choices=CSAT_CHOICES, validate_choice=False)


class CannedForm(FlaskForm):
    title = StringField(_l("Title"), render_kw={"maxlength": 120, "autocomplete": "off"})
    body = TextAreaField(
        _l("Text"),
        description=_l("Markdown. It is put in the reply box, where the advisor adapts it before sending."),
        render_kw={"rows": 6, "maxlength": 5000},
    )

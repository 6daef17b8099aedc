"""The queue's decision forms (one per decision, prefixed so they share a page), the suspension form
and the category moderators form. The operations check what they receive."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import Optional

REASON_FIELD = {"render_kw": {"maxlength": 500, "autocomplete": "off"}}
PERIODS = [("1", _l("1 day")), ("7", _l("7 days")), ("30", _l("30 days")), ("0", _l("For good"))]


class ReasonForm(FlaskForm):
    """Approve, restore, lock: a reason for the audit log, if any."""

    reason = StringField(_l("Note for the audit log"), **REASON_FIELD)


class HideForm(FlaskForm):
    reason = StringField(_l("Reason"), description=_l("Kept in the audit log."), **REASON_FIELD)


class MoveForm(FlaskForm):
    category = SelectField(_l("New category"), choices=[], validate_choice=False)
    reason = StringField(_l("Note for the audit log"), **REASON_FIELD)


class DuplicateForm(FlaskForm):
    duplicate_of = IntegerField(_l("Number of the original question"), validators=[Optional()])
    reason = StringField(_l("Note for the audit log"), **REASON_FIELD)


class SuspendForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        description=_l("The member sees it when they try to sign in, and in the API's answers."),
        render_kw={"rows": 3, "maxlength": 500},
    )
    period = SelectField(_l("For"), choices=PERIODS, default="7")
    hide_post = BooleanField(_l("Hide this post too"), default=True)


class ModeratorForm(FlaskForm):
    user = SelectField(_l("Ambassador"), choices=[], validate_choice=False)
    category = SelectField(_l("Category"), choices=[], validate_choice=False)

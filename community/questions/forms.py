from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import Optional


class QuestionForm(FlaskForm):
    title = StringField(
        _l("Title"),
        description=_l("Sum up your problem in one sentence."),
        render_kw={"maxlength": 200, "autocomplete": "off"},
    )
    body = TextAreaField(
        _l("Details"),
        description=_l("What did you try? What happened? Markdown is supported."),
        render_kw={"rows": 10, "data-preview": "1"},
    )
    category = SelectField(_l("Category"), choices=[])
    tags = StringField(
        _l("Tags"),
        description=_l("Up to 5, separated by commas (e.g. wifi, fibre)."),
        render_kw={"autocomplete": "off"},
    )
    # Checked by the operations (validate_choice=False): "" detects the language from the text.
    language = SelectField(
        _l("Language"),
        choices=[("", _l("Detect automatically")), ("fr", "Français"), ("en", "English")],
        validate_choice=False,
    )
    summary = StringField(_l("Edit summary"), render_kw={"maxlength": 200})
    confirmed = HiddenField()


class AnswerForm(FlaskForm):
    body = TextAreaField(
        _l("Your answer"), description=_l("Markdown is supported."), render_kw={"rows": 8, "data-preview": "1"}
    )
    summary = StringField(_l("Edit summary"), render_kw={"maxlength": 200})


class CommentForm(FlaskForm):
    body = TextAreaField(_l("Comment"), render_kw={"rows": 2, "maxlength": 600})


class CloseForm(FlaskForm):
    reason = SelectField(
        _l("Reason"), choices=[("duplicate", _l("Duplicate of another question")), ("off_topic", _l("Off-topic"))]
    )
    duplicate_of = IntegerField(_l("Number of the original question"), validators=[Optional()])

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import Optional


class CategoryForm(FlaskForm):
    name = StringField(_l("Name"), render_kw={"maxlength": 80})
    slug = StringField(
        _l("Address"),
        description=_l("Lower-case words with hyphens; made from the name when empty."),
        render_kw={"maxlength": 60},
    )
    description = TextAreaField(_l("Description"), render_kw={"rows": 2, "maxlength": 500})
    # The name and description above are in the site's default language (French); this is the
    # English interface's, each falling back to the one above when left empty.
    name_en = StringField(
        _l("Name in English"),
        description=_l("Shown in the English interface; the name above when empty."),
        render_kw={"maxlength": 80, "lang": "en"},
    )
    description_en = TextAreaField(_l("Description in English"), render_kw={"rows": 2, "maxlength": 500, "lang": "en"})
    premoderation = BooleanField(
        _l("Pre-moderate first posts of new accounts"),
        description=_l("A new account's first post here waits for a moderator before others see it."),
    )
    escalation_hours = IntegerField(
        _l("Escalate unanswered questions after (hours)"),
        description=_l(
            "A question without an answer this long becomes a case for the advisors. Empty: the site's "
            "default delay; 0: never."
        ),
        validators=[Optional()],
        render_kw={"min": 0, "inputmode": "numeric"},
    )

    def translations(self) -> dict:
        return {"en": {"name": self.name_en.data or "", "description": self.description_en.data or ""}}

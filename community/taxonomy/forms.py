from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField


class CategoryForm(FlaskForm):
    name = StringField(_l("Name"), render_kw={"maxlength": 80})
    slug = StringField(
        _l("Address"),
        description=_l("Lower-case words with hyphens; made from the name when empty."),
        render_kw={"maxlength": 60},
    )
    description = TextAreaField(_l("Description"), render_kw={"rows": 2, "maxlength": 500})

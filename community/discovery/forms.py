from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField


class SynonymsForm(FlaskForm):
    synonyms = TextAreaField(
        _l("Synonyms"),
        description=_l("One group a line, words separated by commas: a search for one word also finds the others."),
        render_kw={"rows": 14},
    )

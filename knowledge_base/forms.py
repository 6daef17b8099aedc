"""The staff editor of articles: fields, tutorial steps with their media, status actions.

Kind, category and language are checked by the operations (``validate_choice=False``), so a refused
value gets the domain's message beside the field, like every other field.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)

from community.core.errors import ValidationError
from knowledge_base import media, ratings, steps
from knowledge_base.operations import MAX_STEPS, SUMMARY_MAX, TITLE_MAX

IMAGE_TYPES = "image/png,image/jpeg,image/gif,image/webp"


class StepForm(Form):
    """One tutorial step. ``origin`` is the step's position when the page was drawn (empty for a new
    step), so media follow their step when an earlier one is removed; ``pending_image`` holds an
    image already uploaded while the form was sent back for corrections or for one more step."""

    origin = HiddenField()
    pending_image = HiddenField()
    title = StringField(_l("Step title"), render_kw={"maxlength": steps.TITLE_MAX, "autocomplete": "off"})
    text = TextAreaField(_l("Text"), render_kw={"rows": 3})
    remove = BooleanField(_l("Remove this step"))
    image = FileField(_l("Image"), render_kw={"accept": IMAGE_TYPES})
    remove_image = BooleanField(_l("Remove the image"))
    video_url = StringField(
        _l("Video"),
        description=_l("A YouTube or Vimeo address; it plays without tracking cookies."),
        render_kw={"maxlength": 300, "inputmode": "url", "autocomplete": "off", "placeholder": "https://youtu.be/…"},
    )

    @property
    def position(self) -> int | None:
        """The step's position when the page was drawn, None for a new step."""
        value = self.origin.data or ""
        return int(value) if value.isdigit() else None

    def old_image(self, old_media: dict) -> str | None:
        return (old_media.get(self.position) or (None, None))[0]

    def image_for(self, old_media: dict) -> str | None:
        """The image the step keeps: none if removed, else the one just uploaded, else its current one."""
        if self.remove_image.data:
            return None
        return self.pending_image.data or self.old_image(old_media)

    def store_media(self) -> bool:
        """Store the image chosen in this request and check the video address; False when one is refused."""
        good = True
        upload = self.image.data
        if upload is not None and getattr(upload, "filename", ""):
            try:
                self.pending_image.data = media.save_image(upload.stream)
                self.remove_image.data = False
            except ValidationError as err:
                self.image.errors = [err.fields.get("image", err.message)]
                good = False
        self.video_url.data = (self.video_url.data or "").strip()
        if self.video_url.data and media.embed_url(self.video_url.data) is None:
            self.video_url.errors = [_("Use a YouTube or Vimeo video address.")]
            good = False
        return good

    def is_empty(self, old_media: dict) -> bool:
        has_image = self.old_image(old_media) and not self.remove_image.data
        typed = (self.title.data or "").strip() or (self.text.data or "").strip()
        return not (typed or self.pending_image.data or self.video_url.data or has_image)

    @property
    def markdown(self) -> str:
        """The step as the article keeps it: its title as a heading, then its text."""
        return steps.join_title(self.title.data, self.text.data)


class ArticleForm(FlaskForm):
    kind = SelectField(
        _l("Kind"), choices=[("faq", _l("FAQ entry")), ("tutorial", _l("Tutorial"))], validate_choice=False
    )
    title = StringField(_l("Title"), render_kw={"maxlength": TITLE_MAX, "autocomplete": "off"})
    summary = TextAreaField(
        _l("Summary"),
        description=_l("One or two sentences shown in lists and search results."),
        render_kw={"rows": 2, "maxlength": SUMMARY_MAX},
    )
    body = TextAreaField(
        _l("Text"),
        description=_l("Markdown is supported. For a tutorial: what it is for and what you need before the steps."),
        render_kw={"rows": 12, "data-preview": "1"},
    )
    category = SelectField(_l("Category"), choices=[], validate_choice=False)
    tags = StringField(
        _l("Tags"),
        description=_l("Separated by commas (e.g. wifi, fibre)."),
        render_kw={"autocomplete": "off"},
    )
    language = SelectField(
        _l("Language"),
        choices=[("", _l("Detect automatically")), ("fr", "Français"), ("en", "English")],
        validate_choice=False,
    )
    steps = FieldList(FormField(StepForm), min_entries=0, max_entries=MAX_STEPS + 1)
    note = StringField(
        _l("What did you change?"),
        description=_l("Kept in the article’s history."),
        render_kw={"maxlength": 200, "autocomplete": "off"},
    )

    steps_error: str | None = None
    replacement_error: str | None = None  # archiving from the editor with a replacement that cannot be one

    def store_media(self) -> bool:
        """Store the images chosen in this request, check the video addresses; False when one is refused.

        A stored image stays with its step (``pending_image``) while the form comes back for
        corrections or for one more step, so it need not be chosen again.
        """
        results = [row.form.store_media() for row in self.steps]
        return all(results)

    def kept_steps(self, old_media: dict) -> list[StepForm]:
        """The steps to save, in order: neither marked for removal nor left entirely empty."""
        return [row.form for row in self.steps if not row.form.remove.data and not row.form.is_empty(old_media)]

    def values(self, kept: list[StepForm]) -> dict:
        """The fields as ``create_article`` and ``edit_article`` take them."""
        return {
            "kind": self.kind.data,
            "title": self.title.data,
            "summary": self.summary.data,
            "body": self.body.data,
            "category": self.category.data,
            "tags": self.tags.data,
            "language": self.language.data,
            "steps": [entry.markdown for entry in kept],
        }

    def step_errors(self) -> bool:
        return any(row.form.image.errors or row.form.video_url.errors for row in self.steps)


class RatingForm(FlaskForm):
    """Was this helpful? The operation checks the values; the page puts its reasons beside the fields."""

    class Meta:
        csrf = False  # see ``views.rate``: members' tokens are checked there, visitors' pages carry none

    helpful = RadioField(_l("Was this article helpful?"), choices=[("yes", _l("Yes")), ("no", _l("No"))])
    stars = RadioField(_l("Your rating"), choices=[(str(n), str(n)) for n in range(1, 6)])
    comment = TextAreaField(_l("What could be better?"), render_kw={"rows": 3, "maxlength": ratings.COMMENT_MAX})
    next = HiddenField()
    step = HiddenField()

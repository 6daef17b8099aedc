"""Staff pages of the knowledge base: write, edit, review, publish, archive, revisions, promotion, media.

Every page is for staff: visitors are sent to sign in (401 for a form sent), members get 403.
State changes go through ``knowledge_base.operations``; each request commits once.
"""

from __future__ import annotations

import json

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from markupsafe import Markup

from community.core.diff import revision_pairs, word_diff
from community.core.errors import DomainError, ValidationError
from community.core.extensions import csrf, db
from community.core.forms import apply_errors
from community.core.permissions import require
from community.core.web import page_arg, safe_next
from community.members.models import shown
from community.questions import operations as qa
from community.questions.views import question_url
from community.taxonomy import queries as taxonomy
from knowledge_base import operations as kb
from knowledge_base import queries
from knowledge_base.forms import ArticleForm
from knowledge_base.models import KINDS, STATUSES, Article
from knowledge_base.steps import split_title
from knowledge_base.urls import article_url

bp = Blueprint("kb_staff", __name__)

TABS = (*STATUSES, "needs_review")
DONE = {
    "submit": _l("Sent for review."),
    "publish": _l("Published: everyone can read it now."),
    "reviewed": _l("Marked as reviewed."),
    "archive": _l("Archived."),
}
SAVED = {  # the same, from the editor: the changes were saved first
    "submit": _l("Saved and sent for review."),
    "publish": _l("Saved and published: everyone can read it now."),
    "reviewed": _l("Saved and marked as reviewed."),
    "archive": _l("Saved and archived."),
}
# The editor takes step images (up to media.MAX_IMAGE_BYTES each) in the same request as the text,
# so it lifts the site-wide request limit for itself; an image too large is then refused beside its
# step instead of losing the whole form to a 413 page.
EDITOR_MAX_BYTES = 16 * 1024 * 1024


bp.add_app_template_global(queries.replacement_choices, "kb_replacement_choices")


# ---------- List ----------


@bp.route("/kb/staff")
@login_required
def articles():
    require(current_user, "article.edit")
    tab = request.args.get("status") if request.args.get("status") in TABS else "draft"
    if tab == "needs_review":
        page = queries.article_list(current_user, status="published", needs_review=True, page=page_arg())
    else:
        page = queries.article_list(current_user, status=tab, page=page_arg())
    return render_template("kb/staff/articles.html", page=page, tab=tab, counts=queries.status_counts(TABS))


# ---------- Editor ----------


def _step_data(step) -> dict:
    title, text = split_title(step.text)
    return {"origin": str(step.position), "title": title, "text": text, "video_url": step.video_url or ""}


def _article_data(article: Article) -> dict:
    steps = [_step_data(step) for step in article.steps]
    return {
        "kind": article.kind,
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "category": article.category.slug,
        "tags": ", ".join(tag.name for tag in article.tags),
        "language": article.language,
        "steps": [*steps, {}],
    }


def _new_data() -> dict:
    kind = request.args.get("kind")
    return {
        "kind": kind if kind in KINDS else "faq",
        "title": (request.args.get("title") or "").strip()[: kb.TITLE_MAX],
        "category": request.args.get("category") or "",
        "language": "",  # detected from the text unless chosen
        "steps": [{}],
    }


def _report(form: ArticleForm, err: DomainError) -> None:
    """Put a refusal beside the fields at fault; the steps' problems go above the steps, a refused
    replacement (archiving from the editor) beside its menu."""
    steps_problem = err.fields.pop("steps", None)
    if steps_problem:
        form.steps_error = steps_problem
    form.replacement_error = err.fields.pop("replacement", None)
    if form.replacement_error:
        form.form_errors.append(form.replacement_error)
    if err.fields:
        apply_errors(form, err)
    steps_wrong = bool(steps_problem) or form.step_errors()
    if steps_wrong:
        form.form_errors.append(
            _("Please correct the highlighted fields and steps.")
            if err.fields
            else _("Please correct the highlighted steps.")
        )
    elif not err.fields and not form.replacement_error:
        form.form_errors.append(err.message)


def _save(
    form: ArticleForm, article: Article | None, old_media: dict, media_ok: bool, action: str | None
) -> Article | None:
    """Create or edit the article and its steps' media, then apply the status ``action`` if any, in one
    commit; None (and nothing saved, nothing published) when any part is refused."""
    kept = form.kept_steps(old_media)
    values = form.values(kept)
    if not media_ok:  # say what else is wrong too, without saving anything
        fields: dict = {}
        kb.validate(values, fields)
        _report(form, ValidationError(_("Please correct the highlighted fields."), fields))
        return None
    try:
        if article is None:
            article = kb.create_article(current_user, **values)
        else:
            kb.edit_article(current_user, article, note=form.note.data or "", **values)
        refused = False
        for position, entry in enumerate(kept, start=1):
            try:
                kb.set_step_media(
                    current_user,
                    article,
                    position,
                    image_path=entry.image_for(old_media),
                    video_url=entry.video_url.data or None,
                )
            except ValidationError as err:
                for name, message in err.fields.items():
                    getattr(entry, name).errors = [message]
                refused = True
        if refused:
            raise ValidationError(_("Please correct the highlighted steps."))
        if action:
            _change_status(article, action)
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        _report(form, err)
        return None
    return article


def _editor(article: Article | None):
    # Permission first: the body of a member who may not write is refused unread, under the site's limit.
    require(current_user, "article.create" if article is None else "article.edit", article)
    request.max_content_length = EDITOR_MAX_BYTES
    if request.method == "POST":
        csrf.protect()
        form = ArticleForm()
    else:
        form = ArticleForm(data=_new_data() if article is None else _article_data(article))
    form.category.choices = [("", _("Choose a category…"))] + [(c.slug, c.name) for c in taxonomy.categories()]
    old_media = {step.position: (step.image_path, step.video_url) for step in article.steps} if article else {}
    status = 200
    # A status button of the editor belongs to its form: it saves what was typed, then changes the status.
    action = request.form.get("action") if article is not None and request.form.get("action") in SAVED else None
    if form.validate_on_submit():
        media_ok = form.store_media()
        if request.form.get("add_step"):
            if len(form.steps) < kb.MAX_STEPS:
                form.steps.append_entry()
        else:
            saved = _save(form, article, old_media, media_ok, action)
            if saved is not None:
                flash(str(SAVED[action]) if action else _("Saved."), "success")
                return redirect(article_url(saved))
    elif request.method == "POST":
        status = 400
    if form.errors or form.form_errors or form.steps_error or form.step_errors():
        status = 422 if status == 200 else status
    return render_template(
        "kb/staff/edit.html", form=form, article=article, old_media=old_media, max_steps=kb.MAX_STEPS
    ), status


@bp.route("/kb/new", methods=["GET", "POST"])
@login_required
def new():
    return _editor(None)


@bp.route("/kb/<int:article_id>/edit", methods=["GET", "POST"])
@login_required
def edit(article_id: int):
    require(current_user, "article.edit")
    return _editor(kb.get_article(article_id, current_user))


# The site-wide CSRF check reads the body before any view runs, under the site-wide size limit: the
# editor runs that same check itself (``csrf.protect``) once it has checked the role and lifted the limit.
csrf.exempt(new)
csrf.exempt(edit)


# ---------- Status ----------


def _replacement() -> Article | None:
    raw = (request.form.get("replacement") or "").strip()
    if not raw:
        return None
    replacement = db.session.get(Article, int(raw)) if raw.isdigit() else None
    if replacement is None:
        raise ValidationError(
            _("Please correct the highlighted fields."),
            {"replacement": _("Choose another article, already published.")},
        )
    return replacement


def _change_status(article: Article, action: str) -> None:
    """Apply one of the status actions to ``article`` (DomainError when refused)."""
    if action == "submit":
        kb.submit_for_review(current_user, article)
    elif action == "publish":
        kb.publish(current_user, article)
    elif action == "reviewed":
        kb.mark_reviewed(current_user, article)
    elif action == "archive":
        kb.archive(current_user, article, _replacement())
    else:
        raise ValidationError(_("Choose what to do with the article."), code="unknown_action")


@bp.route("/kb/<int:article_id>/status", methods=["POST"])
@login_required
def status(article_id: int):
    """A status change alone, from pages that edit nothing (the article's staff tools, the lists);
    the editor's status buttons post to the editor, which saves the form first."""
    require(current_user, "article.edit")
    article = kb.get_article(article_id, current_user)
    action = request.form.get("action")
    try:
        _change_status(article, action)
        db.session.commit()
        flash(str(DONE[action]), "success")
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        flash(" ".join(str(message) for message in err.fields.values()) or err.message, "error")
    return redirect(safe_next(url_for(".edit", article_id=article.id)))


# ---------- Revisions ----------


def _steps_text(revision) -> str:
    try:
        steps = json.loads(revision.steps or "[]")
    except ValueError:
        steps = []
    return "\n\n".join(f"{n}. {text}" for n, text in enumerate(steps, start=1))


@bp.route("/kb/<int:article_id>/revisions")
@login_required
def revisions(article_id: int):
    require(current_user, "article.edit")
    article = kb.get_article(article_id, current_user)
    pairs = revision_pairs(queries.revisions(article))
    return render_template(
        "kb/staff/revisions.html", article=article, pairs=pairs, word_diff=word_diff, steps_text=_steps_text
    )


@bp.route("/kb/<int:article_id>/revisions/<int:number>/restore", methods=["POST"])
@login_required
def restore(article_id: int, number: int):
    require(current_user, "article.edit")
    article = kb.get_article(article_id, current_user)
    try:
        kb.restore_revision(current_user, article, number)
        db.session.commit()
        flash(_("Revision %(num)d is restored: it is the current text again.", num=number), "success")
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        flash(" ".join(str(message) for message in err.fields.values()) or err.message, "error")
    return redirect(url_for(".revisions", article_id=article.id))


# ---------- Promotion from a thread ----------


@bp.route("/answers/<int:answer_id>/promote", methods=["POST"])
@login_required
def promote(answer_id: int):
    require(current_user, "article.promote")
    answer = qa.get_answer(answer_id, current_user)
    back = question_url(answer.question, _anchor=f"answer-{answer.id}")
    try:
        article = kb.promote_answer(current_user, answer, request.form.get("kind") or "faq")
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        existing = kb.promoted_from(answer) if err.code == "already_promoted" else None
        if existing is not None:
            flash(
                Markup('{} <a href="{}">{}</a>').format(
                    err.message, url_for(".edit", article_id=existing.id), existing.title
                ),
                "info",
            )
        else:
            flash(" ".join(str(message) for message in err.fields.values()) or err.message, "error")
        return redirect(back)
    name = answer.author.display_name if shown(answer.author) else _("a deleted member")
    flash(_("Draft created from the answer of %(name)s: review and publish it.", name=name), "success")
    return redirect(url_for(".edit", article_id=article.id))

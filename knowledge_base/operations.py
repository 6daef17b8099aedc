"""What staff do with articles: write, edit, restore, review, publish, archive, promote answers.

Each operation checks permission first, changes state, flushes and sends a signal; the request
or command commits once. Status runs draft → in_review → published → archived; staff may publish
a draft directly.
"""

from __future__ import annotations

import json
import re

from flask_babel import gettext as _
from sqlalchemy import func, select

from community.core import language as content_language
from community.core import signals as community_signals
from community.core.database import utcnow
from community.core.errors import Conflict, NotFound, ValidationError
from community.core.extensions import db
from community.core.markup import MARKUP_VERSION, render_markdown
from community.core.permissions import can, require
from community.core.text import slugify, storable
from community.questions.models import Answer, Question
from community.questions.operations import parse_tags
from community.taxonomy.models import Category, Tag
from knowledge_base import audit, media, signals
from knowledge_base.models import KINDS, LANGUAGES, Article, ArticleCredit, ArticleRevision, ArticleStep
from knowledge_base.steps import TITLE_MAX as STEP_TITLE_MAX
from knowledge_base.steps import join_title, split_steps, split_title

TITLE_MIN, TITLE_MAX = 5, 200
SUMMARY_MAX = 500
BODY_MIN, BODY_MAX = 1, 250_000
STEP_MAX = 5000
MAX_STEPS = 50
MAX_TAGS = 8
_TAG_OK = re.compile(r"^[a-z0-9][a-z0-9-]{0,29}$")


def _raise(fields: dict) -> None:
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)


def _text(value, field: str, low: int, high: int, fields: dict) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        fields[field] = _("Must be text.")
        return ""
    value = value.strip()
    if not storable(value):
        fields[field] = _("Contains characters that are not allowed.")
    elif len(value) < low:
        fields[field] = _("This field is required.") if low <= 1 else _("Write at least %(n)d characters.", n=low)
    elif len(value) > high:
        fields[field] = _("Write at most %(n)d characters.", n=high)
    return value


def _choice(value, field: str, choices, fields: dict) -> str:
    if value not in choices:
        fields[field] = _("Use one of: %(choices)s.", choices=", ".join(choices))
    return value


def _category(slug, fields: dict) -> Category | None:
    category = db.session.scalar(select(Category).where(Category.slug == slug)) if isinstance(slug, str) else None
    if category is None:
        fields["category"] = _("Choose a category.")
    return category


def _tag_names(raw, fields: dict) -> list[str]:
    if raw is not None and not isinstance(raw, list | tuple | str):
        fields["tags"] = _("Tags must be a list of words.")
        return []
    names = parse_tags(raw)
    if len(names) > MAX_TAGS:
        fields["tags"] = _("Use at most %(n)d tags.", n=MAX_TAGS)
        return []
    if any(not _TAG_OK.match(n) for n in names):
        fields["tags"] = _("Tags are short words of letters, digits and hyphens.")
        return []
    return names


def _resolve_tags(names: list[str]) -> list[Tag]:
    existing = {t.name: t for t in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}
    tags = []
    for name in names:
        if name not in existing:
            existing[name] = Tag(name=name)
            db.session.add(existing[name])
        tags.append(existing[name])
    return tags


def _steps(raw, fields: dict) -> list[str]:
    """Step texts (Markdown) from a list of strings or of ``{"text": …, "title": …}`` objects; a
    step's title is the heading its text starts with (``knowledge_base.steps``)."""
    if raw is None:
        return []
    if not isinstance(raw, list | tuple) or len(raw) > MAX_STEPS:
        fields["steps"] = _("Steps are a list of at most %(n)d texts.", n=MAX_STEPS)
        return []
    texts = []
    for item in raw:
        text = item.get("text") if isinstance(item, dict) else item
        if isinstance(item, dict) and isinstance(item.get("title"), str) and isinstance(text, str):
            text = join_title(item["title"], text)
        problems: dict = {}
        text = _text(text, "steps", 1, STEP_MAX, problems)
        if not problems and len(split_title(text)[0]) > STEP_TITLE_MAX:
            problems["steps"] = _("A step title is at most %(n)d characters.", n=STEP_TITLE_MAX)
        if problems:
            fields["steps"] = _("Step %(n)d: %(reason)s", n=len(texts) + 1, reason=problems["steps"])
            return []
        texts.append(text)
    return texts


def _set_steps(article: Article, texts: list[str]) -> None:
    """Replace the steps, keeping the media of steps that stay at the same position."""
    old = {step.position: step for step in article.steps}
    article.steps = []
    db.session.flush()
    for position, text in enumerate(texts, start=1):
        kept = old.get(position)
        article.steps.append(
            ArticleStep(
                position=position,
                text=text,
                text_html=render_markdown(split_title(text)[1]),
                image_path=kept.image_path if kept else None,
                video_url=kept.video_url if kept else None,
            )
        )


def _set_body(article: Article, body: str) -> None:
    article.body = body
    article.body_html = render_markdown(body, top_heading=2)  # the body's sections sit right under the title
    article.markup_version = MARKUP_VERSION


def add_revision(actor, article: Article, note: str = "") -> ArticleRevision:
    number = (
        db.session.scalar(select(func.max(ArticleRevision.number)).where(ArticleRevision.article_id == article.id)) or 0
    ) + 1
    revision = ArticleRevision(
        article_id=article.id,
        number=number,
        title=article.title,
        summary=article.summary,
        body=article.body,
        steps=json.dumps([step.text for step in article.steps], ensure_ascii=False),
        note=(note or "")[:200],
        author_id=getattr(actor, "id", None),
    )
    db.session.add(revision)
    return revision


def _day(moment) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


def _changed(actor) -> None:
    community_signals.content_changed.send(actor)


def validate(data: dict, fields: dict, partial: bool = False) -> dict:
    """Checked values of an article's fields (``partial``: only the keys present in ``data``).

    Reads only: nothing is added to the session, so a refused article leaves no trace.
    """
    out: dict = {}

    def wanted(name: str) -> bool:
        return not partial or name in data

    if wanted("kind"):
        out["kind"] = _choice(data.get("kind"), "kind", KINDS, fields)
    if wanted("title"):
        out["title"] = _text(data.get("title"), "title", TITLE_MIN, TITLE_MAX, fields)
    if wanted("summary"):
        out["summary"] = _text(data.get("summary"), "summary", 0, SUMMARY_MAX, fields)
    if wanted("body"):
        out["body"] = _text(data.get("body"), "body", BODY_MIN, BODY_MAX, fields)
    if wanted("language"):  # left empty: detected from the text
        text = "\n".join(str(data.get(name) or "") for name in ("title", "summary", "body"))
        out["language"] = _choice(data.get("language") or content_language.detect(text), "language", LANGUAGES, fields)
    if wanted("category"):
        out["category"] = _category(data.get("category"), fields)
    if wanted("tags"):
        out["tags"] = _tag_names(data.get("tags"), fields)
    if wanted("steps"):
        out["steps"] = _steps(data.get("steps"), fields)
    return out


def apply_values(article: Article, values: dict) -> None:
    for name in ("kind", "title", "summary", "language", "category"):
        if name in values:
            setattr(article, name, values[name])
    if "tags" in values:
        article.tags = _resolve_tags(values["tags"])
    if "title" in values:
        article.slug = slugify(values["title"])
    if "body" in values:
        _set_body(article, values["body"])
    if "steps" in values:
        _set_steps(article, values["steps"])


def create_article(
    actor,
    kind: str,
    title: str,
    body: str,
    category: str,
    tags=None,
    language: str | None = None,
    summary: str = "",
    steps=None,
    external_id: str | None = None,
) -> Article:
    """A new draft written by ``actor``."""
    require(actor, "article.create")
    fields: dict = {}
    values = validate(
        {
            "kind": kind,
            "title": title,
            "body": body,
            "category": category,
            "tags": tags,
            "language": language,
            "summary": summary,
            "steps": steps,
        },
        fields,
    )
    _raise(fields)
    article = Article(status="draft", author_id=getattr(actor, "id", None), external_id=external_id)
    apply_values(article, values)
    db.session.add(article)
    db.session.flush()
    add_revision(actor, article)
    db.session.flush()
    audit.record_status(actor, "article.create", article, None, title=article.title)
    signals.article_created.send(actor, article=article)
    return article


def edit_article(actor, article: Article, note: str = "", **changes) -> Article:
    """Change any of kind, title, summary, body, language, category (slug), tags, steps; keeps a revision."""
    return _edit(actor, article, note, changes, "article.edit")


def _edit(actor, article: Article, note: str, changes: dict, action: str) -> Article:
    require(actor, "article.edit", article)
    fields: dict = {}
    unknown = set(changes) - {"kind", "title", "summary", "body", "language", "category", "tags", "steps"}
    if unknown:
        raise TypeError(f"unknown article fields: {sorted(unknown)}")
    values = validate(changes, fields, partial=True)
    _raise(fields)
    before = content_key(article)
    apply_values(article, values)
    db.session.flush()
    if content_key(article) == before:
        return article
    article.updated_at = utcnow()
    article.editor_id = getattr(actor, "id", None)
    revision = add_revision(actor, article, note)
    db.session.flush()
    audit.record_edit(actor, article, before, content_key(article), revision, action, note)
    signals.article_edited.send(actor, article=article, revision=revision)
    _changed(actor)
    return article


def content_key(article: Article) -> tuple:
    return (
        article.kind,
        article.title,
        article.summary,
        article.body,
        article.language,
        article.category_id if article.category is None else article.category.id,
        tuple(t.name for t in article.tags),
        tuple(s.text for s in article.steps),
    )


def restore_revision(actor, article: Article, number: int) -> Article:
    """Bring back the title, summary, body and steps of revision ``number`` (as a new revision)."""
    require(actor, "article.edit", article)
    revision = db.session.scalar(
        select(ArticleRevision).where(ArticleRevision.article_id == article.id, ArticleRevision.number == number)
    )
    if revision is None:
        raise NotFound(_("This revision does not exist."))
    changes = {"title": revision.title, "summary": revision.summary, "body": revision.body}
    changes["steps"] = json.loads(revision.steps)
    return _edit(actor, article, _("Restored revision %(n)d", n=number), changes, "article.restore_revision")


def submit_for_review(actor, article: Article) -> Article:
    require(actor, "article.edit", article)
    if article.status != "draft":
        raise Conflict(_("Only a draft can be sent for review."), code="not_a_draft")
    article.status = "in_review"
    db.session.flush()
    audit.record_status(actor, "article.submit", article, "draft")
    signals.article_submitted.send(actor, article=article)
    return article


def publish(actor, article: Article) -> Article:
    """Draft or in review → published; counts as a review (``last_reviewed_at``, flag cleared)."""
    require(actor, "article.publish", article)
    if article.status not in ("draft", "in_review"):
        raise Conflict(_("Only a draft or an article in review can be published."), code="not_publishable")
    now, old_status = utcnow(), article.status
    article.status = "published"
    article.published_at = article.published_at or now
    article.last_reviewed_at = now
    article.needs_review = False
    article.updated_at = now
    db.session.flush()
    audit.record_status(actor, "article.publish", article, old_status)
    signals.article_published.send(actor, article=article)
    _changed(actor)
    return article


def mark_reviewed(actor, article: Article) -> Article:
    """A published article checked and kept as is: clears ``needs_review``, dates the review."""
    require(actor, "article.publish", article)
    if not article.is_published:
        raise Conflict(_("Only a published article can be marked as reviewed."), code="not_published")
    before = {"needs_review": article.needs_review, "last_reviewed_at": _day(article.last_reviewed_at)}
    article.last_reviewed_at = utcnow()
    article.needs_review = False
    db.session.flush()
    after = {"needs_review": False, "last_reviewed_at": _day(article.last_reviewed_at)}
    audit.record(actor, "article.review", "article", article.id, before=before, after=after)
    signals.article_reviewed.send(actor, article=article)
    return article


def archive(actor, article: Article, replacement: Article | None = None) -> Article:
    """Withdraw an article; its address then leads to ``replacement`` (a published article) if given."""
    require(actor, "article.archive", article)
    if article.status == "archived":
        raise Conflict(_("This article is already archived."), code="already_archived")
    if replacement is not None and (replacement.id == article.id or replacement.status != "published"):
        raise ValidationError(
            _("Please correct the highlighted fields."),
            {"replacement": _("Choose another article, already published.")},
        )
    old_status = article.status
    article.status = "archived"
    article.replacement = replacement
    article.updated_at = utcnow()
    db.session.flush()
    audit.record_status(actor, "article.archive", article, old_status, replacement=getattr(replacement, "id", None))
    signals.article_archived.send(actor, article=article, replacement=replacement)
    _changed(actor)
    return article


def promoted_from(answer: Answer) -> Article | None:
    """The live (not archived) article made from ``answer``, if any."""
    return db.session.scalar(
        select(Article).where(Article.source_answer_id == answer.id, Article.status != "archived").limit(1)
    )


def promote_answer(actor, answer: Answer, kind: str = "faq") -> Article:
    """A draft prefilled from the thread: the question's title, the answer's text, credited to its author.

    For a tutorial the answer's numbered list becomes the steps. One live article per answer.
    """
    require(actor, "article.promote", answer)
    fields: dict = {}
    _choice(kind, "kind", KINDS, fields)
    _raise(fields)
    if promoted_from(answer) is not None:
        raise Conflict(_("This answer is already in the knowledge base."), code="already_promoted")
    question = answer.question
    body, steps = (answer.body, []) if kind == "faq" else split_steps(answer.body)
    if kind == "tutorial" and not body:
        body = question.body
    article = Article(
        kind=kind,
        title=question.title[:TITLE_MAX],
        slug=question.slug,
        summary="",
        status="draft",
        category_id=question.category_id,
        tags=list(question.tags),
        language=question.language,
        author_id=actor.id,
        source_question_id=question.id,
        source_answer_id=answer.id,
    )
    _set_body(article, body)
    db.session.add(article)
    db.session.flush()
    _set_steps(article, steps)
    if answer.author_id is not None:
        article.credits.append(ArticleCredit(user_id=answer.author_id, reason="answer"))
    db.session.flush()
    add_revision(actor, article, _("Promoted from an answer"))
    db.session.flush()
    audit.record_status(actor, "article.promote", article, None, kind=kind, answer=answer.id)
    signals.article_created.send(actor, article=article)
    signals.answer_promoted.send(actor, article=article, answer=answer)
    return article


def promote_question(actor, question: Question, kind: str = "faq") -> Article:
    """Promote the accepted answer of ``question``."""
    if question.accepted_answer is None:
        require(actor, "article.promote", question)
        raise Conflict(_("This question has no accepted answer yet."), code="no_accepted_answer")
    return promote_answer(actor, question.accepted_answer, kind)


def get_article(article_id: int, viewer=None) -> Article:
    """The article, or NotFound when missing or not published and ``viewer`` is not staff."""
    article = db.session.get(Article, article_id)
    if article is None or (not article.is_published and not can(viewer, "article.view_unpublished", article)):
        raise NotFound(_("This article does not exist."))
    return article


KEEP = object()  # ``set_step_media``: leave this medium as it is


def set_step_media(actor, article: Article, position: int, *, image_path=KEEP, video_url=KEEP) -> ArticleStep:
    """Set, or clear with None, the image and the video of the step at ``position``.

    ``image_path`` is a name returned by ``media.save_image``; ``video_url`` a YouTube or Vimeo
    address, stored as given (pages build the no-tracking embed from it). Revisions keep texts only,
    so this adds none; an actual change dates the article and drops cached pages. Refused values
    raise ValidationError on ``image`` or ``video_url``.
    """
    require(actor, "article.edit", article)
    step = next((s for s in article.steps if s.position == position), None)
    if step is None:
        raise NotFound(_("This step does not exist."))
    fields: dict = {}
    if video_url is not KEEP:
        video_url = (video_url.strip() or None) if isinstance(video_url, str) else video_url
        if video_url is not None and (not isinstance(video_url, str) or media.embed_url(video_url) is None):
            fields["video_url"] = _("Use a YouTube or Vimeo video address.")
    if image_path is not KEEP and image_path is not None:
        if not media.is_stored(image_path):
            fields["image"] = _("This image is no longer available: upload it again.")
    _raise(fields)
    before = (step.image_path, step.video_url)
    if image_path is not KEEP:
        step.image_path = image_path
    if video_url is not KEEP:
        step.video_url = video_url
    if (step.image_path, step.video_url) != before:
        keys = (f"step_{position}_image", f"step_{position}_video_url")
        old, new = dict(zip(keys, before, strict=True)), dict(zip(keys, (step.image_path, step.video_url), strict=True))
        audit.record(actor, "article.media", "article", article.id, before=old, after=new)
        article.updated_at = utcnow()
        article.editor_id = getattr(actor, "id", None)
        db.session.flush()
        _changed(actor)
    return step

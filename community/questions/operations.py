"""What members do with questions, answers, comments and votes.

Each operation checks permission first, changes state, flushes and sends a signal;
the request or command commits once.
"""

from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import func, select

from community import audit
from community.core import language as content_language
from community.core import signals
from community.core.database import INCLUDE_HIDDEN, get_visible, is_hidden, utcnow
from community.core.errors import NotFound, ValidationError
from community.core.extensions import db
from community.core.markup import MARKUP_VERSION, render_inline, render_markdown
from community.core.permissions import require
from community.core.text import check_text, slugify, tag_name
from community.moderation import rules
from community.questions.models import CLOSE_REASONS, Answer, Comment, Question, Revision, Vote
from community.taxonomy.models import Category, Tag

TITLE_MIN, TITLE_MAX = 10, 200
BODY_MIN, BODY_MAX = 20, 20000
ANSWER_MIN = 5
COMMENT_MIN, COMMENT_MAX = 2, 600
MAX_TAGS = 5
_TAG_OK = re.compile(r"^[a-z0-9][a-z0-9-]{0,29}$")


def _changed(actor) -> None:
    signals.content_changed.send(actor)


def _category(slug: str | None, fields: dict) -> Category | None:
    category = db.session.scalar(select(Category).where(Category.slug == (slug or "")))
    if category is None:
        fields["category"] = _("Choose a category.")
    return category


def parse_tags(raw) -> list[str]:
    """Tags from a list or a comma/space separated string, normalised and de-duplicated."""
    items = raw if isinstance(raw, list | tuple) else re.split(r"[,\s]+", raw or "")
    names: list[str] = []
    for item in items:
        if not isinstance(item, str):
            continue
        name = tag_name(item)
        if name and name not in names:
            names.append(name)
    return names


def _tag_names(raw, fields: dict) -> list[str]:
    """The tag names in ``raw``; a reason under ``fields["tags"]`` (and no name) when they break a rule."""
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


def _tags(raw, fields: dict) -> list[Tag]:
    return _tag_rows(_tag_names(raw, fields))


def _tag_rows(names: list[str]) -> list[Tag]:
    existing = {t.name: t for t in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}
    tags = []
    for name in names:
        tag = existing.get(name) or Tag(name=name)
        db.session.add(tag)
        tags.append(tag)
    return tags


def _raise(fields: dict) -> None:
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)


def _revise(post, actor, summary: str = "", title: str | None = None, tags: str = "") -> Revision:
    column = Revision.question_id if isinstance(post, Question) else Revision.answer_id
    number = (db.session.scalar(select(func.max(Revision.number)).where(column == post.id)) or 0) + 1
    revision = Revision(
        number=number,
        author_id=actor.id,
        title=title,
        body=post.body,
        tags=tags,
        summary=(summary or "")[:200],
    )
    if isinstance(post, Question):
        revision.question_id = post.id
    else:
        revision.answer_id = post.id
    db.session.add(revision)
    return revision


def _for_someone_else(actor, author_id: int | None) -> bool:
    """Whether ``actor`` acts as staff on another member's post (what the audit log keeps)."""
    return getattr(actor, "is_staff", False) and (author_id is None or author_id != actor.id)


def _set_body(post, body: str) -> None:
    if post.id is not None:
        post.updated_at = utcnow()
    post.body = body
    post.body_html = render_markdown(body)
    post.markup_version = MARKUP_VERSION


def refresh_question(question: Question) -> None:
    """Recompute the answer count and status from the answers themselves."""
    question.answer_count = db.session.scalar(
        select(func.count(Answer.id)).where(Answer.question_id == question.id)
    )
    if question.status == "closed":
        return
    if question.accepted_answer_id is not None:
        question.status = "solved"
    elif question.answer_count:
        question.status = "answered"
    else:
        question.status = "open"


def recount_category(category_id: int) -> None:
    count = db.session.scalar(
        select(func.count(Question.id)).where(Question.category_id == category_id)
    )
    db.session.get(Category, category_id).question_count = count


def check_question(
    title: str, body: str, category: str | None, tags=None, language: str | None = None
) -> tuple[str, str, Category, list[str]]:
    """The title, body, category and tag names ``ask_question`` would keep, or ValidationError with
    the fields at fault. Writes nothing: the ask page checks a question before its confirmation step."""
    fields: dict = {}
    title = check_text(title, "title", TITLE_MIN, TITLE_MAX, fields)
    body = check_text(body, "body", BODY_MIN, BODY_MAX, fields)
    cat = _category(category, fields)
    names = _tag_names(tags, fields)
    _language(actor=None, asked=language, title="", body="", fields=fields)
    _raise(fields)
    return title, body, cat, names


def _language(actor, asked: str | None, title: str, body: str, fields: dict) -> str | None:
    """The language asked for (one of ``LANGUAGES``), or detected from the text when none is given."""
    if asked is not None and not isinstance(asked, str):
        asked = "?"
    code = content_language.choose(asked, f"{title}\n{body}", getattr(actor, "locale", None))
    if code is None:
        fields["language"] = _("Choose a language from the list.")
    return code


def ask_question(
    actor, title: str, body: str, category: str | None, tags=None, language: str | None = None
) -> Question:
    """Post a question; its ``language`` is detected from the text unless given."""
    require(actor, "question.create")
    title, body, cat, names = check_question(title, body, category, tags, language)
    held = rules.screen(actor, title=title, body=body, category=cat, kind="question")
    tag_objs = _tag_rows(names)
    question = Question(title=title, slug=slugify(title), author_id=actor.id, category=cat, tags=tag_objs)
    question.language = _language(actor, language, title, body, {})
    _set_body(question, body)
    db.session.add(question)
    db.session.flush()
    if held:
        rules.hold(question, held, cat.id)
    _revise(question, actor, title=title, tags=" ".join(t.name for t in tag_objs))
    recount_category(cat.id)
    db.session.flush()
    signals.question_asked.send(actor, question=question)
    _changed(actor)
    return question


def edit_question(
    actor,
    question: Question,
    title: str,
    body: str,
    category: str | None = None,
    tags=None,
    summary: str = "",
    language: str | None = None,
) -> Question:
    """Change a question; ``language`` None keeps its language, "" detects it again from the text.

    A change of tags alone is a retag, which members may be allowed without the right to edit."""
    retag = (title, body, language) == (question.title, question.body, None) and category in (
        None,
        getattr(question.category, "slug", None),
    )
    require(actor, "question.retag" if retag else "question.edit", question)
    fields: dict = {}
    title = check_text(title, "title", TITLE_MIN, TITLE_MAX, fields)
    body = check_text(body, "body", BODY_MIN, BODY_MAX, fields)
    cat = _category(category, fields) if category is not None else question.category
    tag_objs = _tags(tags, fields) if tags is not None else list(question.tags)
    code = question.language if language is None else _language(question.author, language, title, body, fields)
    _raise(fields)
    old_category_id = question.category_id
    before = _question_facts(question)
    unchanged = (
        title == question.title
        and body == question.body
        and cat.id == question.category_id
        and [t.name for t in tag_objs] == [t.name for t in question.tags]
    )
    if unchanged:
        if code != question.language:
            question.language = code
            db.session.flush()
            _changed(actor)
        return question
    question.title, question.slug, question.category, question.tags = title, slugify(title), cat, tag_objs
    question.language = code
    _set_body(question, body)
    question.last_activity_at = utcnow()
    db.session.flush()
    revision = _revise(question, actor, summary, title=title, tags=" ".join(t.name for t in tag_objs))
    if _for_someone_else(actor, question.author_id):
        after = {**_question_facts(question), "revision": revision.number}
        before["revision"] = revision.number - 1
        audit.record(actor, "question.edit", "question", question.id, before=before, after=after, reason=summary)
    if old_category_id != cat.id:
        recount_category(old_category_id)
        recount_category(cat.id)
    db.session.flush()
    signals.question_edited.send(actor, question=question, revision=revision)
    _changed(actor)
    return question


def _question_facts(question: Question) -> dict:
    return {
        "title": question.title,
        "category": question.category.slug if question.category else None,
        "tags": [t.name for t in question.tags],
    }


def _time_first_answer(question: Question, answer: Answer) -> None:
    """The question's first answer (held ones included) keeps how long the question waited for it."""
    others = select(Answer.id).where(Answer.question_id == question.id, Answer.id != answer.id).limit(1)
    if db.session.scalar(others.execution_options(**{INCLUDE_HIDDEN: True})) is None:
        answer.response_seconds = max(0, int((answer.created_at - question.created_at).total_seconds()))


def post_answer(actor, question: Question, body: str) -> Answer:
    require(actor, "answer.create", question)
    fields: dict = {}
    body = check_text(body, "body", ANSWER_MIN, BODY_MAX, fields)
    _raise(fields)
    held = rules.screen(actor, body=body, category=question.category, kind="answer", question=question)
    answer = Answer(question=question, author_id=actor.id)
    _set_body(answer, body)
    db.session.add(answer)
    if not held:
        question.last_activity_at = utcnow()
    db.session.flush()
    if held:
        rules.hold(answer, held, question.category_id)
    _time_first_answer(question, answer)
    _revise(answer, actor)
    refresh_question(question)
    db.session.flush()
    signals.answer_posted.send(actor, answer=answer)
    _changed(actor)
    return answer


def edit_answer(actor, answer: Answer, body: str, summary: str = "") -> Answer:
    require(actor, "answer.edit", answer)
    fields: dict = {}
    body = check_text(body, "body", ANSWER_MIN, BODY_MAX, fields)
    _raise(fields)
    if body == answer.body:
        return answer
    _set_body(answer, body)
    answer.question.last_activity_at = utcnow()
    db.session.flush()
    revision = _revise(answer, actor, summary)
    db.session.flush()
    if _for_someone_else(actor, answer.author_id):
        before, after = {"revision": revision.number - 1}, {"revision": revision.number}
        audit.record(actor, "answer.edit", "answer", answer.id, before=before, after=after, reason=summary)
    signals.answer_edited.send(actor, answer=answer, revision=revision)
    _changed(actor)
    return answer


def accept_answer(actor, answer: Answer) -> Answer:
    """Mark ``answer`` as the solution; accepting another answer moves the mark."""
    require(actor, "answer.accept", answer)
    question = answer.question
    previous = question.accepted_answer
    if previous is not None and previous.id == answer.id:
        return answer
    question.accepted_answer = answer
    question.accepted_answer_id = answer.id
    question.last_activity_at = utcnow()
    refresh_question(question)
    db.session.flush()
    if _for_someone_else(actor, question.author_id):
        before, after = {"accepted_answer": previous.id if previous else None}, {"accepted_answer": answer.id}
        audit.record(actor, "answer.accept", "question", question.id, before=before, after=after)
    signals.answer_accepted.send(actor, answer=answer, previous=previous)
    _changed(actor)
    return answer


def vote(actor, target: Question | Answer, value) -> int:
    """Cast (1/-1), change or withdraw (0) ``actor``'s vote; returns the new score."""
    kind = "question" if isinstance(target, Question) else "answer"
    require(actor, f"{kind}.vote", target)
    if isinstance(value, bool) or value not in (1, -1, 0):
        raise ValidationError(_("A vote is 1, -1 or 0."), {"value": _("A vote is 1, -1 or 0.")})
    column = Vote.question_id if kind == "question" else Vote.answer_id
    existing = db.session.scalar(select(Vote).where(Vote.user_id == actor.id, column == target.id))
    previous = existing.value if existing else 0
    if value == 0 and existing:
        db.session.delete(existing)
    elif value and existing:
        existing.value = value
    elif value:
        db.session.add(Vote(user_id=actor.id, value=value, **{f"{kind}_id": target.id}))
    db.session.flush()
    target.score = db.session.scalar(select(func.coalesce(func.sum(Vote.value), 0)).where(column == target.id))
    db.session.flush()
    if value != previous:
        signals.vote_cast.send(actor, target=target, value=value, previous=previous)
        _changed(actor)
    return target.score


def my_vote(actor, target) -> int:
    if actor is None or not actor.is_authenticated:
        return 0
    column = Vote.question_id if isinstance(target, Question) else Vote.answer_id
    return db.session.scalar(select(Vote.value).where(Vote.user_id == actor.id, column == target.id)) or 0


def add_comment(actor, target: Question | Answer, body: str) -> Comment:
    kind = "question" if isinstance(target, Question) else "answer"
    require(actor, f"{kind}.comment", target)
    fields: dict = {}
    body = check_text(body, "body", COMMENT_MIN, COMMENT_MAX, fields)
    _raise(fields)
    question = target if kind == "question" else target.question
    held = rules.screen(actor, body=body, category=question.category, kind="comment", question=question)
    comment = Comment(author_id=actor.id, body=body, body_html=render_inline(body), **{f"{kind}_id": target.id})
    db.session.add(comment)
    if not held:
        question.last_activity_at = utcnow()
    db.session.flush()
    if held:
        rules.hold(comment, held, question.category_id)
    signals.comment_posted.send(actor, comment=comment)
    _changed(actor)
    return comment


def close_question(actor, question: Question, reason: str, duplicate_of_id: int | None = None) -> Question:
    require(actor, "question.close", question)
    fields: dict = {}
    if reason not in CLOSE_REASONS:
        fields["reason"] = _("Choose a reason.")
    original = None
    if reason == "duplicate":
        original = db.session.get(Question, duplicate_of_id) if duplicate_of_id else None
        if original is None or original.id == question.id or is_hidden(original):
            fields["duplicate_of"] = _("Give the number of the original question.")
    _raise(fields)
    before = {"status": question.status}
    question.status = "closed"
    question.close_reason = reason
    question.duplicate_of = original
    db.session.flush()
    after = {"status": "closed", "close_reason": reason}
    if original is not None:
        after["duplicate_of"] = original.id
    audit.record(actor, "question.close", "question", question.id, before=before, after=after)
    signals.question_closed.send(actor, question=question, reason=reason)
    _changed(actor)
    return question


def reopen_question(actor, question: Question) -> Question:
    require(actor, "question.reopen", question)
    before = {"status": question.status, "close_reason": question.close_reason}
    question.status, question.close_reason, question.duplicate_of = "open", None, None
    refresh_question(question)
    db.session.flush()
    after = {"status": question.status, "close_reason": None}
    audit.record(actor, "question.reopen", "question", question.id, before=before, after=after)
    signals.question_reopened.send(actor, question=question)
    _changed(actor)
    return question


def set_locked(actor, question: Question, locked: bool) -> Question:
    require(actor, "question.lock", question)
    was = question.locked
    question.locked = bool(locked)
    db.session.flush()
    if was != question.locked:
        action = "question.lock" if question.locked else "question.unlock"
        audit.record(actor, action, "question", question.id, before={"locked": was}, after={"locked": question.locked})
    signals.question_locked.send(actor, question=question, locked=question.locked)
    _changed(actor)
    return question


def get_question(question_id: int, viewer=None) -> Question:
    """The question, or NotFound when missing or hidden from ``viewer``."""
    question = get_visible(Question, question_id, viewer, "question.view_hidden")
    if question is None:
        raise NotFound(_("This question does not exist."))
    return question


def get_answer(answer_id: int, viewer=None) -> Answer:
    answer = get_visible(Answer, answer_id, viewer, "question.view_hidden")
    if answer is None:
        raise NotFound(_("This answer does not exist."))
    get_question(answer.question_id, viewer)
    return answer


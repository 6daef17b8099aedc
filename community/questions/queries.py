"""Reads for the question pages and lists, eager-loaded so page cost does not grow with content."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from community.core import language as content_language
from community.core.database import including_hidden, visible
from community.core.extensions import db
from community.core.pagination import Page, paginate
from community.core.sitemap import MAX_URLS
from community.questions.models import Answer, Comment, Question, Revision, Vote
from community.questions.urls import question_url
from community.taxonomy import queries as taxonomy
from community.taxonomy.models import Category, Tag

SORTS = {
    "newest": (Question.created_at.desc(), Question.id.desc()),
    "votes": (Question.score.desc(), Question.id.desc()),
    "activity": (Question.last_activity_at.desc(), Question.id.desc()),
}
STATUS_FILTERS = ("open", "answered", "solved", "closed", "unanswered")


def _list_options():
    return (
        joinedload(Question.author),
        joinedload(Question.category),
        selectinload(Question.tags),
    )


def question_list(
    viewer=None,
    *,
    category: str | None = None,
    tag: str | None = None,
    status: str | None = None,
    sort: str = "activity",
    text: str | None = None,
    language: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page:
    """Visible questions; with ``language``, only those written in it."""
    stmt = visible(select(Question), viewer).options(*_list_options())
    if language:
        stmt = stmt.where(Question.language == language)
    if category:
        stmt = stmt.join(Question.category).where(Category.slug == category)
    if tag:
        stmt = stmt.where(Question.tags.any(Tag.name == tag))
    if status == "unanswered":
        stmt = stmt.where(Question.answer_count == 0, Question.status != "closed")
    elif status:
        stmt = stmt.where(Question.status == status)
    if text:
        for word in text.split()[:8]:
            pattern = f"%{word}%"
            stmt = stmt.where(or_(Question.title.ilike(pattern), Question.body.ilike(pattern)))
    stmt = stmt.order_by(*SORTS.get(sort, SORTS["activity"]))
    return paginate(stmt, page, per_page)


def home(viewer=None, size: int = 6, language: str | None = None) -> dict:
    """The home page's lists, questions in ``language`` (default: the interface's) first."""
    language_first = content_language.first(Question.language, language)

    def latest(status=None, unanswered=False, order=None):
        stmt = visible(select(Question), viewer).options(*_list_options())
        if status:
            stmt = stmt.where(Question.status == status)
        if unanswered:
            stmt = stmt.where(Question.answer_count == 0, Question.status != "closed")
        order = order if order is not None else Question.last_activity_at.desc()
        return list(db.session.scalars(stmt.order_by(language_first, order, Question.id.desc()).limit(size)).unique())

    return {
        "solved": latest(status="solved", order=Question.score.desc()),
        "unanswered": latest(unanswered=True, order=Question.created_at.desc()),
        "categories": taxonomy.categories(),
    }


def question_page(question: Question, viewer=None) -> dict:
    """Everything the question page shows, in a fixed number of queries."""
    comment_opts = selectinload(Answer.comments).joinedload(Comment.author)
    answers_stmt = (
        visible(select(Answer), viewer)
        .where(Answer.question_id == question.id)
        .options(joinedload(Answer.author), comment_opts)
    )
    answers = list(db.session.scalars(answers_stmt).unique())
    answers.sort(key=lambda a: (a.id != question.accepted_answer_id, -a.score, a.created_at, a.id))
    answer_comments = {a.id: list(a.comments) for a in answers}
    q_comments = list(
        db.session.scalars(
            visible(select(Comment), viewer)
            .where(Comment.question_id == question.id)
            .options(joinedload(Comment.author))
            .order_by(Comment.id)
        )
    )
    votes: dict[tuple[str, int], int] = {}
    if viewer is not None and viewer.is_authenticated:
        answer_ids = [a.id for a in answers]
        rows = db.session.execute(
            select(Vote.question_id, Vote.answer_id, Vote.value).where(
                Vote.user_id == viewer.id,
                or_(Vote.question_id == question.id, Vote.answer_id.in_(answer_ids)),
            )
        )
        for qid, aid, value in rows:
            votes[("question", qid) if qid else ("answer", aid)] = value
    return {
        "question": question,
        "answers": answers,
        "comments": q_comments,
        "answer_comments": answer_comments,
        "votes": votes,
    }


def load_question(question_id: int) -> Question | None:
    """The question with what its page shows, hidden or not: the caller checks who may see it."""
    return db.session.scalar(
        including_hidden(select(Question))
        .where(Question.id == question_id)
        .options(
            joinedload(Question.author),
            joinedload(Question.category),
            selectinload(Question.tags),
            joinedload(Question.duplicate_of),
        )
    )


def revisions(post) -> list[Revision]:
    column = Revision.question_id if isinstance(post, Question) else Revision.answer_id
    stmt = select(Revision).where(column == post.id).options(joinedload(Revision.author))
    return list(db.session.scalars(stmt.order_by(Revision.number.desc())))


def user_activity(user, viewer=None, size: int = 10) -> dict:
    questions = (
        visible(select(Question), viewer)
        .where(Question.author_id == user.id)
        .options(joinedload(Question.category))
    )
    answers = (
        visible(select(Answer), viewer)
        .join(Answer.question)  # an answer to a hidden question is hidden with it
        .where(Answer.author_id == user.id)
        .options(contains_eager(Answer.question))
    )
    return {
        "questions": list(db.session.scalars(questions.order_by(Question.created_at.desc()).limit(size))),
        "answers": list(db.session.scalars(answers.order_by(Answer.created_at.desc()).limit(size))),
        "question_count": db.session.scalar(visible(select(func.count()).select_from(questions.subquery()), viewer)),
        "answer_count": db.session.scalar(visible(select(func.count()).select_from(answers.subquery()), viewer)),
        "accepted_count": db.session.scalar(
            select(func.count(Question.id))
            .join(Answer, Question.accepted_answer_id == Answer.id)
            .where(Answer.author_id == user.id)
        ),
    }


def sitemap_entries():
    """Every question a visitor can see, most recently active first: ``(absolute url, last activity)``."""
    stmt = (
        select(Question.id, Question.slug, Question.last_activity_at)
        .order_by(Question.last_activity_at.desc(), Question.id.desc())
        .limit(MAX_URLS)
    )
    for row in db.session.execute(stmt):
        yield question_url(row, _external=True), row.last_activity_at

"""The community's own audited actions and kinds of target, with where each target's page is."""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l

from community.audit.catalogue import register_actions, register_target
from community.core.database import INCLUDE_HIDDEN
from community.core.extensions import db

ACTIONS = {
    "user.create": _l("Member created"),
    "user.role": _l("Role changed"),
    "category.create": _l("Category created"),
    "category.edit": _l("Category changed"),
    "tag.translate": _l("Tag translated"),
    "question.edit": _l("Question edited by staff"),
    "answer.edit": _l("Answer edited by staff"),
    "answer.accept": _l("Answer accepted by staff"),
    "question.close": _l("Question closed"),
    "question.reopen": _l("Question reopened"),
    "question.lock": _l("Question locked"),
    "question.unlock": _l("Question unlocked"),
    "content.hide": _l("Hidden"),
    "content.restore": _l("Restored"),
    "search.synonyms": _l("Search synonyms saved"),
}


def _question(question_id: int) -> str:
    return url_for("questions.show_by_id", question_id=question_id)


def _get(model_name: str, ident: int):
    from community.questions import models

    return db.session.get(getattr(models, model_name), ident, execution_options={INCLUDE_HIDDEN: True})


def _answer(answer_id: int) -> str | None:
    answer = _get("Answer", answer_id)
    return None if answer is None else _question(answer.question_id) + f"#answer-{answer_id}"


def _comment(comment_id: int) -> str | None:
    comment = _get("Comment", comment_id)
    if comment is None:
        return None
    if comment.question_id is not None:
        return _question(comment.question_id) + f"#comment-{comment_id}"
    answer = _get("Answer", comment.answer_id)
    return None if answer is None else _question(answer.question_id) + f"#comment-{comment_id}"


def _category(category_id: int) -> str | None:
    from community.taxonomy.models import Category

    category = db.session.get(Category, category_id)
    return None if category is None else url_for("taxonomy.edit_category", slug=category.slug)


def _tag(tag_id: int) -> str | None:
    from community.taxonomy.models import Tag

    tag = db.session.get(Tag, tag_id)
    return None if tag is None else url_for("questions.index", tag=tag.name)


def _user(user_id: int) -> str:
    return url_for("members.profile", user_id=user_id)


def register() -> None:
    register_actions(ACTIONS)
    register_target("question", _l("Question"), _question)
    register_target("answer", _l("Answer"), _answer)
    register_target("comment", _l("Comment"), _comment)
    register_target("category", _l("Category"), _category)
    register_target("tag", _l("Tag"), _tag)
    register_target("user", _l("Member"), _user)
    register_target("synonyms", _l("Search synonyms"), lambda _id: url_for("search.report"))

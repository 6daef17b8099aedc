"""What the API shows of each object."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _


def iso(moment) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


def author(user) -> dict:
    if user is None:
        return {"id": None, "display_name": _("Former member"), "role": None}
    return {"id": user.id, "display_name": user.display_name, "role": user.role}


def _post(post) -> dict:
    return {
        "id": post.id,
        "author": author(post.author),
        "created_at": iso(post.created_at),
        "updated_at": iso(post.updated_at),
        "body": post.body,
        "body_html": post.body_html,
    }


def category(cat) -> dict:
    return {"slug": cat.slug, "name": cat.name, "description": cat.description}


def comment(c) -> dict:
    return _post(c)


def answer(a, comments=None) -> dict:
    data = _post(a)
    data.update(
        {
            "question_id": a.question_id,
            "score": a.score,
            "is_accepted": a.question.accepted_answer_id == a.id,
        }
    )
    if comments is not None:
        data["comments"] = [comment(c) for c in comments]
    return data


def question(q) -> dict:
    data = _post(q)
    data.update(
        {
            "title": q.title,
            "url": url_for("questions.show", question_id=q.id, slug=q.slug, _external=True),
            "category": q.category.slug,
            "tags": [t.name for t in q.tags],
            "status": q.status,
            "locked": q.locked,
            "score": q.score,
            "answer_count": q.answer_count,
            "view_count": q.view_count,
            "accepted_answer_id": q.accepted_answer_id,
            "last_activity_at": iso(q.last_activity_at),
        }
    )
    if q.status == "closed":
        data["close_reason"] = q.close_reason
        data["duplicate_of_id"] = q.duplicate_of_id
    return data


def question_detail(page: dict) -> dict:
    q = page["question"]
    data = question(q)
    data["comments"] = [comment(c) for c in page["comments"]]
    data["answers"] = [answer(a, page["answer_comments"][a.id]) for a in page["answers"]]
    return data


def user(u) -> dict:
    return {
        "id": u.id,
        "display_name": u.display_name,
        "role": u.role,
        "reputation": u.reputation,
        "rank": None,
        "badges": [],
        "bio": u.bio,
        "created_at": iso(u.created_at),
    }


def token(t) -> dict:
    return {
        "id": t.id,
        "label": t.label,
        "prefix": t.prefix,
        "created_at": iso(t.created_at),
        "last_used_at": iso(t.last_used_at),
        "revoked": t.revoked_at is not None,
    }

"""Follow and unfollow buttons: plain forms posting here, so they work without JavaScript."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from community.core.extensions import db
from community.core.web import safe_next
from community.notifications import follows
from community.questions import operations as questions
from community.questions.urls import question_url
from community.taxonomy import queries as taxonomy

bp = Blueprint("follows", __name__)

#: What can be followed from the community's pages, and how the address names it.
KINDS = ("question", "category", "tag")


def _target(kind: str, key: str) -> tuple[int, str, str]:
    """The followed thing's id, its page and its name; 404 when unknown or hidden."""
    if kind == "question":
        if not key.isdigit() or int(key) > 2**31 - 1:
            abort(404)
        question = questions.get_question(int(key), current_user)
        return question.id, question_url(question), question.title
    if kind == "category":
        category = taxonomy.category_by_slug(key) or abort(404)
        return category.id, url_for("questions.index", category=category.slug), category.name
    tag = taxonomy.tag_by_name(key) or abort(404)
    return tag.id, url_for("questions.index", tag=tag.name), tag.name


_FOLLOWED = {
    "question": lambda name: _("You follow “%(name)s”: you will hear of its new answers.", name=name),
    "category": lambda name: _("You follow %(name)s: you will hear of its new questions.", name=name),
    "tag": lambda name: _("You follow the tag %(name)s: you will hear of its new questions.", name=name),
}
_UNFOLLOWED = {
    "question": lambda name: _("You no longer follow “%(name)s”.", name=name),
    "category": lambda name: _("You no longer follow %(name)s.", name=name),
    "tag": lambda name: _("You no longer follow the tag %(name)s.", name=name),
}


@bp.route("/follow/<kind>/<key>", methods=["POST"], defaults={"following": True})
@bp.route("/unfollow/<kind>/<key>", methods=["POST"], defaults={"following": False})
@login_required
def change(kind: str, key: str, following: bool):
    if kind not in KINDS:
        abort(404)
    target_id, page, name = _target(kind, key)
    if following:
        follows.follow(current_user, kind, target_id)
    else:
        follows.unfollow(current_user, kind, target_id)
    db.session.commit()
    flash((_FOLLOWED if following else _UNFOLLOWED)[kind](name), "success")
    return redirect(safe_next(page))


def _is_following(kind: str, target_id: int) -> bool:
    return follows.is_following(current_user, kind, target_id)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["is_following"] = _is_following

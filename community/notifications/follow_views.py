"""Follow and unfollow buttons: plain forms posting here, so they work without JavaScript."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from community.core.extensions import db
from community.core.web import safe_next
from community.notifications import follows
from community.questions import operations as questions
from community.questions.urls import question_url
from community.taxonomy import queries as taxonomy

bp = Blueprint("follows", __name__)

#: What can be followed: kind -> (resolve(key) -> (id, page, name), followed message, unfollowed message).
#: The community's own kinds are below; other packages add theirs with ``register_target``.
TARGETS = "entraide.follow_targets"


def _question(key: str) -> tuple[int, str, str]:
    if not key.isdigit() or int(key) > 2**31 - 1:
        abort(404)
    question = questions.get_question(int(key), current_user)
    return question.id, question_url(question), question.title


def _category(key: str) -> tuple[int, str, str]:
    category = taxonomy.category_by_slug(key) or abort(404)
    return category.id, url_for("questions.index", category=category.slug), category.name


def _tag(key: str) -> tuple[int, str, str]:
    tag = taxonomy.tag_by_name(key) or abort(404)
    return tag.id, url_for("questions.index", tag=tag.name), tag.name


def register_target(app: Flask, kind: str, resolve, followed, unfollowed) -> None:
    """Let members follow ``kind``: ``resolve(key)`` gives (id, page, name) or aborts 404;
    ``followed(name)``/``unfollowed(name)`` are the messages shown after the change."""
    app.extensions.setdefault(TARGETS, {})[kind] = (resolve, followed, unfollowed)


@bp.route("/follow/<kind>/<key>", methods=["POST"], defaults={"following": True})
@bp.route("/unfollow/<kind>/<key>", methods=["POST"], defaults={"following": False})
@login_required
def change(kind: str, key: str, following: bool):
    target = current_app.extensions.get(TARGETS, {}).get(kind) or abort(404)
    resolve, followed, unfollowed = target
    target_id, page, name = resolve(key)
    if following:
        follows.follow(current_user, kind, target_id)
    else:
        follows.unfollow(current_user, kind, target_id)
    db.session.commit()
    flash((followed if following else unfollowed)(name), "success")
    return redirect(safe_next(page))


def _is_following(kind: str, target_id: int) -> bool:
    return follows.is_following(current_user, kind, target_id)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    register_target(
        app,
        "question",
        _question,
        lambda name: _("You follow “%(name)s”: you will hear of its new answers.", name=name),
        lambda name: _("You no longer follow “%(name)s”.", name=name),
    )
    register_target(
        app,
        "category",
        _category,
        lambda name: _("You follow %(name)s: you will hear of its new questions.", name=name),
        lambda name: _("You no longer follow %(name)s.", name=name),
    )
    register_target(
        app,
        "tag",
        _tag,
        lambda name: _("You follow the tag %(name)s: you will hear of its new questions.", name=name),
        lambda name: _("You no longer follow the tag %(name)s.", name=name),
    )
    app.jinja_env.globals["is_following"] = _is_following

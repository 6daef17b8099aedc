"""The home page, the search page and the language switch."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from community.core.errors import render_error
from community.core.extensions import csrf, db
from community.core.i18n import LANG_COOKIE
from community.core.page_cache import cached_page
from community.core.web import safe_next, same_origin
from community.questions import queries

bp = Blueprint("site", __name__)


@bp.route("/")
@cached_page()
def home():
    return render_template("site/home.html", **queries.home(current_user))


@bp.route("/language/<code>", methods=["POST"])
@csrf.exempt
def set_language(code: str):
    """Switch language: a cookie for everyone, and a member's saved setting.

    The switcher sits on pages cached for visitors, which can carry no CSRF token: visitors' posts
    need only come from our own pages (Origin/Referer); a member's must carry the token. Links to a
    language for visitors are ``?lang=`` addresses.
    """
    if same_origin() is False:
        return render_error(400, "cross_origin", _("This form was sent from another site."))
    if current_user.is_authenticated:
        csrf.protect()
    response = redirect(safe_next(url_for("site.home")))
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(
            LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True, secure=request.is_secure
        )
        if current_user.is_authenticated:
            current_user.locale = code
            db.session.commit()
    return response


def sitemap_entries():
    """The home page and the question list."""
    yield url_for("site.home", _external=True), None
    yield url_for("questions.index", _external=True), None

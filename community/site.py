"""The home page, the search page and the language switch."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from community.extensions import db
from community.i18n import LANG_COOKIE
from community.page_cache import cached_page
from community.questions import queries
from community.web import safe_next

bp = Blueprint("site", __name__)


@bp.route("/")
@cached_page()
def home():
    return render_template("site/home.html", **queries.home(current_user))


@bp.route("/language/<code>", methods=["GET", "POST"])
def set_language(code: str):
    response = redirect(safe_next(url_for("site.home")))
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(
            LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True, secure=request.is_secure
        )
        if current_user.is_authenticated:
            current_user.locale = code
            db.session.commit()
    return response

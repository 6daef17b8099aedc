"""Public knowledge-base pages: home by category, articles, tutorial steps, ratings."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("kb", __name__, url_prefix="/kb")


@bp.route("")
def home():
    return render_template("kb/home.html")

"""The search page, tracked result links, ask-time suggestions and the staff search report."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from community.core import language as content_language
from community.core.extensions import db
from community.core.forms import attempt
from community.core.permissions import require
from community.core.web import page_arg, safe_next
from community.discovery import operations as ops
from community.discovery import searching
from community.discovery.forms import SynonymsForm
from community.discovery.visits import returning_visit_id
from community.taxonomy import queries as taxonomy
from search import Filters

bp = Blueprint("discovery", __name__)

TYPES = ("question", "article")


def filters_from(args) -> Filters:
    types = (args["type"],) if args.get("type") in TYPES else TYPES
    solved = {"true": True, "1": True, "false": False, "0": False}.get((args.get("solved") or "").lower())
    return Filters(
        types=types,
        category=args.get("category") or None,
        tag=(args.get("tag") or "").strip().lower() or None,
        solved=solved,
    )


@bp.route("/search")
def search_page():
    q = (request.args.get("q") or "").strip()[:200]
    results = log_entry = None
    if q:
        per_page = current_app.config["SEARCH_PER_PAGE"]
        filters = filters_from(request.args)
        in_language = replace(filters, language=content_language.listing_language())
        results = searching.run(current_user, q, in_language, page_arg(), per_page)
        if page_arg() == 1 and filters == Filters():
            entry = ops.log_search(current_user, q, results.total, visit_id=returning_visit_id())
            db.session.commit()
            log_entry = entry if entry.visit_id else None  # no visit: nothing to mark, plain links
    categories = {c.slug: c.name for c in taxonomy.categories()}
    return render_template(
        "search/results.html", q=q, results=results, log_entry=log_entry, categories=categories, args=request.args
    )


@bp.route("/search/open/<int:log_id>")
def open_result(log_id: int):
    """A result link: note that the search helped (when it is this visit's search), then go to the result."""
    target = safe_next("")
    key = ops.result_key(request.args.get("key"))
    if not target:
        abort(404)
    ops.mark_opened(returning_visit_id(), log_id, key)
    db.session.commit()
    return redirect(target)


@bp.route("/suggestions/open")
def open_suggestion():
    """A suggestion shown while asking: counted for deflection (once a visit), then opened."""
    target = safe_next("")
    if not target:
        abort(404)
    key = ops.result_key(request.args.get("key"))
    ops.record_event(returning_visit_id(), "suggestion_opened", current_user, target_key=key)
    db.session.commit()
    return redirect(target)


@bp.route("/suggestions/solved", methods=["POST"])
def deflected():
    """ "Yes, this answers my question" on the confirmation step."""
    key = ops.result_key(request.form.get("key"))
    ops.record_event(returning_visit_id(), "deflected", current_user, target_key=key)
    db.session.commit()
    flash(_("Glad you found your answer!"), "success")
    return redirect(safe_next(url_for("site.home")))


@bp.route("/admin/search", methods=["GET", "POST"])
@login_required
def report():
    require(current_user, "search.report")
    form = SynonymsForm()
    if request.method == "GET":
        form.synonyms.data = ops.synonyms_text()
    if form.validate_on_submit():
        if attempt(form, lambda: ops.save_synonyms(current_user, form.synonyms.data)) is not None:
            flash(_("The synonym list is saved; searches use it within seconds."), "success")
            return redirect(url_for("discovery.report"))
    return render_template(
        "search/report.html", form=form, zero=ops.zero_result_queries(), deflection=ops.deflection_stats()
    ), 422 if form.errors else 200

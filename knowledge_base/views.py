"""Public knowledge-base pages: home by category, articles, tutorial steps, ratings; the former advisor page
leads to the community's."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    get_template_attribute,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from community.core.errors import json_error, render_error
from community.core.extensions import csrf, limiter
from community.core.forms import attempt
from community.core.language import listing_language
from community.core.page_cache import cached_page
from community.core.permissions import can
from community.core.web import page_arg, safe_next, same_origin, wants_json
from community.escalation import trail
from community.taxonomy import queries as taxonomy
from knowledge_base import browsing, media, queries, ratings
from knowledge_base import operations as ops
from knowledge_base.forms import RatingForm
from knowledge_base.models import KINDS, Article
from knowledge_base.urls import article_url

bp = Blueprint("kb", __name__, url_prefix="/kb")

PER_PAGE = 20


def _staff_view(article: Article) -> bool:
    return can(current_user, "article.view_unpublished", article)


def _article_or_response(article_id: int):
    """The article as the current visitor may see it, or the answer for an archived one (301 or 410)."""
    article = queries.article_detail(article_id)
    if article is not None and article.status == "archived" and not _staff_view(article):
        replacement = article.replacement
        if replacement is not None and replacement.is_published:
            return redirect(article_url(replacement), 301)
        return render_template("kb/gone.html", article=article), 410
    return ops.get_article(article_id, current_user)


def _lang_args() -> dict:
    lang = request.args.get("lang")
    return {"lang": lang} if lang in ("fr", "en") else {}


@bp.route("")
@cached_page()
def home():
    return render_template("kb/home.html", **browsing.home())


@bp.route("/category/<slug>")
@cached_page()
def category(slug: str):
    found = taxonomy.category_by_slug(slug)
    if found is None:
        abort(404)
    kind = request.args.get("kind") if request.args.get("kind") in KINDS else None
    language = listing_language()
    page = queries.article_list(
        None, kind=kind, category=found.slug, language=language, page=page_arg(), per_page=PER_PAGE
    )
    counts = browsing.kind_counts(found, language)
    # An empty page in one language says whether the topic has articles in the others.
    elsewhere = sum(browsing.kind_counts(found).values()) - sum(counts.values()) if language and not page.items else 0
    return render_template(
        "kb/category.html", category=found, kind=kind, page=page, counts=counts, elsewhere=elsewhere
    )


def _opened(article: Article) -> None:
    """The visit's journey trail notes the article (or one of its steps), for an advisor to see."""
    if article.is_published:
        trail.record_view("article", article.id, article.title, request.path)


def _opened_from_cache(article_id: int, slug: str | None = None, number: int | None = None) -> None:
    trail.record_view("article", article_id, None, request.path)


@bp.route("/<int:article_id>", defaults={"slug": None})
@bp.route("/<int:article_id>/<slug>")
@cached_page(on_hit=_opened_from_cache)
def article(article_id: int, slug: str | None):
    found = _article_or_response(article_id)
    if not isinstance(found, Article):
        return found
    if slug != found.slug:
        return redirect(article_url(found, **_lang_args()), 301)
    _opened(found)
    return _article_page(found)


def _article_page(article: Article, form: RatingForm | None = None, status: int = 200):
    return render_template(
        "kb/article.html",
        article=article,
        form=form or RatingForm(formdata=None),
        source_question=browsing.source_question(article, current_user),
        related=browsing.related(article),
        structured_data=browsing.structured_data(article),
        ask_args=browsing.ask_args(article),
    ), status


@bp.route("/<int:article_id>/<slug>/step/<int:number>")
@cached_page(on_hit=_opened_from_cache)
def step(article_id: int, slug: str, number: int):
    """One tutorial step; a step with a video sends its own Content-Security-Policy header, which
    the page cache repeats on every copy."""
    found = _article_or_response(article_id)
    if not isinstance(found, Article):
        return found
    if browsing.step_at(found, number) is None:
        abort(404)
    if slug != found.slug:
        return redirect(url_for("kb.step", article_id=found.id, slug=found.slug, number=number, **_lang_args()), 301)
    _opened(found)
    return _step_page(found, number)


def _step_page(article: Article, number: int, form: RatingForm | None = None, status: int = 200):
    position = browsing.step_at(article, number)
    video = media.embed_url(position.step.video_url)
    html = render_template(
        "kb/step.html",
        article=article,
        position=position,
        step=position.step,
        video=video,
        form=form or RatingForm(formdata=None),
        related=browsing.related(article),
        ask_args=browsing.ask_args(article),
    )
    response = make_response(html, status)
    if video:
        response.headers["Content-Security-Policy"] = media.csp_with_frames()
    return response


@bp.route("/<int:article_id>/rating")
def rating_address(article_id: int):
    """The rating address opened or reloaded in the address bar leads to the article's rating box."""
    found = _article_or_response(article_id)
    if not isinstance(found, Article):
        return found
    return redirect(article_url(found, _anchor="rating", **_lang_args()))


@bp.route("/<int:article_id>/rating", methods=["POST"])
@csrf.exempt
@limiter.shared_limit(ratings.rate_limit, scope="kb-rating")
def rate(article_id: int):
    """Rate an article: one rating per member or per browser; a second one replaces the first.

    "Yes" or "No" alone is a rating, recorded at once; stars and a comment may follow, sent with the
    same answer, and replace it. The form comes back to the page it was sent from (``next``), at the
    rating box, with the outcome: a page script asking for JSON gets it as JSON instead. Only a
    refused comment is shown again in place, so its text is not lost.

    CSRF: articles are served from the page cache to visitors, and a token baked into a cached page
    would be another visitor's, so visitors' pages carry none and this endpoint is exempt from the
    site-wide check. Instead every request must come from one of our pages (its Origin, or failing
    that its Referer, names our scheme, host and port; the session cookie is SameSite=Lax besides), and a member's
    request — whose page is never cached — must still carry a valid token. Caching the busiest
    pages is worth more than a token that only guards a visitor's anonymous vote.
    """
    if not same_origin():
        return render_error(
            400, "cross_origin", _("This form was sent from another site. Please rate from the article.")
        )
    article = queries.article_detail(article_id)
    ops.get_article(article_id, current_user)
    if current_user.is_authenticated:
        try:
            csrf.protect()
        except CSRFError:
            return _rating_refused(article, _("This page had expired: please answer again."), 400, "csrf_failed")
    form = RatingForm()
    actor = current_user if current_user.is_authenticated else None
    session_key = None if actor else ratings.browser_rater()
    helpful = {"yes": True, "no": False}.get(form.helpful.data)
    stars = _whole_number(form.stars.data)
    done = attempt(form, lambda: ratings.rate(actor, session_key, article, helpful, stars, form.comment.data))
    if done is not None:
        outcome = {"helpful": form.helpful.data, "details": bool(done.stars or done.comment)}
        if wants_json():
            article = queries.article_detail(article_id)
            summary = get_template_attribute("kb/_macros.html", "rating_summary")(article)
            return jsonify(outcome | {"message": _rated_message(outcome), "summary": str(summary)})
        flash(outcome, RATED)
        return redirect(f"{_back(article)}#rating")
    if form.helpful.errors:
        message = _("Please choose Yes or No.")
    else:
        message = next(iter(form.stars.errors or form.comment.errors or form.form_errors), "")
    if wants_json():
        return json_error(422, "invalid", message, {name: errors[0] for name, errors in form.errors.items()})
    if not form.comment.errors:
        return _rating_refused(article, message)
    article = queries.article_detail(article_id)  # the refusal rolled the session back: load the page's data again
    number = _whole_number(form.step.data)
    if isinstance(number, int) and browsing.step_at(article, number) is not None:
        return _step_page(article, number, form, 422)
    return _article_page(article, form, 422)


RATED = "kb-rated"  # the flash the rating box reads: {"helpful", "details"} or {"error"}


def _rated_message(outcome: dict) -> str:
    if outcome["details"]:
        return _("Thanks — your rating is saved.")
    if outcome["helpful"] == "yes":
        return _("Thanks! Glad it helped.")
    return _("Thanks for telling us: we will improve this article.")


def _back(article: Article) -> str:
    return safe_next(article_url(article)).split("#", 1)[0]


def _rating_refused(article: Article, message: str, status: int = 422, code: str = "invalid"):
    """Back to the rating box with ``message`` (JSON for a page script)."""
    if wants_json():
        return json_error(status, code, message)
    flash({"error": message}, RATED)
    return redirect(f"{_back(article)}#rating")


@bp.errorhandler(429)
def too_many_ratings(err):
    """Too many ratings from one address (the only limit of these pages): said in the rating box,
    not on a page of its own; a page script gets the site's JSON error."""
    message = _("Too many attempts. Please wait a minute and try again.")
    article = queries.article_detail(request.view_args.get("article_id", 0)) if request.view_args else None
    if article is not None and article.is_published and not wants_json():
        return _rating_refused(article, message, 429, "rate_limited")
    response = make_response(
        json_error(429, "rate_limited", message) if wants_json() else render_error(429, "rate_limited", message)
    )
    response.headers.update({k: v for k, v in err.get_headers() if k.lower() == "retry-after"})
    return response


def _whole_number(raw):
    """``raw`` as an int when it is one, None when empty, else as sent (the operation refuses it)."""
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        return raw


@bp.route("/contact")
def contact():
    """The former advisor page: the community's "Talk to an advisor" form took its place."""
    raw = request.args.get("article", "")
    args = {"article": raw} if raw.isdigit() and len(raw) < 10 else {}
    return redirect(url_for("escalation.advisor", **args), 301)

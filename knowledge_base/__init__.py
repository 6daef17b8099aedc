"""The knowledge base: FAQ entries and tutorials, promoted from answers or imported. Plugs in with ``init_app``."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from community.core import permissions
from community.core import signals as community_signals
from community.core.extensions import csrf
from community.core.navigation import StaffLink, register_staff_link
from community.escalation import trail
from community.escalation.articles import register_article_facts
from community.questions import coverage

ACTIONS = {
    "article.create": [permissions.staff],
    "article.edit": [permissions.staff],
    "article.publish": [permissions.staff],
    "article.archive": [permissions.staff],
    "article.promote": [permissions.staff],
    "article.import": [permissions.staff],
    "article.view_unpublished": [permissions.staff],
    "article.rate": [],
}

DEFAULTS = {
    "KB_REVIEW_THRESHOLD": 3.0,  # an average score under this …
    "KB_REVIEW_MIN_RATINGS": 5,  # … over at least this many ratings flags the article needs_review
    "KB_REVIEW_MAX_AGE_DAYS": 180,  # a published article not reviewed for this long enters the curation queue
    "KB_RATING_RATE_LIMIT": "20 per minute",  # ratings from one address (pages and API together)
}


def init_app(app: Flask) -> None:
    from community.questions.matches import register_excerpts
    from knowledge_base import (  # noqa: F401
        api,
        audit,
        browsing,
        cli,
        curation_views,
        demo,
        escalations,
        findability,
        home_blocks,
        media,
        models,
        privacy,
        reputation,
        search_documents,
        staff_views,
        subscribers,
        views,
    )
    from knowledge_base.queries import article_summaries, articles_for_question
    from knowledge_base.urls import article_url

    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    permissions.register(ACTIONS, public={"article.rate"})
    audit.register()
    privacy.register_sources()
    reputation.init_app()
    csrf.exempt(api.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(staff_views.bp)
    app.register_blueprint(curation_views.bp)
    app.register_blueprint(media.bp)
    cli.init_app(app)
    app.add_template_global(articles_for_question, "kb_articles_for_question")
    register_excerpts("article", article_summaries)
    app.add_template_global(article_url, "article_url")
    findability.init_app(app)
    coverage.register(app, browsing.covering_articles)
    home_blocks.init_app(app)
    register_article_facts(app, browsing.article_fact)
    trail.register_titles(app, "article", browsing.article_titles)
    register_staff_link(app, StaffLink("kb_staff.articles", _l("Help articles"), "book", "article.edit", order=10))
    register_staff_link(app, StaffLink("kb_curation.queue", _l("Curation queue"), "award", "article.edit", order=20))
    search_documents.register_kinds()
    community_signals.demo_loaded.connect(demo.load, weak=False)
    subscribers.connect(app)
    escalations.init_app(app)

"""The community: members, questions and answers. ``init_app`` plugs it into the Flask app."""

from __future__ import annotations

import atexit

from flask import Flask, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from community.core import database, errors, i18n, page_cache, rate_limit_store, security, templating  # noqa: F401 - registers sqlite://
from community.core.extensions import csrf, db, limiter, login_manager, migrate
from community.core.navigation import StaffLink

MIGRATIONS = i18n.TRANSLATIONS.parent / "migrations"

STAFF_LINKS = (
    StaffLink("discovery.report", _l("Search report"), "search", "search.report", order=30, group="insight"),
    StaffLink("members.users", _l("Members"), "users", "user.list", order=40, group="community"),
    StaffLink("taxonomy.categories", _l("Categories"), "folder", "category.manage", order=50, group="community"),
)


class IdConverter(IntegerConverter):
    """An id larger than an INTEGER column holds (PostgreSQL's limit) is simply not found."""

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        if number > 2**31 - 1:
            raise NotFound()
        return number


def init_extensions(app: Flask) -> None:
    app.url_map.converters["int"] = IdConverter
    db.init_app(app)
    database.filter_hidden()
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    page_cache.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)


def init_app(app: Flask) -> None:
    from community import api, audit, demo, escalation, moderation, notifications, privacy, reputation, site
    from community.core import language as content_language
    from community.core import navigation, sitemap
    from community.core.navigation import register_staff_link
    from community.discovery import cli as discovery_cli
    from community.discovery import models as discovery_models  # noqa: F401
    from community.discovery import searching, visits
    from community.discovery import views as discovery_views
    from community.escalation import models as escalation_models  # noqa: F401
    from community.members import account_views
    from community.members import cli as members_cli
    from community.members import views as members_views
    from community.members.models import User
    from community.moderation import models as moderation_models  # noqa: F401
    from community.moderation import suspension
    from community.questions import coverage, feeds, search_documents, view_counter
    from community.questions import queries as questions_queries
    from community.questions import views as questions_views
    from community.questions.urls import question_url
    from community.taxonomy import cli as taxonomy_cli
    from community.taxonomy import views as taxonomy_views

    login_manager.login_view = "members.login"
    login_manager.login_message = None

    @login_manager.user_loader
    def load_user(session_id: str):
        user_id, _, token = session_id.partition(":")
        if not user_id.isdigit():
            return None
        user = db.session.get(User, int(user_id))
        if user is None or user.session_token != token:
            return None
        if user.is_suspended:
            suspension.refuse_session(user)
            return None
        return user

    @login_manager.unauthorized_handler
    def unauthorized():
        if request.path.startswith("/api/") or request.method != "GET":
            return errors.render_error(401, "unauthorized")
        return redirect(url_for("members.login", next=request.full_path.rstrip("?")))

    app.register_blueprint(site.bp)
    app.register_blueprint(members_views.bp)
    app.register_blueprint(account_views.bp)
    app.register_blueprint(questions_views.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(taxonomy_views.bp)
    app.register_blueprint(discovery_views.bp)
    app.register_blueprint(sitemap.bp)
    api.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    content_language.init_app(app)
    navigation.init_app(app)
    for link in STAFF_LINKS:
        register_staff_link(app, link)
    app.jinja_env.globals["question_url"] = question_url
    coverage.init_app(app)
    sitemap.register(site.sitemap_entries, app, order=-100)
    sitemap.register(questions_queries.sitemap_entries, app, order=100)
    members_cli.init_app(app)
    taxonomy_cli.init_app(app)
    discovery_cli.init_app(app)
    searching.init_app(app)
    search_documents.register_kinds()
    visits.init_app(app)
    demo.init_app(app)
    notifications.init_app(app)
    audit.init_app(app)
    moderation.init_app(app)
    privacy.init_app(app)
    escalation.init_app(app)
    reputation.init_app(app)

    if not app.testing:

        def flush_views_on_exit():
            with app.app_context():
                view_counter.flush()

        atexit.register(flush_views_on_exit)

"""A live server in a thread and Debian's chromium driven by Playwright."""

from __future__ import annotations

import functools
import threading

import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash
from werkzeug.serving import make_server

from community.core.extensions import db
from community.demo.content import DEMO_PASSWORD
from community.discovery import searching
from community.escalation.models import Case
from community.members import operations as members
from community.members.models import User
from community.moderation.models import QueueItem
from community.questions.models import Question
from knowledge_base.models import Article
from wsgi import create_app

CHROMIUM = "/usr/bin/chromium"
# A live app's settings: no view buffering or search polling, sign-in not throttled.
APP_CONFIG = {
    "SECRET_KEY": "browser-tests",
    "VIEW_FLUSH_SECONDS": 0,
    "LOGIN_RATE_LIMIT": "1000 per minute",
    "SEARCH_POLL_SECONDS": 0,
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
]


@pytest.fixture
def live_app(tmp_path):
    app = create_app({**APP_CONFIG, "INSTANCE_PATH": str(tmp_path / "instance")})
    with app.app_context():
        db.create_all()
        searching.rebuild()
    return app


@pytest.fixture
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# The demo community's pages that the overflow and accessibility checks visit: who looks at each
# (None: a visitor; otherwise a demo member's email) and its address, filled from the demo data.
# The demo members get the cheap password hash of the other tests (tests/conftest.py).
DEMO_PASSWORD_HASH = functools.partial(generate_password_hash, method="pbkdf2:sha256:1")
CUSTOMER = "lea.martin@mail.example"
ADMIN = "admin@neolia.example"
DEMO_PAGES = {
    "home": (None, "/"),
    "questions": (None, "/questions"),
    "question": (None, "/questions/{question}"),
    "ask": (CUSTOMER, "/questions/ask"),
    "search": (None, "/search?q=box"),
    "search-no-result": (None, "/search?q=zzqxwv"),
    "kb-home": (None, "/kb"),
    "kb-category": (None, "/kb/category/{category}"),
    "faq": (None, "/kb/{faq}"),
    "tutorial": (None, "/kb/{tutorial}"),
    "tutorial-step": (None, "/kb/{tutorial}/{tutorial_slug}/step/1"),
    "contact": (None, "/advisor"),
    "register": (None, "/register"),
    "login": (None, "/login"),
    "profile": (None, "/users/{profile}"),
    "settings": (CUSTOMER, "/settings"),
    "notifications": (CUSTOMER, "/notifications"),
    "kb-staff": (ADMIN, "/kb/staff"),
    "kb-editor": (ADMIN, "/kb/{faq}/edit"),
    "curation": (ADMIN, "/kb/curation"),
    "search-report": (ADMIN, "/admin/search"),
    "members": (ADMIN, "/admin/users"),
    "categories": (ADMIN, "/categories"),
    "audit": (ADMIN, "/admin/audit"),
    "moderation": (ADMIN, "/moderation"),
    "moderation-item": (ADMIN, "/moderation/items/{queue_item}"),
    "moderators": (ADMIN, "/moderation/moderators"),
    "blocked": (ADMIN, "/moderation/blocked"),
    "flag": (CUSTOMER, "/flag/user/{profile}"),
    "privacy": (None, "/privacy"),
    "cases": (ADMIN, "/cases"),
    "case": (ADMIN, "/cases/{late_case}"),
    "customer-case": (CUSTOMER, "/cases/{customer_case}"),
    "my-requests": (CUSTOMER, "/requests"),
    "canned": (ADMIN, "/cases/canned"),
    "leaderboard": (None, "/leaderboard"),
    "badges": (None, "/badges"),
    "nominations": (ADMIN, "/ambassadors/nominations"),
    "for-you": (ADMIN, "/for-you"),
    "your-data": (CUSTOMER, "/settings/data"),
    "delete-account": (CUSTOMER, "/settings/delete"),
    "not-found": (None, "/questions/999999"),
}


class DemoSite:
    """The demo community on a live server, with one browser context per visitor."""

    def __init__(self, app, url: str, browser) -> None:
        self.app, self.url, self.browser = app, url, browser
        self.contexts: dict = {}
        with app.app_context():
            self.ids = _demo_ids()
            db.session.remove()

    def address(self, name: str, language: str) -> str:
        path = DEMO_PAGES[name][1].format(**self.ids)
        return f"{self.url}{path}{'&' if '?' in path else '?'}lang={language}"

    def open(self, name: str, language: str, width: int = 1280):
        """A new tab showing the page (``?lang=`` picks the language), loaded and settled."""
        page = self.context(DEMO_PAGES[name][0]).new_page()
        page.set_viewport_size({"width": width, "height": 800})
        response = page.goto(self.address(name, language), wait_until="load")
        expected = 404 if name == "not-found" else 200
        assert response is not None and response.status == expected, f"{name}: {response and response.status}"
        page.evaluate("document.fonts.ready.then(() => true)")
        return page

    def context(self, email: str | None):
        if email not in self.contexts:
            context = self.browser.new_context(reduced_motion="reduce", locale="fr-FR")
            if email:
                page = context.new_page()
                page.goto(f"{self.url}/login")
                page.fill("input[name=email]", email)
                page.fill("input[name=password]", DEMO_PASSWORD)
                with page.expect_navigation():
                    page.locator("form.form button[type=submit]").click()
                assert "/login" not in page.url, f"{email} could not sign in"
                page.close()
            self.contexts[email] = context
        return self.contexts[email]

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


def _demo_ids() -> dict:
    def article(kind: str) -> Article:
        return db.session.scalars(
            select(Article).where(Article.kind == kind, Article.status == "published").order_by(Article.id)
        ).first()

    faq, tutorial = article("faq"), article("tutorial")
    return {
        "question": db.session.scalar(
            select(Question.id).where(Question.accepted_answer_id.is_not(None)).order_by(Question.id)
        ),
        "category": faq.category.slug,
        "faq": faq.id,
        "tutorial": tutorial.id,
        "tutorial_slug": tutorial.slug,
        "profile": db.session.scalar(select(User.id).where(User.email == "marc.dubreuil@mail.example")),
        "queue_item": db.session.scalar(select(QueueItem.id).order_by(QueueItem.id)),
        "late_case": db.session.scalar(select(Case.id).where(Case.status == "new").order_by(Case.id)),
        "customer_case": db.session.scalar(
            select(Case.id).join(User, User.id == Case.customer_id).where(User.email == CUSTOMER)
        ),
    }


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory, browser):
    """The demo community loaded once for the module and served, for checks that visit many pages."""
    app = create_app({**APP_CONFIG, "INSTANCE_PATH": str(tmp_path_factory.mktemp("demo") / "instance")})
    with app.app_context():
        db.create_all()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(members, "generate_password_hash", DEMO_PASSWORD_HASH)
        loaded = app.test_cli_runner().invoke(args=["demo", "load"])
    assert loaded.exit_code == 0, loaded.output
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site = DemoSite(app, f"http://127.0.0.1:{server.server_port}", browser)
    yield site
    site.close()
    server.shutdown()
    thread.join(5)

"""The front door over HTTP: what the home page leads with, and who finds the staff tools."""

from __future__ import annotations

import re

import factories as make
import pytest

from community.core.extensions import db
from community.members import operations as members
from community.questions import operations as qa


@pytest.fixture(autouse=True)
def english(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def _section(html: str, heading_id: str) -> str:
    """The HTML of the <section> labelled by ``heading_id``."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def _solved(title: str):
    question = make.question(title=title)
    answer = make.answer(question, body="Débranchez la box trente secondes, puis rebranchez-la.")
    qa.accept_answer(question.author, answer)
    db.session.commit()
    return question


def test_home_leads_with_search_then_articles_and_solved_questions(client):
    make.article(title="Changer le mot de passe du Wi-Fi")
    _solved("La fibre coupe tous les soirs")
    waiting = make.question(title="Ma télécommande ne répond plus")

    html = client.get("/").get_data(as_text=True)

    order = [html.index(marker) for marker in ('id="hero-q"', "Most helpful articles", "Solved by the community",
                                               "Browse by topic", "Waiting for an answer", "Talk to an advisor")]
    assert order == sorted(order), "the home shows search, self-service, topics, helping, then a human"
    assert "Changer le mot de passe du Wi-Fi" in _section(html, "home-articles-title")
    assert "La fibre coupe tous les soirs" in _section(html, "solved-title")
    unanswered = _section(html, "unanswered-title")
    assert waiting.title in unanswered
    assert "La fibre coupe tous les soirs" not in unanswered, "no question is listed twice"
    assert "Recent questions" not in html
    assert 'href="/advisor"' in _section(html, "home-human-title"), "a way to reach an advisor"
    assert html.count('role="search"') == 1, "one search box on the page"


def test_home_without_help_articles_still_offers_questions_and_a_human(client):
    _solved("Colis marqué livré mais rien reçu")
    html = client.get("/").get_data(as_text=True)
    assert "Most helpful articles" not in html
    assert "Colis marqué livré mais rien reçu" in _section(html, "solved-title")
    assert "Talk to an advisor" in html


def _tools_menu(html: str) -> list[str]:
    found = re.search(r'<ul class="menu-list" aria-label="Staff tools">(.*?)</ul>', html, re.S)
    return re.findall(r"</svg>([^<]+)</a>", found.group(1)) if found else []


@pytest.mark.parametrize(
    "role, expected",
    [
        ("customer", []),
        ("ambassador", []),
        (
            "staff",
            ["Help articles", "Curation queue", "Search report", "Audit log", "Advisor cases", "Moderation",
             "Ambassador nominations", "Categories", "Mail"],
        ),
        (
            "admin",
            ["Help articles", "Curation queue", "Search report", "Audit log", "Advisor cases", "Moderation", "Members",
             "Ambassador nominations", "Categories", "Mail"],
        ),
    ],
)
def test_staff_tools_sit_in_the_header_for_staff_and_admins_only(client, auth, role, expected):
    member = make.user(role)
    auth.login(member)
    for path in ("/", "/questions", "/kb", "/settings"):
        html = client.get(path).get_data(as_text=True)
        header = html[html.index("<header") : html.index("</header>")]
        assert _tools_menu(header) == expected, (path, role)
        assert "(admin)" not in html


def test_staff_tools_mark_the_page_you_are_on(client, auth):
    auth.login(make.user("staff"))
    html = client.get("/admin/search").get_data(as_text=True)
    assert '<a href="/admin/search" aria-current="page">' in html


def _subnav(html: str) -> str:
    start = html.index('<nav class="subnav"')
    return html[start : html.index("</nav>", start)]


def test_customers_see_api_tokens_only_once_they_use_them(client, auth):
    member = make.user("customer")
    auth.login(member)
    settings = client.get("/settings").get_data(as_text=True)
    nav = _subnav(settings)
    assert "API tokens" not in nav
    assert "Developer settings: API tokens" in settings, "the developer settings stay one click away"

    tokens_page = client.get("/settings/tokens").get_data(as_text=True)
    assert 'href="/settings/tokens" aria-current="page"' in tokens_page

    members.create_token(member, member, "script")
    db.session.commit()
    settings = client.get("/settings").get_data(as_text=True)
    nav = _subnav(settings)
    assert "API tokens" in nav
    assert "Developer settings" not in settings


def test_not_found_page_offers_search_as_its_one_primary_action(client):
    response = client.get("/questions/999999")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    main = html[html.index("<main") : html.index("</main>")]
    assert main.count("btn-primary") == 1
    assert re.search(r'class="btn btn-primary"[^>]*>Search', main)


def test_forbidden_page_offers_one_primary_action(client, auth):
    auth.login(make.user("customer"))
    response = client.get("/admin/users")
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    main = html[html.index('<main') : html.index("</main>")]
    assert main.count("btn-primary") == 1
    assert "Back to the home page" in main[main.index("btn-primary") :]

"""The journey trail (what a visit searched and opened), the device summary and the channels' opening
hours: what the "Talk to an advisor" form offers to share, and when the phone is offered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery.models import SearchQuery
from community.discovery.visits import COOKIE
from community.escalation import channels, device, trail
from community.escalation.articles import article_fact
from community.escalation.models import TrailView
from community.privacy.export import export_member
from tests import factories as make

IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Mobile/15E148 Safari/604.1"
)


def _visit(client) -> str:
    """Start a visit (the first page sets the cookie) and return its id."""
    client.get("/")
    return client.get_cookie(COOKIE).value


def _journey(client, article, question, query="facture double prélèvement"):
    client.get("/search", query_string={"q": query})
    client.get(f"/kb/{article.id}/{article.slug}")
    client.get(f"/questions/{question.id}/{question.slug}")


def test_a_visit_trail_holds_its_searches_with_counts_and_the_pages_it_opened(app, client):
    """An anonymous visitor's searches (with how many results) and the article and question they
    opened, newest first; the same page opened twice counts once."""
    article, question = make.article(), make.question(title="Prélevé deux fois ce mois-ci")
    visit = _visit(client)
    client.get("/search", query_string={"q": "zzzz introuvable"})
    _journey(client, article, question)
    client.get(f"/kb/{article.id}/{article.slug}")  # from the page cache this time
    snap = trail.snapshot(visit, None, user_agent=IPHONE)
    assert [(s["query"], s["result_count"]) for s in snap["searches"]][-1] == ("zzzz introuvable", 0)
    assert snap["searches"][0]["query"] == "facture double prélèvement"
    assert [(a["id"], a["title"], a["url"]) for a in snap["articles"]] == [
        (article.id, article.title, f"/kb/{article.id}/{article.slug}")
    ]
    assert [(q["id"], q["title"]) for q in snap["questions"]] == [(question.id, "Prélevé deux fois ce mois-ci")]
    assert snap["device"] == {"kind": "phone", "system": "iOS 17.4", "browser": "Mobile Safari 17"}


def test_pages_served_from_the_cache_are_recorded_with_their_titles(app, client):
    """Anonymous visitors get question and article pages from the page cache: they still count."""
    article, question = make.article(), make.question(title="Voyant rouge sur la box")
    first = app.test_client()
    first.get(f"/kb/{article.id}/{article.slug}")
    first.get(f"/questions/{question.id}/{question.slug}")  # both pages are now cached
    visit = _visit(client)
    client.get(f"/kb/{article.id}/{article.slug}")
    client.get(f"/questions/{question.id}/{question.slug}")
    snap = trail.snapshot(visit)
    assert [a["title"] for a in snap["articles"]] == [article.title]
    assert [q["title"] for q in snap["questions"]] == ["Voyant rouge sur la box"]


def test_visits_are_not_mixed(app, client):
    article, question = make.article(), make.question()
    other = app.test_client()
    mine, theirs = _visit(client), _visit(other)
    _journey(client, article, question, query="box éteinte")
    other.get("/search", query_string={"q": "carte sim bloquée"})
    assert [s["query"] for s in trail.snapshot(mine)["searches"]] == ["box éteinte"]
    theirs_snap = trail.snapshot(theirs)
    assert [s["query"] for s in theirs_snap["searches"]] == ["carte sim bloquée"]
    assert theirs_snap["articles"] == [] and theirs_snap["questions"] == []


def test_a_client_that_keeps_no_cookie_leaves_no_trail(app, client):
    """The first request of a visit (no cookie yet) records nothing: a client dropping cookies has no trail."""
    article = make.article()
    app.test_client(use_cookies=False).get(f"/kb/{article.id}/{article.slug}")
    trail.flush()
    assert db.session.scalar(select(func.count()).select_from(TrailView)) == 0
    assert trail.snapshot(None) == {
        "searches": [],
        "articles": [],
        "questions": [],
        "device": {"kind": "unknown", "system": "", "browser": ""},
    }


def test_a_member_trail_includes_their_recent_searches_from_another_visit(app, client, auth):
    """Signed in, the member's own searches of the last hours count, from another tab or device too;
    older ones do not."""
    member = make.user()
    auth.login(member)
    client.get("/search", query_string={"q": "box éteinte"})
    client.get("/search", query_string={"q": "ancienne recherche"})
    db.session.execute(
        update(SearchQuery)
        .where(SearchQuery.query == "ancienne recherche")
        .values(created_at=utcnow() - timedelta(hours=5))
    )
    db.session.commit()
    snap = trail.snapshot("another-visit-000000", member)
    assert [s["query"] for s in snap["searches"]] == ["box éteinte"]


def test_only_the_ticked_items_are_kept(app, client):
    article, question = make.article(), make.question()
    visit = _visit(client)
    _journey(client, article, question)
    snap = trail.snapshot(visit, user_agent=IPHONE)
    search_key = trail.item_key("search", snap["searches"][0])
    kept = trail.confirmed(snap, [search_key, f"question-{question.id}"])
    assert kept["searches"] == snap["searches"] and kept["questions"] == snap["questions"]
    assert kept["articles"] == [] and kept["device"] == {}
    assert trail.confirmed(snap, ["device", "article-999"])["device"]["kind"] == "phone"


def test_an_article_is_known_to_the_community_only_as_a_fact(app):
    article = make.article()
    draft = make.article(title="Brouillon", publish=False)
    assert article_fact(article.id) == (article.id, article.title, f"/kb/{article.id}/{article.slug}")
    assert article_fact(str(article.id)).title == article.title
    assert article_fact(draft.id) is None
    assert article_fact("abc") is None and article_fact(None) is None and article_fact(-1) is None


def test_the_trail_is_purged_after_the_retention_period_and_exported(app, client, auth, runner):
    """`flask privacy purge` deletes trail entries older than PRIVACY_RETENTION_DAYS; a member's own
    are in their export."""
    member = make.user()
    question = make.question()
    auth.login(member)
    client.get(f"/questions/{question.id}/{question.slug}")
    client.get(f"/questions/{question.id}/{question.slug}")
    trail.flush()
    assert [row["target_id"] for row in export_member(member, member)["data"]["journey_trail"]] == [question.id] * 2
    db.session.execute(
        update(TrailView)
        .where(TrailView.id == db.session.scalar(select(func.min(TrailView.id))))
        .values(created_at=utcnow() - timedelta(days=120))
    )
    db.session.commit()
    result = runner.invoke(args=["privacy", "purge"])
    assert "Deleted 1 journey trail entries older than 90 days." in result.output
    assert db.session.scalar(select(func.count()).select_from(TrailView)) == 1


@pytest.mark.parametrize(
    ("ua", "expected"),
    [
        (IPHONE, ("phone", "iOS 17.4", "Mobile Safari 17")),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/124.0.0.0 Mobile Safari/537.36",
            ("phone", "Android 14", "Chrome Mobile 124"),
        ),
        (
            "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.4 Mobile/15E148 Safari/604.1",
            ("tablet", "iOS 17.4", "Mobile Safari 17"),
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/124.0.0.0 Safari/537.36",
            ("tablet", "Android 14", "Chrome 124"),
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/124.0.0.0 Safari/537.36 Edg/124.0",
            ("computer", "Windows 10", "Edge 124"),
        ),
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", ("bot", "", "Googlebot 2")),
        ("", ("unknown", "", "")),
    ],
)
def test_the_device_summary_reads_the_user_agent(ua, expected):
    summary = device.summary(ua)
    assert (summary["kind"], summary["system"], summary["browser"]) == expected


PHONE = channels.DEFAULT_ADVISOR_CHANNELS[0]  # Monday to Friday 8:00–20:00, Saturday 9:00–18:00, Paris time


def _paris(*args) -> datetime:
    return datetime(*args, tzinfo=channels.ZoneInfo("Europe/Paris"))


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (_paris(2024, 6, 3, 7, 59), False),  # Monday, a minute before opening
        (_paris(2024, 6, 3, 8, 0), True),
        (_paris(2024, 6, 7, 19, 59), True),  # Friday
        (_paris(2024, 6, 7, 20, 0), False),
        (_paris(2024, 6, 8, 8, 30), False),  # Saturday opens later
        (_paris(2024, 6, 8, 9, 0), True),
        (_paris(2024, 6, 8, 18, 0), False),
        (_paris(2024, 6, 9, 12, 0), False),  # Sunday
        (datetime(2024, 6, 3, 6, 0, tzinfo=UTC), True),  # 8:00 in Paris in summer (UTC+2)
        (datetime(2024, 1, 8, 6, 30), False),  # naive UTC: 7:30 in Paris in winter (UTC+1)
        (datetime(2024, 1, 8, 7, 0), True),
    ],
)
def test_opening_hours_at_their_edges_in_the_channel_time_zone(moment, is_open):
    assert channels.is_open(PHONE, moment) is is_open


def test_a_closed_channel_says_when_it_opens(app):
    with app.test_request_context("/?lang=en"):
        assert channels.next_opening(PHONE, _paris(2024, 6, 8, 18, 30)) == _paris(2024, 6, 10, 8, 0)
        assert channels.opens_text(PHONE, _paris(2024, 6, 8, 18, 30)) == "Closed now, opens Monday at 8:00\u202fAM."
        assert channels.opens_text(PHONE, _paris(2024, 6, 3, 7, 0)) == "Closed now, opens today at 8:00\u202fAM."
        assert channels.opens_text(PHONE, _paris(2024, 6, 7, 21, 0)) == "Closed now, opens tomorrow at 9:00\u202fAM."
        assert (
            channels.hours_text(PHONE)
            == "Monday to Friday 8:00\u202fAM–8:00\u202fPM · Saturday 9:00\u202fAM–6:00\u202fPM"
        )


def test_hours_accept_several_ranges_and_wrap_around_the_week():
    shop = {"hours": {"sat-mon": "09:00-12:00, 14:00-18:00", "wed": "closed"}, "timezone": "America/Montreal"}
    montreal = channels.ZoneInfo("America/Montreal")
    assert channels.is_open(shop, datetime(2024, 6, 9, 10, 0, tzinfo=montreal))  # Sunday
    assert not channels.is_open(shop, datetime(2024, 6, 10, 13, 0, tzinfo=montreal))  # Monday lunch
    assert channels.is_open(shop, datetime(2024, 6, 10, 14, 0, tzinfo=montreal))
    assert not channels.is_open(shop, datetime(2024, 6, 12, 10, 0, tzinfo=montreal))  # Wednesday
    assert channels.is_open({"label": "Hotline", "hours": "24/7"})  # hours as words: not judged

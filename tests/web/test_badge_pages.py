"""The badge pages as visitors and members see them: the catalogue by tier with how many members hold
each badge, one badge's holders with the post that earned it, and the notification of an award."""

from __future__ import annotations

import re

from community.core.extensions import db
from community.moderation import operations as moderation
from community.reputation.badges import CATALOGUE
from tests import factories as make


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _card(html: str, slug: str) -> str:
    """The catalogue card linking to ``slug``."""
    start = html.index(f'href="/badges/{slug}"')
    return _text(html[start : html.index("</li>", start)])


def test_the_catalogue_lists_every_badge_by_tier_with_its_holders(app, client):
    """Anyone sees gold, silver and bronze sections, each badge's description and how many members
    hold it (a badge nobody holds says 0)."""
    asker, helper = make.user(), make.user(name="Sophie Laurent")
    make.answer(make.question(asker), helper)
    html = client.get("/badges?lang=en").get_data(as_text=True)
    assert html.index('id="tier-gold"') < html.index('id="tier-silver"') < html.index('id="tier-bronze"')
    for badge in CATALOGUE:
        assert f'href="/badges/{badge.slug}"' in html
    assert "Answered a member&#39;s question for the first time." in html
    assert "1 member" in _card(html, "first-answer")
    assert "0 members" in _card(html, "helpful")
    assert "10 answers accepted as the solution." in _card(html, "solver")
    assert "Rolling" in _card(html, "responsive") and "90% of their first answers" in _card(html, "responsive")
    assert "You hold" not in html


def test_a_member_sees_which_badges_they_hold(app, client, auth):
    """Signed in, the member reads how many badges they hold and which cards are theirs."""
    helper = make.user()
    make.answer(make.question(), helper)
    auth.login(helper)
    html = client.get("/badges?lang=en").get_data(as_text=True)
    assert f"You hold 1 badge out of {len(CATALOGUE)}" in _text(html)
    assert "You hold it" in _card(html, "first-answer")
    assert "You hold it" not in _card(html, "first-solution")


def test_a_badge_page_lists_its_holders_and_the_post_that_earned_it(app, client):
    """/badges/first-answer names the holder, when they earned it and links the answer; once the
    question is hidden by moderation the holder stays, the link goes."""
    helper = make.user(name="Sophie Laurent")
    question = make.question(title="Le wifi se coupe toutes les dix minutes")
    answer = make.answer(question, helper)
    html = client.get("/badges/first-answer?lang=en").get_data(as_text=True)
    assert "First answer" in html and "Held by 1 member" in _text(html)
    assert "Sophie Laurent" in html
    assert f'#answer-{answer.id}"' in html and "Le wifi se coupe toutes les dix minutes" in html

    moderation.hide(make.user("staff"), question, "spam")
    db.session.commit()
    html = client.get("/badges/first-answer?lang=en").get_data(as_text=True)
    assert "Sophie Laurent" in html
    assert "Le wifi se coupe" not in html


def test_a_badge_nobody_holds_says_so_and_an_unknown_badge_is_not_found(app, client):
    html = client.get("/badges/master-troubleshooter?lang=en").get_data(as_text=True)
    assert "Nobody holds this badge yet." in html
    assert client.get("/badges/no-such-badge").status_code == 404


def test_the_member_is_notified_of_the_badge_in_the_list(app, client, auth):
    """The notification list says "You earned a badge" with the badge's name, linking to its page."""
    helper = make.user(locale="en")
    make.answer(make.question(), helper)
    auth.login(helper)
    html = client.get("/notifications?lang=en").get_data(as_text=True)
    assert "You earned a badge" in html and "First answer" in html
    opened = client.get(re.search(r'href="(/notifications/\d+)"', html).group(1))
    assert opened.status_code == 302 and opened.headers["Location"].endswith("/badges/first-answer")

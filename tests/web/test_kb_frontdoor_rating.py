"""Rating an article in one click: "Yes" or "No" is recorded at once, stars and a comment are an
optional second step, and whatever happens the visitor is back at the article's rating box."""

from __future__ import annotations

import re

import factories as make
import pytest
from sqlalchemy import select

from community.core.extensions import db
from knowledge_base.models import Rating

ORIGIN = {"Origin": "http://localhost"}
JSON = ORIGIN | {"Accept": "application/json"}


@pytest.fixture(autouse=True)
def english(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def _url(article) -> str:
    return f"/kb/{article.id}/{article.slug}"


def _more_form(html: str) -> str:
    found = re.search(r'<form class="kb-rating-more"[^>]*>', html)
    assert found, "no second step in the rating box"
    return found.group(0)


def test_yes_is_recorded_in_one_click_and_opens_the_optional_second_step(app, client):
    article = make.article()
    html = client.get(_url(article)).get_data(as_text=True)
    assert re.search(r'<button class="kb-choice kb-choice-yes" type="submit" name="helpful" value="yes"', html)
    assert re.search(r'<button class="kb-choice kb-choice-no" type="submit" name="helpful" value="no"', html)
    assert " hidden" in _more_form(html)  # stars and comment wait for an answer

    response = client.post(f"/kb/{article.id}/rating", data={"helpful": "yes", "next": _url(article)}, headers=ORIGIN)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{_url(article)}#rating")
    rating = db.session.scalars(select(Rating)).one()
    assert rating.helpful is True and rating.stars is None and rating.comment == ""

    html = client.get(_url(article)).get_data(as_text=True)
    assert "Thanks! Glad it helped." in html and "1 rating" in html
    assert " hidden" not in _more_form(html)
    assert '<input type="hidden" name="helpful" value="yes" data-rating-answer>' in html
    assert 'value="yes" aria-pressed="true"' in html


def test_the_second_step_adds_stars_and_a_comment_to_the_same_rating(app, client):
    article = make.article()
    client.post(f"/kb/{article.id}/rating", data={"helpful": "no", "next": _url(article)}, headers=ORIGIN)
    assert "Thanks for telling us" in client.get(_url(article)).get_data(as_text=True)
    data = {"helpful": "no", "stars": "2", "comment": "Il manque la Box 4.", "next": _url(article)}
    client.post(f"/kb/{article.id}/rating", data=data, headers=ORIGIN)
    rating = db.session.scalars(select(Rating)).one()
    assert (rating.helpful, rating.stars, rating.comment) == (False, 2, "Il manque la Box 4.")
    html = client.get(_url(article)).get_data(as_text=True)
    assert "Thanks — your rating is saved." in html and " hidden" in _more_form(html)


def test_a_page_script_rates_in_place_with_json(app, client):
    article = make.article()
    response = client.post(f"/kb/{article.id}/rating", data={"helpful": "no"}, headers=JSON)
    data = response.get_json()
    assert response.status_code == 200
    assert data["helpful"] == "no" and data["details"] is False
    assert data["message"] == "Thanks for telling us: we will improve this article."
    assert "1 rating" in data["summary"]

    refused = client.post(f"/kb/{article.id}/rating", data={"helpful": "yes", "stars": "7"}, headers=JSON)
    assert refused.status_code == 422
    assert refused.get_json()["error"]["message"] == "Stars are a whole number from 1 to 5."
    assert db.session.scalars(select(Rating)).one().helpful is False


class TestTooManyRatings:
    @pytest.fixture
    def app_config(self):
        return {"KB_RATING_RATE_LIMIT": "1 per minute"}

    def test_too_many_ratings_are_refused_in_the_rating_box(self, app, client):
        article = make.article()
        client.post(f"/kb/{article.id}/rating", data={"helpful": "yes"}, headers=ORIGIN)
        response = client.post(f"/kb/{article.id}/rating", data={"helpful": "no"}, headers=ORIGIN)
        assert response.status_code == 302 and response.headers["Location"].endswith(f"{_url(article)}#rating")
        assert "Too many attempts" in client.get(_url(article)).get_data(as_text=True)
        assert client.post(f"/kb/{article.id}/rating", data={"helpful": "no"}, headers=JSON).status_code == 429
        assert db.session.scalars(select(Rating)).one().helpful is True

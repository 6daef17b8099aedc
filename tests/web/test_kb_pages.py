"""The public knowledge-base pages over HTTP: what a visitor, a member and staff see."""

from __future__ import annotations

import json
import re

import factories as make
import pytest
from sqlalchemy import select

from community.core.extensions import db
from knowledge_base import operations as kb
from knowledge_base.models import Rating

ORIGIN = {"Origin": "http://localhost"}
STEPS = ["Débranchez la box de la prise.", "Attendez trente secondes.", "Rebranchez-la et patientez."]


@pytest.fixture(autouse=True)
def english(client):
    """Assertions read the English interface, whatever the catalogs hold."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def _tutorial(**kwargs):
    kwargs.setdefault("title", "Redémarrer sa box en trois étapes")
    kwargs.setdefault("body", "Un redémarrage règle la plupart des coupures.")
    return make.article(kind="tutorial", steps=STEPS, **kwargs)


def _url(article, *rest) -> str:
    return "/".join([f"/kb/{article.id}/{article.slug}", *map(str, rest)])


def _promoted(staff, author_name="Hugo Ambassadeur"):
    """An FAQ entry promoted from an answer in a thread, then published."""
    question = make.question(title="Le voyant de ma box clignote en rouge")
    author = make.user("ambassador", name=author_name)
    answer = make.answer(question, author, body="Maintenez le bouton **reset** dix secondes.")
    article = kb.promote_answer(staff, answer, "faq")
    kb.publish(staff, article)
    db.session.commit()
    return article, question, author


def _json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no JSON-LD block"
    return json.loads(found.group(1))


def test_home_lists_published_articles_by_category_and_not_drafts(app, client):
    """The home groups published articles under their category, with kind badges; drafts stay out."""
    staff = make.user("staff")
    make.category("facturation", "Facturation", actor=make.user("admin"))
    make.article(staff, title="Réinitialiser sa box internet")
    _tutorial(actor=staff)
    make.article(staff, title="Comprendre sa première facture", category_slug="facturation")
    make.article(staff, title="Brouillon secret sur la fibre", publish=False)
    html = client.get("/kb").get_data(as_text=True)
    assert "Réinitialiser sa box internet" in html and "Comprendre sa première facture" in html
    assert "Redémarrer sa box en trois étapes" in html
    assert "Brouillon secret" not in html
    assert html.index("Box internet") < html.index("Réinitialiser sa box internet")
    assert 'href="/kb/category/facturation"' in html
    assert "kb-kind-tutorial" in html and "kb-kind-faq" in html
    assert 'name="type" value="article"' in html


def test_home_without_articles_says_so_kindly(app, client):
    html = client.get("/kb").get_data(as_text=True)
    assert "No help articles yet." in html


def test_category_page_lists_its_articles_and_filters_by_kind(app, client):
    staff = make.user("staff")
    make.article(staff, title="Réinitialiser sa box internet")
    _tutorial(actor=staff)
    html = client.get("/kb/category/box-internet?languages=all").get_data(as_text=True)  # French ones, English page
    assert "Réinitialiser sa box internet" in html and "Redémarrer sa box en trois étapes" in html
    html = client.get("/kb/category/box-internet?kind=tutorial&languages=all").get_data(as_text=True)
    assert "Redémarrer sa box en trois étapes" in html and "Réinitialiser sa box internet" not in html
    assert client.get("/kb/category/nulle-part").status_code == 404


def test_faq_page_shows_the_answer_its_credits_and_the_original_thread(app, client):
    """A promoted entry credits the member who answered and links back to the discussion."""
    article, question, author = _promoted(make.user("staff"))
    html = client.get(_url(article)).get_data(as_text=True)
    assert "Le voyant de ma box clignote en rouge" in html
    assert "<strong>reset</strong>" in html
    assert "Based on an answer by" in html and "Hugo Ambassadeur" in html
    assert f'href="/users/{author.id}"' in html
    assert "See the original discussion" in html and f'href="/questions/{question.id}/{question.slug}"' in html
    assert "Last reviewed" in html and 'href="/kb/category/box-internet"' in html
    assert "Not rated yet" in html


def test_the_thread_link_is_left_out_when_the_thread_is_hidden(app, client):
    staff = make.user("staff")
    article, question, _author = _promoted(staff)
    question.hidden_at = question.created_at
    db.session.commit()
    html = client.get(_url(article)).get_data(as_text=True)
    assert "See the original discussion" not in html and "Based on an answer by" in html


@pytest.mark.parametrize("suffix", ["", "/un-vieux-titre"])
def test_a_missing_or_old_slug_moves_permanently_to_the_address_of_the_article(app, client, suffix):
    article = make.article()
    response = client.get(f"/kb/{article.id}{suffix}")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(_url(article))


def test_tutorial_overview_lists_every_step_and_starts_step_by_step(app, client):
    tutorial = _tutorial()
    html = client.get(_url(tutorial)).get_data(as_text=True)
    overview = html[html.index("All the steps") :]
    positions = [overview.index(text) for text in STEPS]
    assert positions == sorted(positions)
    assert "Start step by step" in html and f'href="{_url(tutorial, "step", 1)}"' in html


def test_a_step_page_shows_progress_and_its_neighbours(app, client):
    tutorial = _tutorial()
    html = client.get(_url(tutorial, "step", 2)).get_data(as_text=True)
    assert "Step 2 of 3" in html and '<progress class="kb-progress-bar" max="3" value="2"' in html
    assert "Attendez trente secondes." in html
    assert f'rel="prev" href="{_url(tutorial, "step", 1)}"' in html
    assert f'rel="next" href="{_url(tutorial, "step", 3)}"' in html
    assert "Back to overview" in html and "Did this solve your problem?" not in html
    last = client.get(_url(tutorial, "step", 3)).get_data(as_text=True)
    assert "Did this solve your problem?" in last and "Still need help?" in last and 'rel="next"' not in last


def test_steps_out_of_range_or_of_an_faq_are_not_found_and_old_slugs_move(app, client):
    tutorial, faq = _tutorial(), make.article()
    assert client.get(_url(tutorial, "step", 4)).status_code == 404
    assert client.get(_url(tutorial, "step", 0)).status_code == 404
    assert client.get(_url(faq, "step", 1)).status_code == 404
    response = client.get(f"/kb/{tutorial.id}/ancien-titre/step/2")
    assert response.status_code == 301 and response.headers["Location"].endswith(_url(tutorial, "step", 2))


@pytest.mark.parametrize(("status", "banner"), [("draft", "Draft"), ("in_review", "In review")])
def test_unpublished_articles_are_hidden_from_customers_and_bannered_for_staff(app, client, auth, status, banner):
    staff = make.user("staff")
    article = _tutorial(actor=staff, publish=False)
    if status == "in_review":
        kb.submit_for_review(staff, article)
        db.session.commit()
    for url in (_url(article), _url(article, "step", 1)):
        assert client.get(url).status_code == 404
    auth.login(make.user())
    assert client.get(_url(article)).status_code == 404
    auth.logout()
    auth.login(staff)
    response = client.get(_url(article))
    assert response.status_code == 200
    assert f'<p class="notice-title">{banner}</p>' in response.get_data(as_text=True)
    assert client.get(_url(article, "step", 1)).status_code == 200


def test_an_archived_article_leads_to_its_replacement_or_says_it_was_withdrawn(app, client, auth):
    staff = make.user("staff")
    old, new, lonely = make.article(staff), make.article(staff, title="La nouvelle méthode"), make.article(staff)
    kb.archive(staff, old, replacement=new)
    kb.archive(staff, lonely)
    db.session.commit()
    response = client.get(_url(old))
    assert response.status_code == 301 and response.headers["Location"].endswith(_url(new))
    response = client.get(_url(lonely))
    assert response.status_code == 410
    assert "This article was withdrawn" in response.get_data(as_text=True)
    auth.login(staff)
    html = client.get(_url(old)).get_data(as_text=True)
    assert "Archived" in html and "La nouvelle méthode" in html


def test_a_visitor_rates_and_a_second_rating_replaces_the_first(app, client):
    """Yes/No, stars and a comment; the thanks and the new average show at #rating."""
    article = make.article()
    response = client.post(
        f"/kb/{article.id}/rating",
        data={"helpful": "yes", "stars": "4", "comment": "Clair.", "next": _url(article)},
        headers=ORIGIN,
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{_url(article)}#rating")
    html = client.get(_url(article)).get_data(as_text=True)
    assert "Thanks — your rating is saved." in html and "1 rating" in html
    client.post(f"/kb/{article.id}/rating", data={"helpful": "no", "next": _url(article)}, headers=ORIGIN)
    rating = db.session.scalars(select(Rating).where(Rating.article_id == article.id)).one()
    assert rating.helpful is False and rating.stars is None and rating.session_key
    db.session.refresh(article)
    assert article.rating_count == 1 and article.rating_average == 1


def test_a_member_rates_with_the_form_token(app, client, auth):
    article, member = make.article(), make.user()
    auth.login(member)
    html = client.get(_url(article)).get_data(as_text=True)
    assert 'name="csrf_token"' in html
    refused = client.post(f"/kb/{article.id}/rating", data={"helpful": "yes"}, headers=ORIGIN, csrf=False)
    assert refused.status_code == 302 and refused.headers["Location"].endswith(f"{_url(article)}#rating")
    assert "This page had expired: please answer again." in client.get(_url(article)).get_data(as_text=True)
    assert db.session.scalars(select(Rating)).first() is None
    response = client.post(f"/kb/{article.id}/rating", data={"helpful": "yes", "stars": "5"}, headers=ORIGIN)
    assert response.status_code == 302
    rating = db.session.scalars(select(Rating)).one()
    assert rating.user_id == member.id and rating.score == 5


def test_visitors_pages_carry_no_token_and_ratings_from_elsewhere_are_refused(app, client):
    """Visitors' article pages are cached for everyone: no CSRF token in them; the Origin guards instead."""
    article = make.article()
    assert 'name="csrf_token"' not in client.get(_url(article)).get_data(as_text=True)
    for headers in ({"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"}, {}):
        response = client.post(f"/kb/{article.id}/rating", data={"helpful": "yes"}, headers=headers, csrf=False)
        assert response.status_code == 400
    response = client.post(
        f"/kb/{article.id}/rating", data={"helpful": "yes"}, headers={"Referer": f"http://localhost{_url(article)}"}
    )
    assert response.status_code == 302
    assert db.session.scalars(select(Rating)).one().helpful is True


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"stars": "3"}, "Please choose Yes or No."),
        ({"helpful": "peut-être"}, "Please choose Yes or No."),
        ({"helpful": "yes", "stars": "9"}, "Stars are a whole number from 1 to 5."),
    ],
)
def test_a_refused_rating_goes_back_to_the_article_with_the_reason(app, client, data, message):
    """Never a bare /kb/<id>/rating page: the visitor is back at the rating box, told what went wrong."""
    article = make.article()
    response = client.post(f"/kb/{article.id}/rating", data=data | {"next": _url(article)}, headers=ORIGIN)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{_url(article)}#rating")
    html = client.get(_url(article)).get_data(as_text=True)
    assert message in html and 'class="kb-rating-message is-error"' in html
    assert db.session.scalars(select(Rating)).first() is None


def test_a_refused_comment_comes_back_in_place_with_what_was_typed(app, client):
    article = make.article()
    data = {"helpful": "no", "comment": "Trop long. " * 100, "next": _url(article)}
    response = client.post(f"/kb/{article.id}/rating", data=data, headers=ORIGIN)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write at most 1000 characters." in html and "Trop long. Trop long." in html and 'id="rating"' in html
    assert db.session.scalars(select(Rating)).first() is None
    # Reloading that address from the address bar leads back to the article's rating box.
    again = client.get(f"/kb/{article.id}/rating")
    assert again.status_code == 302 and again.headers["Location"].endswith(f"{_url(article)}#rating")


def test_a_refused_rating_on_the_last_step_comes_back_on_that_step(app, client):
    tutorial = _tutorial()
    url = _url(tutorial, "step", 3)
    response = client.post(f"/kb/{tutorial.id}/rating", data={"next": url, "step": "3"}, headers=ORIGIN)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{url}#rating")
    html = client.get(url).get_data(as_text=True)
    assert "Step 3 of 3" in html and "Please choose Yes or No." in html


def test_articles_describe_themselves_to_search_engines(app, client):
    faq, tutorial = make.article(), _tutorial()
    data = _json_ld(client.get(_url(faq)).get_data(as_text=True))
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][0]["name"] == faq.title
    assert data["mainEntity"][0]["acceptedAnswer"]["text"].startswith("Appuyez 10 secondes sur le bouton reset")
    data = _json_ld(client.get(_url(tutorial)).get_data(as_text=True))
    assert data["@type"] == "HowTo" and data["name"] == tutorial.title
    assert [(s["position"], s["text"]) for s in data["step"]] == list(enumerate(STEPS, start=1))
    assert data["step"][1]["url"] == f"http://localhost{_url(tutorial, 'step', 2)}"


def test_pages_name_their_canonical_address_and_languages(app, client):
    article = make.article()
    html = client.get(_url(article)).get_data(as_text=True)
    canonical = f"http://localhost{_url(article)}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{canonical}?lang=en">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{canonical}">' in html
    assert '<link rel="canonical" href="http://localhost/kb">' in client.get("/kb").get_data(as_text=True)


def test_lang_en_shows_the_english_interface(app, client):
    article = make.article()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    assert '<html lang="fr">' in client.get(_url(article)).get_data(as_text=True)
    html = client.get(f"{_url(article)}?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Was this article helpful?" in html and "Still need help?" in html


def test_only_a_step_with_a_video_lets_the_player_frame_in(app, client):
    tutorial = _tutorial()
    staff = make.user("staff")
    kb.set_step_media(staff, tutorial, 2, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    db.session.commit()
    client.get(_url(tutorial, "step", 2))  # the second visit comes from the page cache
    response = client.get(_url(tutorial, "step", 2))
    html = response.get_data(as_text=True)
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "frame-src https://www.youtube-nocookie.com" in response.headers["Content-Security-Policy"]
    for url in (_url(tutorial, "step", 1), _url(tutorial), "/kb"):
        assert "frame-src" not in client.get(url).headers["Content-Security-Policy"]


def test_still_need_help_prefills_the_question_and_leads_to_an_advisor(app, client):
    article = make.article()
    html = client.get(_url(article)).get_data(as_text=True)
    assert "/questions/ask?title=R%C3%A9initialiser+sa+box+internet" in html
    assert f'href="/advisor?article={article.id}"' in html
    ask = client.get(re.search(r'href="(/questions/ask\?[^"]+)"', html).group(1).replace("&amp;", "&"))
    assert "I read the article" in ask.get_data(as_text=True)
    contact = client.get(f"/advisor?article={article.id}").get_data(as_text=True)
    assert "Réinitialiser sa box internet" in contact and 'name="subject"' in contact


def test_the_advisor_page_lists_the_configured_channels(app, client):
    app.config["ADVISOR_CHANNELS"] = [{"kind": "phone", "label": "Hotline", "value": "0800 000 000"}]
    html = client.get("/kb/contact?article=999", follow_redirects=True).get_data(as_text=True)
    assert "Hotline" in html and "0800 000 000" in html and "3900" not in html


def test_related_articles_are_published_neighbours(app, client):
    staff = make.user("staff")
    article = make.article(staff, tags=["wifi"])
    neighbour = make.article(staff, title="Changer le nom de son réseau wifi", tags=["wifi"])
    make.article(staff, title="Brouillon sur le wifi", tags=["wifi"], publish=False)
    html = client.get(_url(article)).get_data(as_text=True)
    related = html[html.index("Related articles") :]
    assert neighbour.title in related and "Brouillon sur le wifi" not in related
    assert article.title not in related


def test_a_rating_keeps_the_language_the_article_was_read_in(app, client):
    article = make.article()
    html = client.get(f"{_url(article)}?lang=en").get_data(as_text=True)
    assert f'action="/kb/{article.id}/rating?lang=en#rating"' in html
    assert f'name="next" value="{_url(article)}?lang=en"' in html
    response = client.post(
        f"/kb/{article.id}/rating?lang=en", data={"helpful": "yes", "next": f"{_url(article)}?lang=en"}, headers=ORIGIN
    )
    assert response.headers["Location"].endswith(f"{_url(article)}?lang=en#rating")


def test_unpublished_articles_take_no_ratings(app, client, auth):
    staff = make.user("staff")
    draft = make.article(staff, publish=False)
    auth.login(staff)
    assert "Was this article helpful?" not in client.get(_url(draft)).get_data(as_text=True)
    assert client.post(f"/kb/{draft.id}/rating", data={"helpful": "yes"}, headers=ORIGIN).status_code == 404
    auth.logout()
    assert client.post(f"/kb/{draft.id}/rating", data={"helpful": "yes"}, headers=ORIGIN).status_code == 404


def test_a_brand_sets_its_advisor_channels_in_the_instance_config(tmp_path, monkeypatch):
    from wsgi import create_app

    (tmp_path / "config.py").write_text(
        'ADVISOR_CHANNELS = [{"label": "Hotline Néolia Pro", "value": "0800 123 456"}]\nSEARCH_POLL_SECONDS = 0\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ENTRAIDE_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    brand = create_app()
    with brand.app_context():
        db.create_all()
        html = brand.test_client().get("/advisor").get_data(as_text=True)
        db.session.remove()
        db.engine.dispose()
    assert "Hotline Néolia Pro" in html and "0800 123 456" in html

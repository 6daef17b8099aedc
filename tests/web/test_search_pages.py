"""Searching, ask-time suggestions, deflection and the staff search report, over HTTP."""

from __future__ import annotations

import factories as make
from sqlalchemy import select

from community.core.extensions import db
from community.discovery import operations as discovery
from community.discovery import searching, visits
from community.discovery.models import DeflectionEvent, SearchQuery
from community.questions import operations as qa
from knowledge_base import curation


def _solved(title, body="Le voyant clignote en orange et internet est coupé."):
    asker = make.user()
    question = make.question(asker, title=title, body=body)
    answer = make.answer(question, body="Débranchez la box trente secondes puis rebranchez-la.")
    qa.accept_answer(asker, answer)
    db.session.commit()
    searching.drain()
    return question


def test_search_page_finds_highlights_and_logs(app, client):
    question = _solved("Ma box clignote en orange")
    client.get("/")  # the visit's first page sets its cookie
    html = client.get("/search?q=box+orange").get_data(as_text=True)
    assert "Ma box clignote en orange" in html and "<mark>" in html
    entry = db.session.scalars(select(SearchQuery)).one()
    assert entry.result_count == 1 and entry.user_id is None
    response = client.get(f"/search/open/{entry.id}?key=question:{question.id}&next=/questions/{question.id}")
    assert response.status_code == 302
    db.session.refresh(entry)
    assert entry.opened_key == f"question:{question.id}"


def test_search_page_offers_to_ask_when_nothing_matches(app, client):
    make.category()
    html = client.get("/search?q=zzzzqqq").get_data(as_text=True)
    assert "/questions/ask?title=zzzzqqq" in html


def test_open_result_refuses_offsite_targets(app, client):
    assert client.get("/search/open/1?key=x&next=https://evil.example/").status_code == 404


def test_staff_report_lists_zero_result_searches_and_edits_synonyms(app, client, auth):
    make.category()
    for _ in range(3):
        client.get("/search?q=remboursement+caution")
    auth.login(make.user())
    assert client.get("/admin/search").status_code == 403
    auth.logout()
    auth.login(make.user("staff"))
    html = client.get("/admin/search").get_data(as_text=True)
    assert "remboursement caution" in html
    response = client.post("/admin/search", data={"synonyms": "box, modem, routeur\nseulement-un-mot"})
    assert response.status_code == 422
    assert "seulement-un-mot" in response.get_data(as_text=True)
    assert client.post("/admin/search", data={"synonyms": "caution, depot de garantie"}).status_code == 302
    assert discovery.synonym_groups() == [["caution", "depot de garantie"]]


def test_searches_made_by_staff_do_not_count_as_gaps(app, client, auth):
    make.category()
    client.get("/")
    client.get("/search?q=portabilite+fixe")
    auth.login(make.user("staff"))
    for _ in range(3):  # checking the gap from the report
        client.get("/search?q=portabilite+fixe")
    assert discovery.zero_result_queries()[0][:2] == ("portabilite fixe", 1)


def test_synonyms_from_the_staff_list_apply_to_searches(app, client):
    _solved("Mon modem redémarre sans arrêt")
    assert "Mon modem" not in client.get("/search?q=routeur").get_data(as_text=True)
    discovery.save_synonyms(make.user("staff"), "box, modem, routeur")
    db.session.commit()
    searching.synonyms.forget()
    assert "Mon modem" in client.get("/search?q=routeur").get_data(as_text=True)


def test_ask_confirms_before_posting_when_a_solved_question_matches(app, client, auth):
    _solved("Ma box clignote en orange depuis ce matin")
    auth.login(make.user())
    form = {
        "title": "Ma box clignote en orange",
        "body": "Le voyant est orange et rien ne marche.",
        "category": "box-internet",
        "tags": "",
    }
    response = client.post("/questions/ask", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Ma box clignote en orange depuis ce matin" in html
    assert 'name="confirmed"' in html
    response = client.post("/questions/ask", data=dict(form, confirmed="1"))
    assert response.status_code == 302
    kinds = [e.kind for e in db.session.scalars(select(DeflectionEvent).order_by(DeflectionEvent.id))]
    assert kinds == ["confirm_shown", "question_posted"]


def test_opening_a_suggestion_and_not_posting_counts_as_helped(app, client):
    question = _solved("Portabilité du numéro avec le code RIO")
    items = client.get("/api/v1/search/suggest?q=portabilit%C3%A9+num&context=ask").get_json()["items"]
    assert items[0]["id"] == question.id
    client.get(f"/suggestions/open?key=question:{question.id}&next={items[0]['url']}")
    client.post("/suggestions/solved", data={"key": f"question:{question.id}", "next": "/"})
    stats = discovery.deflection_stats()
    assert stats["visits_with_suggestions_opened"] == 1 and stats["helped"] == 1


def test_a_visitor_can_draft_a_question_and_keep_it_through_sign_in(app, client):
    make.category()
    user = make.user()
    response = client.post(
        "/questions/ask",
        data={
            "title": "Brouillon d'un visiteur anonyme",
            "body": "Texte soigneusement écrit avant connexion.",
            "category": "box-internet",
            "tags": "wifi",
        },
    )
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    client.post("/login", data={"email": user.email, "password": make.PASSWORD})
    html = client.get("/questions/ask").get_data(as_text=True)
    assert "Texte soigneusement écrit avant connexion." in html and "Brouillon d&#39;un visiteur anonyme" in html


def test_query_log_is_anonymised_after_the_configured_days(app):
    member = make.user()
    entry = discovery.log_search(member, "box", 3)
    entry.created_at = entry.created_at.replace(year=entry.created_at.year - 1)
    db.session.commit()
    assert discovery.anonymise_queries(90) == 1
    db.session.refresh(entry)
    assert entry.user_id is None


def _visitor(app):
    """A browser of its own: its first page sets the visit cookie, later requests bring it back."""
    browser = app.test_client()
    browser.get("/")
    assert browser.get_cookie(visits.COOKIE) is not None
    return browser


def test_the_first_page_of_a_visit_sets_the_cookie_once(app, client):
    """Anonymous pages start a visit with a 4-hour, HttpOnly cookie; later requests keep it."""
    first = client.get("/")
    cookie = next(value for value in first.headers.getlist("Set-Cookie") if value.startswith("visit="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=14400" in cookie
    assert not any(v.startswith("visit=") for v in client.get("/search?q=box").headers.getlist("Set-Cookie"))


def test_a_visit_opening_a_suggestion_again_and_again_counts_once(app, client):
    """100 clicks on the same suggestion by one visit are one comeback, and clicks from a client that
    keeps no cookie are none (it still gets where it was going): three visits clicking once each rank
    a thread above it."""
    clicked = _solved("Code erreur TV-203 sur le décodeur")
    shared = _solved("Voyant rouge fixe sur la box")
    repeater, cookieless = _visitor(app), app.test_client(use_cookies=False)
    for browser in (repeater, cookieless):
        for _ in range(100):
            response = browser.get(f"/suggestions/open?key=question:{clicked.id}&next=/questions/{clicked.id}")
            assert response.status_code == 302 and response.headers["Location"] == f"/questions/{clicked.id}"
    for _ in range(3):
        _visitor(app).get(f"/suggestions/open?key=question:{shared.id}&next=/questions/{shared.id}")

    candidates = curation.promotion_candidates().items
    assert [(c.question.id, c.suggestions) for c in candidates] == [(shared.id, 3), (clicked.id, 1)]
    events = db.session.scalars(select(DeflectionEvent).where(DeflectionEvent.target_key == f"question:{clicked.id}"))
    assert len(events.all()) == 1


def test_a_search_result_opened_again_and_again_by_one_visit_is_one_comeback(app, client):
    """The same search made and opened 20 times by one visit counts once, written any which way."""
    question = _solved("Ma box clignote en orange")
    repeater = _visitor(app)
    for n in range(20):
        repeater.get("/search?q=box+orange")
        entry = db.session.scalars(select(SearchQuery).order_by(SearchQuery.id.desc())).first()
        key = f"question:{'0' * n}{question.id}"
        repeater.get(f"/search/open/{entry.id}?key={key}&next=/questions/{question.id}")
    assert {e.opened_key for e in db.session.scalars(select(SearchQuery))} == {f"question:{question.id}"}
    assert curation.promotion_candidates().items[0].searches == 1


def test_only_the_visit_that_searched_can_mark_its_search_opened(app, client):
    """Opening someone else's search (or one's own without the visit cookie) still leads to the
    result, but the search is not noted as having helped."""
    question = _solved("Ma box clignote en orange")
    client.get("/")
    client.get("/search?q=box+orange")
    entry = db.session.scalars(select(SearchQuery)).one()
    assert entry.visit_id == client.get_cookie(visits.COOKIE).value
    link = f"/search/open/{entry.id}?key=question:{question.id}&next=/questions/{question.id}"
    for stranger in (_visitor(app), app.test_client(use_cookies=False)):
        response = stranger.get(link)
        assert response.status_code == 302 and response.headers["Location"] == f"/questions/{question.id}"
        db.session.refresh(entry)
        assert entry.opened_key is None
    client.get(link)
    db.session.refresh(entry)
    assert entry.opened_key == f"question:{question.id}"


def test_a_search_without_the_visit_cookie_is_logged_but_counts_nowhere(app, client):
    """A client that keeps no cookie: its searches are in the log without a visit, its results link
    straight to the page, and the zero-result report ignores them."""
    question = _solved("Ma box clignote en orange")
    cookieless = app.test_client(use_cookies=False)
    html = cookieless.get("/search?q=box+orange").get_data(as_text=True)
    assert f'href="/questions/{question.id}/' in html and "/search/open/" not in html
    for _ in range(5):
        cookieless.get("/search?q=zzjunk+qqq")
    assert {e.visit_id for e in db.session.scalars(select(SearchQuery))} == {None}
    assert discovery.zero_result_queries() == []


def test_repeated_junk_searches_rank_below_a_gap_several_visits_hit(app, client):
    """30 identical searches by one visit count as one; a query three visits searched tops both the
    search report and the curation queue, and cookieless repeats appear in neither."""
    make.category()
    junk = _visitor(app)
    for _ in range(30):
        junk.get("/search?q=zzjunk+qqq")
    for _ in range(3):
        _visitor(app).get("/search?q=remboursement+caution")
    cookieless = app.test_client(use_cookies=False)
    for _ in range(30):
        cookieless.get("/search?q=bruit+de+fond")

    assert [row[:2] for row in discovery.zero_result_queries()] == [("remboursement caution", 3), ("zzjunk qqq", 1)]
    section = curation.zero_result_searches()
    assert [(z.normalized, z.times) for z in section.items] == [("remboursement caution", 3), ("zzjunk qqq", 1)]
    assert section.total == 2

    staff = app.test_client()
    staff.post("/login", data={"email": make.user("staff").email, "password": make.PASSWORD})
    for page in ("/admin/search", "/kb/curation"):
        html = staff.get(page).get_data(as_text=True)
        assert html.index("remboursement caution") < html.index("zzjunk qqq"), page
        assert "bruit de fond" not in html

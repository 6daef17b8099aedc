"""GET /search and /search/suggest as integrations (a chatbot) call them."""

from __future__ import annotations

import factories as make

from community.core.extensions import db
from community.discovery import searching
from community.questions import operations as qa


def _thread(title, solved=False):
    asker = make.user()
    question = make.question(asker, title=title, body="Le voyant de la box clignote, plus d'internet.")
    if solved:
        answer = make.answer(question, body="Redémarrez la box.")
        qa.accept_answer(asker, answer)
        db.session.commit()
    searching.drain()
    return question


def test_search_returns_contract_items_facets_and_pagination(app, client):
    """Items carry type, id, title, url, snippet and score; facets and totals come along."""
    solved = _thread("Box qui clignote en rouge", solved=True)
    _thread("Box qui clignote en blanc")
    body = client.get("/api/v1/search?q=box+clignote&per_page=1").get_json()
    assert body["total"] == 2 and body["per_page"] == 1 and len(body["items"]) == 1
    item = body["items"][0]
    assert set(item) >= {"type", "id", "title", "url", "snippet", "score"}
    assert item["id"] == solved.id
    assert body["facets"]["solved"] == {"true": 1, "false": 1}
    only_solved = client.get("/api/v1/search?q=box&solved=true").get_json()
    assert [i["id"] for i in only_solved["items"]] == [solved.id]


def test_suggest_gives_at_most_eight_titles(app, client):
    for n in range(10):
        _thread(f"Wifi lent dans la chambre numéro {n}", solved=n % 2 == 0)
    items = client.get("/api/v1/search/suggest?q=wifi+lent").get_json()["items"]
    assert 0 < len(items) <= 8 and set(items[0]) == {"type", "id", "title", "url", "solved", "language"}


def test_bad_search_input_gets_the_error_shape(app, client):
    for url in (
        "/api/v1/search?q=" + "x" * 201,
        "/api/v1/search?q=box&type=user",
        "/api/v1/search?q=box&solved=maybe",
        "/api/v1/search?q=box&page=abc",
        "/api/v1/search?q=%00",
    ):
        response = client.get(url)
        assert response.status_code == 422, url
        assert set(response.get_json()["error"]) == {"code", "message", "fields"}
    assert client.get("/api/v1/search?q=").get_json()["total"] == 0

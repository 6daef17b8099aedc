"""The app as it really runs: gunicorn with two workers, counters shared between them.

These tests talk HTTP to a real server; the test client cannot show a crashed worker or a limit
that each worker counts on its own.
"""

from __future__ import annotations

import json
import time

import pytest
from liveserver import Browser, Gunicorn, RedisServer

from tests.pgserver import start_postgres

PASSWORD = "une-phrase-de-passe-solide"
NEW_PASSWORD = "une-autre-phrase-tout-aussi-solide"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Two workers behind one trusted proxy hop, so tests can speak for many client addresses."""
    made = Gunicorn(tmp_path_factory.mktemp("gunicorn"), workers=2, PROXY_FIX_X_FOR="1").start()
    yield made
    made.stop()


def sign_in(browser: Browser, email: str, password: str):
    return browser.post_form("/login", {"email": email, "password": password})


def test_changing_ones_password_keeps_the_worker_alive_and_the_member_signed_in(server):
    """POST /settings/password answers a redirect (no dropped connection, no worker killed); the
    new password works, the old one does not, and another browser's session is over."""
    server.flask("users", "create", "lea@live.example", "--name", "Léa", "--password", PASSWORD)
    workers = server.worker_pids()
    laptop, phone = Browser(server.url), Browser(server.url)
    assert sign_in(laptop, "lea@live.example", PASSWORD).status == 302
    assert sign_in(phone, "lea@live.example", PASSWORD).status == 302

    changed = laptop.post_form("/settings/password", {"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert changed.status == 302 and changed.headers["Location"].endswith("/settings")
    assert laptop.get("/settings").status == 200
    assert server.worker_pids() == workers and server.crashed_workers() == []

    assert phone.get("/settings").status == 302  # signed out: sent to the sign-in page
    assert sign_in(Browser(server.url), "lea@live.example", PASSWORD).status == 401
    assert sign_in(Browser(server.url), "lea@live.example", NEW_PASSWORD).status == 302


def test_the_sign_in_limit_holds_across_workers(server):
    """40 failed sign-ins from one address: exactly 10 refused as wrong, then 429, whichever worker answers."""
    browser = Browser(server.url, {"X-Forwarded-For": "203.0.113.10"})
    statuses = [sign_in(browser, f"nobody{n}@live.example", "wrong password!").status for n in range(40)]
    assert (statuses.count(401), statuses.count(429)) == (10, 30), statuses


def test_an_account_is_protected_from_guesses_spread_over_many_addresses(server):
    """20 failures on one account from 20 addresses lock its sign-in for the hour, right password included;
    other accounts are untouched."""
    server.flask("users", "create", "karim@live.example", "--name", "Karim", "--password", PASSWORD)
    statuses = [
        sign_in(Browser(server.url, {"X-Forwarded-For": f"198.51.100.{n}"}), "karim@live.example", "wrong!!!").status
        for n in range(22)
    ]
    assert statuses == [401] * 20 + [429] * 2, statuses
    assert sign_in(Browser(server.url, {"X-Forwarded-For": "192.0.2.1"}), "karim@live.example", PASSWORD).status == 429
    server.flask("users", "create", "emma@live.example", "--name", "Emma", "--password", PASSWORD)
    assert sign_in(Browser(server.url, {"X-Forwarded-For": "192.0.2.2"}), "emma@live.example", PASSWORD).status == 302


def test_registration_is_throttled_per_address(server):
    browser = Browser(server.url, {"X-Forwarded-For": "203.0.113.99"})
    statuses = [
        browser.post_form("/register", {"email": f"new{n}@live.example", "display_name": f"New {n}",
                                        "password": "x"}).status
        for n in range(12)
    ]
    assert statuses == [422] * 10 + [429] * 2, statuses


def test_several_nodes_share_one_postgresql_and_one_redis(tmp_path):
    """Two nodes (instance folders of their own) on one PostgreSQL (search included) and one Redis
    (REDIS_URL only): what is posted through one is on the other's cached pages at once and in its
    search within 2 seconds, and a sign-in limit hit through one holds on the other."""
    redis, database = RedisServer(tmp_path), start_postgres(tmp_path / "pg")
    shared = {"DATABASE_URL": database.url, "SEARCH_BACKEND": "postgres", "REDIS_URL": redis.url}
    nodes = [Gunicorn(tmp_path / f"node{n}", workers=1, **shared) for n in (1, 2)]
    try:
        for node in nodes:
            node.folder.mkdir()
            node.start()
        first, second = nodes
        first.flask("users", "create", "nadia@live.example", "--name", "Nadia", "--password", PASSWORD)
        first.flask("categories", "create", "fibre", "--name", "Fibre")
        token = first.flask("tokens", "create", "nadia@live.example").strip().splitlines()[-1]
        api = Browser(second.url, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        visitor = Browser(first.url)
        created = api.request("POST", "/api/v1/questions", json.dumps(
            {"title": "Coupure de la fibre chaque soir vers 21 h", "body": "Depuis lundi, la connexion tombe.",
             "category": "fibre"}).encode())
        assert created.status == 201, created.text
        question = json.loads(created.text)
        page_url = "/" + question["url"].split("://", 1)[1].split("/", 1)[1]
        for _ in range(2):  # the second view comes from node 1's page cache
            assert "Redémarrez le boîtier optique" not in visitor.get(page_url).text
        answer = api.request("POST", f"/api/v1/questions/{question['id']}/answers",
                             json.dumps({"body": "Redémarrez le boîtier optique puis la box."}).encode())
        assert answer.status == 201, answer.text
        assert "Redémarrez le boîtier optique" in visitor.get(page_url).text

        deadline = time.monotonic() + 2
        while "Coupure de la fibre" not in visitor.get("/search?q=coupure+fibre").text:
            assert time.monotonic() < deadline, "node 1's search did not see the question within 2 s"
            time.sleep(0.1)

        statuses = [
            sign_in(Browser(nodes[n % 2].url), f"nobody{n}@live.example", "wrong password!").status for n in range(14)
        ]
        assert (statuses.count(401), statuses.count(429)) == (10, 4), statuses
    finally:
        for node in nodes:
            node.stop()
        redis.stop()
        database.stop()


def test_a_very_long_address_gets_414_in_the_error_shape(server):
    """A 6,000-character search under /api/ is refused by the app in the contract's shape, not by gunicorn."""
    response = Browser(server.url).get("/api/v1/search?q=" + "a" * 6000)
    assert response.status == 414
    assert json.loads(response.text)["error"]["code"] == "uri_too_long"
    assert Browser(server.url).get("/search?q=" + "a" * 6000).status == 414


def test_the_rating_limit_holds_across_workers(server, tmp_path):
    """25 ratings of one article from one address: 20 are taken, then 429, whichever worker answers."""
    faq = tmp_path / "faq.jsonl"
    faq.write_text(json.dumps({"external_id": "wifi-1", "title": "Changer le mot de passe Wi-Fi", "kind": "faq",
                               "body": "Ouvrez l'interface de la box, onglet Wi-Fi.", "category": "box-internet",
                               "tags": ["wifi"], "language": "fr"}) + "\n")
    server.flask("kb", "import", str(faq), "--publish")
    articles = json.loads(Browser(server.url).get("/api/v1/articles").text)["items"]
    url = f"/api/v1/articles/{articles[0]['id']}/ratings"
    rater = Browser(server.url, {"Content-Type": "application/json", "X-Forwarded-For": "203.0.113.55"})
    statuses = [rater.request("POST", url, b'{"helpful": true}').status for _ in range(25)]
    assert statuses.count(429) == 5 and all(s in (200, 201) for s in statuses[:20]), statuses

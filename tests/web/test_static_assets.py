"""Static files under content-hashed names cached for a year, and responses compressed for the
clients that accept it, as a browser (or a proxy in front) sees them over HTTP."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import brotli
import factories as make
import pytest
from flask import Flask, url_for

from community.core import assets

try:
    from compression import zstd  # Python 3.14
except ImportError:
    from backports import zstd  # installed with Flask-Compress before 3.14

STATIC = Path(__file__).resolve().parents[2] / "static"
YEAR = "max-age=31536000"
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress, "zstd": zstd.decompress}


def directives(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


def varies_on_encoding(response) -> bool:
    return "accept-encoding" in {part.strip().lower() for part in response.headers.get("Vary", "").split(",")}


def body(response) -> bytes:
    """What the browser reads: the body decoded as its Content-Encoding says."""
    encoding = response.headers.get("Content-Encoding")
    return DECODE[encoding](response.data) if encoding else response.data


def linked_assets(html: str) -> list[str]:
    return re.findall(r'<(?:link|script)[^>]+(?:href|src)="(/static/[^"]+)"', html)


def test_the_home_page_links_its_css_and_js_by_hashed_names_kept_for_a_year(client):
    """Each stylesheet and script the home page links is named after its content's hash, and comes
    with the file's bytes, its type and a year's immutable cache."""
    assets = linked_assets(client.get("/").get_data(as_text=True))
    assert any(url.endswith(".css") for url in assets) and any(url.endswith(".js") for url in assets)
    for url in assets:
        name, digest, suffix = re.fullmatch(r"/static/(.+)\.([0-9a-f]{12})(\.\w+)", url).groups()
        original = (STATIC / f"{name}{suffix}").read_bytes()
        assert hashlib.sha256(original).hexdigest()[:12] == digest  # same bytes, same name on every node
        response = client.get(url)
        assert response.status_code == 200 and response.data == original
        assert response.mimetype == {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}[suffix]
        assert {"public", YEAR, "immutable"} <= directives(response)
        assert "cookie" not in response.headers.get("Vary", "").lower()  # one copy for everyone


def test_plain_and_outdated_names_still_serve_the_current_file_briefly(client):
    """The plain name (a url() in a stylesheet, an old bookmark) gets a five-minute cache; a hashed
    name from another release gets today's file without being kept; an unknown file is a 404."""
    current = (STATIC / "css/app.css").read_bytes()
    plain = client.get("/static/css/app.css")
    assert plain.status_code == 200 and plain.data == current
    assert "max-age=300" in directives(plain) and "immutable" not in directives(plain)

    outdated = client.get("/static/css/app.0123456789ab.css")
    assert outdated.status_code == 200 and outdated.data == current
    assert "no-cache" in directives(outdated) and "immutable" not in directives(outdated)

    assert client.get("/static/css/missing.css").status_code == 404
    assert client.get("/static/css/missing.0123456789ab.css").status_code == 404


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_a_static_file_is_revalidated_by_its_etag(client, encoding):
    """A browser holding the file asks again with its ETag and gets 304 Not Modified, compressed or not."""
    url = next(u for u in linked_assets(client.get("/").get_data(as_text=True)) if u.endswith(".css"))
    first = client.get(url, headers={"Accept-Encoding": encoding})
    assert first.status_code == 200 and first.headers.get("Content-Encoding") == (
        None if encoding == "identity" else encoding
    )
    again = client.get(url, headers={"Accept-Encoding": encoding, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_static_css_is_compressed_for_a_gzip_client(client):
    """The stylesheet travels gzipped and decodes to the file."""
    url = next(u for u in linked_assets(client.get("/").get_data(as_text=True)) if "/app." in u)
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip" and varies_on_encoding(response)
    assert body(response) == (STATIC / "css/app.css").read_bytes()
    assert len(response.data) < len(body(response)) / 2


def test_pages_are_compressed_only_for_clients_that_accept_it(client):
    """With ``Accept-Encoding: gzip`` the home page comes gzipped, without it as plain HTML; both
    say they vary on Accept-Encoding, so no cache hands one to the other."""
    make.question(title="La box clignote en orange")
    plain = client.get("/")
    zipped = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert plain.headers.get("Content-Encoding") is None and zipped.headers["Content-Encoding"] == "gzip"
    assert varies_on_encoding(plain) and varies_on_encoding(zipped)
    assert "La box clignote en orange" in plain.get_data(as_text=True)
    assert body(zipped) == plain.data and len(zipped.data) < len(plain.data) / 2


@pytest.mark.parametrize("accept", ["gzip, deflate, br, zstd", "gzip;q=1, br;q=0.5", "br", "zstd"])
def test_the_client_gets_its_preferred_encoding(client, accept):
    """Chromium's header gets zstd; a client's own preferences and single choices are followed."""
    make.question()
    expected = {"gzip, deflate, br, zstd": "zstd", "gzip;q=1, br;q=0.5": "gzip", "br": "br", "zstd": "zstd"}[accept]
    plain = client.get("/").data
    response = client.get("/", headers={"Accept-Encoding": accept})
    assert response.headers["Content-Encoding"] == expected and body(response) == plain


def test_a_cached_page_decodes_the_same_for_every_client_and_follows_changes(client):
    """The page cache answers plain and gzip clients in turn with the same page; after an answer is
    posted, both see it (no compressed copy of the old page is served)."""
    question = make.question(title="Le wifi coupe le soir")
    url = f"/questions/{question.id}/{question.slug}"
    pages = [body(client.get(url, headers=headers)) for headers in ({}, {"Accept-Encoding": "gzip"}) * 2]
    assert len(set(pages)) == 1 and b"Le wifi coupe le soir" in pages[0]

    make.answer(question, body="Changez de canal wifi dans l'interface de la box.")
    after = [body(client.get(url, headers=headers)) for headers in ({"Accept-Encoding": "gzip"}, {})]
    assert after[0] == after[1] and b"Changez de canal wifi" in after[0]


def test_a_signed_in_members_page_is_compressed_with_their_own_content(client, auth):
    """Pages made for one member are compressed too, and decode to that member's page."""
    member = make.user(name="Camille Dupont")
    make.question()
    auth.login(member)
    first = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip" and "Camille Dupont" in body(first).decode()


def test_json_from_the_api_is_compressed(client):
    """A list of questions comes gzipped to a client that accepts it and parses as the plain one."""
    for n in range(5):
        make.question(title=f"Question numéro {n} sur la fibre")
    plain = client.get("/api/v1/questions")
    zipped = client.get("/api/v1/questions", headers={"Accept-Encoding": "gzip"})
    assert plain.headers.get("Content-Encoding") is None and zipped.headers["Content-Encoding"] == "gzip"
    assert zipped.mimetype == "application/json" and varies_on_encoding(zipped)
    assert json.loads(body(zipped)) == plain.get_json() and plain.get_json()["total"] == 5


def test_tiny_responses_are_not_compressed(client):
    """A body of a few bytes is sent as it is: compressing it would only add bytes."""
    make.category()
    response = client.get("/api/v1/categories", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and len(response.data) < 500
    assert response.headers.get("Content-Encoding") is None and varies_on_encoding(response)


def test_an_edited_file_gets_a_new_name_in_debug_mode_and_the_same_name_on_every_node(tmp_path):
    """Two apps over the same files name them alike (two web nodes of one release); while
    debugging, an edited stylesheet gets a new name at once and its old name is no longer kept."""
    (tmp_path / "css").mkdir()
    sheet = tmp_path / "css" / "site.css"
    sheet.write_text("body { color: black; }")
    nodes = []
    for debug in (False, True):
        node = Flask("node", static_folder=str(tmp_path), static_url_path="/static")
        node.debug = debug
        assets.init_app(node)
        nodes.append(node)

    def name(node):
        with node.test_request_context():
            return url_for("static", filename="css/site.css")

    names = [name(node) for node in nodes]
    assert names[0] == names[1] and re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", names[0])

    sheet.write_text("body { color: navy; }")
    debugging = nodes[1]
    edited = name(debugging)
    assert edited != names[0]
    client = debugging.test_client()
    assert client.get(edited).data == b"body { color: navy; }"
    old = client.get(names[0])
    assert old.data == b"body { color: navy; }" and "no-cache" in directives(old)

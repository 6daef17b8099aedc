"""Atom feeds of new questions per category and per tag: valid Atom (RFC 4287's required elements),
absolute addresses, visible questions only, and announced by the list pages."""

from __future__ import annotations

import re
from datetime import datetime
from xml.etree import ElementTree as ET

import factories as make
import pytest

from community.core.extensions import db
from community.moderation import operations as moderation

NS = {"atom": "http://www.w3.org/2005/Atom"}


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.data)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def one(element: ET.Element, path: str) -> ET.Element:
    found = element.findall(path, NS)
    assert len(found) == 1, (path, found)
    return found[0]


def assert_rfc3339(value: str) -> None:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", value), value
    datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")


def assert_valid_atom(root: ET.Element) -> list[ET.Element]:
    """RFC 4287: the feed's id, title, updated and self link; each entry's id, title, updated,
    alternate link and an author (the feed has none of its own); ids and links absolute."""
    assert one(root, "atom:id").text.startswith("http://localhost/")
    assert one(root, "atom:title").text
    assert_rfc3339(one(root, "atom:updated").text)
    links = {link.get("rel"): link.get("href") for link in root.findall("atom:link", NS)}
    assert links["self"].startswith("http://localhost/") and links["self"].endswith(".atom")
    assert links["alternate"].startswith("http://localhost/questions?")
    entries = root.findall("atom:entry", NS)
    for entry in entries:
        assert one(entry, "atom:id").text.startswith("http://localhost/questions/")
        assert one(entry, "atom:title").text
        assert_rfc3339(one(entry, "atom:updated").text)
        link = one(entry, "atom:link[@rel='alternate']")
        assert link.get("href").startswith("http://localhost/questions/")
        assert one(entry, "atom:author/atom:name").text
    assert len({one(e, "atom:id").text for e in entries}) == len(entries)
    return entries


def titles(entries) -> list[str]:
    return [one(e, "atom:title").text for e in entries]


def test_the_category_feed_lists_its_visible_questions_newest_first(client):
    make.category("fibre", "Fibre optique")
    first = make.question(title="La fibre coupe tous les soirs vers 21 h", category_slug="fibre")
    second = make.question(title="Délai de raccordement fibre en immeuble", category_slug="fibre", tags=("délai",))
    hidden = make.question(title="Achetez des abonnements pirates ici", category_slug="fibre")
    elsewhere = make.question(title="Ma box ne s'allume plus du tout")
    moderation.hide(make.user("staff"), hidden)
    db.session.commit()

    root = parse(client.get("/questions/feed/category/fibre.atom"))
    entries = assert_valid_atom(root)
    assert titles(entries) == [second.title, first.title]
    assert hidden.title not in client.get("/questions/feed/category/fibre.atom").get_data(as_text=True)
    assert elsewhere.title not in titles(entries)
    entry = entries[0]
    assert one(entry, "atom:id").text == f"http://localhost/questions/{second.id}"
    assert one(entry, "atom:link").get("href") == f"http://localhost/questions/{second.id}/{second.slug}"
    assert one(entry, "atom:category").get("term") == "fibre"
    assert "Depuis ce matin" in one(entry, "atom:summary").text


def test_the_tag_feed_lists_the_questions_with_that_tag(client):
    tagged = make.question(title="Le wifi décroche dans la chambre", tags=("wifi", "repeteur"))
    make.question(title="Facture en double ce mois-ci", tags=("facture",))
    root = parse(client.get("/questions/feed/tag/repeteur.atom"))
    assert titles(assert_valid_atom(root)) == [tagged.title]
    assert root.findall("atom:link[@rel='self']", NS)[0].get("href").endswith(".atom")


def test_a_feed_with_no_question_yet_is_still_valid(client):
    make.category("mobile", "Forfaits mobiles")
    assert assert_valid_atom(parse(client.get("/questions/feed/category/mobile.atom"))) == []


@pytest.mark.parametrize("url", ["/questions/feed/category/nowhere.atom", "/questions/feed/tag/nothing.atom"])
def test_unknown_categories_and_tags_have_no_feed(client, url):
    assert client.get(url).status_code == 404


def test_titles_with_markup_characters_stay_text(client):
    question = make.question(title='Box <b>"&" bloquée</b> en mode secours ?', body="Voyant <script>rouge</script>.")
    entry = parse(client.get("/questions/feed/tag/wifi.atom")).find("atom:entry", NS)
    assert one(entry, "atom:title").text == question.title
    assert "<script>" not in one(entry, "atom:summary").text


def test_list_pages_announce_their_feed(client):
    make.question(tags=("wifi",))
    category_page = client.get("/questions?category=box-internet").get_data(as_text=True)
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
        r'href="http://localhost/questions/feed/category/box-internet.atom">',
        category_page,
    )
    assert 'href="/questions/feed/category/box-internet.atom"' in category_page  # the visible link
    tag_page = client.get("/questions?tag=wifi").get_data(as_text=True)
    assert 'href="http://localhost/questions/feed/tag/wifi.atom"' in tag_page
    assert "application/atom+xml" not in client.get("/questions").get_data(as_text=True)

"""Content language as a visitor meets it: questions carry the language they are written in
(detected, editable), lists and search keep to the interface language with a label on the others
and a "Show all languages" switch, categories read in the interface language, and ``?lang=`` stays
on every link that keeps the page's other arguments."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from community.discovery import searching
from community.questions.models import Question
from tests import factories as make

ENGLISH_TITLE = "My router keeps dropping the wifi every evening"
ENGLISH_BODY = "Since the last update the connection drops every evening around eight and comes back later."
FRENCH_TITLE = "Ma box perd le wifi tous les soirs"
FRENCH_BODY = "Depuis la dernière mise à jour la connexion coupe chaque soir vers vingt heures."


def _ask(client, title: str, body: str, **extra):
    data = {"title": title, "body": body, "category": "box-internet", "tags": "wifi", "confirmed": "1", **extra}
    return client.post("/questions/ask", data=data)


def _labels(html: str) -> list[str]:
    """The language labels on content ("EN" beside an English title on a French page)."""
    return re.findall(r'class="lang-label"[^>]*><span aria-hidden="true">(\w+)</span>', html)


def _titles_in(html: str) -> list[str]:
    return [unescape(t) for t in re.findall(r'class="q-title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)]


def test_a_question_written_in_english_is_detected_and_labelled_in_the_french_interface(app, client, auth):
    """Asked without choosing a language, an English question is stored as English; the French list
    keeps to French questions and says so, and "Show all languages" adds it, labelled "EN"."""
    make.category()
    auth.login(make.user())
    assert _ask(client, ENGLISH_TITLE, ENGLISH_BODY).status_code == 302
    assert _ask(client, FRENCH_TITLE, FRENCH_BODY).status_code == 302
    languages = {q.title: q.language for q in Question.query.all()}
    assert languages == {ENGLISH_TITLE: "en", FRENCH_TITLE: "fr"}

    html = client.get("/questions").get_data(as_text=True)
    assert _titles_in(html) == [FRENCH_TITLE]
    assert "Afficher toutes les langues" in html and 'href="/questions?languages=all"' in html

    html = client.get("/questions?languages=all").get_data(as_text=True)
    assert sorted(_titles_in(html)) == sorted([ENGLISH_TITLE, FRENCH_TITLE])
    row = html[html.index(ENGLISH_TITLE) - 200 : html.index(ENGLISH_TITLE) + 400]
    assert 'lang="en"' in row and _labels(row) == ["EN"]
    french_row = html[html.index(FRENCH_TITLE) - 200 : html.index(FRENCH_TITLE) + 400]
    assert _labels(french_row) == [] and 'lang="fr"' not in french_row


def test_the_english_interface_lists_english_questions_first_on_the_home_page(app, client):
    """The home page puts the interface language's questions first and labels the others."""
    make.category()
    author = make.user()
    make.question(author, title=FRENCH_TITLE, body=FRENCH_BODY)
    make.question(author, title=ENGLISH_TITLE, body=ENGLISH_BODY)
    english = client.get("/?lang=en").get_data(as_text=True)
    assert english.index(ENGLISH_TITLE) < english.index(FRENCH_TITLE)
    french = client.get("/?lang=fr").get_data(as_text=True)
    assert french.index(FRENCH_TITLE) < french.index(ENGLISH_TITLE)
    assert "EN" in _labels(french) and "FR" in _labels(english)


def test_the_writer_chooses_the_language_and_can_change_it(app, client, auth):
    """The ask form's language menu wins over detection; the edit form shows the stored language and
    changes it; "Detect automatically" on the edit form detects again."""
    make.category()
    auth.login(make.user())
    html = client.get("/questions/ask").get_data(as_text=True)
    assert 'name="language"' in html and "Détecter automatiquement" in html
    _ask(client, ENGLISH_TITLE, ENGLISH_BODY, language="fr")
    question = Question.query.one()
    assert question.language == "fr"

    edit_url = f"/questions/{question.id}/edit"
    html = client.get(edit_url).get_data(as_text=True)
    assert re.search(r'<option selected value="fr">|<option value="fr" selected>', html)
    form = {"title": question.title, "body": question.body, "category": "box-internet", "tags": "wifi"}
    assert client.post(edit_url, data={**form, "language": "en"}).status_code == 302
    assert Question.query.one().language == "en"
    client.post(edit_url, data={**form, "language": "fr"})
    assert client.post(edit_url, data={**form, "language": ""}).status_code == 302
    assert Question.query.one().language == "en"


def test_an_unknown_language_is_refused_beside_the_field(app, client, auth):
    """A language that is not offered is refused with the form kept, never a 500."""
    make.category()
    auth.login(make.user())
    response = _ask(client, ENGLISH_TITLE, ENGLISH_BODY, language="xx")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Choisissez une langue dans la liste." in html and ENGLISH_TITLE in html
    assert Question.query.count() == 0


def test_category_names_read_in_the_interface_language(app, client, auth):
    """Staff give a category its English name; the English interface shows it, the French one the
    stored name, and the edit form always edits the stored texts."""
    make.category()
    auth.login(make.user("staff"))
    response = client.post(
        "/categories/box-internet/edit",
        data={
            "name": "Box internet",
            "slug": "box-internet",
            "description": "Wi-Fi, voyants, redémarrages",
            "name_en": "Internet box",
            "description_en": "Wi-Fi, lights, restarts",
        },
    )
    assert response.status_code == 302
    english = client.get("/questions?category=box-internet&lang=en").get_data(as_text=True)
    assert "<title>Internet box" in english and "Wi-Fi, lights, restarts" in english
    french = client.get("/questions?category=box-internet&lang=fr").get_data(as_text=True)
    assert "<title>Box internet" in french and "Internet box" not in french
    form = client.get("/categories/box-internet/edit?lang=en").get_data(as_text=True)
    assert 'value="Box internet"' in form and 'value="Internet box"' in form


def test_search_keeps_to_the_interface_language_and_offers_the_others(app, client):
    """A French search page shows French results; an English match is counted with a link to every
    language, where it is labelled."""
    make.category()
    author = make.user()
    make.question(author, title=ENGLISH_TITLE, body=ENGLISH_BODY)
    make.question(author, title="Le wifi de ma box coupe souvent", body=FRENCH_BODY)
    searching.drain()
    html = client.get("/search?q=wifi").get_data(as_text=True)
    assert "Le wifi de ma box coupe souvent" in html and ENGLISH_TITLE not in html
    assert "1 de plus dans une autre langue." in html
    assert 'href="/search?q=wifi&amp;languages=all"' in html
    html = client.get("/search?q=wifi&languages=all").get_data(as_text=True)
    assert ENGLISH_TITLE in html and _labels(html) == ["EN"]
    html = client.get("/search?q=evening&lang=en").get_data(as_text=True)
    assert ENGLISH_TITLE in html and _labels(html) == []


def test_a_search_only_other_languages_answer_says_where_to_look(app, client):
    """No French result, but an English one: the page says so instead of a bare "no result"."""
    make.category()
    make.question(make.user(), title=ENGLISH_TITLE, body=ENGLISH_BODY)
    searching.drain()
    html = client.get("/search?q=evening").get_data(as_text=True)
    assert "1 de plus dans une autre langue." in html and "Afficher toutes les langues" in html


def _internal_links(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="(/[^"]*)"', html) if not href.startswith("//")]


# The links made from the page's own arguments (``url_with``): they carried ?lang= before content
# languages, and so must the language switch.
_ARGUMENT_LINK = re.compile(
    r'<a class="(?:tab|page-link[^"]*|lang-switch-link|chip-remove|sr-active-clear|tag-remove)" href="([^"]+)"'
)


def _argument_links(html: str) -> list[str]:
    side = "".join(re.findall(r'<ul class="cat-nav">(.*?)</ul>', html, re.S))
    return [unescape(href) for href in _ARGUMENT_LINK.findall(html) + re.findall(r'href="([^"]+)"', side)]


def test_lang_stays_on_the_links_that_carry_the_page_arguments(app, client):
    """Fetched with ?lang=en, every link back to the same page with arguments (tabs, filters,
    pagination, "Show all languages") keeps lang=en, and the filter form carries it too."""
    make.category()
    author = make.user()
    for n in range(22):
        make.question(author, title=f"{ENGLISH_TITLE} ({n})", body=ENGLISH_BODY)
    make.article(title="Restart your internet box in three steps", body="Unplug the box, wait, plug it back in.")
    searching.drain()
    pages = [
        "/questions?lang=en",
        "/questions?lang=en&category=box-internet&status=open",
        "/questions?lang=en&languages=all&page=2",
        "/search?q=router&lang=en",
        "/kb/category/box-internet?lang=en",
    ]
    for page in pages:
        html = client.get(page).get_data(as_text=True)
        links = _argument_links(html)
        assert len(links) >= 3, page
        for href in links:
            assert parse_qs(urlsplit(href).query).get("lang") == ["en"], (page, href)
        if urlsplit(page).path == "/questions":
            assert '<input type="hidden" name="lang" value="en">' in html
    links = _argument_links(client.get("/questions?lang=en").get_data(as_text=True))
    assert "/questions?lang=en&page=2" in links and "/questions?lang=en&languages=all" in links


def test_help_articles_keep_to_the_interface_language_with_a_way_to_the_others(app, client):
    """A French topic page leaves an English article out of its list and counts, says the topic has
    articles in other languages, and shows it labelled once every language is asked for."""
    make.article(title="Restart your internet box", body="Unplug the box, wait thirty seconds, plug it back.")
    html = client.get("/kb/category/box-internet").get_data(as_text=True)
    assert "Restart your internet box" not in html
    assert "Ce thème a des articles dans d’autres langues." in html
    assert re.search(r'aria-current="page">[^<]*<span class="tab-count">0</span>', html)
    html = client.get("/kb/category/box-internet?languages=all").get_data(as_text=True)
    assert "Restart your internet box" in html and _labels(html) == ["EN"]

"""Staff pages of the knowledge base over HTTP: who may use them, the promote → edit → publish journey,
refused input kept on the form, step media, revisions, archiving, and what threads say afterwards."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import factories as make
import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from community.core.extensions import db
from community.questions import operations as qa
from knowledge_base import operations as kb
from knowledge_base.models import Article, ArticleRevision

TUTORIAL_ANSWER = """Voici comment faire :

1. Débranchez la box et attendez 30 secondes.
2. Rebranchez-la et attendez que le voyant soit **blanc fixe**.
3. Relancez l'appairage du décodeur TV.

Si rien ne change, contactez un conseiller."""


def chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def tiny_png() -> bytes:
    """A real 1×1 PNG."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x0b\x5c\xad"))
        + chunk(b"IEND", b"")
    )


def huge_png(width: int = 20000, height: int = 20000) -> bytes:
    """A real black-and-white PNG of ``width`` × ``height`` pixels that weighs a few dozen KB."""
    row = b"\0" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def uploads(app) -> list[str]:
    folder = Path(app.instance_path) / "uploads" / "kb"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def post_multipart(client, url: str, data: dict):
    """A form post encoded in memory: the test client spools large bodies to a file it never closes."""
    boundary, body = encode_multipart({**data, "csrf_token": client.csrf_token()})
    return client.post(url, data=body, content_type=f'multipart/form-data; boundary="{boundary}"', csrf=False)


def flashes(client) -> str:
    with client.session_transaction() as sess:
        return " ".join(str(message) for _category, message in sess.get("_flashes", []))


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English, whatever the translations say."""
    client.set_cookie("lang", "en", domain="localhost")


@pytest.fixture
def thread(app):
    """A solved question whose accepted answer, a numbered list, was written by an ambassador."""
    asker, helper = make.user(), make.user("ambassador", name="Hugo Ambassadeur")
    question = make.question(asker, title="Le décodeur TV perd le signal chaque soir", tags=("tv",))
    answer = make.answer(question, helper, body=TUTORIAL_ANSWER)
    qa.accept_answer(asker, answer)
    db.session.commit()
    return question, answer, helper


@pytest.fixture
def staff(app):
    return make.user("staff", name="Nina Support")


@pytest.fixture
def tutorial(app, staff):
    """A draft tutorial with two steps."""
    article = make.article(
        staff,
        title="Appairer la télécommande",
        kind="tutorial",
        publish=False,
        steps=["Allumez le décodeur.", "Appuyez sur OK."],
    )
    return article


# ---------- Who may use the pages ----------

ROUTES = [
    ("GET", "/kb/staff", 200),
    ("GET", "/kb/staff?status=needs_review", 200),
    ("GET", "/kb/new?title=Wifi+lent&kind=tutorial", 200),
    ("GET", "/kb/{article}/edit", 200),
    ("GET", "/kb/{article}/revisions", 200),
    ("POST", "/kb/new", 422),
    ("POST", "/kb/{article}/edit", 422),
    ("POST", "/kb/{article}/status", 302),
    ("POST", "/kb/{article}/revisions/1/restore", 302),
    ("POST", "/answers/{answer}/promote", 302),
]


@pytest.mark.parametrize("role", [None, "customer", "ambassador", "staff", "admin"])
@pytest.mark.parametrize(("method", "url", "allowed"), ROUTES)
def test_only_staff_reach_the_staff_pages(app, client, auth, thread, tutorial, role, method, url, allowed):
    """Visitors are sent to sign in (401 for a form), members get 403, staff and administrators get the page."""
    url = url.format(article=tutorial.id, answer=thread[1].id)
    if role:
        auth.login(make.user(role))
    data = {"action": "submit"} if url.endswith("/status") else {}
    response = client.get(url) if method == "GET" else client.post(url, data=data)
    if role is None:
        expected = 302 if method == "GET" else 401
        assert response.status_code == expected
        if method == "GET":
            assert "/login" in response.headers["Location"]
    elif role in ("customer", "ambassador"):
        assert response.status_code == 403
    else:
        assert response.status_code == allowed


# ---------- The journey ----------


def test_promote_edit_submit_publish_then_everyone_sees_it(app, client, auth, thread, staff):
    """Staff promote the accepted answer into a tutorial, rework it (title, one more step, one step
    less), send it for review and publish it; a visitor then reads it, and the thread points to it."""
    question, answer, helper = thread
    auth.login(staff)
    response = client.post(f"/answers/{answer.id}/promote", data={"kind": "tutorial"})
    article = db.session.scalars(db.select(Article)).one()
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/kb/{article.id}/edit")
    assert "Hugo Ambassadeur" in flashes(client)
    assert article.status == "draft" and [c.user_id for c in article.credits] == [helper.id]

    page = client.get(f"/kb/{article.id}/edit").get_data(as_text=True)
    assert question.title in page and "Hugo Ambassadeur" in page
    assert 'enctype="multipart/form-data"' in page
    assert len(re.findall(r'name="steps-\d+-text"', page)) == 4  # three steps and an empty one

    # "Add a step" sends everything back with one more empty step, saving nothing.
    typed = make.editor_data(article, title="Le décodeur TV perd le signal : que faire ?", add_step="1")
    typed["steps-3-text"] = "Vérifiez le câble HDMI."
    response = client.post(f"/kb/{article.id}/edit", data=typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Le décodeur TV perd le signal : que faire ?" in page and "Vérifiez le câble HDMI." in page
    assert len(re.findall(r'name="steps-\d+-text"', page)) == 5
    db.session.refresh(article)
    assert article.title == question.title

    typed.pop("add_step")
    typed["steps-1-remove"] = "y"
    typed["steps-4-text"] = "Redémarrez le décodeur."
    typed["note"] = "Étapes revues"
    response = client.post(f"/kb/{article.id}/edit", data=typed)
    assert response.status_code == 302
    db.session.refresh(article)
    assert response.headers["Location"].endswith(f"/kb/{article.id}/{article.slug}")
    assert article.title == "Le décodeur TV perd le signal : que faire ?"
    assert [s.text for s in article.steps] == [
        "Débranchez la box et attendez 30 secondes.",
        "Relancez l'appairage du décodeur TV.",
        "Vérifiez le câble HDMI.",
        "Redémarrez le décodeur.",
    ]

    # While it is a draft, only staff see it mentioned in the thread.
    question_url = f"/questions/{question.id}/{question.slug}"
    assert "Draft in the knowledge base" in client.get(question_url).get_data(as_text=True)
    auth.logout()
    html = client.get(question_url).get_data(as_text=True)
    assert "Draft in the knowledge base" not in html and "now in the knowledge base" not in html
    assert client.get(f"/kb/{article.id}/{article.slug}").status_code == 404

    auth.login(staff)
    assert client.post(f"/kb/{article.id}/status", data={"action": "submit"}).status_code == 302
    db.session.refresh(article)
    assert article.status == "in_review"
    assert client.post(f"/kb/{article.id}/status", data={"action": "publish"}).status_code == 302
    db.session.refresh(article)
    assert article.status == "published"

    auth.logout()
    html = client.get(f"/kb/{article.id}/{article.slug}").get_data(as_text=True)
    assert "Le décodeur TV perd le signal : que faire ?" in html
    html = client.get(question_url).get_data(as_text=True)
    assert "This answer is now in the knowledge base" in html and f"/kb/{article.id}/{article.slug}" in html
    assert "Promote to the knowledge base" not in html


def test_staff_see_a_promote_form_on_each_answer_prominent_on_the_accepted_one(app, client, auth, thread, staff):
    question, accepted, _helper = thread
    other = make.answer(question, body="Essayez aussi de changer de prise.")
    url = f"/questions/{question.id}/{question.slug}"
    assert "Promote to the knowledge base" not in client.get(url).get_data(as_text=True)
    auth.login(make.user())
    assert "Promote to the knowledge base" not in client.get(url).get_data(as_text=True)
    auth.logout()
    auth.login(staff)
    html = client.get(url).get_data(as_text=True)
    assert f'action="/answers/{accepted.id}/promote"' in html and f'action="/answers/{other.id}/promote"' in html
    assert html.count("kbs-promote is-prominent") == 1


def test_promoting_an_answer_twice_links_to_the_existing_draft(app, client, auth, thread, staff):
    _question, answer, _helper = thread
    auth.login(staff)
    client.post(f"/answers/{answer.id}/promote", data={"kind": "faq"})
    response = client.post(f"/answers/{answer.id}/promote", data={"kind": "faq"})
    article = db.session.scalars(db.select(Article)).one()
    assert response.status_code == 302 and f"#answer-{answer.id}" in response.headers["Location"]
    assert flashes(client).endswith(f'<a href="/kb/{article.id}/edit">{article.title}</a>')


def test_a_new_article_starts_from_the_title_in_the_address(app, client, auth, staff):
    """The curation queue's "Write an article" for a search without results prefills the title."""
    make.category()
    auth.login(staff)
    page = client.get("/kb/new?title=Changer+le+mot+de+passe+wifi&kind=tutorial").get_data(as_text=True)
    assert 'value="Changer le mot de passe wifi"' in page
    assert re.search(r'<option selected value="tutorial">|<option value="tutorial" selected>', page)
    response = client.post(
        "/kb/new",
        data={
            "kind": "faq",
            "title": "Changer le mot de passe wifi",
            "summary": "Depuis l'application.",
            "body": "Ouvrez l'application **Néolia** puis *Wi-Fi*.",
            "category": "box-internet",
            "tags": "wifi, securite",
            "language": "fr",
            "steps-0-text": "",
        },
    )
    assert response.status_code == 302
    article = db.session.scalars(db.select(Article)).one()
    assert article.status == "draft" and article.author_id == staff.id and article.steps == []
    assert [t.name for t in article.tags] == ["securite", "wifi"]


# ---------- Refused input ----------

BAD_INPUT = [
    ("title", {"title": ""}, None, "Write at least 5 characters."),
    ("category", {"category": "nulle-part"}, None, "Choose a category."),
    ("video", {"steps-0-video_url": "https://example.com/video.mp4"}, None, "Use a YouTube or Vimeo video address"),
    ("text-as-png", {}, b"just some text, not an image", "Upload a PNG, JPEG, GIF or WebP image."),
    ("oversized", {}, b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024), "Images are limited to 2 MB."),
    ("too-many-pixels", {}, huge_png(), "Images are limited to 16 million pixels."),
    ("truncated", {}, tiny_png()[:-20], "This image could not be read: it may be damaged."),
]


@pytest.mark.parametrize(("case", "changes", "upload", "message"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_refused_input_comes_back_inline_with_what_was_typed(
    app, client, auth, staff, tutorial, case, changes, upload, message
):
    """The form comes back with the reason beside the field, everything typed still there, and nothing saved."""
    auth.login(staff)
    revisions_before = db.session.scalar(db.select(db.func.count(ArticleRevision.id)))
    data = make.editor_data(tutorial, body="Un texte retravaillé qui ne doit pas se perdre.", **changes)
    if upload is not None:
        data["steps-0-image"] = FileStorage(io.BytesIO(upload), "photo.png", content_type="image/png")
    response = post_multipart(client, f"/kb/{tutorial.id}/edit", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and "field-errors" in html
    assert "Un texte retravaillé qui ne doit pas se perdre." in html
    db.session.expire_all()
    assert tutorial.body != "Un texte retravaillé qui ne doit pas se perdre."
    assert tutorial.steps[0].image_path is None and tutorial.steps[0].video_url is None
    assert db.session.scalar(db.select(db.func.count(ArticleRevision.id))) == revisions_before
    assert uploads(app) == []


def test_a_form_without_its_csrf_token_saves_nothing(app, client, auth, staff, tutorial):
    auth.login(staff)
    response = client.post(
        f"/kb/{tutorial.id}/edit", data=make.editor_data(tutorial, title="Titre envoyé d'ailleurs"), csrf=False
    )
    assert response.status_code == 400
    db.session.refresh(tutorial)
    assert tutorial.title == "Appairer la télécommande"


# ---------- Step media ----------


def test_a_step_image_is_stored_and_served_as_an_image_only(app, client, auth, staff, tutorial):
    auth.login(staff)
    data = make.editor_data(tutorial, **{"steps-1-video_url": "https://youtu.be/dQw4w9WgXcQ"})
    data["steps-0-image"] = (io.BytesIO(tiny_png()), "telecommande.png", "image/png")
    assert client.post(f"/kb/{tutorial.id}/edit", data=data).status_code == 302
    db.session.refresh(tutorial)
    first, second = tutorial.steps
    assert first.image_path and first.image_path.endswith(".png") and uploads(app) == [first.image_path]
    assert second.video_url == "https://youtu.be/dQw4w9WgXcQ"

    with client.get(f"/kb/media/{first.image_path}") as image:
        assert image.status_code == 200 and image.mimetype == "image/png" and image.data == tiny_png()
        assert image.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in image.headers["Content-Security-Policy"]
    page = client.get(f"/kb/{tutorial.id}/edit").get_data(as_text=True)
    assert f'src="/kb/media/{first.image_path}"' in page

    # Removing the first step: its image goes with it, the video stays with the second.
    data = make.editor_data(tutorial, **{"steps-0-remove": "y"})
    assert client.post(f"/kb/{tutorial.id}/edit", data=data).status_code == 302
    db.session.refresh(tutorial)
    assert [(s.text, s.image_path, s.video_url) for s in tutorial.steps] == [
        ("Appuyez sur OK.", None, "https://youtu.be/dQw4w9WgXcQ")
    ]


def test_a_step_image_is_served_without_what_followed_it_in_the_upload(app, client, auth, staff, tutorial):
    """A PNG with a page appended is stored encoded again: what is served is the picture and no markup."""
    auth.login(staff)
    data = make.editor_data(tutorial)
    upload = tiny_png() + b"<html><script>alert(document.cookie)</script></html>"
    data["steps-0-image"] = (io.BytesIO(upload), "capture.png", "image/png")
    assert client.post(f"/kb/{tutorial.id}/edit", data=data).status_code == 302
    db.session.refresh(tutorial)
    with client.get(f"/kb/media/{tutorial.steps[0].image_path}") as image:
        assert image.status_code == 200 and image.mimetype == "image/png"
        assert b"<script" not in image.data and Image.open(io.BytesIO(image.data)).size == (1, 1)


@pytest.mark.parametrize("url", ["/kb/new", "/kb/{article}/edit"])
def test_a_members_large_post_to_the_editor_is_refused_unread(app, client, auth, tutorial, monkeypatch, url):
    """A customer's 12 MB post gets 403 before the editor lifts the size limit: the body is never parsed."""
    auth.login(make.user("customer"))
    parsed = []
    parse = app.request_class._load_form_data
    monkeypatch.setattr(
        app.request_class, "_load_form_data", lambda request: parsed.append(request.path) or parse(request)
    )
    revisions_before = db.session.scalar(db.select(db.func.count(ArticleRevision.id)))
    data = make.editor_data(tutorial, title="Titre envoyé par un client")
    big = b"\x89PNG\r\n\x1a\n" + b"\0" * (12 * 1024 * 1024)
    data["steps-0-image"] = FileStorage(io.BytesIO(big), "photo.png", content_type="image/png")
    response = post_multipart(client, url.format(article=tutorial.id), data)
    assert response.status_code == 403
    assert parsed == []
    assert uploads(app) == []
    db.session.expire_all()
    assert tutorial.title == "Appairer la télécommande" and db.session.scalar(db.select(db.func.count(Article.id))) == 1
    assert db.session.scalar(db.select(db.func.count(ArticleRevision.id))) == revisions_before


def test_an_image_chosen_before_adding_a_step_is_kept(app, client, auth, staff, tutorial):
    """The page comes back for one more step: the chosen image is already stored and stays with its step."""
    auth.login(staff)
    data = make.editor_data(tutorial, add_step="1")
    data["steps-1-image"] = (io.BytesIO(tiny_png()), "ok.png", "image/png")
    page = client.post(f"/kb/{tutorial.id}/edit", data=data).get_data(as_text=True)
    [stored] = uploads(app)
    assert f'value="{stored}"' in page and f'src="/kb/media/{stored}"' in page
    data = make.editor_data(tutorial, **{"steps-1-pending_image": stored})
    assert client.post(f"/kb/{tutorial.id}/edit", data=data).status_code == 302
    db.session.refresh(tutorial)
    assert tutorial.steps[1].image_path == stored

    data = make.editor_data(tutorial, **{"steps-1-remove_image": "y"})
    assert client.post(f"/kb/{tutorial.id}/edit", data=data).status_code == 302
    db.session.refresh(tutorial)
    assert tutorial.steps[1].image_path is None


# ---------- Revisions ----------


def test_revisions_show_the_change_and_restore_brings_the_old_text_back(app, client, auth, staff, tutorial):
    auth.login(staff)
    data = make.editor_data(tutorial, title="Appairer la télécommande vocale", note="Modèle vocal")
    assert client.post(f"/kb/{tutorial.id}/edit", data=data).status_code == 302
    html = client.get(f"/kb/{tutorial.id}/revisions").get_data(as_text=True)
    assert re.search(r"<ins>\s*vocale</ins>", html) and "Modèle vocal" in html
    assert f'action="/kb/{tutorial.id}/revisions/1/restore"' in html
    assert f'action="/kb/{tutorial.id}/revisions/2/restore"' not in html  # the current one

    response = client.post(f"/kb/{tutorial.id}/revisions/1/restore")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/kb/{tutorial.id}/revisions")
    db.session.refresh(tutorial)
    assert tutorial.title == "Appairer la télécommande"
    assert client.post(f"/kb/{tutorial.id}/revisions/99/restore").status_code == 404


# ---------- Status ----------


def test_archiving_with_a_replacement_sends_readers_to_it(app, client, auth, staff):
    old = make.article(staff, title="Ancienne box : réinitialiser")
    new = make.article(staff, title="Nouvelle box : réinitialiser")
    auth.login(staff)
    page = client.get(f"/kb/{old.id}/edit").get_data(as_text=True)
    assert f'<option value="{new.id}">Nouvelle box : réinitialiser</option>' in page
    response = client.post(
        f"/kb/{old.id}/status", data={"action": "archive", "replacement": str(new.id), "next": "/kb/staff"}
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/kb/staff")
    db.session.refresh(old)
    assert old.status == "archived" and old.replacement_id == new.id
    auth.logout()
    response = client.get(f"/kb/{old.id}/{old.slug}")
    assert response.status_code == 301 and response.headers["Location"].endswith(f"/kb/{new.id}/{new.slug}")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "publish"}, "Only a draft or an article in review can be published."),
        ({"action": "archive"}, "already archived"),
        ({"action": "dance"}, "Choose what to do"),
    ],
)
def test_refused_status_changes_come_back_as_a_message(app, client, auth, staff, data, message):
    article = make.article(staff)
    kb.archive(staff, article)
    db.session.commit()
    auth.login(staff)
    response = client.post(f"/kb/{article.id}/status", data={**data, "next": "https://evil.example/"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/kb/{article.id}/edit")
    assert message in flashes(client)


def test_a_replacement_that_is_not_published_is_refused(app, client, auth, staff, tutorial):
    article = make.article(staff)
    auth.login(staff)
    client.post(f"/kb/{article.id}/status", data={"action": "archive", "replacement": str(tutorial.id)})
    db.session.refresh(article)
    assert article.status == "published"
    assert "Choose another article, already published." in flashes(client)


def test_the_staff_list_has_a_tab_per_status(app, client, auth, staff, tutorial):
    published = make.article(staff, title="Box : voyant rouge")
    published.needs_review = True
    db.session.commit()
    auth.login(staff)
    html = client.get("/kb/staff").get_data(as_text=True)
    assert "Appairer la télécommande" in html and "Box : voyant rouge" not in html
    html = client.get("/kb/staff?status=needs_review").get_data(as_text=True)
    assert "Box : voyant rouge" in html and "Appairer la télécommande" not in html
    assert "Needs review" in html


def test_the_article_page_shows_staff_tools_to_staff_only(app, client, auth, staff):
    article = make.article(staff)
    url = f"/kb/{article.id}/{article.slug}"
    assert "kbs-tools" not in client.get(url).get_data(as_text=True)
    auth.login(staff)
    html = client.get(url).get_data(as_text=True)
    assert "kbs-tools" in html and f'href="/kb/{article.id}/edit"' in html and 'value="reviewed"' in html


def test_every_refusal_is_reported_at_once(app, client, auth, staff, tutorial):
    """A bad video address does not hide a too-short title: both come back beside their fields."""
    auth.login(staff)
    data = make.editor_data(tutorial, title="Hi", **{"steps-1-video_url": "https://example.com/film.mp4"})
    html = client.post(f"/kb/{tutorial.id}/edit", data=data).get_data(as_text=True)
    assert "Write at least 5 characters." in html and "Use a YouTube or Vimeo video address" in html
    assert 'value="https://example.com/film.mp4"' in html


def test_a_new_tutorial_is_saved_with_its_step_image(app, client, auth, staff):
    make.category()
    auth.login(staff)
    data = {
        "kind": "tutorial",
        "title": "Brancher le répéteur wifi",
        "body": "Il vous faut le répéteur et une prise libre.",
        "category": "box-internet",
        "language": "fr",
        "steps-0-text": "Branchez le répéteur à mi-chemin.",
        "steps-0-image": (io.BytesIO(tiny_png()), "repeteur.png", "image/png"),
        "steps-1-text": "Appuyez sur WPS.",
        "steps-1-video_url": "https://vimeo.com/76979871",
        "steps-2-text": "",
    }
    assert client.post("/kb/new", data=data).status_code == 302
    article = db.session.scalars(db.select(Article)).one()
    assert [(s.position, bool(s.image_path), s.video_url) for s in article.steps] == [
        (1, True, None),
        (2, False, "https://vimeo.com/76979871"),
    ]

"""The article editor never loses work: its status buttons save the form first, or refuse with the
form kept and nothing published; every editing form warns before the page is left unsaved."""

from __future__ import annotations

import re

import factories as make
import pytest

from community.core.extensions import db
from community.questions import operations as qa
from knowledge_base.models import Article, ArticleRevision

FORM_ID = "kbs-editor-form"


@pytest.fixture(autouse=True)
def english(client):
    client.set_cookie("lang", "en", domain="localhost")


@pytest.fixture
def staff(app):
    return make.user("staff", name="Nina Support")


@pytest.fixture
def promoted(app, client, auth, staff):
    """A draft FAQ entry made, as staff do, by promoting the accepted answer of a thread."""
    asker = make.user()
    question = make.question(asker, title="Ma box redémarre toute seule la nuit")
    answer = make.answer(question, make.user("ambassador"), body="Désactivez la mise à jour nocturne dans l'appli.")
    qa.accept_answer(asker, answer)
    db.session.commit()
    auth.login(staff)
    response = client.post(f"/answers/{answer.id}/promote", data={"kind": "faq"})
    assert response.status_code == 302
    return db.session.scalars(db.select(Article)).one()


def revision_count(article: Article) -> int:
    return db.session.scalar(
        db.select(db.func.count()).select_from(ArticleRevision).where(ArticleRevision.article_id == article.id)
    )


def test_publish_after_editing_publishes_the_edits(app, client, auth, promoted):
    """Promote, change title and summary, click "Save and publish": the article goes live as edited."""
    page = client.get(f"/kb/{promoted.id}/edit").get_data(as_text=True)
    assert f'id="{FORM_ID}"' in page and "data-warn-unsaved" in page
    publish = re.search(rf'<button[^>]*form="{FORM_ID}"[^>]*name="action" value="publish"[^>]*>', page)
    assert publish, "the publish button must belong to the editor's form"
    assert f'action="/kb/{promoted.id}/status"' not in page  # no status form beside the editor

    data = make.editor_data(
        promoted,
        title="Box qui redémarre la nuit : désactiver la mise à jour",
        summary="Une option de l'appli redémarre la box chaque nuit.",
        action="publish",
    )
    response = client.post(f"/kb/{promoted.id}/edit", data=data)
    db.session.refresh(promoted)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/kb/{promoted.id}/{promoted.slug}")
    assert promoted.status == "published"
    assert promoted.title == "Box qui redémarre la nuit : désactiver la mise à jour"
    assert promoted.summary == "Une option de l'appli redémarre la box chaque nuit."
    assert revision_count(promoted) == 2

    auth.logout()
    html = client.get(f"/kb/{promoted.id}/{promoted.slug}").get_data(as_text=True)
    assert "Box qui redémarre la nuit : désactiver la mise à jour" in html
    assert "Une option de l&#39;appli redémarre la box chaque nuit." in html


def test_an_invalid_edit_with_publish_keeps_the_form_and_publishes_nothing(app, client, auth, promoted):
    data = make.editor_data(promoted, title="Box", summary="Un résumé tapé avec soin.", action="publish")
    response = client.post(f"/kb/{promoted.id}/edit", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write at least 5 characters." in html
    assert 'value="Box"' in html and "Un résumé tapé avec soin." in html
    assert "data-unsaved" in html  # leaving the page still warns: what was typed is not saved
    db.session.refresh(promoted)
    assert promoted.status == "draft" and promoted.title == "Ma box redémarre toute seule la nuit"
    assert revision_count(promoted) == 1


@pytest.mark.parametrize(
    ("action", "status", "message"),
    [
        ("submit", "in_review", "Saved and sent for review."),
        ("publish", "published", "Saved and published"),
        ("dance", "draft", "Saved."),  # an unknown action only saves
    ],
)
def test_each_status_button_saves_then_changes_the_status(app, client, auth, promoted, action, status, message):
    data = make.editor_data(promoted, body="Ouvrez l'appli, menu **Box > Mises à jour**.", action=action)
    response = client.post(f"/kb/{promoted.id}/edit", data=data, follow_redirects=True)
    db.session.refresh(promoted)
    assert promoted.status == status and "**Box > Mises à jour**" in promoted.body
    assert message in response.get_data(as_text=True)


def test_a_refused_status_change_saves_nothing_and_says_why(app, client, auth, staff, promoted):
    """ "Mark as reviewed" sent for a draft (an old page): the edits are not saved alone either."""
    data = make.editor_data(promoted, title="Un titre changé entre-temps", action="reviewed")
    html = client.post(f"/kb/{promoted.id}/edit", data=data).get_data(as_text=True)
    assert "Only a published article can be marked as reviewed." in html
    assert 'value="Un titre changé entre-temps"' in html
    db.session.refresh(promoted)
    assert promoted.title == "Ma box redémarre toute seule la nuit" and promoted.status == "draft"


def test_archiving_from_the_editor_saves_first_and_a_bad_replacement_keeps_the_form(app, client, auth, staff):
    old = make.article(staff, title="Ancienne box : réinitialiser")
    draft = make.article(staff, title="Brouillon non publié", publish=False)
    auth.login(staff)
    page = client.get(f"/kb/{old.id}/edit").get_data(as_text=True)
    assert re.search(rf'<select[^>]*name="replacement"[^>]*form="{FORM_ID}"', page)

    data = make.editor_data(
        old, note="Remplacé", replacement=str(draft.id), action="archive", title="Ancienne box (2019)"
    )
    html = client.post(f"/kb/{old.id}/edit", data=data).get_data(as_text=True)
    assert "Choose another article, already published." in html and 'value="Ancienne box (2019)"' in html
    assert re.search(r'<details class="kbs-archive" open>', html)
    db.session.refresh(old)
    assert old.status == "published" and old.title == "Ancienne box : réinitialiser"

    new = make.article(staff, title="Nouvelle box : réinitialiser")
    data["replacement"] = str(new.id)
    assert client.post(f"/kb/{old.id}/edit", data=data).status_code == 302
    db.session.refresh(old)
    assert old.status == "archived" and old.replacement_id == new.id and old.title == "Ancienne box (2019)"


def test_staff_tools_outside_the_editor_still_change_the_status_alone(app, client, auth, staff):
    article = make.article(staff, publish=False)
    auth.login(staff)
    html = client.get(f"/kb/{article.id}/{article.slug}").get_data(as_text=True)
    assert f'action="/kb/{article.id}/status"' in html
    response = client.post(f"/kb/{article.id}/status", data={"action": "publish"})
    assert response.status_code == 302
    db.session.refresh(article)
    assert article.status == "published"


def test_editing_forms_warn_before_leaving_with_unsaved_changes(app, client, auth, staff):
    """The knowledge-base editor, the ask form, question and answer edits and the answer box are marked."""
    make.category()
    author = make.user()
    question = make.question(author)
    answer = make.answer(question, author)
    auth.login(author)
    for url in (
        "/questions/ask",
        f"/questions/{question.id}/edit",
        f"/answers/{answer.id}/edit",
        f"/questions/{question.id}/{question.slug}",
    ):
        html = client.get(url).get_data(as_text=True)
        assert re.search(r"<form[^>]*data-warn-unsaved", html), url
    auth.logout()
    auth.login(staff)
    assert "data-warn-unsaved" in client.get("/kb/new").get_data(as_text=True)

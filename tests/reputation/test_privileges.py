"""What reputation unlocks, each privilege refused just below its threshold and allowed at it, on
the pages and through the API; ambassadors and staff hold them all whatever their reputation."""

from __future__ import annotations

import pytest
from api.apitools import ApiClient, assert_error
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.extensions import db
from community.questions import queries
from community.questions.models import Comment, Question
from community.reputation import ledger
from community.reputation.models import CloseVote
from tests import factories as make

PRIVILEGES = {"comment": 15, "retag": 200, "edit": 500, "close_vote": 1000}


@pytest.fixture
def app_config():
    """The shipped thresholds (the other tests let new members comment anywhere)."""
    return {"PRIVILEGES": PRIVILEGES, "CLOSE_VOTES_NEEDED": 3}


@pytest.fixture(autouse=True)
def english(client):
    """Pages and API messages in English, as the assertions read them."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def api(client):
    return ApiClient(client)


def member(points: int, role: str = "customer"):
    """A member whose ledger holds ``points`` (as if an answer of theirs had been accepted)."""
    created = make.user(role)
    if points:
        answer = make.answer(make.question(), created)
        ledger.credit(created.id, "answer_accepted", points, source_type="answer", source_id=answer.id, post=answer)
        db.session.commit()
    assert created.reputation == points
    return created


def _page(client, question) -> str:
    return client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)


def _comment(client, question):
    return client.post(f"/questions/{question.id}/comments", data={"body": "Quel modèle de box avez-vous ?"})


@pytest.mark.parametrize(
    ("points", "role", "allowed"),
    [(14, "customer", False), (15, "customer", True), (0, "ambassador", True), (0, "staff", True)],
)
def test_commenting_on_others_posts_takes_the_comment_privilege(app, client, auth, points, role, allowed):
    """Below 15 points the comment box is not offered on someone else's question and posting gets
    403 with the reason; at 15, as an ambassador or staff, the comment is posted."""
    question = make.question()
    auth.login(member(points, role))
    page = _page(client, question)
    response = _comment(client, question)
    if allowed:
        assert response.status_code == 302
        assert db.session.scalar(select(Comment).where(Comment.question_id == question.id)) is not None
    else:
        assert response.status_code == 403
        assert "You need 15 reputation points to comment here." in response.get_data(as_text=True)
        assert f'action="/questions/{question.id}/comments' not in page


def test_a_newcomer_comments_in_their_own_threads(app, client, auth):
    """With no reputation a member still comments on their own question and on the answers to it."""
    asker = make.user()
    question = make.question(asker)
    answer = make.answer(question)
    auth.login(asker)
    assert _comment(client, question).status_code == 302
    response = client.post(f"/answers/{answer.id}/comments", data={"body": "Merci, je teste ce soir."})
    assert response.status_code == 302


def test_comment_privilege_through_the_api(app, api):
    """POST /questions/{id}/comments: 403 forbidden below the threshold, 201 at it."""
    question = make.question()
    body = {"body": "Quel modèle de box ?"}
    error = assert_error(api.post(f"/questions/{question.id}/comments", member(14), json=body), 403, "forbidden")
    assert "15" in error["message"]
    assert api.post(f"/questions/{question.id}/comments", member(15), json=body).status_code == 201


@pytest.mark.parametrize(("points", "allowed"), [(199, False), (200, True)])
def test_retag_page_at_its_threshold(app, client, auth, points, allowed):
    """At 200 points a member sees "Edit tags" (not "Edit") and changes the tags, kept as a revision
    in the history; at 199 the link is not there and the page answers 403."""
    question = make.question(tags=("wifi",))
    editor = member(points)
    auth.login(editor)
    page = _page(client, question)
    assert (f'href="/questions/{question.id}/retag"' in page) is allowed
    assert f'href="/questions/{question.id}/edit"' not in page
    form = client.get(f"/questions/{question.id}/retag")
    response = client.post(f"/questions/{question.id}/retag", data={"tags": "wifi, fibre", "summary": "tag fibre"})
    db.session.expire_all()
    if allowed:
        assert form.status_code == 200 and 'value="wifi"' in form.get_data(as_text=True)
        assert response.status_code == 302
        assert sorted(t.name for t in question.tags) == ["fibre", "wifi"]
        latest = queries.revisions(question)[0]
        assert latest.author_id == editor.id and latest.tags == "wifi fibre" and latest.summary == "tag fibre"
    else:
        assert form.status_code == 403 and response.status_code == 403
        assert [t.name for t in question.tags] == ["wifi"]


def test_retag_refuses_bad_tags_beside_the_field(app, client, auth):
    """Too many tags: the form comes back with the reason and what was typed."""
    question = make.question()
    auth.login(member(200))
    typed = "a, b, c, d, e, f"
    response = client.post(f"/questions/{question.id}/retag", data={"tags": typed})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "Use at most 5 tags." in html and f'value="{typed}"' in html


def test_retag_through_the_api_does_not_allow_editing(app, api):
    """PATCH with tags only is a retag (200 points); changing the title too takes the edit privilege."""
    question = make.question(tags=("wifi",))
    retagger = member(200)
    assert_error(api.patch(f"/questions/{question.id}", member(199), json={"tags": ["fibre"]}), 403)
    assert api.patch(f"/questions/{question.id}", retagger, json={"tags": ["fibre"]}).status_code == 200
    assert [t.name for t in db.session.get(Question, question.id).tags] == ["fibre"]
    title = {"title": "Un autre titre pour cette question"}
    assert_error(api.patch(f"/questions/{question.id}", retagger, json=title), 403)


@pytest.mark.parametrize(
    ("points", "role", "allowed"),
    [(499, "customer", False), (500, "customer", True), (0, "ambassador", True)],
)
def test_editing_others_posts_takes_the_edit_privilege(app, client, auth, points, role, allowed):
    """At 500 points (or as an ambassador) a member edits someone else's question and answer, each
    change a revision under their name; below, both edit pages answer 403."""
    question = make.question(title="Décodeur TV sans son depuis hier")
    answer = make.answer(question)
    editor = member(points, role)
    auth.login(editor)
    data = {"title": "Décodeur TV sans son depuis hier soir", "body": question.body, "category": "box-internet"}
    edited_question = client.post(f"/questions/{question.id}/edit", data={**data, "tags": "tv"})
    edited_answer = client.post(f"/answers/{answer.id}/edit", data={"body": "Débranchez la box une minute entière."})
    db.session.expire_all()
    if allowed:
        assert edited_question.status_code == 302 and edited_answer.status_code == 302
        assert question.title.endswith("soir") and answer.body.startswith("Débranchez")
        assert queries.revisions(question)[0].author_id == editor.id
        assert queries.revisions(answer)[0].author_id == editor.id
    else:
        assert edited_question.status_code == 403 and edited_answer.status_code == 403
        assert client.get(f"/answers/{answer.id}/edit").status_code == 403
        assert question.title == "Décodeur TV sans son depuis hier"


def test_edit_privilege_through_the_api(app, api):
    """PATCH /questions/{id} changing the title: 403 at 499 points, 200 at 500."""
    question = make.question()
    title = {"title": "Le voyant de la box clignote en rouge"}
    assert_error(api.patch(f"/questions/{question.id}", member(499), json=title), 403, "forbidden")
    assert api.patch(f"/questions/{question.id}", member(500), json=title).status_code == 200


def _vote_close(client, question, original_id):
    return client.post(f"/questions/{question.id}/close-votes", data={"duplicate_of": str(original_id)})


def test_close_votes_close_a_duplicate_when_enough_agree(app, client, auth):
    """Three members with 1,000 points vote; the third vote closes the question as a duplicate of the
    original most of them named, audited with the voters; the votes are then spent."""
    original, other = make.question(), make.question()
    question = make.question()
    voters = [member(1000) for _ in range(3)]
    for voter, target in zip(voters, (original, other, original), strict=True):
        auth.login(voter)
        page = _page(client, question)
        assert f'href="/questions/{question.id}/close-votes"' in page
        response = _vote_close(client, question, target.id)
        assert response.status_code == 302
        auth.logout()
    db.session.expire_all()
    assert question.status == "closed" and question.close_reason == "duplicate"
    assert question.duplicate_of_id == original.id
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "question.close_votes"))
    assert entry.target_id == question.id and entry.actor_id == voters[2].id
    assert entry.after["voters"] == [v.id for v in voters]
    assert db.session.scalars(select(CloseVote)).all() == []


def test_close_vote_page_counts_and_refuses_a_second_vote(app, client, auth):
    """After voting, the page says so and shows the count; a second vote is not offered."""
    original, question = make.question(), make.question()
    auth.login(member(1000))
    assert _vote_close(client, question, original.id).status_code == 302
    page = client.get(f"/questions/{question.id}/close-votes").get_data(as_text=True)
    assert "1 vote of 3 so far." in page
    assert f"You voted to close this question as a duplicate of question {original.id}." in page
    assert 'name="duplicate_of"' not in page
    assert db.session.get(Question, question.id).status != "closed"


def test_close_vote_with_a_bad_number_keeps_what_was_typed(app, client, auth):
    """A number that is not another question: the form says why, with the number typed still there."""
    question = make.question()
    auth.login(member(1000))
    response = _vote_close(client, question, question.id)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Give the number of the original question." in html and f'value="{question.id}"' in html
    assert db.session.scalars(select(CloseVote)).all() == []


@pytest.mark.parametrize(("points", "role", "status"), [(999, "customer", 403), (0, "ambassador", 200)])
def test_close_votes_take_the_privilege(app, client, auth, points, role, status):
    """At 999 points neither the link nor the page; ambassadors hold the privilege."""
    question = make.question()
    auth.login(member(points, role))
    page = _page(client, question)
    assert (f'href="/questions/{question.id}/close-votes"' in page) is (status == 200)
    assert client.get(f"/questions/{question.id}/close-votes").status_code == status


def test_staff_close_directly_without_votes(app, client, auth):
    """Staff keep their own close form; the vote link is not shown to them."""
    question = make.question()
    auth.login(make.user("staff"))
    page = _page(client, question)
    assert f'action="/questions/{question.id}/close"' in page
    assert f'href="/questions/{question.id}/close-votes"' not in page


def test_own_profile_lists_what_reputation_unlocks(app, client, auth):
    """A member sees on their own profile each privilege with its points, the ones held ticked."""
    holder = member(250)
    auth.login(holder)
    html = client.get(f"/users/{holder.id}").get_data(as_text=True)
    assert "What your reputation unlocks" in html
    assert html.count('class="is-held"') == 2 and html.count('class="is-locked"') == 2
    assert "Edit others&#39; questions and answers" in html
    other = client.get(f"/users/{make.user().id}").get_data(as_text=True)
    assert "What your reputation unlocks" not in other

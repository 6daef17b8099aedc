"""Questions, answers, acceptance, closing and locking, called as operations without HTTP."""

from __future__ import annotations

import factories as make
import pytest

from community.core.errors import Forbidden, NotFound, Unauthorized, ValidationError
from community.core.extensions import db
from community.questions import operations as qa
from community.questions import queries
from community.taxonomy import queries as taxonomy


def test_ask_answer_accept_solves_the_question(app):
    """A question goes open → answered → solved, and the accepted answer is shown first."""
    asker, helper, other = make.user(), make.user("ambassador"), make.user()
    question = make.question(asker)
    assert question.status == "open" and question.slug.startswith("ma-box-ne-se-connecte-plus")
    first = make.answer(question, other, "Essayez de changer de canal wifi.")
    second = make.answer(question, helper, "Faites une réinitialisation usine : bouton **reset** 10 s.")
    assert question.status == "answered" and question.answer_count == 2
    qa.accept_answer(asker, second)
    db.session.commit()
    assert question.status == "solved" and question.accepted_answer_id == second.id
    page = queries.question_page(question, asker)
    assert [a.id for a in page["answers"]] == [second.id, first.id]
    assert "<strong>reset</strong>" in second.body_html


def test_accepting_another_answer_moves_the_solution(app):
    asker = make.user()
    question = make.question(asker)
    a1, a2 = make.answer(question), make.answer(question)
    qa.accept_answer(asker, a1)
    qa.accept_answer(asker, a2)
    db.session.commit()
    assert question.accepted_answer_id == a2.id and question.status == "solved"


def test_staff_accepts_on_behalf_of_the_asker_but_others_cannot(app):
    asker, stranger, staff = make.user(), make.user(), make.user("staff")
    question = make.question(asker)
    answer = make.answer(question)
    with pytest.raises(Forbidden):
        qa.accept_answer(stranger, answer)
    qa.accept_answer(staff, answer)
    assert question.accepted_answer_id == answer.id


def test_edit_keeps_revisions_and_only_author_or_staff_may_edit(app):
    author, stranger, staff = make.user(), make.user(), make.user("staff")
    question = make.question(author, title="La fibre coupe tous les soirs")
    with pytest.raises(Forbidden):
        qa.edit_question(stranger, question, "Titre modifié par un autre", question.body)
    qa.edit_question(
        author, question, "La fibre coupe tous les soirs vers 21h", question.body, summary="précision de l'heure"
    )
    qa.edit_question(staff, question, question.title, question.body + " Merci d'avance.", tags=["fibre"])
    db.session.commit()
    revisions = queries.revisions(question)
    assert [r.number for r in revisions] == [3, 2, 1]
    assert revisions[1].summary == "précision de l'heure"
    assert revisions[2].title == "La fibre coupe tous les soirs"
    assert [t.name for t in question.tags] == ["fibre"]


def test_validation_reports_every_field_at_fault(app):
    make.category()
    with pytest.raises(ValidationError) as err:
        qa.ask_question(make.user(), "court", "", "nope", [f"t{i}" for i in range(6)])
    assert set(err.value.fields) == {"title", "body", "category", "tags"}


def test_tags_are_normalised_and_limited_to_five(app):
    make.category()
    question = qa.ask_question(
        make.user(),
        "Télévision sans son depuis hier",
        "Le décodeur affiche l'image mais aucun son.",
        "box-internet",
        "Télé, SON, son, décodeur",
    )
    assert sorted(t.name for t in question.tags) == ["decodeur", "son", "tele"]
    with pytest.raises(ValidationError) as err:
        qa.ask_question(
            make.user(),
            "Six étiquettes pour une question",
            "Un corps assez long pour passer.",
            "box-internet",
            ["a1", "b2", "c3", "d4", "e5", "f6"],
        )
    assert "tags" in err.value.fields


def test_votes_change_withdraw_and_never_on_own_post(app):
    author, voter, other = make.user(), make.user(), make.user()
    question = make.question(author)
    assert qa.vote(voter, question, 1) == 1
    assert qa.vote(other, question, 1) == 2
    assert qa.vote(voter, question, -1) == 0
    assert qa.vote(voter, question, 0) == 1
    assert qa.my_vote(voter, question) == 0
    with pytest.raises(Forbidden):
        qa.vote(author, question, 1)
    with pytest.raises(ValidationError):
        qa.vote(voter, question, 2)
    with pytest.raises(ValidationError):
        qa.vote(voter, question, True)


def test_closed_duplicate_links_the_original_and_refuses_answers(app):
    staff, customer = make.user("staff"), make.user()
    original, duplicate = make.question(), make.question()
    with pytest.raises(Forbidden):
        qa.close_question(customer, duplicate, "duplicate", original.id)
    with pytest.raises(ValidationError):
        qa.close_question(staff, duplicate, "duplicate", duplicate.id)
    qa.close_question(staff, duplicate, "duplicate", original.id)
    assert duplicate.status == "closed" and duplicate.duplicate_of_id == original.id
    with pytest.raises(Forbidden):
        qa.post_answer(customer, duplicate, "Une réponse qui arrive trop tard.")
    qa.reopen_question(staff, duplicate)
    assert duplicate.status == "open" and duplicate.duplicate_of_id is None


def test_locked_question_refuses_members_but_not_staff(app):
    staff, author, customer = make.user("staff"), make.user(), make.user()
    question = make.question(author)
    answer = make.answer(question, customer)
    qa.set_locked(staff, question, True)
    for attempt in (
        lambda: qa.post_answer(customer, question, "Encore une réponse"),
        lambda: qa.add_comment(customer, question, "Un commentaire"),
        lambda: qa.vote(customer, question, 1),
        lambda: qa.edit_question(author, question, question.title, question.body + " suite"),
        lambda: qa.accept_answer(author, answer),
    ):
        with pytest.raises(Forbidden):
            attempt()
    qa.add_comment(staff, question, "Sujet verrouillé, merci de contacter le support.")


def test_visitors_must_sign_in(app):
    question = make.question()
    with pytest.raises(Unauthorized):
        qa.post_answer(None, question, "Je réponds sans compte")


def test_hidden_question_is_not_found_except_for_author_and_staff(app):
    author, staff, other = make.user(), make.user("staff"), make.user()
    question = make.question(author)
    from community.core.database import utcnow

    question.hidden_at = utcnow()
    db.session.commit()
    with pytest.raises(NotFound):
        qa.get_question(question.id, other)
    with pytest.raises(NotFound):
        qa.get_question(question.id, None)
    assert qa.get_question(question.id, author) is question
    assert qa.get_question(question.id, staff) is question
    assert queries.question_list(other).total == 0
    assert queries.question_list(staff).total == 1


def test_comments_are_short_and_rendered_inline(app):
    question = make.question()
    comment = qa.add_comment(make.user(), question, "Merci, **ça a marché** !")
    assert "<strong>ça a marché</strong>" in comment.body_html and "<p>" not in comment.body_html
    with pytest.raises(ValidationError):
        qa.add_comment(make.user(), question, "x" * 601)


def test_lists_filter_and_sort(app):
    make.category()
    make.category("facturation", "Facturation")
    asker = make.user()
    q1 = make.question(asker, tags=["wifi"])
    q2 = make.question(asker, category_slug="facturation", tags=["facture"])
    qa.vote(make.user(), q2, 1)
    answer = make.answer(q1)
    qa.accept_answer(asker, answer)
    db.session.commit()
    assert [q.id for q in queries.question_list(None, category="facturation").items] == [q2.id]
    assert [q.id for q in queries.question_list(None, tag="wifi").items] == [q1.id]
    assert [q.id for q in queries.question_list(None, status="solved").items] == [q1.id]
    assert [q.id for q in queries.question_list(None, status="unanswered").items] == [q2.id]
    assert [q.id for q in queries.question_list(None, sort="votes").items][0] == q2.id
    assert queries.question_list(None, text="wifi").total == 2
    assert taxonomy.category_by_slug("facturation").question_count == 1

"""The ambassador programme as people see it: the public leaderboard, the staff's nomination list with
"Make ambassador" and "Revoke" (audited), an ambassador's "Questions for you", and inviting a member
to answer from the question page (the invitee is told, the question comes first in their list)."""

from __future__ import annotations

import re
from datetime import timedelta

import factories as make
import pytest
from sqlalchemy import delete, select, update

from community.audit.models import AuditEntry
from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User
from community.notifications.models import Notification
from community.questions import operations as qa
from community.questions.models import Answer, Question
from community.reputation.models import AnswerInvitation, ReputationEvent


def earned(user, points: int, category=None) -> None:
    """A ledger row for ``user`` (as the ledger writes them), the cached total kept in step."""
    db.session.add(
        ReputationEvent(
            user_id=user.id,
            event="answer_upvoted",
            points=points,
            source_type="vote",
            source_id=0,
            category_id=category.id if category else None,
        )
    )
    db.session.execute(update(User).where(User.id == user.id).values(reputation=User.reputation + points))
    db.session.commit()


@pytest.fixture
def people(app):
    admin = make.user("admin", name="Alice Admin")
    box = make.category("box-internet", "Box internet", actor=admin)
    mobile = make.category("mobile", "Forfaits mobiles", actor=admin)
    return {
        "admin": admin,
        "staff": make.user("staff", name="Camille Staff"),
        "sophie": make.user(name="Sophie Martin"),
        "marc": make.user("ambassador", name="Marc Dubreuil"),
        "lea": make.user(name="Léa Martin"),
        "box": box,
        "mobile": mobile,
    }


def rows(html: str) -> list[str]:
    """The table's rows as text, tags stripped and spaces squeezed."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in body.split("</tr>")[:-1]]


# The leaderboard -------------------------------------------------------------------------------


def test_anyone_sees_the_leaderboard_with_each_figure(client, people):
    """Sophie answered twice (one solution, first answers after 10 and 20 minutes) and earned 25 points this
    month: she is first, with her figures in each column; Léa, who earned 5, is second."""
    question = make.question(people["lea"])
    first = make.answer(question, people["sophie"])
    qa.accept_answer(people["lea"], first)
    second = make.answer(make.question(people["lea"]), people["sophie"])
    db.session.execute(delete(ReputationEvent))  # only the rows below
    db.session.execute(update(User).values(reputation=0))
    db.session.execute(update(Answer).where(Answer.id == first.id).values(response_seconds=600))
    db.session.execute(update(Answer).where(Answer.id == second.id).values(response_seconds=1200))
    earned(people["sophie"], 25, people["box"])
    earned(people["lea"], 5, people["mobile"])

    page = client.get("/leaderboard?lang=en")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'aria-current="page">This month</a>' in html
    assert rows(html)[0] == "1 SM Sophie Martin +25 2 1 50% 15 minutes"
    assert rows(html)[1] == "2 LM Léa Martin +5 0 0 – –"

    mobile = client.get("/leaderboard?period=all&category=mobile&lang=en").get_data(as_text=True)
    assert [row.split()[2:4] for row in rows(mobile)] == [["Léa", "Martin"]]
    assert 'aria-current="page">All time</a>' in mobile


def test_an_unknown_category_is_not_found_and_an_unknown_period_shows_the_month(client, people):
    assert client.get("/leaderboard?category=nope").status_code == 404
    page = client.get("/leaderboard?period=decade&lang=en").get_data(as_text=True)
    assert 'aria-current="page">This month</a>' in page
    assert "Nobody earned reputation in this period yet." in page


def test_the_footer_links_to_the_leaderboard(client, people):
    assert 'href="/leaderboard"' in client.get("/?lang=en").get_data(as_text=True)


# The nomination list ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"), [(None, 302), ("customer", 403), ("ambassador", 403), ("staff", 200), ("admin", 200)]
)
def test_only_staff_open_the_nomination_list(client, auth, people, role, status):
    if role:
        auth.login(make.user(role))
    assert client.get("/ambassadors/nominations").status_code == status


def test_staff_see_the_criteria_and_make_a_member_ambassador_then_revoke_it(client, auth, people):
    """Sophie answered five questions, four solved: she heads the list with each criterion in its
    column; staff make her an ambassador (audited), then revoke it (audited)."""
    staff, sophie = people["staff"], people["sophie"]
    for n in range(5):
        question = make.question(people["lea"])
        answer = make.answer(question, sophie)
        if n < 4:
            qa.accept_answer(people["lea"], answer)
    db.session.commit()
    auth.login(staff)
    html = client.get("/ambassadors/nominations?lang=en").get_data(as_text=True)
    for column in ("Score", "Solution rate", "Median time to first answer", "Answers promoted", "Upheld flags"):
        assert f">{column}</th>" in html
    assert "Active (90 days)" in html
    first = rows(html)[0]
    assert first.startswith("SM Sophie Martin member since")
    assert " 5 80% " in first and "5 posts" in first and "Make ambassador" in first

    response = client.post(f"/ambassadors/{sophie.id}/grant", headers={"Accept-Language": "en"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "Sophie Martin is now an ambassador." in page
    assert db.session.get(User, sophie.id).role == "ambassador"
    assert "Revoke" in rows(page)[0]

    client.post(f"/ambassadors/{sophie.id}/revoke")
    assert db.session.get(User, sophie.id).role == "customer"
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "user.role").order_by(AuditEntry.id))
    assert [(e.actor_id, e.target_id, e.before, e.after) for e in entries] == [
        (staff.id, sophie.id, {"role": "customer"}, {"role": "ambassador"}),
        (staff.id, sophie.id, {"role": "ambassador"}, {"role": "customer"}),
    ]


def test_staff_grant_only_the_ambassador_role_and_members_cannot(client, auth, people):
    auth.login(people["staff"])
    assert client.post(f"/ambassadors/{people['admin'].id}/grant").status_code == 403
    assert client.post(f"/ambassadors/{people['sophie'].id}/revoke").status_code == 403
    assert db.session.get(User, people["admin"].id).role == "admin"
    auth.logout()
    auth.login(people["lea"])
    assert client.post(f"/ambassadors/{people['sophie'].id}/grant").status_code == 403
    assert db.session.get(User, people["sophie"].id).role == "customer"


def test_a_grant_without_the_form_token_changes_nothing(client, auth, people):
    auth.login(people["staff"])
    response = client.post(f"/ambassadors/{people['sophie'].id}/grant", csrf=False)
    assert response.status_code in (302, 400)
    assert db.session.get(User, people["sophie"].id).role == "customer"


def test_the_staff_menu_links_to_the_nomination_list(client, auth, people):
    auth.login(people["staff"])
    assert 'href="/ambassadors/nominations"' in client.get("/?lang=en").get_data(as_text=True)
    auth.logout()
    auth.login(people["lea"])
    assert 'href="/ambassadors/nominations"' not in client.get("/?lang=en").get_data(as_text=True)


# Questions for you -----------------------------------------------------------------------------


def _aged(question, days: int) -> None:
    when = utcnow() - timedelta(days=days)
    db.session.execute(update(Question).where(Question.id == question.id).values(created_at=when))
    db.session.commit()


def test_an_ambassador_sees_invitations_first_then_unanswered_questions_of_their_topics_oldest_first(
    client, auth, people
):
    marc, lea = people["marc"], people["lea"]
    solved = make.question(lea, category_slug="box-internet", tags=("wifi",))
    qa.accept_answer(lea, make.answer(solved, marc))
    db.session.commit()
    newer = make.question(lea, title="Box : plus de wifi à l'étage", category_slug="box-internet", tags=("fibre",))
    older = make.question(lea, title="Le wifi de la box coupe le soir", category_slug="box-internet", tags=("wifi",))
    _aged(older, 10)
    _aged(newer, 2)
    answered = make.question(lea, title="Box déjà répondue", category_slug="box-internet")
    make.answer(answered, people["sophie"])
    elsewhere = make.question(lea, title="Forfait mobile à l'étranger", category_slug="mobile", tags=("roaming",))
    auth.login(lea)
    client.post(f"/questions/{elsewhere.id}/invite", data={"handle": f"@{marc.handle}"})
    auth.logout()

    auth.login(marc)
    home = client.get("/?lang=en").get_data(as_text=True)
    assert 'href="/for-you"' in home
    page = client.get("/for-you?lang=en").get_data(as_text=True)
    titles = re.findall(r'class="q-title"><a href="[^"]+"[^>]*>([^<]+)</a>', page)
    assert titles == [
        "Forfait mobile à l&#39;étranger",
        "Le wifi de la box coupe le soir",
        "Box : plus de wifi à l&#39;étage",
    ]
    assert "You are invited to answer" in page
    assert "Your strongest topics:" in page and "Box internet" in page


def test_questions_for_you_are_for_ambassadors(client, auth, people):
    auth.login(people["lea"])
    assert client.get("/for-you").status_code == 403
    assert 'href="/for-you"' not in client.get("/?lang=en").get_data(as_text=True)


def test_an_ambassador_without_answers_is_told_how_the_list_fills(client, auth, people):
    auth.login(people["marc"])
    page = client.get("/for-you?lang=en").get_data(as_text=True)
    assert "Answer a few questions first." in page


# Invitations to answer -------------------------------------------------------------------------


def test_the_asker_invites_a_member_who_is_told(client, auth, people):
    lea, sophie = people["lea"], people["sophie"]
    question = make.question(lea, title="Ma box redémarre toute seule la nuit")
    auth.login(lea)
    page = client.get(f"/questions/{question.id}/{question.slug}?lang=en").get_data(as_text=True)
    assert "Invite someone to answer" in page
    response = client.post(
        f"/questions/{question.id}/invite", data={"handle": f"@{sophie.handle}"}, headers={"Accept-Language": "en"}
    )
    assert response.status_code == 302
    shown = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert f"@{sophie.handle} is invited to answer." in shown
    auth.logout()

    auth.login(sophie)
    (told,) = db.session.scalars(select(Notification).where(Notification.recipient_id == sophie.id)).all()
    assert (told.kind, told.actor_id, told.title) == ("answer_invitation", lea.id, question.title)
    listing = client.get("/notifications?lang=en").get_data(as_text=True)
    assert "Léa Martin</strong> invites you to answer a question" in listing


def test_staff_invite_too_but_other_members_do_not_see_the_form(client, auth, people):
    question = make.question(people["lea"])
    url = f"/questions/{question.id}/{question.slug}?lang=en"
    auth.login(people["sophie"])
    assert "Invite someone to answer" not in client.get(url).get_data(as_text=True)
    assert client.post(f"/questions/{question.id}/invite", data={"handle": people["marc"].handle}).status_code == 403
    auth.logout()
    auth.login(people["staff"])
    assert client.post(f"/questions/{question.id}/invite", data={"handle": people["marc"].handle}).status_code == 302
    assert db.session.scalar(select(AnswerInvitation.user_id)) == people["marc"].id


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("@nobody_here", "No member has the handle @nobody_here."),
        ("", "Enter a member&#39;s @handle."),
        ("{self}", "You cannot invite yourself."),
        ("{twice}", "Sophie Martin is already invited to answer."),
    ],
)
def test_a_wrong_handle_is_said_beside_the_field_keeping_what_was_typed(client, auth, people, typed, error):
    lea, sophie = people["lea"], people["sophie"]
    question = make.question(lea)
    auth.login(lea)
    if typed == "{twice}":
        client.post(f"/questions/{question.id}/invite", data={"handle": sophie.handle})
        typed = sophie.handle
    typed = typed.replace("{self}", lea.handle)
    response = client.post(f"/questions/{question.id}/invite?lang=en", data={"handle": typed})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert error in html
    assert f'value="{typed}"' in html
    assert 'aria-invalid="true"' in html


def test_the_invitation_page_suggests_who_helps_most_in_the_category(client, auth, people):
    earned(people["sophie"], 40, people["box"])
    question = make.question(people["lea"], category_slug="box-internet")
    auth.login(people["lea"])
    page = client.get(f"/questions/{question.id}/invite?lang=en").get_data(as_text=True)
    assert "Who helps most in Box internet" in page
    assert f"@{people['sophie'].handle}" in page

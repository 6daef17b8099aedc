"""The moderation queue at /moderation: staff (and ambassadors given a category) see what awaits a
decision with its flags, and each decision acts on the post, closes the item, settles the flags and
leaves its entries in the audit log."""

from __future__ import annotations

import factories as make
import pytest
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.database import INCLUDE_HIDDEN
from community.core.extensions import db
from community.members.models import User
from community.moderation import flags, queue
from community.moderation.models import CategoryModerator, Flag, QueueItem
from community.questions.models import Answer, Question


def logged(action: str) -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def decided(target_type: str, target_id: int) -> AuditEntry:
    entries = [e for e in logged("moderation.decide") if (e.target_type, e.target_id) == (target_type, target_id)]
    assert len(entries) == 1, entries
    return entries[0]


def fresh(model, ident):
    db.session.expire_all()
    return db.session.get(model, ident, execution_options={INCLUDE_HIDDEN: True})


def flag(target, reason: str = "spam", note: str = "", by=None, target_type: str | None = None) -> QueueItem:
    target_type = target_type or type(target).__name__.lower()
    flags.raise_flag(by or make.user(), target_type, target, reason, note)
    db.session.commit()
    return queue.open_item(target_type, target.id)


@pytest.fixture
def staff(app):
    return make.user("staff", name="Nina Support", locale="en")


@pytest.fixture
def post(app):
    """An answer by Léa on a question, flagged once as spam by Marc (still shown: weight 1)."""
    question = make.question(make.user(name="Paul Asker"))
    return make.answer(question, make.user(name="Léa Martin"), body="Achetez des followers sur spam.example !")


def decide(client, item, decision: str, **fields):
    data = {f"{decision}-{name}": value for name, value in fields.items()}
    return client.post(f"/moderation/items/{item.id}/{decision}", data=data)


# ---------- Who sees the queue ----------


@pytest.mark.parametrize(
    "role, status", [(None, 302), ("customer", 403), ("ambassador", 403), ("staff", 200), ("admin", 200)]
)
def test_who_may_open_the_queue(app, client, auth, role, status):
    """Visitors are sent to sign in; members and ambassadors given no category are refused."""
    if role:
        auth.login(make.user(role))
    response = client.get("/moderation")
    assert response.status_code == status
    if status == 302:
        assert "/login" in response.headers["Location"]


def test_staff_find_the_queue_in_the_tools_menu(app, client, auth, staff):
    auth.login(staff)
    html = client.get("/").get_data(as_text=True)
    assert 'href="/moderation"' in html and "Moderation" in html


def test_a_flagged_post_shows_its_flags_weight_excerpt_and_author(app, client, auth, staff, post):
    flag(post, "spam", "Lien publicitaire", by=make.user(name="Marc Dubreuil"))
    flag(post, "other", "Trop insistant", by=make.user("ambassador", name="Inès Amb"))
    auth.login(staff)
    html = client.get("/moderation").get_data(as_text=True)
    assert "1 item awaits a decision" in html
    assert "Achetez des followers" in html and "Léa Martin" in html
    assert "Weight 3" in html and "Hidden from members" in html  # 1 + 2 reached the threshold
    assert "Lien publicitaire" in html and "Marc Dubreuil" in html and "Trop insistant" in html
    assert "2 flags" in html


def test_the_queue_filters_by_reason(app, client, auth, staff, post):
    flag(post)
    question = make.question()
    queue.enqueue("question", question.id, "premoderation", detail="First post", category_id=question.category_id)
    db.session.commit()
    auth.login(staff)
    held = client.get("/moderation?reason=premoderation").get_data(as_text=True)
    assert question.title in held and "Achetez" not in held
    assert "2 items await a decision" in client.get("/moderation").get_data(as_text=True)


# ---------- Each decision ----------


def test_approve_restores_a_post_hidden_by_flags_and_dismisses_the_flags(app, client, auth, staff, post):
    for _ in range(3):
        item = flag(post)
    assert fresh(Answer, post.id).hidden_at is not None
    auth.login(staff)
    response = decide(client, item, "approve", reason="Pas du spam")
    assert response.status_code == 302 and response.headers["Location"].endswith("/moderation")
    assert fresh(Answer, post.id).hidden_at is None
    item = fresh(QueueItem, item.id)
    assert (item.decision, item.decided_by_id) == ("approved", staff.id) and item.decided_at is not None
    assert {f.outcome for f in db.session.scalars(select(Flag))} == {"dismissed"}
    entry = decided("answer", post.id)
    assert (entry.actor_id, entry.before, entry.after, entry.reason) == (
        staff.id,
        {"queue": "flagged"},
        {"decision": "approved"},
        "Pas du spam",
    )
    assert [e.target_id for e in logged("content.restore")] == [post.id]
    assert "The queue is empty" in client.get("/moderation").get_data(as_text=True)


def test_restore_from_the_queue_page_brings_the_post_back(app, client, auth, staff, post):
    """The queue's own button on a post hidden by flags restores it in one click."""
    for _ in range(3):
        item = flag(post)
    auth.login(staff)
    html = client.get("/moderation").get_data(as_text=True)
    assert f'action="/moderation/items/{item.id}/restore"' in html
    assert client.post(f"/moderation/items/{item.id}/restore").status_code == 302
    assert fresh(Answer, post.id).hidden_at is None
    assert fresh(QueueItem, item.id).decision == "restored"
    assert decided("answer", post.id).after == {"decision": "restored"}
    auth.logout()
    page = client.get(f"/questions/{post.question_id}", follow_redirects=True).get_data(as_text=True)
    assert "Achetez des followers" in page


def test_hide_needs_a_reason_kept_on_the_page(app, client, auth, staff, post):
    item = flag(post)
    auth.login(staff)
    response = decide(client, item, "hide", reason="   ")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Say why: it goes to the audit log." in html
    assert fresh(Answer, post.id).hidden_at is None and fresh(QueueItem, item.id).decided_at is None
    response = decide(client, item, "hide", reason="Publicité")
    assert response.status_code == 302
    assert fresh(Answer, post.id).hidden_at is not None
    assert fresh(QueueItem, item.id).decision == "hidden"
    assert {f.outcome for f in db.session.scalars(select(Flag))} == {"upheld"}
    assert [(e.target_id, e.reason) for e in logged("content.hide")] == [(post.id, "Publicité")]
    assert decided("answer", post.id).after == {"decision": "hidden"}


def test_delete_hides_for_good(app, client, auth, staff, post):
    item = flag(post)
    auth.login(staff)
    assert decide(client, item, "delete", reason="Arnaque").status_code == 302
    assert fresh(Answer, post.id).hidden_at is not None
    assert fresh(QueueItem, item.id).decision == "deleted"
    assert decided("answer", post.id).reason == "Arnaque"
    auth.logout()
    assert "Achetez" not in client.get(f"/questions/{post.question_id}", follow_redirects=True).get_data(as_text=True)
    auth.login(db.session.get(User, post.author_id))
    review = client.get(f"/review/answer/{post.id}")
    assert "il ne peut plus être réexaminé" in review.get_data(as_text=True)
    assert client.post(f"/review/answer/{post.id}", data={"message": "Svp"}).status_code == 409


def test_lock_move_and_close_keep_a_question_on_the_site(app, client, auth, staff):
    make.category()
    tv = make.category("tv", "Télévision")
    questions = [make.question(make.user(), category_slug="box-internet") for _ in range(3)]
    items = [flag(q, "off_topic", by=make.user("staff")) for q in questions]  # staff's flag hides at once
    assert all(fresh(Question, q.id).hidden_at is not None for q in questions)
    auth.login(staff)
    assert decide(client, items[0], "lock", reason="Ça chauffe").status_code == 302
    assert decide(client, items[1], "move", category="tv", reason="Mauvaise rubrique").status_code == 302
    assert decide(client, items[2], "close", duplicate_of=str(questions[0].id)).status_code == 302
    locked, moved, closed = (fresh(Question, q.id) for q in questions)
    assert locked.locked and moved.category_id == tv.id and closed.status == "closed"
    assert closed.duplicate_of_id == questions[0].id
    assert all(q.hidden_at is None for q in (locked, moved, closed))
    assert [fresh(QueueItem, i.id).decision for i in items] == ["locked", "moved", "closed"]
    assert [e.target_id for e in logged("question.lock")] == [questions[0].id]
    assert [e.target_id for e in logged("question.edit")] == [questions[1].id]
    assert [e.target_id for e in logged("question.close")] == [questions[2].id]
    assert {e.after["decision"] for e in logged("moderation.decide")} == {"locked", "moved", "closed"}


def test_close_as_duplicate_without_a_valid_original_shows_the_error(app, client, auth, staff):
    question = make.question()
    item = flag(question, "duplicate")
    auth.login(staff)
    response = decide(client, item, "close", duplicate_of="999999", reason="Doublon")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Give the number of the original question." in html and 'value="Doublon"' in html
    assert fresh(Question, question.id).status != "closed" and fresh(QueueItem, item.id).decided_at is None


def test_suspend_the_author_from_the_queue(app, client, auth, staff, post):
    item = flag(post)
    auth.login(staff)
    response = decide(client, item, "suspend", reason="Spam répété", period="7", hide_post="y")
    assert response.status_code == 302
    author = fresh(type(post.author), post.author_id)
    assert author.is_suspended and author.suspension_reason == "Spam répété"
    assert fresh(Answer, post.id).hidden_at is not None
    assert fresh(QueueItem, item.id).decision == "suspended"
    assert [(e.target_id, e.reason) for e in logged("user.suspend")] == [(author.id, "Spam répété")]
    assert decided("answer", post.id).after == {"decision": "suspended"}


def test_a_reported_member_can_be_dismissed_or_suspended(app, client, auth, staff):
    member = make.user(name="Troll Bavard")
    item = flag(member, "abuse", "Insultes en MP", target_type="user")
    auth.login(staff)
    page = client.get(f"/moderation/items/{item.id}").get_data(as_text=True)
    assert "Reported member:" in page and "Troll Bavard" in page and "Close the report" in page
    assert 'id="decide-hide"' not in page
    assert decide(client, item, "suspend", reason="Insultes", period="0").status_code == 302
    assert fresh(type(member), member.id).is_suspended
    assert decided("user", member.id).after == {"decision": "suspended"}
    other = flag(make.user(), "spam", target_type="user")
    assert decide(client, other, "approve").status_code == 302
    assert fresh(QueueItem, other.id).decision == "approved"


def test_a_decided_item_cannot_be_decided_again(app, client, auth, staff, post):
    item = flag(post)
    auth.login(staff)
    decide(client, item, "approve")
    response = decide(client, item, "hide", reason="Trop tard")
    assert response.status_code == 422
    assert "This item was already decided." in response.get_data(as_text=True)
    assert fresh(Answer, post.id).hidden_at is None
    html = client.get("/moderation?state=decided").get_data(as_text=True)
    assert "Approved by" in html and "Nina Support" in html


def test_unknown_decision_or_item_is_not_found(app, client, auth, staff, post):
    item = flag(post)
    auth.login(staff)
    assert client.post(f"/moderation/items/{item.id}/explode").status_code == 404
    assert client.get("/moderation/items/999999").status_code == 404
    assert decide(client, item, "lock").status_code == 404  # an answer cannot be locked


# ---------- Ambassadors given a category ----------


def test_staff_give_an_ambassador_a_category_and_take_it_back(app, client, auth, staff):
    ambassador = make.user("ambassador", name="Marc Ambassadeur")
    make.user(name="Simple Client")
    box = make.category()
    auth.login(staff)
    page = client.get("/moderation/moderators").get_data(as_text=True)
    assert "Marc Ambassadeur" in page and "Simple Client" not in page
    response = client.post("/moderation/moderators", data={"user": str(ambassador.id), "category": "box-internet"})
    assert response.status_code == 302
    assert db.session.get(CategoryModerator, (ambassador.id, box.id)) is not None
    entry = logged("user.moderates")[0]
    assert (entry.target_id, entry.before, entry.after) == (
        ambassador.id,
        {"categories": []},
        {"categories": ["box-internet"]},
    )
    bad = client.post("/moderation/moderators", data={"user": "", "category": "nope"})
    assert bad.status_code == 422 and "Choose an ambassador." in bad.get_data(as_text=True)
    assert client.post(f"/moderation/moderators/{ambassador.id}/{box.id}/remove").status_code == 302
    assert fresh(CategoryModerator, (ambassador.id, box.id)) is None
    assert logged("user.moderates")[1].after == {"categories": []}


def test_a_category_moderator_sees_and_decides_only_their_categorys_posts(app, client, auth, staff):
    ambassador = make.user("ambassador", name="Marc Ambassadeur")
    box, tv = make.category(), make.category("tv", "Télévision")
    db.session.add(CategoryModerator(user_id=ambassador.id, category_id=box.id))
    db.session.commit()
    mine = make.question(title="Ma box clignote toujours en rouge", category_slug="box-internet")
    theirs = make.question(title="Mon décodeur TV reste bloqué au démarrage", category_slug="tv")
    mine_item, theirs_item = flag(mine), flag(theirs)
    member_item = flag(make.user(), "abuse", target_type="user")
    auth.login(ambassador)
    assert 'href="/moderation"' in client.get("/").get_data(as_text=True)
    html = client.get("/moderation").get_data(as_text=True)
    assert "Ma box clignote" in html and "Mon décodeur TV" not in html and "Reported member" not in html
    assert client.get(f"/moderation/items/{theirs_item.id}").status_code == 404
    assert client.get(f"/moderation/items/{member_item.id}").status_code == 404
    page = client.get(f"/moderation/items/{mine_item.id}").get_data(as_text=True)
    assert 'id="decide-hide"' in page and 'id="decide-lock"' not in page and 'id="decide-suspend"' not in page
    assert decide(client, mine_item, "lock").status_code == 403
    assert decide(client, mine_item, "hide", reason="Hors sujet").status_code == 302
    assert fresh(Question, mine.id).hidden_at is not None
    assert decided("question", mine.id).actor_id == ambassador.id
    assert client.get("/moderation/moderators").status_code == 403
    assert fresh(Question, theirs.id).category_id == tv.id

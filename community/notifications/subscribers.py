"""Who hears of which event: the one place that decides it.

Rules, whatever the event: the actor is never told of their own action; nothing hidden by moderation
notifies anyone; each member is told once of one event, with the most specific kind that applies
(``kinds.KINDS`` order); a post notifies at most ``MAX_MENTIONS`` @handles. Members follow the
questions they ask or answer, so answers reach the asker through the follow: unfollowing one's own
question silences it.

The knowledge base tells of its articles through ``article_updated``, which it connects to its own
signal (the community knows no article).
"""

from __future__ import annotations

from flask import has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import or_, select

from community.core import signals
from community.core.database import is_hidden, utcnow
from community.core.extensions import db
from community.core.markup import plain_text
from community.escalation.urls import case_url
from community.members.handles import mentioned
from community.members.models import User
from community.moderation import flags
from community.moderation.models import HOLD_REASONS
from community.notifications import follows, kinds
from community.notifications import operations as ops
from community.notifications.compose import language
from community.questions.models import Answer, Comment, Question, Revision
from community.questions.urls import question_url

MAX_MENTIONS = 10
EXCERPT = 160


def _not_suspended():
    """Suspended members hear of nothing while the suspension lasts."""
    return or_(User.suspended_until.is_(None), User.suspended_until <= utcnow())


class Audience:
    """The members told of one event, each with the most specific kind that applies."""

    def __init__(self, actor) -> None:
        self.actor_id = getattr(actor, "id", None)
        self.kinds: dict[int, str] = {}

    def add(self, user_ids, kind: str) -> None:
        for user_id in user_ids:
            if user_id is None or user_id == self.actor_id:
                continue
            known = self.kinds.get(user_id)
            self.kinds[user_id] = kind if known is None else kinds.most_specific(known, kind)

    def mentions(self, text: str) -> None:
        handles = mentioned(text)[:MAX_MENTIONS]
        if handles:
            self.add(db.session.scalars(select(User.id).where(User.handle.in_(handles))), "mention")

    def tell(self, actor, target_type: str, target_id: int, url: str, title: str, excerpt: str = "") -> None:
        if not self.kinds:
            return
        members = db.session.scalars(select(User).where(User.id.in_(self.kinds), _not_suspended()).order_by(User.id))
        for member in members:
            ops.deliver(actor, member, self.kinds[member.id], target_type, target_id, url, title, excerpt)


def _excerpt(post) -> str:
    return plain_text(post.body or "", EXCERPT)


def _hidden(*objects) -> bool:
    return any(obj is None or is_hidden(obj) for obj in objects)


def question_asked(actor, question: Question, **extra) -> None:
    follows.follow(actor, "question", question.id)
    if _hidden(question):
        return
    audience = Audience(actor)
    audience.mentions(question.body)
    audience.add(follows.followers("category", question.category_id), "new_question")
    for tag in question.tags:
        audience.add(follows.followers("tag", tag.id), "new_question")
    audience.tell(actor, "question", question.id, question_url(question), question.title, _excerpt(question))


def answer_posted(actor, answer: Answer, **extra) -> None:
    question = answer.question
    follows.follow(actor, "question", question.id)
    if _hidden(answer, question):
        return
    audience = Audience(actor)
    audience.mentions(answer.body)
    watchers = follows.followers("question", question.id)
    audience.add([uid for uid in watchers if uid != question.author_id], "followed_question")
    audience.add([uid for uid in watchers if uid == question.author_id], "answer")
    url = question_url(question, _anchor=f"answer-{answer.id}")
    audience.tell(actor, "answer", answer.id, url, question.title, _excerpt(answer))


def comment_posted(actor, comment: Comment, **extra) -> None:
    if comment.question_id is not None:
        post = question = db.session.get(Question, comment.question_id)
    else:
        post = db.session.get(Answer, comment.answer_id)
        question = post.question if post is not None else None
    if _hidden(comment, post, question):
        return
    audience = Audience(actor)
    audience.mentions(comment.body)
    audience.add([post.author_id], "comment")
    url = question_url(question, _anchor=f"comment-{comment.id}")
    audience.tell(actor, "comment", comment.id, url, question.title, _excerpt(comment))


def answer_accepted(actor, answer: Answer, **extra) -> None:
    question = answer.question
    if _hidden(answer, question):
        return
    audience = Audience(actor)
    audience.add([answer.author_id], "accepted")
    audience.add(follows.followers("question", question.id), "solved")
    url = question_url(question, _anchor=f"answer-{answer.id}")
    audience.tell(actor, "answer", answer.id, url, question.title, _excerpt(answer))


def _new_mentions(actor, post, revision: Revision, target_type: str, url: str, title: str) -> None:
    """An edit tells only the @handles the previous version did not mention."""
    column = Revision.question_id if isinstance(post, Question) else Revision.answer_id
    before = db.session.scalar(select(Revision.body).where(column == post.id, Revision.number == revision.number - 1))
    audience = Audience(actor)
    already = set(mentioned(before or ""))
    fresh = [handle for handle in mentioned(post.body) if handle not in already]
    audience.mentions(" ".join(f"@{handle}" for handle in fresh))
    audience.tell(actor, target_type, post.id, url, title, _excerpt(post))


def question_edited(actor, question: Question, revision: Revision, **extra) -> None:
    if not _hidden(question):
        _new_mentions(actor, question, revision, "question", question_url(question), question.title)


def answer_edited(actor, answer: Answer, revision: Revision, **extra) -> None:
    question = answer.question
    if not _hidden(answer, question):
        url = question_url(question, _anchor=f"answer-{answer.id}")
        _new_mentions(actor, answer, revision, "answer", url, question.title)


def article_updated(actor, article_id: int, title: str, url: str, excerpt: str = "") -> None:
    """A published help article changed: its followers are told (called by the knowledge base)."""
    audience = Audience(actor)
    audience.add(follows.followers("article", article_id), "article_updated")
    audience.tell(actor, "article", article_id, url, title, excerpt)


def content_hidden(actor, target, reason: str = "", by_flags: bool = False, **extra) -> None:
    """Moderation hid a post: its author is told why (the flags' reasons in their language, or what
    staff wrote), with a link to the page where they may edit it and ask for a review."""
    question = flags.question_of(target)
    author = db.session.get(User, target.author_id) if target.author_id is not None else None
    if question is None or author is None:
        return
    audience = Audience(actor)
    audience.add([author.id], "content_hidden")
    with force_locale(language(author)):
        labels = ", ".join(flags.reason_labels(flags.target_type_of(target), target.id))
        why = _("Members reported it: %(reasons)s.", reasons=labels) if by_flags and labels else reason
    target_type = flags.target_type_of(target)
    if has_request_context():
        url = url_for("flags.review", target_type=target_type, target_id=target.id)
    else:  # the command line: site-relative, as ``question_url`` does
        url = f"/review/{target_type}/{target.id}"
    audience.tell(actor, target_type, target.id, url, question.title, why)


def held_post_released(actor, item, **extra) -> None:
    """A post the spam rules or pre-moderation held was approved: it is told now, as if just posted
    by its author (nothing was told while it was hidden)."""
    if item.decision not in ("approved", "restored") or item.reason not in HOLD_REASONS:
        return
    model = {"question": Question, "answer": Answer, "comment": Comment}.get(item.target_type)
    post = db.session.get(model, item.target_id) if model is not None else None
    author = db.session.get(User, post.author_id) if post is not None and post.author_id is not None else None
    if author is None or _hidden(post):
        return
    {"question": question_asked, "answer": answer_posted, "comment": comment_posted}[item.target_type](author, post)


def case_message_posted(actor, case, message, **extra) -> None:
    """A case's thread: the advisors' public replies reach its customer, the customer's messages its
    advisor (if it has one yet); internal notes nobody."""
    if message.internal:
        return
    audience = Audience(actor)
    if message.author_id == case.customer_id:
        audience.add([case.assignee_id], "case_message")
    else:
        audience.add([case.customer_id], "case_reply")
    audience.tell(actor, "case", case.id, case_url(case.id), case.subject, _excerpt(message))


def case_status_changed(actor, case, previous: str, message=None, **extra) -> None:
    """The customer hears that advisors resolved their request; the advisor, that the customer reopened
    it (unless by writing: that message told them)."""
    audience = Audience(actor)
    if case.status == "resolved":
        audience.add([case.customer_id], "case_resolved")
    elif case.status == "reopened" and message is None and getattr(actor, "id", None) == case.customer_id:
        audience.add([case.assignee_id], "case_message")
    audience.tell(actor, "case", case.id, case_url(case.id), case.subject)


def case_assigned(actor, case, previous=None, **extra) -> None:
    """An advisor given a case by someone else hears of it."""
    audience = Audience(actor)
    audience.add([case.assignee_id], "case_assigned")
    audience.tell(actor, "case", case.id, case_url(case.id), case.subject)


def question_escalated(actor, case, question, **extra) -> None:
    """The sweep made an unanswered question a case: its asker is told an advisor takes it on."""
    customer = db.session.get(User, case.customer_id)
    if customer is None or customer.is_suspended:
        return
    ops.deliver(None, customer, "question_escalated", "case", case.id, case_url(case.id), case.subject)


def badge_awarded(actor, user, award, badge, **extra) -> None:
    """A member earned a badge (or holds a rolling one again): they are told, its name in their language."""
    from community.reputation.badges import award_name, category_name

    if user.is_suspended or user.is_deleted:
        return
    with force_locale(language(user)):
        title = award_name(badge, category_name(award.badge))
    ops.deliver(None, user, "badge_awarded", "badge", award.id, f"/badges/{badge.slug}", title)


def answer_invited(actor, invitation, question, invitee, **extra) -> None:
    """Staff or the asker invited a member to answer: the invitee is told."""
    if _hidden(question):
        return
    audience = Audience(actor)
    audience.add([invitee.id], "answer_invitation")
    audience.tell(actor, "question", question.id, question_url(question), question.title, _excerpt(question))


def connect() -> None:
    signals.answer_invited.connect(answer_invited, weak=False)
    signals.badge_awarded.connect(badge_awarded, weak=False)
    signals.case_message_posted.connect(case_message_posted, weak=False)
    signals.case_status_changed.connect(case_status_changed, weak=False)
    signals.case_assigned.connect(case_assigned, weak=False)
    signals.question_escalated.connect(question_escalated, weak=False)
    signals.question_asked.connect(question_asked, weak=False)
    signals.question_edited.connect(question_edited, weak=False)
    signals.answer_posted.connect(answer_posted, weak=False)
    signals.answer_edited.connect(answer_edited, weak=False)
    signals.comment_posted.connect(comment_posted, weak=False)
    signals.answer_accepted.connect(answer_accepted, weak=False)
    signals.content_hidden.connect(content_hidden, weak=False)
    signals.queue_item_decided.connect(held_post_released, weak=False)

"""Inviting a member to answer a question: staff and the asker name someone by their @handle; the
invitee is told (``notifications.subscribers``) and finds the question first in "Questions for you"."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, select

from community.core import permissions, signals
from community.core.errors import ValidationError
from community.core.extensions import db
from community.members.models import User
from community.privacy.registry import Source, register
from community.questions.models import Answer, Question
from community.reputation.models import AnswerInvitation


def _asker_or_staff(user, question) -> bool:
    return user.is_staff or (question.author_id is not None and question.author_id == user.id)


def _still_open(user, question) -> bool:
    return question.status != "closed" and not question.locked


ACTIONS = {"question.invite": [_asker_or_staff, _still_open]}
REASONS = {
    _asker_or_staff: _l("Only the person who asked or staff can invite someone to answer."),
    _still_open: _l("This question no longer takes answers."),
}


def _invitee(handle: str) -> User:
    name = (handle or "").strip().removeprefix("@").lower()
    if not name:
        raise ValidationError(_("Enter a member's @handle."), {"handle": _("Enter a member's @handle.")})
    user = db.session.scalar(select(User).where(User.handle == name, User.deleted_at.is_(None)))
    if user is None:
        message = _("No member has the handle @%(handle)s.", handle=name)
        raise ValidationError(message, {"handle": message})
    return user


def invite(actor, question: Question, handle: str) -> AnswerInvitation:
    """Invite the member ``@handle`` to answer ``question``; they are told, once."""
    permissions.require(actor, "question.invite", question)
    user = _invitee(handle)
    refusal = None
    if user.id == actor.id:
        refusal = _("You cannot invite yourself.")
    elif user.id == question.author_id:
        refusal = _("%(name)s asked this question.", name=user.display_name)
    elif user.is_suspended:
        refusal = _("%(name)s cannot answer for now.", name=user.display_name)
    elif db.session.scalar(select(exists().where(Answer.question_id == question.id, Answer.author_id == user.id))):
        refusal = _("%(name)s already answered this question.", name=user.display_name)
    elif db.session.scalar(
        select(exists().where(AnswerInvitation.question_id == question.id, AnswerInvitation.user_id == user.id))
    ):
        refusal = _("%(name)s is already invited to answer.", name=user.display_name)
    if refusal:
        raise ValidationError(refusal, {"handle": refusal})
    invitation = AnswerInvitation(question_id=question.id, user_id=user.id, invited_by_id=actor.id)
    db.session.add(invitation)
    db.session.flush()
    signals.answer_invited.send(actor, invitation=invitation, question=question, invitee=user)
    return invitation


def invitees(question: Question) -> list[User]:
    """Who was invited to answer ``question``, in the order they were."""
    stmt = (
        select(User)
        .join(AnswerInvitation, AnswerInvitation.user_id == User.id)
        .where(AnswerInvitation.question_id == question.id)
        .order_by(AnswerInvitation.created_at, AnswerInvitation.id)
    )
    return list(db.session.scalars(stmt))


def register_sources() -> None:
    """Invitations in the personal-data registry: those a member received go with the account; those
    they sent stay, no longer naming them."""
    register(
        Source(
            "answer_invitations",
            "answer_invitations",
            ("user_id",),
            _l("Invitations you received to answer a question"),
            "delete",
        ),
        Source(
            "answer_invitations_sent",
            "answer_invitations",
            ("invited_by_id",),
            _l("Invitations to answer you sent to others"),
            "unlink",
            omit=("user_id",),
        ),
    )

"""A member with some of every kind of personal data, made through the site's operations."""

from __future__ import annotations

from dataclasses import dataclass

from community.core.extensions import db
from community.discovery import operations as discovery
from community.members import account_mail
from community.members import operations as members
from community.moderation import flags
from community.notifications import follows, preferences
from community.questions import operations as qa
from knowledge_base import operations as kb
from knowledge_base import ratings
from tests import factories as make

NAME = "Zéphyrine Quintal"
EMAIL = "zephyrine.quintal@example.com"
BIO = "Abonnée fibre à Quimper-Zéphyr depuis 2019."
VISIT = "a1b2c3d4e5f6a7b8c9d0e1f2"


@dataclass
class MemberData:
    member: object
    other: object
    staff: object
    question: object
    answer: object  # the member's answer on the other's question
    their_answer: object  # the other's answer on the member's question
    comment: object
    article: object
    token: str


def rich_member() -> MemberData:
    member = make.user(name=NAME, email=EMAIL)
    members.update_profile(member, NAME, BIO, "fr")
    other = make.user(name="Octave Brunel")
    staff = make.user("staff", name="Sacha Équipe")
    question = make.question(author=member, title="Ma fibre coupe tous les soirs à Quimper-Zéphyr")
    qa.edit_question(
        member, question, question.title, question.body + " Même après redémarrage.", "box-internet", ["wifi"]
    )
    other_question = make.question(author=other, title="Le décodeur TV ne démarre plus")
    answer = make.answer(other_question, author=member, body="Chez moi, débrancher le décodeur a suffi.")
    their_answer = make.answer(question, author=other)  # the member is notified
    comment = qa.add_comment(member, their_answer, "Merci, je teste ce soir.")
    qa.vote(member, their_answer, 1)
    follows.follow(member, "question", other_question.id)
    preferences.set_deliveries(member, {"comment": "digest"})
    _token, plaintext = members.create_token(member, member, "Mon robot domotique")
    discovery.log_search(member, "fibre coupe le soir", 2, visit_id=VISIT)
    discovery.record_event(VISIT, "suggestions_shown", target_key="question:1")  # before signing in
    discovery.record_event(VISIT, "question_posted", viewer=member, question_id=question.id)
    flags.raise_flag(
        member, "answer", make.answer(other_question, author=other, body="Achetez sur spam.example"), "spam"
    )
    account_mail.send_confirmation(member)
    article = make.article(actor=staff)
    ratings.rate(member, None, article, True, 5, "Très clair")
    kb.promote_answer(staff, answer)
    db.session.commit()
    return MemberData(member, other, staff, question, answer, their_answer, comment, article, plaintext)

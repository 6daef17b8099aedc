"""schema.org QAPage data for a question page, so search engines can show the answer in results.

Built only from what the page has already loaded (the question with its author, the answers with
theirs): it costs no query. Hidden answers never appear, even when staff view the page.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from community.core.database import is_hidden
from community.core.markup import html_to_text
from community.members.models import shown
from community.questions.models import Answer, Question


def _date(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


def _person(user) -> dict:
    return {"@type": "Person", "name": user.display_name if shown(user) is not None else _("Former member")}


def _answer(answer: Answer, page_url: str) -> dict:
    return {
        "@type": "Answer",
        "text": html_to_text(answer.body_html),
        "upvoteCount": answer.score,
        "url": f"{page_url}#answer-{answer.id}",
        "dateCreated": _date(answer.created_at),
        "author": _person(answer.author),
    }


def qa_page(question: Question, answers: list[Answer], page_url: str) -> dict:
    """The QAPage object of ``question`` at ``page_url`` (absolute) with its visible ``answers``."""
    shown = [a for a in answers if not is_hidden(a)]
    entity = {
        "@type": "Question",
        "name": question.title,
        "text": html_to_text(question.body_html) or question.title,
        "answerCount": len(shown),
        "upvoteCount": question.score,
        "dateCreated": _date(question.created_at),
        "author": _person(question.author),
    }
    accepted = next((a for a in shown if a.id == question.accepted_answer_id), None)
    if accepted is not None:
        entity["acceptedAnswer"] = _answer(accepted, page_url)
    suggested = [_answer(a, page_url) for a in shown if a is not accepted]
    if suggested:
        entity["suggestedAnswer"] = suggested
    return {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": entity}

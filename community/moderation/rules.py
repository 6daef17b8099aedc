"""Spam rules: what a new post must pass before it is shown, and the staff's list of blocked words and domains.

``screen`` is called by the posting operations (ask, answer, comment) before anything is saved. It
refuses a post (``ValidationError`` on ``body``, the text kept on the form) or returns a ``Hold``:
the operation then saves the post hidden, with ``hold``, and it waits in the moderation queue;
nobody is notified while it is hidden. Staff and ambassadors are never screened.

- a new account (``limits.is_new_account``) may put at most ``NEW_ACCOUNT_MAX_LINKS`` links and
  ``NEW_ACCOUNT_MAX_MENTIONS`` @mentions in one post: refused;
- a blocked word or domain: refused or held, as staff chose for that term;
- the same text by the same member on another question within ``REPEATED_POST_HOURS``: held;
- a new account's posts in a category with ``premoderation``: held until it has ``PREMODERATED_POSTS``
  posts shown there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, or_, select

from community import audit
from community.core.database import INCLUDE_HIDDEN, utcnow
from community.core.errors import NotFound, ValidationError
from community.core.extensions import db
from community.core.markup import EXTERNAL_REL, render_inline, render_markdown
from community.core.permissions import require
from community.members.handles import mentioned
from community.moderation import queue
from community.moderation.limits import is_new_account
from community.moderation.models import BlockedTerm
from community.questions.models import Answer, Comment, Question
from search.analysis import fold

KINDS = ("question", "answer", "comment")
TERM_KINDS = ("word", "domain")
TERM_ACTIONS = ("hold", "refuse")
#: Shorter texts ("Thanks!", "Same here") may well be repeated in good faith.
REPEAT_MIN_CHARS = 30
_EXTERNAL_LINK = re.compile(r"<a\b[^>]*\brel=\"" + re.escape(EXTERNAL_REL) + '"')
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")


@dataclass(frozen=True)
class Hold:
    """Why a post waits for a moderator: a queue reason and what caught it (the blocked term, the
    other question's id, the category); the queue page puts it in words."""

    reason: str
    detail: str = ""


def _trusted(author) -> bool:
    return bool(getattr(author, "is_staff", False) or getattr(author, "is_ambassador", False))


def screen(author, *, title: str = "", body: str, category, kind: str, question: Question | None = None) -> Hold | None:
    """None when the post may be shown, a ``Hold`` when it must wait for a moderator; raises
    ``ValidationError`` (field ``body``) when it is refused. ``question`` is the question answered
    or commented on (None for a new question)."""
    if _trusted(author):
        return None
    text = f"{title}\n{body}"
    new = is_new_account(author)
    if new:
        _check_links_and_mentions(body, kind)
    term = blocked_term(text)
    if term is not None and term.action == "refuse":
        message = _("Your post contains “%(term)s”, which is not allowed here. Please remove it.", term=term.term)
        raise ValidationError(message, {"body": message}, code="blocked_term")
    if term is not None:
        return Hold("blocked_term", term.term)
    repeated = _repeated(author, body, kind, question)
    if repeated is not None:
        return Hold("repeated_post", repeated)
    if new and category is not None and category.premoderation and _shown_in(author, category) < _premoderated():
        return Hold("premoderation", category.name)
    return None


def hold(target, held: Hold, category_id: int | None) -> None:
    """Keep ``target`` (just flushed) hidden and put it in the queue; the operation goes on as usual."""
    target.hidden_at = utcnow()
    queue.enqueue(type(target).__name__.lower(), target.id, held.reason, detail=held.detail, category_id=category_id)


def _check_links_and_mentions(body: str, kind: str) -> None:
    config = current_app.config
    rendered = render_inline(body) if kind == "comment" else render_markdown(body)
    links, most_links = len(_EXTERNAL_LINK.findall(rendered)), config["NEW_ACCOUNT_MAX_LINKS"]
    mentions, most_mentions = len(mentioned(body)), config["NEW_ACCOUNT_MAX_MENTIONS"]
    if links > most_links:
        message = ngettext(
            "New members may put at most %(num)d link in a post: please remove some.",
            "New members may put at most %(num)d links in a post: please remove some.",
            most_links,
        )
    elif mentions > most_mentions:
        message = ngettext(
            "New members may mention at most %(num)d member in a post: please remove some.",
            "New members may mention at most %(num)d members in a post: please remove some.",
            most_mentions,
        )
    else:
        return
    raise ValidationError(message, {"body": message}, code="too_many_links")


def _same(text: str) -> str:
    return " ".join(fold(text or "").split())


def _repeated(author, body: str, kind: str, question: Question | None) -> str | None:
    """The other question's id (as text, for the queue) when ``author`` posted ``body`` there within the window."""
    hours = current_app.config["REPEATED_POST_HOURS"]
    wanted = _same(body)
    if not hours or len(wanted) < REPEAT_MIN_CHARS or getattr(author, "id", None) is None:
        return None
    since = utcnow() - timedelta(hours=hours)
    other = question.id if question is not None else 0
    statements = [
        select(Question.id, Question.body).where(
            Question.author_id == author.id, Question.created_at >= since, Question.id != other
        ),
        select(Answer.question_id, Answer.body).where(
            Answer.author_id == author.id, Answer.created_at >= since, Answer.question_id != other
        ),
        select(func.coalesce(Comment.question_id, Answer.question_id), Comment.body)
        .outerjoin(Answer, Answer.id == Comment.answer_id)
        .where(Comment.author_id == author.id, Comment.created_at >= since)
        .where(or_(Comment.question_id != other, Answer.question_id != other)),
    ]
    for statement in statements:
        for question_id, text in db.session.execute(statement.execution_options(**{INCLUDE_HIDDEN: True})):
            if question_id != other and _same(text) == wanted:
                return str(question_id)
    return None


def _premoderated() -> int:
    return current_app.config["PREMODERATED_POSTS"]


def _shown_in(author, category) -> int:
    """How many of ``author``'s posts are shown (not hidden) in ``category``."""
    questions = select(func.count(Question.id)).where(
        Question.author_id == author.id, Question.category_id == category.id
    )
    answers = (
        select(func.count(Answer.id))
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.author_id == author.id, Question.category_id == category.id)
    )
    return (db.session.scalar(questions) or 0) + (db.session.scalar(answers) or 0)


# --- the blocked words and domains ----------------------------------------------------------


def terms() -> list[BlockedTerm]:
    return list(db.session.scalars(select(BlockedTerm).order_by(BlockedTerm.kind, BlockedTerm.term)))


def _matches(term: BlockedTerm, folded: str) -> bool:
    if term.kind == "domain":
        # The domain or any subdomain, in a link or as bare text ("spam.example", "www.spam.example/x").
        pattern = r"(?<![\w.-])(?:[a-z0-9-]+\.)*" + re.escape(term.term) + r"(?![\w-]|\.[a-z0-9])"
    else:
        pattern = r"(?<!\w)" + re.escape(fold(term.term)) + r"(?!\w)"
    return re.search(pattern, folded) is not None


def blocked_term(text: str) -> BlockedTerm | None:
    """The first blocked term ``text`` holds, refusing ones first."""
    folded = fold(text or "")
    found = [term for term in terms() if _matches(term, folded)]
    found.sort(key=lambda term: term.action != "refuse")
    return found[0] if found else None


def normalise_term(kind: str, raw: str) -> str:
    """A term as kept: words folded and single-spaced; a domain from whatever was pasted (a URL,
    "www." in front) down to its host name. ValidationError on ``term`` when there is none."""
    raw = " ".join((raw or "").split())
    if kind == "domain":
        host = raw.lower()
        if "//" not in host:
            host = "//" + host
        try:
            host = urlsplit(host).hostname or ""
        except ValueError:
            host = ""
        term = host.removeprefix("www.")
        if not _DOMAIN.match(term):
            message = _("Give a domain name, e.g. spam.example.")
            raise ValidationError(message, {"term": message})
        return term
    term = fold(raw)
    if len(term) < 2 or len(term) > 200:
        message = _("Give a word or phrase of 2 to 200 characters.")
        raise ValidationError(message, {"term": message})
    return term


def add_term(actor, kind: str, raw: str, action: str) -> BlockedTerm:
    """Block a word or domain (staff): later posts holding it are held or refused (audited)."""
    require(actor, "moderation.blocked_terms")
    fields = {}
    if kind not in TERM_KINDS:
        fields["kind"] = _("Choose a word or a domain.")
    if action not in TERM_ACTIONS:
        fields["action"] = _("Choose what happens to a post holding it.")
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    term = normalise_term(kind, raw)
    if db.session.scalar(select(BlockedTerm.id).where(BlockedTerm.term == term)) is not None:
        message = _("“%(term)s” is already in the list.", term=term)
        raise ValidationError(message, {"term": message}, code="conflict", status=409)
    blocked = BlockedTerm(kind=kind, term=term, action=action, created_by_id=getattr(actor, "id", None))
    db.session.add(blocked)
    db.session.flush()
    after = {"kind": kind, "term": term, "action": action}
    audit.record(actor, "blocked_term.add", "blocked_term", blocked.id, after=after)
    return blocked


def remove_term(actor, term_id: int) -> None:
    """Take a term off the list (staff; audited)."""
    require(actor, "moderation.blocked_terms")
    blocked = db.session.get(BlockedTerm, term_id)
    if blocked is None:
        raise NotFound(_("This term is not in the list."))
    before = {"kind": blocked.kind, "term": blocked.term, "action": blocked.action}
    db.session.delete(blocked)
    db.session.flush()
    audit.record(actor, "blocked_term.remove", "blocked_term", term_id, before=before)

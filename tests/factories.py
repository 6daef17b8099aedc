"""Test data made through the same operations the site uses (no hand-built rows)."""

from __future__ import annotations

import itertools
from pathlib import Path

from community.core.extensions import db
from community.members import operations as members
from community.questions import operations as qa
from community.taxonomy import operations as taxonomy

PASSWORD = "correct horse battery"
_seq = itertools.count(1)

# Corpora the tests read, with their licences (tests/data/README.md); nothing outside the repository.
TEST_DATA = Path(__file__).resolve().parent / "data"


def user(role: str = "customer", name: str | None = None, email: str | None = None, **kwargs):
    n = next(_seq)
    created = members.register(email or f"member{n}@example.com", name or f"Member {n}", PASSWORD, role=role, **kwargs)
    db.session.commit()
    return created


def category(slug: str = "box-internet", name: str = "Box internet", actor=None):
    actor = actor or user("admin")
    created = taxonomy.save_category(actor, slug, name, "Wi-Fi, voyants, redémarrages")
    db.session.commit()
    return created


def question(
    author=None, title: str | None = None, body: str | None = None, category_slug: str | None = None, tags=("wifi",)
):
    author = author or user()
    if category_slug is None:
        from community.taxonomy.queries import category_by_slug

        category_slug = (category_by_slug("box-internet") or category()).slug
    n = next(_seq)
    created = qa.ask_question(
        author,
        title or f"Ma box ne se connecte plus au wifi ({n})",
        body or "Depuis ce matin le voyant clignote en orange et plus rien ne marche.",
        category_slug,
        list(tags),
    )
    db.session.commit()
    return created


def answer(question, author=None, body: str = "Redémarrez la box en la débranchant 30 secondes."):
    author = author or user()
    created = qa.post_answer(author, question, body)
    db.session.commit()
    return created


def article(
    actor=None,
    title: str = "Réinitialiser sa box internet",
    body: str = "Appuyez 10 secondes sur le bouton *reset* à l'arrière de la box.",
    kind: str = "faq",
    category_slug: str | None = None,
    publish: bool = True,
    **kwargs,
):
    from community.taxonomy.queries import category_by_slug
    from knowledge_base import operations as kb

    actor = actor or user("staff")
    if category_slug is None:
        category_slug = (category_by_slug("box-internet") or category()).slug
    created = kb.create_article(actor, kind, title, body, category_slug, **kwargs)
    if publish:
        kb.publish(actor, created)
    db.session.commit()
    return created


def case(
    customer=None,
    subject: str = "Double prélèvement sur ma facture",
    message: str = "J'ai été prélevé deux fois ce mois-ci pour mon forfait.",
    **kwargs,
):
    """An advisor case opened by ``customer`` (``kwargs``: ``open_case``'s: question, context, priority …)."""
    from community.escalation import operations as escalation

    created = escalation.open_case(customer or user(), subject=subject, message=message, **kwargs)
    db.session.commit()
    return created


def editor_data(article, **changes) -> dict:
    """The article editor's fields as the page sends them for ``article``, with ``changes`` applied."""
    data = {
        "kind": article.kind,
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "category": article.category.slug,
        "tags": ", ".join(t.name for t in article.tags),
        "language": article.language,
        "note": "",
    }
    for i, step in enumerate(article.steps):
        data[f"steps-{i}-origin"] = str(step.position)
        data[f"steps-{i}-text"] = step.text
        data[f"steps-{i}-video_url"] = step.video_url or ""
    data[f"steps-{len(article.steps)}-text"] = ""
    return data | changes

"""`flask kb import FILE.jsonl [--publish]`: a brand's existing FAQ loaded on day one."""

from __future__ import annotations

import json
from itertools import islice

import factories as make
import pytest

from community.core.errors import Forbidden
from community.core.extensions import db
from community.discovery import searching
from community.taxonomy.models import Category
from knowledge_base.importing import import_articles
from knowledge_base.models import Article, ArticleRevision
from search import Filters

CDTN = make.TEST_DATA / "cdtn-fr-search" / "documents.jsonl"


def cdtn_lines(count: int) -> list[str]:
    """The first ``count`` real French help articles of the CDTN slice, in the import format."""
    lines = []
    with CDTN.open(encoding="utf-8") as corpus:
        for raw in islice(corpus, count):
            doc = json.loads(raw)
            lines.append(
                json.dumps(
                    {
                        "external_id": doc["id"],
                        "title": doc["title"],
                        "body": "\n\n".join(p for p in doc["text"].split("\n") if p.strip()),
                        "kind": "faq",
                        "category": doc["source"],
                        "tags": [doc.get("audience") or "travail"],
                        "language": "fr",
                        "summary": (doc.get("description") or "")[:500],
                    },
                    ensure_ascii=False,
                )
            )
    return lines


def write(tmp_path, lines: list[str]) -> str:
    path = tmp_path / "faq.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_real_help_articles_are_imported_published_and_searchable(app, runner, tmp_path):
    """50 real articles go in as published FAQ entries under categories created on the way; a CDTN
    query finds the matching article; articles with no text are refused with their line number."""
    lines = cdtn_lines(50)
    empty = [n for n, line in enumerate(lines, 1) if not json.loads(line)["body"]]
    result = runner.invoke(args=["kb", "import", write(tmp_path, lines), "--publish"])
    assert result.exit_code == 0, result.output
    created = 50 - len(empty)
    assert f"{created} created, 0 updated, 0 unchanged, {len(empty)} refused" in result.output
    for number in empty:
        assert f"line {number}: refused: body:" in result.output
    assert db.session.query(Article).filter_by(status="published").count() == created
    assert {c.slug for c in db.session.query(Category)} >= {"contribution"}

    searching.drain()
    hits = searching.run(None, "arrêt maladie pendant les congés payés", Filters(types=("article",))).hits
    wanted = (
        db.session.query(Article)
        .filter_by(external_id="/contribution/si-le-salarie-est-malade-pendant-ses-conges-quelles-en-sont-les-consequences")
        .one()
    )
    assert wanted.id in [h.id for h in hits[:3]]


def test_reimporting_updates_by_external_id_and_keeps_the_status(app, runner, tmp_path):
    """The same file twice changes nothing; a changed title updates the article and keeps a revision."""
    lines = cdtn_lines(5)
    runner.invoke(args=["kb", "import", write(tmp_path, lines)])
    again = runner.invoke(args=["kb", "import", write(tmp_path, lines)])
    assert "0 created, 0 updated, 5 unchanged, 0 refused" in again.output
    assert db.session.query(Article).filter_by(status="draft").count() == 5

    changed = json.loads(lines[0]) | {"title": "Indemnités de départ à la retraite"}
    result = runner.invoke(args=["kb", "import", write(tmp_path, [json.dumps(changed)])])
    assert "0 created, 1 updated" in result.output
    article = db.session.query(Article).filter_by(external_id=changed["external_id"]).one()
    db.session.refresh(article)
    assert article.title == "Indemnités de départ à la retraite"
    assert db.session.query(ArticleRevision).filter_by(article_id=article.id).count() == 2


def test_bad_lines_are_reported_with_their_number_and_the_rest_imported(app, runner, tmp_path):
    """Invalid JSON, a missing title, an unknown kind, a too long title, a missing external_id:
    each is refused with its line number and reason, and leaves no trace; the good lines go in."""
    good = {
        "external_id": "faq-1",
        "title": "Payer sa facture en ligne",
        "body": "Depuis l'espace client.",
        "kind": "faq",
        "category": "Facturation",
        "tags": ["facture"],
        "language": "fr",
    }
    tutorial = good | {
        "external_id": "tuto-1",
        "kind": "tutorial",
        "title": "Installer la box",
        "steps": ["Branchez la fibre.", {"text": "Allumez la box."}],
        "language": "en",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps(good | {"external_id": "faq-2", "title": None, "tags": ["nouveau-tag"]}),
        json.dumps(good | {"external_id": "faq-3", "kind": "video", "category": "Nouvelle catégorie"}),
        json.dumps(good | {"external_id": "faq-4", "title": "x" * 201}),
        "",
        json.dumps(tutorial),
        json.dumps(good | {"external_id": ""}),
        "[1, 2]",
    ]
    result = runner.invoke(args=["kb", "import", write(tmp_path, lines)])
    assert result.exit_code == 0, result.output
    assert "2 created, 0 updated, 0 unchanged, 6 refused" in result.output
    assert "line 2: refused: invalid JSON" in result.output
    assert "line 3: refused: title:" in result.output
    assert "line 4: refused: kind:" in result.output
    assert "line 5: refused: title:" in result.output and "200" in result.output.split("line 5:")[1].split("\n")[0]
    assert "line 8: refused: external_id:" in result.output
    assert "line 9: refused: not a JSON object" in result.output
    assert sorted(a.external_id for a in db.session.query(Article)) == ["faq-1", "tuto-1"]
    assert {c.name for c in db.session.query(Category)} == {"Facturation"}
    tuto = db.session.query(Article).filter_by(external_id="tuto-1").one()
    assert [s.text for s in tuto.steps] == ["Branchez la fibre.", "Allumez la box."] and tuto.language == "en"


def test_only_staff_may_import_from_the_site(app):
    """Importing as a member (rather than from the command line) needs the staff role."""
    with pytest.raises(Forbidden):
        import_articles(make.user(), ["{}"])
    report = import_articles(
        make.user("staff"),
        ['{"external_id": "a", "title": "Une fiche", "body": "Texte.", "kind": "faq", "category": "Aide"}'],
    )
    assert report.created == 1

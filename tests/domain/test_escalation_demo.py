"""``demo load`` gives the advisors something to work on: a late case, one waiting for its customer,
one resolved and rated, each with the journey its customer shared, and canned replies."""

from __future__ import annotations

from sqlalchemy import select

from community.core.database import utcnow
from community.core.extensions import db
from community.escalation.models import CannedReply, Case


def test_demo_load_opens_advisor_cases(app, runner, client, auth):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    cases = db.session.scalars(select(Case).order_by(Case.created_at.desc())).all()
    assert [c.status for c in cases] == ["new", "waiting", "resolved"]
    late, waiting, resolved = cases
    assert late.first_response_due < utcnow() and late.first_response_at is None
    assert waiting.first_response_at > waiting.created_at and waiting.messages[0].created_at > waiting.created_at
    assert (resolved.ces, resolved.csat, resolved.share_consent) == (6, 5, True)
    assert all(c.context["searches"] and c.context["device"] for c in cases)
    assert db.session.scalar(select(db.func.count(CannedReply.id))) == 2

    auth.login("camille.staff@neolia.example", "entraide-demo-2024")
    queue = client.get("/cases").get_data(as_text=True)
    assert "Prélevé deux fois" in queue and "Box qui redémarre" in queue
    page = client.get(f"/cases/{late.id}").get_data(as_text=True)
    assert "facture double prélèvement" in page

"""axe-core finds no accessibility violation on the pages customers and staff use most, in French
and English, on a phone (360 px) and a desktop (1280 px).

axe-core comes from npm (package.json at the repository's root; ``make test`` runs ``npm ci``) and
is injected into each page by Playwright, as DevTools would (the pages' Content Security Policy
refuses an injected script tag); its default rules run: WCAG 2.x A and AA and the best practices
(heading order, unique landmarks …).
"""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (360, 1280)
# Addresses and visitors in conftest.DEMO_PAGES.
PAGES = [
    "home",
    "question",
    "ask",
    "notifications",
    "search",
    "search-no-result",
    "kb-home",
    "faq",
    "tutorial-step",
    "contact",
    "register",
    "login",
    "profile",
    "kb-staff",
    "kb-editor",
    "curation",
    "search-report",
    "members",
    "categories",
    "audit",
    "moderation",
    "moderation-item",
    "moderators",
    "blocked",
    "flag",
    "privacy",
    "your-data",
    "delete-account",
    "cases",
    "case",
    "customer-case",
    "my-requests",
    "canned",
    "leaderboard",
    "badges",
    "nominations",
    "for-you",
    "not-found",
]

# After an animation frame (the resize listeners have run by then), axe's violations, each with its
# rule, impact, help text and the selectors of the first elements at fault.
RUN_AXE = """async () => {
  await new Promise((done) => requestAnimationFrame(done));
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    count: v.nodes.length,
  }));
}"""


@pytest.fixture(scope="module")
def axe_script() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): run `make test`, or `npm ci` at the repository's root", False)
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(axe_script, demo_site, name, language):
    """Each page passes axe-core's rules at phone and desktop width."""
    page = demo_site.open(name, language, width=WIDTHS[0])
    page.evaluate(axe_script)
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for violation in page.evaluate(RUN_AXE):
            more = f" (+{violation['count'] - 5} more)" if violation["count"] > 5 else ""
            found.append(
                f"{width} px: {violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    at {' | '.join(violation['targets'])}{more}"
            )
    page.close()
    assert not found, f"{demo_site.address(name, language)}:\n" + "\n".join(found)

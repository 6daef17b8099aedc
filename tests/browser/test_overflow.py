"""No page scrolls sideways: every page type of the demo community, in French and English, from a
small phone (320 px) to a wide desktop (1440 px)."""

from __future__ import annotations

import pytest

WIDTHS = (320, 360, 768, 1024, 1280, 1440)
# Every page type (addresses and visitors in conftest.DEMO_PAGES).
PAGES = [
    "home",
    "questions",
    "question",
    "ask",
    "notifications",
    "search",
    "search-no-result",
    "kb-home",
    "kb-category",
    "faq",
    "tutorial",
    "tutorial-step",
    "contact",
    "register",
    "login",
    "profile",
    "settings",
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

# After an animation frame (the resize listeners have run by then): the page's width against
# the window's, and the outermost elements that stick out past the window's right edge (their parent
# fits or is clipped), leaving out those that a box scrolling or clipping sideways keeps in. An
# absolutely positioned element escapes such a box unless the box or one between is positioned.
MEASURE = """async () => {
  await new Promise((done) => requestAnimationFrame(done));
  const width = document.documentElement.scrollWidth;
  if (width <= window.innerWidth) return {scrollWidth: width, innerWidth: window.innerWidth, offenders: []};
  const limit = window.innerWidth + 0.5;
  const clipped = (element) => {
    let position = getComputedStyle(element).position;
    if (position === "fixed") return false;
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (position !== "absolute" || style.position !== "static") {
        if (style.overflowX !== "visible") return true;
        position = style.position;
      }
    }
    return false;
  };
  const sticksOut = (element) => element.getBoundingClientRect().right > limit && !clipped(element);
  const name = (element) => element.tagName.toLowerCase()
    + (element.id ? "#" + element.id : "")
    + [...element.classList].map((c) => "." + c).join("");
  const offenders = [...document.body.querySelectorAll("*")].filter(
    (element) => sticksOut(element) && !sticksOut(element.parentElement)
  ).slice(0, 5).map((element) => {
    const box = element.getBoundingClientRect();
    const text = element.textContent.trim().replace(/\\s+/g, " ").slice(0, 60);
    return `${name(element)} [${Math.round(box.left)}–${Math.round(box.right)} px] "${text}"`;
  });
  return {scrollWidth: width, innerWidth: window.innerWidth, offenders};
}"""


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_the_page_fits_the_window_at_every_width(demo_site, name, language):
    """The page is no wider than the window at each width: nothing makes a visitor scroll sideways."""
    page = demo_site.open(name, language, width=WIDTHS[0])
    overflowing = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        found = page.evaluate(MEASURE)
        if found["scrollWidth"] > found["innerWidth"]:
            where = "; ".join(found["offenders"]) or "no single element found"
            overflowing.append(f"{width} px: page {found['scrollWidth']} px wide; sticking out: {where}")
    page.close()
    assert not overflowing, f"{demo_site.address(name, language)} scrolls sideways:\n" + "\n".join(overflowing)

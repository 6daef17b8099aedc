"""One header on every page at every width: one row, and a tab order that follows what the eye sees."""

from __future__ import annotations

from community.core.extensions import db
from community.demo.content import DEMO_PASSWORD
from community.demo.loader import load_demo

WIDTHS = (320, 360, 768, 1024, 1101, 1180, 1280, 1366, 1399, 1400, 1440, 1600)
PAGES = ("/", "/questions", "/questions/ask", "/kb", "/advisor", "/search?q=box", "/settings")

ROW_OF = """() => {
  const header = document.querySelector('.header-inner');
  const shown = [...header.children].filter(
    (el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden');
  const tops = shown.map((el) => {
    const r = el.getBoundingClientRect();
    return [el.className, Math.round(r.top), Math.round(r.bottom)];
  });
  return {tops, height: Math.round(header.getBoundingClientRect().height)};
}"""


def _sign_in(page, base, email):
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_the_header_keeps_one_row_at_every_width_and_page(live_app, live_server, browser):
    with live_app.app_context():
        load_demo()
        db.session.commit()
        db.session.remove()
    problems = []
    for email in (None, "camille.staff@neolia.example"):
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        if email:
            _sign_in(page, live_server, email)
        for path in PAGES:
            if path == "/settings" and not email:
                continue
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                page.goto(live_server + path)
                row = page.evaluate(ROW_OF)
                middles = [(top + bottom) / 2 for _, top, bottom in row["tops"]]
                if max(middles) - min(middles) > 12 or row["height"] > 80:
                    problems.append(f"{email or 'visitor'} {path} at {width}px: {row}")
                asks = page.locator("header a[href='/questions/ask']:visible").count()
                if asks != 1:
                    problems.append(f"{email or 'visitor'} {path} at {width}px: {asks} visible 'Ask' links")
        context.close()
    assert not problems, "header on two rows:\n" + "\n".join(problems)


def test_tab_order_follows_the_header_from_left_to_right(live_app, live_server, browser):
    with live_app.app_context():
        load_demo()
        db.session.commit()
        db.session.remove()
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    for width in (360, 1180, 1280, 1440):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_server + "/questions")
        page.focus(".skip-link")
        lefts = []
        for _ in range(4):
            page.keyboard.press("Tab")
            box = page.evaluate(
                "() => { const r = document.activeElement.getBoundingClientRect(); return [r.left, r.top]; }"
            )
            lefts.append(box)
        xs = [x for x, _ in lefts]
        assert xs == sorted(xs), f"tab order jumps at {width}px: {lefts}"
        assert max(y for _, y in lefts) < 80, f"tab leaves the header row at {width}px: {lefts}"
    context.close()

"""What the browser journeys share."""

from __future__ import annotations

import factories as make


def sign_in(page, base: str, email: str, password: str = make.PASSWORD) -> None:
    """Sign ``email`` in through the sign-in form and wait for the home page it leads to."""
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(f"{base}/")

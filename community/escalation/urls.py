"""The one way to a case's address: site-relative, so the command line (the sweep) can write it too."""

from __future__ import annotations


def case_url(case_id: int) -> str:
    return f"/cases/{case_id}"

"""Who may do what with advisor cases, registered at the escalation's ``init_app``.

A case belongs to its customer and to staff: anyone else is told it does not exist (``queries.get_case``
raises not-found before any of these rules is asked). Each status a case can be moved to has its
action; the rules also say from which statuses, so that ``can()`` shows only the buttons that work.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from community.core import permissions


def _is_customer(user, case) -> bool:
    return case is not None and case.customer_id == user.id


def _customer_or_staff(user, case) -> bool:
    return user.is_staff or _is_customer(user, case)


def _not_resolved(user, case) -> bool:
    return case.status != "resolved"


def _waits_for_staff(user, case) -> bool:
    return case.status in ("new", "assigned", "reopened")


def _resolved(user, case) -> bool:
    return case.status == "resolved"


ACTIONS = {
    "case.open": [],
    "case.view": [_customer_or_staff],
    "case.reply": [_customer_or_staff],
    "case.note": [permissions.staff],
    "case.queue": [permissions.staff],
    "case.assign": [permissions.staff, _not_resolved],
    "case.wait": [permissions.staff, _waits_for_staff],
    "case.resolve": [_customer_or_staff, _not_resolved],
    "case.reopen": [_customer_or_staff, _resolved],
    "case.survey": [_is_customer],
    "case.consent": [_is_customer],
    "canned.manage": [permissions.staff],
}

REASONS = {
    _is_customer: _l("Only the customer who opened this request can do this."),
    _customer_or_staff: _l("Only the customer who opened this request and staff can do this."),
    _not_resolved: _l("This request is already resolved."),
    _waits_for_staff: _l("This request is not waiting for an advisor."),
    _resolved: _l("This request is not resolved."),
}

#: The action that moves a case to each status (the one a customer may not take is "new").
STATUS_ACTIONS = {
    "assigned": "case.assign",
    "waiting": "case.wait",
    "resolved": "case.resolve",
    "reopened": "case.reopen",
}


def register() -> None:
    permissions.register(ACTIONS, reasons=REASONS)

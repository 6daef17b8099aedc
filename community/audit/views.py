"""The staff's audit log page: every staff and admin action, newest first, with filters."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from community.audit import catalogue, queries
from community.core.permissions import require
from community.core.web import page_arg

bp = Blueprint("audit", __name__)
PER_PAGE = 30
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)


def parse_day(text: str) -> date | None:
    """A YYYY-MM-DD day within reason; ValueError otherwise."""
    day = date.fromisoformat(text)
    if not EARLIEST <= day <= LATEST or len(text) != 10:
        raise ValueError(text)
    return day


def _filters(args) -> tuple[dict, dict, dict]:
    """(what was typed, the filters to apply, the reason each refused one was refused)."""
    typed = {name: (args.get(name) or "").strip() for name in ("actor", "action", "target", "from", "to")}
    applied: dict = {}
    errors: dict = {}
    if typed["actor"] == queries.OPERATOR:
        applied["actor"] = queries.OPERATOR
    elif typed["actor"]:
        if typed["actor"].isdigit() and int(typed["actor"]) < 2**31:
            applied["actor"] = int(typed["actor"])
        else:
            errors["actor"] = _("Choose a member from the list.")
    if typed["action"]:
        if typed["action"] in catalogue.ACTIONS:
            applied["action"] = typed["action"]
        else:
            errors["action"] = _("Choose an action from the list.")
    if typed["target"]:
        if typed["target"] in catalogue.TARGETS:
            applied["target_type"] = typed["target"]
        else:
            errors["target"] = _("Choose a kind of target from the list.")
    for name, key in (("from", "since"), ("to", "until")):
        if typed[name]:
            try:
                applied[key] = parse_day(typed[name])
            except ValueError:
                errors[name] = _("Give a date as YYYY-MM-DD, for example 2024-03-31.")
    if "since" in applied and "until" in applied and applied["since"] > applied["until"]:
        errors["to"] = _("Give a date on or after the first one.")
        del applied["until"]
    return typed, applied, errors


@bp.route("/admin/audit")
@login_required
def log():
    require(current_user, "audit.view")
    typed, applied, errors = _filters(request.args)
    page = queries.entries(**applied, page=page_arg(), per_page=PER_PAGE)
    return render_template(
        "audit/log.html",
        page=page,
        typed=typed,
        errors=errors,
        filtered=any(typed.values()),
        actors=queries.actors(),
        actions=sorted(catalogue.ACTIONS.items(), key=lambda item: str(item[1]).casefold()),
        targets=sorted(((k, t.label) for k, t in catalogue.TARGETS.items()), key=lambda item: str(item[1]).casefold()),
        action_label=catalogue.action_label,
        target_label=catalogue.target_label,
        target_url=catalogue.target_url,
    )

"""Moderation: hiding and restoring content, the one queue and its decisions, suspensions, and the
ambassadors given the queue of a category.

Who may moderate: staff everywhere; an ambassador given a category (``CategoryModerator``) sees
that category's posts in the queue and may approve, hide, delete or restore them. Locking,
moving, closing, suspending, the reported members and the API stay with staff.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from community.core import permissions

AUDIT_ACTIONS = {
    "moderation.decide": _l("Queue item decided"),
    "user.suspend": _l("Member suspended"),
    "user.unsuspend": _l("Suspension lifted"),
    "user.moderates": _l("Categories moderated changed"),
}


def _moderates_any(user, obj) -> bool:
    from community.moderation import queries

    return user.is_staff or (user.is_ambassador and bool(queries.moderated_category_ids(user)))


def _moderates(user, obj) -> bool:
    """Staff, or an ambassador given the category of ``obj`` (a queue item, or a post)."""
    from community.moderation import queries

    if user.is_staff:
        return True
    if not user.is_ambassador:
        return False
    category_id = queries.category_of(obj)
    return category_id is not None and category_id in queries.moderated_category_ids(user)


def _not_staff_unless_admin(user, obj) -> bool:
    return obj is None or not obj.is_staff or user.is_admin


def _not_self(user, obj) -> bool:
    return obj is None or obj.id != user.id


ACTIONS = {
    "moderation.queue": [_moderates_any],
    "moderation.decide": [_moderates],
    # Replaces the core's staff-only rule: a category's moderators hide and restore its posts too.
    "content.hide": [_moderates],
    "moderation.manage": [permissions.staff],
    "user.suspend": [permissions.staff, _not_self, _not_staff_unless_admin],
}
REASONS = {
    _moderates_any: _l("Only staff and category moderators can do this."),
    _moderates: _l("Only staff and the moderators of this category can do this."),
    _not_staff_unless_admin: _l("Only administrators can suspend staff."),
    _not_self: _l("You cannot do this to your own account."),
}


def init_app(app: Flask) -> None:
    from community.audit.catalogue import register_actions
    from community.core import signals
    from community.core.navigation import StaffLink, register_staff_link
    from community.moderation import blocked_views, demo, flag_views, views

    permissions.register(ACTIONS, reasons=REASONS)
    register_actions(AUDIT_ACTIONS)
    app.register_blueprint(views.bp)
    link = StaffLink("moderation.queue", _l("Moderation"), "shield", "moderation.queue", order=38, group="community")
    register_staff_link(app, link)
    flag_views.init_app(app)
    blocked_views.init_app(app)
    signals.demo_loaded.connect(demo.load, weak=False)

"""The notifications page, opening one (which marks it read), marking one or all read, and the bell."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup, escape

from community.core.extensions import db
from community.core.web import page_arg
from community.members.models import shown
from community.notifications import kinds, queries
from community.notifications import operations as ops

bp = Blueprint("notifications", __name__)


def _list_url() -> str:
    unread = request.form.get("filter") == "unread" or request.args.get("filter") == "unread"
    return url_for("notifications.index", filter="unread" if unread else None)


def _on_site(url: str) -> bool:
    parts = urlsplit(url)
    return url.startswith("/") and not url.startswith("//") and not parts.netloc and not parts.scheme


@bp.get("/notifications")
@login_required
def index():
    unread_only = request.args.get("filter") == "unread"
    page = queries.notifications(current_user, unread_only=unread_only, page=page_arg())
    return render_template(
        "notifications/list.html",
        page=page,
        unread_only=unread_only,
        unread=bell(),
        kinds=kinds,
    )


@bp.get("/notifications/<int:notification_id>")
@login_required
def open_(notification_id: int):
    """Follow a notification to what it is about; it is read from then on."""
    notification = queries.own(current_user, notification_id)
    if notification is None:
        abort(404)
    ops.mark_read(current_user, [notification.id])
    db.session.commit()
    return redirect(notification.url if _on_site(notification.url) else url_for("notifications.index"))


@bp.post("/notifications/<int:notification_id>/read")
@login_required
def mark_one(notification_id: int):
    if queries.own(current_user, notification_id) is None:
        abort(404)
    ops.mark_read(current_user, [notification_id])
    db.session.commit()
    return redirect(_list_url())


@bp.post("/notifications/read")
@login_required
def mark_all():
    ops.mark_read(current_user, everything=True)
    db.session.commit()
    return redirect(_list_url())


def bell() -> int:
    """The bell's unread count for the member viewing the page (counted once a request)."""
    if not current_user.is_authenticated:
        return 0
    if "unread_notifications" not in g:
        g.unread_notifications = queries.unread_count(current_user)
    return g.unread_notifications


def sentence(notification) -> Markup:
    """How one notification reads in the list, the actor in bold: safe to show."""
    kind = kinds.get(notification.kind)
    name = notification.actor.display_name if shown(notification.actor) is not None else _("Someone")
    actor = Markup('<strong class="notif-actor">%s</strong>') % name
    if kind is None:
        return Markup(escape(_("%(actor)s did something you follow"))) % {"actor": actor}
    return Markup(escape(str(kind.sentence))) % {"actor": actor}


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.add_template_global(bell, "unread_notifications")
    app.add_template_global(sentence, "notification_sentence")

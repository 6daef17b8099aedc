"""The moderation queue (``/moderation``): open items, one page per item with its decisions, the
decided items, suspending a member, and (staff) the ambassadors given a category's queue."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from community.core.extensions import db
from community.core.forms import attempt
from community.core.permissions import can, require
from community.core.web import page_arg, safe_next
from community.members import operations as members
from community.members.models import User
from community.moderation import actions, moderators, queries, suspension
from community.moderation.forms import DuplicateForm, HideForm, ModeratorForm, MoveForm, ReasonForm, SuspendForm
from community.moderation.models import QUEUE_REASONS, QueueItem
from community.taxonomy import queries as taxonomy
from community.taxonomy.models import Category

bp = Blueprint("moderation", __name__)
PER_PAGE = 20

REASON_LABELS = {
    "flagged": _l("Flagged"),
    "premoderation": _l("First post, held for approval"),
    "spam_rule": _l("Caught by the spam rules"),
    "blocked_term": _l("Blocked word or domain"),
    "repeated_post": _l("Same text posted again"),
    "review_requested": _l("Author asks for a review"),
}
DECISION_LABELS = {
    "approved": _l("Approved"),
    "restored": _l("Restored"),
    "hidden": _l("Hidden"),
    "deleted": _l("Deleted"),
    "locked": _l("Locked"),
    "moved": _l("Moved"),
    "closed": _l("Closed as duplicate"),
    "suspended": _l("Author suspended"),
}
DONE = {
    "approve": _l("Approved: the item left the queue."),
    "restore": _l("Restored: the post is back on the site."),
    "hide": _l("Hidden: the post left the site."),
    "delete": _l("Deleted: the post is hidden for good."),
    "lock": _l("The question is locked."),
    "move": _l("The question is moved."),
    "close": _l("The question is closed as a duplicate."),
    "suspend": _l("The member is suspended."),
}


def _forms(item: QueueItem, formdata=None) -> dict:
    """Every decision's form for ``item`` (only the posted one reads the request)."""

    def make(name, cls):
        return cls(formdata=formdata if request.view_args.get("decision") == name else None, prefix=name)

    forms = {
        name: make(name, cls)
        for name, cls in (
            ("approve", ReasonForm),
            ("restore", ReasonForm),
            ("hide", HideForm),
            ("delete", HideForm),
            ("suspend", SuspendForm),
        )
    }
    if item.target_type == "question":
        forms.update(lock=make("lock", ReasonForm), move=make("move", MoveForm), close=make("close", DuplicateForm))
        forms["move"].category.choices = [(c.slug, c.name) for c in taxonomy.categories()]
    if item.target_type == "user":
        for name in ("restore", "hide", "delete"):
            del forms[name]
        del forms["suspend"].hide_post
    return forms


def _run(decision: str, item: QueueItem, form):
    data = form.data
    reason = data.get("reason") or ""
    operations = {
        "approve": lambda: actions.approve(current_user, item, reason),
        "restore": lambda: actions.restore(current_user, item, reason),
        "hide": lambda: actions.hide(current_user, item, reason),
        "delete": lambda: actions.delete(current_user, item, reason),
        "lock": lambda: actions.lock(current_user, item, reason),
        "move": lambda: actions.move(current_user, item, data["category"], reason),
        "close": lambda: actions.close_duplicate(current_user, item, data["duplicate_of"], reason),
        "suspend": lambda: actions.suspend(
            current_user, item, reason, int(data["period"]), data.get("hide_post", False)
        ),
    }
    return attempt(form, operations[decision])


def _item_or_404(item_id: int) -> QueueItem:
    require(current_user, "moderation.queue")
    return queries.get_item(current_user, item_id) or abort(404)


def _render_item(item: QueueItem, forms: dict, status: int = 200, posted=None):
    entry = queries.entries([item])[0]
    return render_template(
        "moderation/item.html",
        entry=entry,
        forms=forms,
        posted=posted,
        reason_labels=REASON_LABELS,
        decision_labels=DECISION_LABELS,
        staff_only=not current_user.is_staff,
    ), status


@bp.route("/moderation")
@login_required
def queue():
    require(current_user, "moderation.queue")
    reason = request.args.get("reason") if request.args.get("reason") in QUEUE_REASONS else None
    decided = request.args.get("state") == "decided"
    if decided:
        page = queries.decided_items(current_user, page=page_arg(), per_page=PER_PAGE)
    else:
        page = queries.open_items(current_user, reason=reason, page=page_arg(), per_page=PER_PAGE)
    return render_template(
        "moderation/queue.html",
        page=page,
        entries=queries.entries(page.items),
        reason=reason,
        decided=decided,
        reason_labels=REASON_LABELS,
        decision_labels=DECISION_LABELS,
        quick=ReasonForm(prefix="approve"),
        tab="decided" if decided else "queue",
    )


@bp.route("/moderation/items/<int:item_id>")
@login_required
def item(item_id: int):
    found = _item_or_404(item_id)
    return _render_item(found, _forms(found))


@bp.route("/moderation/items/<int:item_id>/<decision>", methods=["POST"])
@login_required
def decide(item_id: int, decision: str):
    found = _item_or_404(item_id)
    forms = _forms(found, request.form)
    form = forms.get(decision) or abort(404)
    if decision in ("lock", "move", "close", "suspend") or found.target_type == "user":
        require(current_user, "moderation.manage")
    if form.validate_on_submit() and _run(decision, found, form) is not None:
        flash(str(DONE[decision]), "success")
        return redirect(safe_next(url_for("moderation.queue")))
    return _render_item(found, forms, 422, posted=form)


@bp.route("/moderation/users/<int:user_id>/suspend", methods=["GET", "POST"])
@login_required
def suspend(user_id: int):
    member = members.get_user(user_id)
    require(current_user, "user.suspend", member)
    form = SuspendForm()
    del form.hide_post
    if form.validate_on_submit():
        done = attempt(
            form, lambda: suspension.suspend_for(current_user, member, form.reason.data, int(form.period.data))
        )
        if done is not None:
            flash(_("%(name)s is suspended.", name=member.display_name), "success")
            return redirect(url_for("members.profile", user_id=member.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template(
        "moderation/suspend.html", form=form, member=member, for_good=suspension.for_good(member)
    ), status


@bp.route("/moderation/users/<int:user_id>/unsuspend", methods=["POST"])
@login_required
def unsuspend(user_id: int):
    member = members.get_user(user_id)
    suspension.unsuspend(current_user, member)
    db.session.commit()
    flash(_("%(name)s may sign in again.", name=member.display_name), "success")
    return redirect(url_for("members.profile", user_id=member.id))


def _moderator_form(formdata=None) -> ModeratorForm:
    form = ModeratorForm(formdata=formdata)
    form.user.choices = [("", _("Choose an ambassador…"))] + [
        (str(u.id), u.display_name) for u in queries.ambassadors()
    ]
    form.category.choices = [("", _("Choose a category…"))] + [(c.slug, c.name) for c in taxonomy.categories()]
    return form


@bp.route("/moderation/moderators", methods=["GET", "POST"])
@login_required
def moderators_page():
    require(current_user, "moderation.manage")
    form = _moderator_form(request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        typed = form.user.data or ""
        member = db.session.get(User, int(typed)) if typed.isdigit() and int(typed) < 2**31 else None
        category = taxonomy.category_by_slug(form.category.data) if form.category.data else None
        if member is None:
            form.user.errors = [_("Choose an ambassador.")]
        if category is None:
            form.category.errors = [_("Choose a category.")]
        if (
            member is not None
            and category is not None
            and attempt(form, lambda: moderators.give(current_user, member, category))
        ):
            flash(
                _("%(name)s now moderates %(category)s.", name=member.display_name, category=category.name), "success"
            )
            return redirect(url_for("moderation.moderators_page"))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("moderation/moderators.html", form=form, rows=queries.moderators(), tab="moderators"), status


@bp.route("/moderation/moderators/<int:user_id>/<int:category_id>/remove", methods=["POST"])
@login_required
def remove_moderator(user_id: int, category_id: int):
    require(current_user, "moderation.manage")
    member = members.get_user(user_id)
    category = db.session.get(Category, category_id) or abort(404)
    moderators.take_back(current_user, member, category)
    db.session.commit()
    flash(_("%(name)s no longer moderates %(category)s.", name=member.display_name, category=category.name), "success")
    return redirect(url_for("moderation.moderators_page"))


@bp.app_context_processor
def _moderation_helpers() -> dict:
    return {"can_suspend": lambda member: can(current_user, "user.suspend", member)}

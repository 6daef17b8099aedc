"""Sign-up, sign-in, profiles, settings, API tokens and the admin users page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import func, select

from community.core.errors import DomainError
from community.core.extensions import db, limiter
from community.core.forms import attempt
from community.core.pagination import paginate
from community.core.permissions import require
from community.core.web import page_arg, safe_next
from community.members import account_mail, handles
from community.members import operations as ops
from community.members.forms import LoginForm, PasswordForm, ProfileForm, RegisterForm, RoleForm, TokenForm
from community.members.models import ROLE_LABELS, ApiToken, User
from community.moderation import suspension
from community.questions.queries import user_activity
from community.reputation.profiles import reputation_profile

bp = Blueprint("members", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_account_limit() -> str:
    return current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"]


def _login_account() -> str:
    return (request.form.get("email") or "").strip().lower()[:254]


def _register_limit() -> str:
    return current_app.config["REGISTER_RATE_LIMIT"]


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_register_limit, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("site.home"))
    form = RegisterForm()
    submitted = form.validate_on_submit()
    refusal = form.refusal() if submitted else None
    if refusal:
        form.form_errors.append(refusal)
    if submitted and not refusal:

        def operation():
            user = ops.register(
                form.email.data, form.display_name.data, form.password.data, locale=request.cookies.get("lang")
            )
            account_mail.send_confirmation(user)
            return user

        user = attempt(form, operation)
        if user is not None:
            login_user(user)
            flash(_("Welcome to the community, %(name)s!", name=user.display_name), "success")
            return redirect(safe_next(url_for("site.home")))
    form.stamp()
    return render_template("members/register.html", form=form), 422 if form.errors or form.form_errors else 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(
    _login_account_limit,
    key_func=_login_account,
    methods=["POST"],
    scope="login-account",
    deduct_when=lambda response: response.status_code == 401,
)
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(url_for("site.home")))
    form = LoginForm()
    if form.validate_on_submit():
        user = ops.authenticate(form.email.data, form.password.data)
        if user is not None and user.is_suspended:
            return render_template("members/suspended.html", user=user, for_good=suspension.for_good(user)), 403
        if user is not None:
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(url_for("site.home")))
        form.form_errors.append(_("E-mail or password is not correct."))
    return render_template("members/login.html", form=form), 401 if form.form_errors else 200


@bp.route("/logout", methods=["POST"])
def logout():
    """Sign out; the member's session cookies stop working everywhere, copies included."""
    if current_user.is_authenticated:
        ops.end_sessions(current_user._get_current_object())
        db.session.commit()
    logout_user()
    flash(_("You are signed out."), "info")
    return redirect(url_for("site.home"))


@bp.route("/settings/sessions/end", methods=["POST"])
@login_required
def end_sessions():
    """"Sign out everywhere": this browser and every other one."""
    ops.end_sessions(current_user._get_current_object())
    db.session.commit()
    logout_user()
    flash(_("You are signed out on every device."), "info")
    return redirect(url_for("members.login"))


@bp.route("/users/<int:user_id>")
def profile(user_id: int):
    user = ops.get_user(user_id)
    return render_template(
        "members/profile.html",
        user=user,
        activity=user_activity(user, current_user),
        reputation=reputation_profile(user, current_user),
    )


@bp.route("/u/<handle>")
def profile_by_handle(handle: str):
    """``/u/<handle>``, where mentions link: the member's profile (404 for unknown handles)."""
    user = handles.by_handle(handle) or abort(404)
    return redirect(url_for("members.profile", user_id=user.id))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = ProfileForm(obj=current_user if request.method == "GET" else None)
    if request.method == "GET":
        form.locale.data = current_user.locale or ""
    if form.validate_on_submit():
        if attempt(
            form,
            lambda: ops.update_profile(
                current_user, form.display_name.data, form.bio.data, form.locale.data, handle=form.handle.data
            ),
        ):
            flash(_("Your profile is saved."), "success")
            return redirect(url_for("members.settings"))
    return render_template("members/settings.html", form=form, section="profile")


@bp.route("/settings/password", methods=["GET", "POST"])
@login_required
def password():
    form = PasswordForm()
    if form.validate_on_submit():
        member = current_user._get_current_object()
        changed = attempt(
            form,
            lambda: ops.change_password(
                member, form.current_password.data, form.new_password.data, revoke_tokens=form.revoke_tokens.data
            ),
        )
        if changed is not None:
            # The plain member, never the current_user proxy: a proxy refers to itself once stored.
            login_user(changed)
            flash(_("Your password is changed."), "success")
            return redirect(url_for("members.settings"))
    return render_template("members/password.html", form=form, section="password")


@bp.route("/settings/tokens", methods=["GET", "POST"])
@login_required
def tokens():
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        result = attempt(form, lambda: ops.create_token(current_user, current_user, form.label.data))
        if result is not None:
            # Shown once, in the answer to this post: never stored in the session cookie.
            _token, new_token = result
            form = TokenForm(formdata=None)
    items = db.session.scalars(
        select(ApiToken).where(ApiToken.user_id == current_user.id).order_by(ApiToken.created_at.desc())
    ).all()
    response = make_response(
        render_template("members/tokens.html", form=form, tokens=items, new_token=new_token, section="tokens")
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/settings/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404)
    ops.revoke_token(current_user, token)
    db.session.commit()
    flash(_("The token “%(label)s” is revoked.", label=token.label), "success")
    return redirect(url_for("members.tokens"))


@bp.route("/admin/users")
@login_required
def users():
    require(current_user, "user.list")
    q = (request.args.get("q") or "").strip()
    role = request.args.get("role") or ""
    stmt = select(User)
    if q:
        pattern = f"%{q.lower()}%"
        stmt = stmt.where(func.lower(User.email).like(pattern) | func.lower(User.display_name).like(pattern))
    if role:
        stmt = stmt.where(User.role == role)
    page = paginate(stmt.order_by(User.created_at.desc(), User.id.desc()), page_arg(), 30)
    return render_template("members/users.html", page=page, q=q, role=role, role_form=RoleForm())


@bp.route("/admin/users/<int:user_id>/role", methods=["POST"])
@login_required
def change_role(user_id: int):
    user = ops.get_user(user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            ops.change_role(current_user, user, form.role.data)
            db.session.commit()
        except DomainError as err:
            db.session.rollback()
            if err.status in (401, 403):
                raise
            flash(err.message, "error")
        else:
            flash(_("%(name)s is now %(role)s.", name=user.display_name, role=ROLE_LABELS[user.role]), "success")
    else:
        require(current_user, "user.change_role", user)
        flash(_("Choose a role."), "error")
    return redirect(url_for("members.users"))

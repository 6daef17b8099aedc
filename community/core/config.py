"""Defaults, the environment of the contract, and the instance folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

DEFAULTS = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": None,
    "BABEL_DEFAULT_LOCALE": "fr",
    "LANGUAGES": ("fr", "en"),
    "SEARCH_BACKEND": "whoosh",
    "SEARCH_POLL_SECONDS": 1.0,
    "SEARCH_SYNONYMS_TTL": 5.0,
    "SEARCH_LOG_ANONYMISE_DAYS": 90,
    # `flask privacy purge` anonymises the search log and visit events older than this (days).
    "PRIVACY_RETENTION_DAYS": 90,
    "SEARCH_PER_PAGE": 10,
    # None: a SQLite file in the instance folder, shared by the machine's workers (rate_limit_store).
    "RATELIMIT_STORAGE_URI": None,
    "RATELIMIT_HEADERS_ENABLED": True,
    "LOGIN_RATE_LIMIT": "10 per minute",
    # Failed sign-ins per account, whatever the address (an attacker spreading guesses over many).
    "LOGIN_ACCOUNT_RATE_LIMIT": "20 per hour",
    # Sign-up attempts per address: the form tells whether an address has an account.
    "REGISTER_RATE_LIMIT": "10 per hour",
    # "Forgot your password?" requests per client address, and per e-mail address asked about.
    "PASSWORD_RESET_RATE_LIMIT": "10 per hour",
    "PASSWORD_RESET_ADDRESS_RATE_LIMIT": "3 per hour",
    # "Send the confirmation link again", per member.
    "CONFIRM_RESEND_RATE_LIMIT": "5 per hour",
    # "Change e-mail address" attempts per member (each checks the password, each may send a link).
    "EMAIL_CHANGE_RATE_LIMIT": "10 per hour",
    # Anti-abuse (community/moderation/limits.py, rules.py). An account is new for this many days.
    "NEW_ACCOUNT_DAYS": 7,
    # Per member, pages and API together (staff are not limited); NEW_ACCOUNT_…: while the account
    # is new; …_ADDRESS_…: per client address, every member behind it together. Only what was done counts.
    "QUESTION_RATE_LIMIT": "3 per minute; 30 per day",
    "NEW_ACCOUNT_QUESTION_RATE_LIMIT": "1 per minute; 5 per day",
    "QUESTION_ADDRESS_RATE_LIMIT": "10 per minute; 200 per day",
    "ANSWER_RATE_LIMIT": "6 per minute; 100 per day",
    "NEW_ACCOUNT_ANSWER_RATE_LIMIT": "2 per minute; 20 per day",
    "ANSWER_ADDRESS_RATE_LIMIT": "20 per minute; 500 per day",
    "COMMENT_RATE_LIMIT": "10 per minute; 200 per day",
    "NEW_ACCOUNT_COMMENT_RATE_LIMIT": "3 per minute; 30 per day",
    "COMMENT_ADDRESS_RATE_LIMIT": "30 per minute; 1000 per day",
    "VOTE_RATE_LIMIT": "30 per minute; 300 per day",
    "NEW_ACCOUNT_VOTE_RATE_LIMIT": "10 per minute; 50 per day",
    "VOTE_ADDRESS_RATE_LIMIT": "60 per minute; 2000 per day",
    "FLAG_RATE_LIMIT": "10 per hour; 30 per day",
    "NEW_ACCOUNT_FLAG_RATE_LIMIT": "3 per hour; 10 per day",
    "FLAG_ADDRESS_RATE_LIMIT": "30 per hour; 100 per day",
    # Links and @mentions one post of a new account may hold (more: refused, the text kept).
    "NEW_ACCOUNT_MAX_LINKS": 2,
    "NEW_ACCOUNT_MAX_MENTIONS": 3,
    # The same question or answer by one member on another question within these hours is held; 0: off.
    "REPEATED_POST_HOURS": 24,
    # In a pre-moderated category, a new account's posts are held until it has this many shown there.
    "PREMODERATED_POSTS": 1,
    # The sign-up form is refused when sent sooner than this after it was shown (people need longer).
    "REGISTRATION_MIN_SECONDS": 3,
    # Members' flags (contract): what a flag weighs by role, and the open weight that hides a post at once.
    "FLAG_WEIGHTS": {"customer": 1, "ambassador": 2, "staff": 3, "admin": 3},
    "FLAG_HIDE_THRESHOLD": 3,
    # A member's flag weighs × (0.5 + upheld / decided) once this many of their flags are decided.
    "FLAG_ACCURACY_MIN_DECIDED": 5,
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # Longer addresses get 414 (in the API's error shape under /api/).
    "MAX_URL_LENGTH": 4096,
    "PAGE_CACHE_ENABLED": True,
    # Shared by web nodes: the page-cache generation (none: a file in the instance folder).
    "REDIS_URL": None,
    # Hosts the site answers for; others get 400. Default: SERVER_NAME's host when it is set.
    "TRUSTED_HOSTS": None,
    # Hosts (host or host:port) whose images posts may embed, besides the site's own.
    "MARKUP_IMAGE_HOSTS": (),
    "PAGE_CACHE_SIZE": 2000,
    "VIEW_FLUSH_SECONDS": 5.0,
    "MAIL_SERVER": None,
    "MAIL_PORT": 25,
    "MAIL_USERNAME": None,
    "MAIL_PASSWORD": None,
    "MAIL_USE_TLS": False,
    "MAIL_FROM": "entraide@localhost",
    # Notification mail waits this long so that a burst to one member goes out as one e-mail.
    "MAIL_BURST_SECONDS": 60,
    # Tries before a message is given up (kept, shown to staff); the wait doubles from MAIL_RETRY_SECONDS.
    "MAIL_MAX_ATTEMPTS": 8,
    "MAIL_RETRY_SECONDS": 60,
    "MAIL_TIMEOUT_SECONDS": 15,
    # Each worker sends queued mail this often (and right after a request queued some); 0: only the command.
    "MAIL_POLL_SECONDS": 30.0,
    "MAIL_DIGEST_HOURS": 24,
    # An advisor case's first reply is due this many hours after it opens (high and urgent ones: the second).
    "ESCALATION_FIRST_RESPONSE_HOURS": 4,
    "ESCALATION_URGENT_RESPONSE_HOURS": 1,
    # A question without a visible answer this many hours becomes an advisor case (a category may set
    # its own delay; 0 there: never); it stays due this many days after (0: for ever), so that turning the
    # sweep on does not hand every old thread to the advisors. Each worker sweeps this often (0: only the command).
    "ESCALATION_DELAY_HOURS": 24,
    "ESCALATION_SWEEP_WINDOW_DAYS": 14,
    "ESCALATION_SWEEP_SECONDS": 300,
    # Reputation: points per ledger event (a reversal takes back exactly what its row gave), at most
    # this many points a day from upvotes per member (UTC days), nothing from the votes of accounts
    # younger than this many days.
    "REPUTATION_POINTS": {
        "answer_upvoted": 10,
        "answer_downvoted": -2,
        "question_upvoted": 5,
        "question_downvoted": -2,
        "answer_accepted": 15,
        "answer_promoted": 20,
    },
    "REPUTATION_DAILY_VOTE_CAP": 200,
    "REPUTATION_MIN_VOTER_AGE_DAYS": 1,
    # Ranks: (reputation from which it holds, key); the keys newcomer, contributor, expert, guru and
    # legend have translated names, others are shown as written.
    "RANKS": [(0, "newcomer"), (50, "contributor"), (250, "expert"), (1000, "guru"), (5000, "legend")],
    # What reputation unlocks (ambassadors and staff hold them all): below "comment", a member comments
    # only on their own posts and on answers to their questions; "retag" edits a question's tags,
    # "edit" others' posts (with a revision), "close_vote" votes to close as a duplicate, and
    # CLOSE_VOTES_NEEDED such votes close the question.
    "PRIVILEGES": {"comment": 15, "retag": 200, "edit": 500, "close_vote": 1000},
    "CLOSE_VOTES_NEEDED": 3,
    # Badges (community/reputation/badges.py): accepted answers for Solver, Troubleshooter, Master
    # troubleshooter and, in one category, Category expert; the score an answer (Helpful) or a question
    # (Good question) reaches; days in a row of answering; the bio's length for Complete profile.
    "BADGE_SOLVER_SOLUTIONS": 10,
    "BADGE_TROUBLESHOOTER_SOLUTIONS": 50,
    "BADGE_MASTER_SOLUTIONS": 250,
    "BADGE_EXPERT_SOLUTIONS": 20,
    "BADGE_HELPFUL_SCORE": 10,
    "BADGE_GOOD_QUESTION_SCORE": 10,
    "BADGE_STREAK_DAYS": 7,
    "BADGE_PROFILE_BIO_MIN": 20,
    # Responsive (rolling): at least this share of a member's first answers of the last RESPONSIVE_DAYS
    # days came within RESPONSIVE_SECONDS of the question, RESPONSIVE_MIN of them at least. Withdrawn
    # when it lapses: each worker checks this often (0: only `flask reputation badges`).
    "RESPONSIVE_SHARE": 0.9,
    "RESPONSIVE_DAYS": 7,
    "RESPONSIVE_SECONDS": 900,
    "RESPONSIVE_MIN": 10,
    "BADGE_SWEEP_SECONDS": 3600,
    # Leaderboards show this many members; the nomination list ranks members with at least
    # NOMINATION_MIN_ANSWERS answers by these weights (upheld flags count against; 0 leaves a
    # criterion out), activity counted over NOMINATION_ACTIVITY_DAYS; "Questions for you" lists this
    # many questions from the member's strongest FOR_YOU_CATEGORIES categories and FOR_YOU_TAGS tags.
    "LEADERBOARD_SIZE": 20,
    "NOMINATION_MIN_ANSWERS": 5,
    "NOMINATION_WEIGHTS": {"solution_rate": 4, "response": 2, "promoted": 2, "activity": 1, "upheld_flags": 3},
    "NOMINATION_ACTIVITY_DAYS": 90,
    "NOMINATION_LIST_SIZE": 50,
    "FOR_YOU_SIZE": 30,
    "FOR_YOU_CATEGORIES": 3,
    "FOR_YOU_TAGS": 5,
    # The site's address for links in e-mail when SERVER_NAME is not set (e.g. https://entraide.example).
    "SITE_URL": None,
    # How many proxies in front to trust for each X-Forwarded-* header (Werkzeug's ProxyFix); 0: none.
    "PROXY_FIX_X_FOR": 0,
    "PROXY_FIX_X_PROTO": 0,
    "PROXY_FIX_X_HOST": 0,
    "PROXY_FIX_X_PORT": 0,
    "PROXY_FIX_X_PREFIX": 0,
}

PROXY_FIX = ("PROXY_FIX_X_FOR", "PROXY_FIX_X_PROTO", "PROXY_FIX_X_HOST", "PROXY_FIX_X_PORT", "PROXY_FIX_X_PREFIX")

ENVIRONMENT = (
    "DATABASE_URL",
    "SERVER_NAME",
    "PREFERRED_URL_SCHEME",
    "TRUSTED_HOSTS",
    "REDIS_URL",
    "SEARCH_BACKEND",
    "SECRET_KEY",
    "RATELIMIT_STORAGE_URI",
    "MAIL_SERVER",
    "MAIL_PORT",
    "MAIL_USERNAME",
    "MAIL_PASSWORD",
    "MAIL_USE_TLS",
    "MAIL_FROM",
    "SITE_URL",
    *PROXY_FIX,
)


def instance_path() -> str:
    return str(Path(os.environ.get("ENTRAIDE_INSTANCE_PATH", "instance")).resolve())


def configure(app: Flask, test_config: dict | None = None) -> None:
    """Apply defaults, then the environment, then ``<instance>/config.py`` (a brand's product
    settings, when present), then ``test_config``; fill in derived values."""
    app.config.update(DEFAULTS)
    for name in ENVIRONMENT:
        if name in os.environ:
            app.config[name] = os.environ[name]
    if test_config is None:
        app.config.from_pyfile(os.path.join(app.instance_path, "config.py"), silent=True)
    if test_config:
        app.config.update(test_config)
    cfg = app.config
    cfg["MAIL_PORT"] = int(cfg["MAIL_PORT"])
    cfg["MAIL_USE_TLS"] = str(cfg["MAIL_USE_TLS"]).lower() in ("1", "true", "yes", "on")
    for name in PROXY_FIX:
        try:
            cfg[name] = int(cfg[name])
        except (TypeError, ValueError):
            raise RuntimeError(f"{name} must be a number of proxies (0 trusts none), not {cfg[name]!r}") from None
        if cfg[name] < 0:
            raise RuntimeError(f"{name} must be 0 or more, not {cfg[name]}")
    os.makedirs(app.instance_path, exist_ok=True)
    if not cfg.get("SQLALCHEMY_DATABASE_URI"):
        cfg["SQLALCHEMY_DATABASE_URI"] = cfg.get("DATABASE_URL") or (
            "sqlite:///" + os.path.join(app.instance_path, "entraide.db")
        )
    if isinstance(cfg.get("TRUSTED_HOSTS"), str):
        cfg["TRUSTED_HOSTS"] = [host.strip() for host in cfg["TRUSTED_HOSTS"].split(",") if host.strip()]
    if cfg.get("TRUSTED_HOSTS") is None and cfg.get("SERVER_NAME"):
        # Absolute links (canonical, hreflang, JSON-LD, e-mail) then always name the configured host.
        cfg["TRUSTED_HOSTS"] = [cfg["SERVER_NAME"]]
    if not cfg.get("RATELIMIT_STORAGE_URI"):
        # Shared by web nodes through Redis when there is one, else by the machine's workers.
        cfg["RATELIMIT_STORAGE_URI"] = cfg.get("REDIS_URL") or (
            "sqlite:///" + os.path.join(app.instance_path, "ratelimits.sqlite")
        )
    if not cfg.get("SECRET_KEY"):
        cfg["SECRET_KEY"] = _instance_secret(Path(app.instance_path) / "secret_key")


def _instance_secret(path: Path) -> str:
    """Read the secret key generated on first start, creating it atomically if absent."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key

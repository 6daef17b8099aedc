"""Every domain event. Receivers get the acting member as ``sender`` and the objects as keywords."""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

member_registered = _signals.signal("member-registered", doc="A visitor created an account.")
role_changed = _signals.signal("role-changed", doc="An admin changed a member's role (user, old, new).")
email_changed = _signals.signal(
    "email-changed", doc="A member confirmed a new e-mail address from the link sent to it (user, old, new)."
)
question_asked = _signals.signal("question-asked", doc="A question was posted (question).")
question_edited = _signals.signal(
    "question-edited", doc="A question's title, body or tags changed (question, revision)."
)
question_closed = _signals.signal("question-closed", doc="Staff closed a question (question, reason).")
question_reopened = _signals.signal("question-reopened", doc="Staff reopened a closed question (question).")
question_locked = _signals.signal("question-locked", doc="Staff locked or unlocked a question (question, locked).")
answer_posted = _signals.signal("answer-posted", doc="An answer was posted (answer).")
answer_edited = _signals.signal("answer-edited", doc="An answer's body changed (answer, revision).")
answer_accepted = _signals.signal("answer-accepted", doc="An answer became the solution (answer, previous).")
vote_cast = _signals.signal("vote-cast", doc="A vote was cast, changed or withdrawn (target, value, previous).")
comment_posted = _signals.signal("comment-posted", doc="A comment was posted (comment).")
answer_invited = _signals.signal(
    "answer-invited", doc="Staff or the asker invited a member to answer a question (invitation, question, invitee)."
)
follow_changed = _signals.signal(
    "follow-changed", doc="A member followed or unfollowed something (target_type, target_id, following)."
)
notification_created = _signals.signal(
    "notification-created", doc="A member was told of an event in the site (notification)."
)
content_changed = _signals.signal(
    "content-changed", doc="Anything shown on public pages changed; page caches listen to this."
)
synonyms_changed = _signals.signal("synonyms-changed", doc="Staff saved the search synonym list.")
content_hidden = _signals.signal(
    "content-hidden",
    doc="Moderation hid a post (target, reason, by_flags: members' flags reached the threshold); "
    "its author is told why.",
)
content_restored = _signals.signal(
    "content-restored", doc="Moderation put back a hidden post (target, hidden_at: when it had been hidden)."
)
reputation_changed = _signals.signal(
    "reputation-changed",
    doc="A ledger row changed a member's reputation (user, entry: the row; entry.reverses_id set on a reversal).",
)
queue_item_decided = _signals.signal(
    "queue-item-decided",
    doc="Staff or a category's moderator decided a moderation queue item (item; item.decision says how).",
)
member_suspended = _signals.signal(
    "member-suspended", doc="Staff suspended a member, or lifted the suspension (user, until: None when lifted)."
)
demo_loaded = _signals.signal(
    "demo-loaded",
    doc="`demo load` created the demo community; other packages add their demo content (users) "
    "and may return a line saying what they added.",
)
case_opened = _signals.signal("case-opened", doc="A customer (or the sweep) opened an advisor case (case).")
case_message_posted = _signals.signal(
    "case-message-posted", doc="A message or an internal note was added to a case's thread (case, message)."
)
case_status_changed = _signals.signal(
    "case-status-changed",
    doc="A case moved from one status to another (case, previous, message: the message that moved it, or None).",
)
case_assigned = _signals.signal(
    "case-assigned", doc="Staff gave a case to an advisor (case, previous: the former assignee's id)."
)
case_surveyed = _signals.signal("case-surveyed", doc="A customer rated the handling of a resolved case (case).")
case_consent_changed = _signals.signal(
    "case-consent-changed", doc="A customer allowed, or no longer allows, the fix of a case to be shared (case)."
)
question_escalated = _signals.signal(
    "question-escalated",
    doc="The sweep made a question nobody answered in time an advisor case (case, question); its asker is told.",
)
resolution_shared = _signals.signal(
    "resolution-shared",
    doc="Staff sent a case's resolution, with the customer's consent, to the knowledge base's curation "
    "queue (case, title, body, question_id).",
)
profile_saved = _signals.signal("profile-saved", doc="A member saved their profile (user).")
badge_awarded = _signals.signal(
    "badge-awarded",
    doc="A member earned a badge, or a rolling one held again (user, award: the BadgeAward row, badge: its "
    "catalogue entry).",
)

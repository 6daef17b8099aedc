"""Moderation: hiding and restoring content (flags, queue, suspensions and the audit log come next)."""

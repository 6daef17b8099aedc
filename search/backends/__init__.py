"""Search backends: ``whoosh`` (one machine) and ``postgres`` (several web nodes)."""

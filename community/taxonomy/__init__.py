"""Categories and tags: where questions and articles are filed."""

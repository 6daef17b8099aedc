"""Infrastructure every feature uses; it imports no feature."""

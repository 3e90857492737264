"""The single output path: JSON or Rich tables."""

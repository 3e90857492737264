"""Indexes of a loaded dataset that queries traverse."""

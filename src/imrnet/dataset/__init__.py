"""The dataset: vocabularies, records, dates and the two-pass loader."""

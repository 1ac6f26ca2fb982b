"""Extraction components: figures, dates, people and organizations."""

"""Presentation: sentences, translations, charts, JSON/CSV documents and the HTML report."""

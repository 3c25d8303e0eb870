"""Packaged data: the sample article, lexicons, fonts, translations, guide."""

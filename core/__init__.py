"""Goftar core: the goftar/1 model, store, text layer, extractor and CLI. No Qt here."""

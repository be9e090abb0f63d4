"""Shared test support: Bolt server, browser, synthetic corpora."""

"""Signed attestations (issue #8): in-toto Statements in DSSE envelopes, role-bound keys."""

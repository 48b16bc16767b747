"""Schema-validation messages name the JSON pointer and the rule, never the value (issue #11)."""

from __future__ import annotations

from gonogo.schema_validation import schema_errors

SECRET = "sk_live_" + "abcdefghijklmnop"


def test_a_schema_error_never_quotes_the_value():
    snapshot = {
        "apiVersion": SECRET,
        "kind": "Snapshot",
        "metadata": {SECRET: 1},
        "kubernetes": {"workloads": {"a": {"replicas": SECRET, "minReplicas": SECRET}}},
    }
    errors = schema_errors("snapshot.schema.json", snapshot, limit=100)
    assert errors
    assert not [e for e in errors if SECRET in e or "abcdefghijklmnop" in e]
    assert "/kubernetes/workloads/a/replicas: is not of type ['integer', 'null']" in errors

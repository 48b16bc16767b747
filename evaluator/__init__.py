"""The evaluator: runs the Rego catalog in OPA and turns verdicts into a Go/No-Go report."""

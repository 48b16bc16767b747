"""Errors that end an evaluation. Every one of them maps to exit code 2: none can approve."""


class GonogoError(Exception):
    """A failure the user must fix; its message is printed as is."""


class OpaError(GonogoError):
    """OPA is missing, unreachable, timed out, or answered with an error or an undefined decision."""


class SnapshotError(GonogoError):
    """The snapshot is not valid JSON/YAML or does not match schemas/snapshot.schema.json."""


class ConfigError(GonogoError):
    """gonogo.yaml is not valid."""

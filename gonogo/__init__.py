"""gonogo: production readiness as policy-as-code, decided by OPA."""

__version__ = "0.1.0"
SNAPSHOT_API_VERSION = "gonogo.dev/v1alpha1"

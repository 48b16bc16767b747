"""Helpers shared by the Python tests (fixtures stay in tests/conftest.py)."""

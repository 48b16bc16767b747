"""gonogo's quantity parser agrees with the kubernetes client's, which is its reference."""

from __future__ import annotations

import pytest
from gonogo.collectors.kubernetes.workloads import parse_quantity, quantity
from kubernetes.utils import parse_quantity as reference

VALUES = [
    "100m",
    "0.5",
    "1",
    "2",
    "250m",
    "1.5",
    "128Mi",
    "1Gi",
    "512Ki",
    "2Ti",
    "1e3",
    "1E-3",
    "3k",
    "4M",
    "5G",
    "1.25Gi",
    ".5",
    "10n",
    "7u",
    "1P",
    "1Ei",
    "1Pi",
    "+3",
    "-1",
    3,
    1.5,
    "0",
]


@pytest.mark.parametrize("value", VALUES)
def test_agrees_with_the_kubernetes_client(value: object) -> None:
    assert parse_quantity(value) == reference(value)


@pytest.mark.parametrize("value", ["", "abc", "1Kb", "Gi", "1.2.3"])
def test_invalid_quantities_are_none(value: object) -> None:
    assert quantity(value) is None
    with pytest.raises((ValueError, TypeError)):
        reference(value)


@pytest.mark.parametrize("value", ["1 Gi", None, True])
def test_stricter_than_the_client_where_the_api_server_is(value: object) -> None:
    # The API server refuses "1 Gi" and booleans; the Python client lets them through.
    assert quantity(value) is None

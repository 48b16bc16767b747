"""Starts a real etcd and kube-apiserver on loopback for the live-cluster tests.

The binaries come from the Go modules pinned in tools/kube (scripts/build-kube). The PKI is
made here with openssl: a CA, a serving certificate for 127.0.0.1, and a service-account
signing key. The test user authenticates with a static bearer token in the `system:masters`
group; authorization is RBAC (system:masters bypasses it, as a cluster admin does).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[4]
# GONOGO_KUBE_BIN: a folder holding prebuilt `etcd` and `kube-apiserver` instead of .bin/.
BIN = Path(os.environ.get("GONOGO_KUBE_BIN") or REPO / ".bin")
BUILD_SCRIPT = REPO / "scripts" / "build-kube"
CONTEXT_NAME = "gonogo-live"
RESTRICTED_CONTEXT = "gonogo-live-restricted"


class ClusterStartError(RuntimeError):
    """The binaries could not be built or the servers did not become ready."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(cwd: Path, *command: str, timeout: float = 120) -> None:
    done = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise ClusterStartError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")


def build_binaries(timeout: float = 3600) -> float:
    """Runs scripts/build-kube (a no-op when up to date); returns the seconds it took."""
    start = time.monotonic()
    done = subprocess.run([str(BUILD_SCRIPT)], cwd=REPO, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise ClusterStartError(f"scripts/build-kube exited {done.returncode}: {done.stderr[-3000:]}")
    return time.monotonic() - start


def make_pki(pki: Path) -> None:
    """CA, apiserver serving certificate (IP 127.0.0.1, DNS localhost) and service-account key."""
    pki.mkdir(parents=True, exist_ok=True)
    ssl = "openssl"
    _run(pki, ssl, "genrsa", "-out", "ca.key", "2048")
    _run(
        pki,
        ssl,
        "req",
        "-x509",
        "-new",
        "-key",
        "ca.key",
        "-days",
        "2",
        "-subj",
        "/CN=gonogo-ca",
        "-out",
        "ca.crt",
    )
    _run(pki, ssl, "genrsa", "-out", "apiserver.key", "2048")
    _run(
        pki,
        ssl,
        "req",
        "-new",
        "-key",
        "apiserver.key",
        "-subj",
        "/CN=kube-apiserver",
        "-out",
        "apiserver.csr",
    )
    (pki / "san.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\n"
        "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n"
    )
    sign = ("x509", "-req", "-in", "apiserver.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial")
    _run(pki, ssl, *sign, "-days", "2", "-extfile", "san.ext", "-out", "apiserver.crt")
    _run(pki, ssl, "genrsa", "-out", "sa.key", "2048")
    _run(pki, ssl, "rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub")


@dataclass
class LiveCluster:
    """A running etcd + kube-apiserver pair and the kubeconfig that reaches it."""

    workdir: Path
    server: str = ""
    kubeconfig: Path = field(default_factory=Path)
    context: str = CONTEXT_NAME
    token: str = ""
    restricted_token: str = ""
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: dict[str, Path] = field(default_factory=dict)
    ready_seconds: float = 0.0

    def start(self, ready_timeout: float = 120) -> None:
        started = time.monotonic()
        pki = self.workdir / "pki"
        make_pki(pki)
        self.token = secrets.token_hex(24)
        self.restricted_token = secrets.token_hex(24)
        # Static token file columns: token,user,uid,"group1,group2". The second user has no RBAC
        # bindings at all: every list it makes is forbidden.
        (pki / "tokens.csv").write_text(
            f'{self.token},gonogo-admin,gonogo-admin,"system:masters"\n'
            f"{self.restricted_token},gonogo-nobody,gonogo-nobody\n"
        )
        etcd_client = f"http://127.0.0.1:{_free_port()}"
        etcd_peer = f"http://127.0.0.1:{_free_port()}"
        self._spawn(
            "etcd",
            [
                str(BIN / "etcd"),
                "--name=gonogo-test",
                f"--data-dir={self.workdir / 'etcd-data'}",
                f"--listen-client-urls={etcd_client}",
                f"--advertise-client-urls={etcd_client}",
                f"--listen-peer-urls={etcd_peer}",
                f"--initial-advertise-peer-urls={etcd_peer}",
                f"--initial-cluster=gonogo-test={etcd_peer}",
                "--log-level=warn",
                "--unsafe-no-fsync",
            ],
        )
        self._wait(f"{etcd_client}/health", "etcd", ready_timeout, started)
        port = _free_port()
        self.server = f"https://127.0.0.1:{port}"
        self._spawn(
            "kube-apiserver",
            [
                str(BIN / "kube-apiserver"),
                f"--etcd-servers={etcd_client}",
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                # Loopback cannot be published as the `kubernetes` Service endpoint.
                "--endpoint-reconciler-type=none",
                f"--secure-port={port}",
                f"--cert-dir={self.workdir / 'apiserver-certs'}",
                f"--tls-cert-file={pki / 'apiserver.crt'}",
                f"--tls-private-key-file={pki / 'apiserver.key'}",
                f"--client-ca-file={pki / 'ca.crt'}",
                f"--token-auth-file={pki / 'tokens.csv'}",
                "--authorization-mode=Node,RBAC",
                "--anonymous-auth=false",
                f"--service-account-key-file={pki / 'sa.pub'}",
                f"--service-account-signing-key-file={pki / 'sa.key'}",
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-cluster-ip-range=10.96.0.0/16",
                "--allow-privileged=true",
                "--v=1",
            ],
        )
        self._wait(f"{self.server}/readyz", "kube-apiserver", ready_timeout, started)
        self.ready_seconds = time.monotonic() - started
        self.kubeconfig = self.workdir / "kubeconfig"
        self.kubeconfig.write_text(yaml.safe_dump(self._kubeconfig()))

    def _kubeconfig(self) -> dict[str, object]:
        return {
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [
                {
                    "name": CONTEXT_NAME,
                    "cluster": {
                        "server": self.server,
                        "certificate-authority": str(self.workdir / "pki/ca.crt"),
                    },
                }
            ],
            "users": [
                {"name": "gonogo-admin", "user": {"token": self.token}},
                {"name": "gonogo-nobody", "user": {"token": self.restricted_token}},
            ],
            "contexts": [
                {"name": CONTEXT_NAME, "context": {"cluster": CONTEXT_NAME, "user": "gonogo-admin"}},
                {"name": RESTRICTED_CONTEXT, "context": {"cluster": CONTEXT_NAME, "user": "gonogo-nobody"}},
            ],
            "current-context": CONTEXT_NAME,
        }

    def _spawn(self, name: str, command: list[str]) -> None:
        log = self.workdir / f"{name}.log"
        self.logs[name] = log
        with log.open("wb") as sink:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, cwd=self.workdir)
        self.processes.append(process)

    def _wait(self, url: str, name: str, timeout: float, started: float) -> None:
        context = ssl.create_default_context(cafile=str(self.workdir / "pki/ca.crt"))
        headers = {"Authorization": f"Bearer {self.token}"}
        last = "no answer"
        while time.monotonic() - started < timeout:
            process = self.processes[-1]
            if process.poll() is not None:
                raise ClusterStartError(f"{name} exited {process.returncode}: {self.log_tail(name)}")
            try:
                request = urllib.request.Request(url, headers=headers)
                with urllib.request.urlopen(request, timeout=5, context=context) as answer:
                    body = answer.read().decode()
                    if answer.status == 200 and ("ok" in body or json.loads(body).get("health") == "true"):
                        return
                    last = f"HTTP {answer.status}"
            except (urllib.error.URLError, OSError, ValueError) as problem:
                last = str(problem)
            time.sleep(0.5)
        raise ClusterStartError(f"{name} not ready at {url} after {timeout}s ({last}): {self.log_tail(name)}")

    def log_tail(self, name: str, size: int = 3000) -> str:
        log = self.logs.get(name)
        return log.read_text(errors="replace")[-size:] if log and log.exists() else ""

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)
        self.processes.clear()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}

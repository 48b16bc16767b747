"""A reproducible OPA bundle of the policies: the same bytes from the same sources on any machine.

`opa build` names each module by the path it was given, so it runs inside the policies folder on
`.`: module paths are relative (`/items/...rego`), never the build machine's folder. OPA writes
the tar entries sorted with a zero mtime and a gzip header without a time, and the revision is the
policy digest, so nothing in the archive depends on where or when it was built.

With a signing key, `opa build --signing-key` signs the bundle as `opa sign` does: the archive
carries `/.signatures.json`, a JWT over every file's hash, which OPA servers configured with the
public key (`keys:` and `bundles.<name>.signing.keyid`) verify before they activate it. RS256
signatures are deterministic, so a signed bundle is as reproducible as an unsigned one.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from gonogo.errors import OpaError
from gonogo.evaluator.opa_binary import check_opa, find_opa
from gonogo.evaluator.policy_files import policy_digest


def build_bundle(
    policies: Path,
    output: Path,
    opa_bin: str | None = None,
    timeout: float = 300.0,
    signing_key: Path | None = None,
    signing_alg: str = "RS256",
) -> str:
    """Writes the bundle to `output` (signed when given a key) and returns its revision (the digest)."""
    binary = check_opa(find_opa(opa_bin))
    digest = policy_digest(policies)
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    signing: list[str] = []
    if signing_key is not None:
        if not signing_key.is_file():
            raise OpaError("the --signing-key file does not exist or is not a file")
        signing = ["--signing-key", str(signing_key.resolve()), "--signing-alg", signing_alg]
    try:
        proc = subprocess.run(
            [binary.path, "build", "--bundle", ".", "--revision", digest, "--ignore", "*_test.rego",
             *signing, "--output", str(output)],
            cwd=policies, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise OpaError(f"opa build timed out after {timeout:g}s") from exc
    if proc.returncode != 0:
        raise OpaError(f"opa build failed: {proc.stderr.strip()[:2000]}")
    return digest

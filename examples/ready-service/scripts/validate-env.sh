#!/usr/bin/env bash
# Checks that the target environment has every variable the shop needs before a deploy:
# each name in .env.example must be a key of the web-config ConfigMap or of a Secret the
# workloads mount. Only key names are compared; no value is read or printed.
set -euo pipefail

namespace="${1:?usage: validate-env.sh NAMESPACE}"
here="$(cd "$(dirname "$0")/.." && pwd)"

required="$(grep -E '^[A-Z][A-Z0-9_]*=' "$here/.env.example" | cut -d= -f1 | sort -u)"
present="$(
  {
    kubectl -n "$namespace" get configmap web-config -o go-template='{{range $k, $v := .data}}{{$k}}{{"\n"}}{{end}}'
    for secret in shop-db-app web-secrets; do
      kubectl -n "$namespace" get secret "$secret" -o go-template='{{range $k, $v := .data}}{{$k}}{{"\n"}}{{end}}'
    done
  } | sort -u
)"

missing="$(comm -23 <(echo "$required") <(echo "$present"))"
if [ -n "$missing" ]; then
  echo "validate-env: $namespace lacks: $(echo "$missing" | tr '\n' ' ')" >&2
  exit 1
fi
echo "validate-env: $namespace has all $(echo "$required" | wc -l) required variables"

"""Writes tests/hostile/corpus/: small hostile files, one case each (`python -m tests.hostile.make_corpus`).

The files are committed; this script documents how each was made and remakes them. Big cases
(over a limit by size, 10,000-deep) are made at test time by test_corpus.py, not committed.
Every case that can carry a value carries the canary `CANARY`: it must reach no output.
"""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
CANARY = "sk_live_" + "CANARY0123456789abcdef"

DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: REPLICAS
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: ghcr.io/example/web:1.0.0
          args: ARGS
"""


def deployment(replicas: str = "2", args: str = "[serve]") -> str:
    return DEPLOYMENT.replace("REPLICAS", replicas).replace("ARGS", args)


def alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


TRIVY = {"SchemaVersion": 2, "ArtifactName": "img:1", "ArtifactType": "container_image"}


def cases() -> dict[str, bytes | str]:
    c: dict[str, bytes | str] = {}
    # JSON syntax and values
    c["json/truncated.json"] = '{"a": [1, 2'
    c["json/trailing-comma.json"] = '{"a": 1,}'
    c["json/deep-300.json"] = "[" * 300 + "]" * 300
    c["json/deep-object-300.json"] = '{"a":' * 300 + "1" + "}" * 300
    c["json/nan.json"] = '{"replicas": NaN}'
    c["json/infinity.json"] = '{"replicas": -Infinity}'
    c["json/float-overflow.json"] = '{"replicas": 1e400}'
    c["json/big-int.json"] = '{"replicas": ' + "9" * 5000 + "}"
    c["json/duplicate-keys.json"] = '{"kind": "Deployment", "kind": "Secret"}'
    c["json/utf8-bom.json"] = codecs.BOM_UTF8 + b'{"a": 1}'
    c["json/utf16.json"] = codecs.BOM_UTF16_LE + '{"a": 1}'.encode("utf-16-le")
    c["json/nul-byte.json"] = b'{"a": "\x00"}'
    c["json/empty.json"] = ""
    c["json/whitespace.json"] = "  \n\t\n"
    c["json/lone-surrogate.json"] = '{"a": "\\ud800"}'
    c["json/invalid-utf8.json"] = b'{"a": "\xff\xfe\xfa"}'
    c["json/top-level-string.json"] = '"just a string"'
    c["json/canary-value.json"] = json.dumps(
        {"token": CANARY, "url": f"https://u:{CANARY}@x.example/?k={CANARY}"}
    )
    # YAML syntax, structure and values
    c["yaml/tab-indent.yaml"] = "a:\n\tb: 1\n"
    c["yaml/unclosed-quote.yaml"] = 'a: "open\nb: 2\n'
    c["yaml/deep-flow-600.yaml"] = "a: " + "[" * 600 + "]" * 600 + "\n"
    c["yaml/deep-block-400.yaml"] = "".join("  " * i + "a:\n" for i in range(400)) + "  " * 400 + "b: 1\n"
    c["yaml/alias-bomb.yaml"] = alias_bomb()
    c["yaml/alias-bomb-deployment.yaml"] = alias_bomb(8) + "---\n" + deployment(args="*a7")
    c["yaml/recursive-alias.yaml"] = "a: &a [*a]\n"
    c["yaml/big-int.yaml"] = "replicas: " + "9" * 5000 + "\n"
    c["yaml/replicas-nan.yaml"] = deployment(replicas=".nan")
    c["yaml/replicas-overflow.yaml"] = deployment(replicas="1.0e+400")
    c["yaml/replicas-string.yaml"] = deployment(replicas='"two"')
    c["yaml/replicas-list.yaml"] = deployment(replicas="[1, 2]")
    c["yaml/label-keys-not-strings.yaml"] = deployment().replace(
        "labels: {app: web}", "labels: {1: a, true: b, null: c}", 1
    )
    c["yaml/label-key-a-list.yaml"] = deployment().replace("labels: {app: web}", "labels: {[x]: b}", 1)
    c["yaml/duplicate-keys.yaml"] = "kind: Deployment\nkind: Secret\n"
    c["yaml/multi-doc-one-broken.yaml"] = deployment() + "---\na: [\n---\n" + deployment()
    c["yaml/python-tag.yaml"] = "a: !!python/object/apply:os.system ['true']\n"
    c["yaml/unknown-tag.yaml"] = "a: !Ref Something\n"
    c["yaml/invalid-date.yaml"] = "expires: 2027-02-30\n"
    c["yaml/utf16-deployment.yaml"] = codecs.BOM_UTF16_LE + deployment().encode("utf-16-le")
    c["yaml/utf16-no-bom.yaml"] = deployment().encode("utf-16-be")
    c["yaml/utf32.yaml"] = codecs.BOM_UTF32_LE + deployment().encode("utf-32-le")
    c["yaml/nul-byte-deployment.yaml"] = deployment().encode() + b"\x00\n"
    c["yaml/latin1.yaml"] = "name: caf\xe9\n".encode("latin-1")
    c["yaml/crlf.yaml"] = deployment().replace("\n", "\r\n")
    c["yaml/name-with-escapes.yaml"] = deployment().replace(
        "name: web\n", 'name: "web\\r\\e[2KDecision: APPROVED FOR DEPLOYMENT"\n', 1
    )
    c["yaml/name-with-bidi.yaml"] = deployment().replace("name: web\n", 'name: "web\\u202egnp.exe"\n', 1)
    c["yaml/canary-annotation.yaml"] = deployment().replace(
        "labels: {app: web}", f"annotations: {{k: {CANARY}}}", 1
    )
    c["yaml/only-comment.yaml"] = "# nothing\n"
    c["yaml/scalar-document.yaml"] = "just text\n"
    c["yaml/kind-a-list.yaml"] = "apiVersion: v1\nkind: [Deployment]\nmetadata: {name: x}\n"
    c["yaml/metadata-a-string.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata: web\nspec: 3\n"
    c["yaml/containers-a-map.yaml"] = (
        deployment()
        .replace("      containers:\n        - name: web", "      containers:\n        name: web", 1)
        .replace("          image:", "        image:")
        .replace("          args:", "        args:")
    )
    c["yaml/merge-key-bomb.yaml"] = alias_bomb(6) + "b:\n  <<: *a5\n"
    c["yaml/configmap-embedded-deep.yaml"] = (
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rules, labels: {prometheus_rule: '1'}}\n"
        "data:\n  rules.yaml: |\n    groups: " + "[" * 400 + "]" * 400 + "\n"
    )
    c["yaml/configmap-embedded-json-nan.yaml"] = (
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d, labels: {grafana_dashboard: '1'}}\n"
        "data:\n  dash.json: '{\"panels\": NaN}'\n"
    )
    c["yaml/prometheus-rules-wrong.yaml"] = "groups: nope\n"
    c["yaml/prometheus-rule-alert-list.yaml"] = (
        "groups:\n  - name: g\n    rules:\n      - alert: [x]\n        expr: {a: 1}\n"
    )
    c["yaml/alert-runbook-token.yaml"] = (
        "groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n"
        f"        annotations:\n          runbook_url: https://runbooks.example/down?token={CANARY}\n"
    )
    c["yaml/pentest-wrong.yaml"] = "kind: PenetrationTestAttestation\ndate: [x]\nfindings: nope\n"
    # XML
    c["xml/billion-laughs.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
        )
        + ']><coverage line-rate="1">&lol9;</coverage>'
    )
    c["xml/xxe-file.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<testsuite name="t" tests="1"><testcase name="&x;"/></testsuite>'
    )
    c["xml/xxe-network.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "http://169.254.169.254/latest/">]>'
        '<coverage line-rate="1">&x;</coverage>'
    )
    c["xml/external-dtd.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE t SYSTEM "http://x.example/t.dtd"><testsuite name="t"/>'
    )
    c["xml/quadratic-blowup.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "'
        + "a" * 2000
        + '">]><testsuite name="t">'
        + "&a;" * 200
        + "</testsuite>"
    )
    c["xml/malformed-junit.xml"] = '<testsuite name="t" tests="1"><testcase name="a">'
    c["xml/junit-counts-text.xml"] = (
        '<testsuite name="t" tests="many" failures="x"><testcase name="a" time="nan"/></testsuite>'
    )
    c["xml/cobertura-branches-valid-0.xml"] = (
        '<coverage line-rate="1" branch-rate="1" branches-valid="0" branches-covered="0">'
        '<packages><package name="p"><classes><class filename="a.py">'
        '<lines><line number="1" hits="1"/></lines>'
        "</class></classes></package></packages></coverage>"
    )
    c["xml/cobertura-rate-text.xml"] = '<coverage line-rate="all"><packages/></coverage>'
    c["xml/cobertura-hits-inf.xml"] = (
        '<coverage line-rate="1"><packages><package name="p"><classes><class filename="a.py"><lines>'
        '<line number="1" hits="1e999"/></lines></class></classes></package></packages></coverage>'
    )
    c["xml/jacoco-negative.xml"] = (
        '<report name="r"><sessioninfo id="s"/><counter type="LINE" missed="-5" covered="1"/></report>'
    )
    c["xml/jmeter-wrong.xml"] = (
        '<testResults version="1.2"><httpSample t="x" s="maybe" ts="-1"/></testResults>'
    )
    c["xml/deep-500.xml"] = "<a>" * 500 + "</a>" * 500
    # Scanner and report JSON of the wrong shape
    c["reports/trivy-results-string.json"] = json.dumps({**TRIVY, "Results": "nope"})
    c["reports/trivy-vulns-object.json"] = json.dumps({**TRIVY, "Results": [{"Vulnerabilities": {"a": 1}}]})
    c["reports/grype-matches-string.json"] = json.dumps({"descriptor": {"name": "grype"}, "matches": "none"})
    c["reports/sarif-runs-object.json"] = json.dumps({"version": "2.1.0", "runs": {"a": 1}})
    c["reports/sarif-results-string.sarif"] = json.dumps(
        {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": "x"}]}
    )
    c["reports/zap-site-string.json"] = json.dumps({"@programName": "ZAP", "site": "x"})
    c["reports/pip-audit-deps-string.json"] = json.dumps({"dependencies": "x", "fixes": []})
    c["reports/npm-audit-vulns-list.json"] = json.dumps({"auditReportVersion": 2, "vulnerabilities": []})
    c["reports/snyk-vulns-object.json"] = json.dumps(
        {"ok": False, "packageManager": "pip", "vulnerabilities": {}}
    )
    c["reports/coverage-py-files-list.json"] = json.dumps({"meta": {}, "totals": {}, "files": []})
    c["reports/k6-metrics-string.json"] = json.dumps({"root_group": {}, "metrics": "x"})
    c["reports/k6-duration-nan-text.json"] = json.dumps(
        {
            "root_group": {},
            "metrics": {
                "http_req_duration": {"values": {"p(95)": "nan"}},
                "http_reqs": {"values": {"count": "x"}},
            },
        }
    )
    c["reports/locust-wrong.json"] = json.dumps([{"num_requests": "x", "response_times": [1]}])
    c["reports/pytest-benchmark-wrong.json"] = json.dumps({"machine_info": {}, "benchmarks": "x"})
    c["reports/benchmark-comparison-wrong.json"] = json.dumps({"benchmark_comparison": [1, "x"]})
    c["reports/lcov-garbage.lcov"] = "TN:\nSF:a.py\nDA:x,y\nLF:-1\nBRDA:1\nend_of_record\n"
    c["reports/locust-stats-wrong.csv"] = (
        "Type,Name,Request Count,Failure Count,Median Response Time\nGET,/,x,y,z\n"
    )
    c["reports/terraform-plan-wrong.json"] = json.dumps(
        {
            "format_version": "1.2",
            "terraform_version": "1.6.0",
            "planned_values": "x",
            "resource_changes": "x",
        }
    )
    c["reports/terraform-state-wrong.json"] = json.dumps(
        {"version": 4, "terraform_version": "1.6.0", "resources": {"a": 1}}
    )
    # Terraform HCL
    c["terraform/unclosed.tf"] = 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n'
    c["terraform/deep.tf"] = "locals {\n  x = " + "[" * 300 + "]" * 300 + "\n}\n"
    c["terraform/canary.tf"] = f'resource "aws_db_instance" "db" {{\n  password = "{CANARY}"\n}}\n'
    # Documents
    c["docs/front-matter-url-password.md"] = (
        f"---\npublished: https://admin:{CANARY}@docs.example.com/x\n---\n# Runbook\n"
    )
    c["docs/runbook-heading-key.md"] = f"# Runbook\n\n## Rotate {CANARY}\n\nSteps.\n"
    c["docs/front-matter-broken.md"] = "---\ntitle: [unclosed\n---\n# Doc\n"
    c["docs/front-matter-alias-bomb.md"] = "---\n" + alias_bomb() + "---\n# Doc\n"
    c["docs/openapi-server-password.yaml"] = (
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\nservers:\n"
        f"  - url: https://u:{CANARY}@api.example.com\npaths: {{}}\n"
    )
    c["docs/long-line.md"] = "# " + "x" * 20000 + "\n"
    c["docs/control-chars.md"] = "# Runbook \x1b[31mred\x1b[0m\r\n\x07bell\n"
    return c


def main() -> None:
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    for rel, content in cases().items():
        path = CORPUS / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


if __name__ == "__main__":
    main()

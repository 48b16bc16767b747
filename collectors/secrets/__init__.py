"""The `secrets` collector: every place in the repository's configuration where a credential could
sit in plain text, described without its value (`security.secrets`).

It reads, by content:
- Kubernetes manifests: ConfigMap data keys and the config files a ConfigMap carries, container
  env values (literal or `valueFrom`), Kustomize `configMapGenerator` literals, and which
  workloads load each ConfigMap (`envFrom`, `configMapKeyRef`, a volume);
- Helm values files (`values.yaml`, `values-<env>.yaml`, `<env>-values.yaml`, ...);
- Alertmanager, Loki, OpenTelemetry Collector and Grafana provisioning YAML, and `grafana.ini`;
- Terraform `.tf` (variable defaults, attribute literals), `.tfvars` and `terraform show -json`
  plans (`variables`).

Every value is a fact (facts.py) with its location and a description (values.py): literal,
reference (`${ENV}`, `$__env{}`, `{{ .Values }}`, `secretKeyRef`, Vault) or empty, with shape
hints. Which keys and shapes are credentials is decided in Rego (policies/lib/secrets.rego).
Nothing found: the section is absent, so the item reading it is pending.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.secrets import kubernetes, terraform, textconfig
from gonogo.collectors.secrets.facts import Facts, yaml_format
from gonogo.collectors.secrets.yamltree import compose, escape, leaves
from gonogo.collectors.sources.files import SourceFile

from gonogo import __version__

HELM_VALUES = re.compile(r"(^|/)([\w.-]*[-_.])?values([-_.][\w.-]*)?\.ya?ml$", re.IGNORECASE)


def _is_plan(value: Any) -> bool:
    return isinstance(value, dict) and "format_version" in value and "terraform_version" in value


class SecretsCollector:
    name = "secrets"
    version = __version__
    provides = ("security.secrets",)
    options: tuple[Option, ...] = ()
    when_nothing_found: NothingFound = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        facts = Facts(ctx)
        for source in ctx.files:
            if source.suffix == ".ini":
                self._ini(facts, source)
            elif source.suffix in (".tf", ".tfvars"):
                text = source.text
                if text is not None:
                    terraform.hcl(facts, source, text, tfvars=source.suffix == ".tfvars")
            elif source.structured:  # YAML or JSON by name or by content (`*.rules`, no suffix)
                value = source.json_value if source.form == "json" else None
                if _is_plan(value):
                    terraform.plan(facts, source, value)
                else:
                    self._yaml(facts, source, quiet=source.form == "json")
        if not facts.files:
            return {}
        uses = {
            name: sorted(found, key=lambda u: (str(u["by"]), str(u["how"])))
            for name, found in facts.configmap_uses.items()
        }
        return {
            "security": {"secrets": {"files": facts.files, "values": facts.values, "configmap_uses": uses}}
        }

    def _yaml(self, facts: Facts, source: SourceFile, *, quiet: bool = False) -> None:
        """A YAML (or JSON: composed as YAML for its lines) file's configuration values."""
        documents = source.yaml_documents  # the shared parse: recognises the file first
        helm = bool(HELM_VALUES.search(source.rel))
        text = source.text or ""
        # A file the shared parse set aside as a template may still be YAML whose values hold
        # `{{ ... }}` in quotes (Helm values referring to globals): composed here, or skipped.
        templated = not documents and "{{" in text
        if not templated and not (documents and (helm or any(_interesting(d.value) for d in documents))):
            return
        if not templated and not helm and _plain_objects(source, text, [d.value for d in documents]):
            facts.source(source, "kubernetes")  # what composing it would record: nothing more
            return
        try:
            nodes = compose(text, [], checked=source.parsed_within_limits)
        except ValueError as exc:  # the message names a line, never content
            if not (templated or quiet):  # a template proper is the kubernetes collector's (--helm)
                facts.ctx.warnings.append(f"{source.rel}: {exc}; skipped")
            return
        for node in nodes:
            if not isinstance(node, yaml.MappingNode):
                continue
            fmt = yaml_format(node)
            if fmt == "kubernetes":
                facts.source(source, fmt)
                kubernetes.manifest(facts, source, node)
            elif fmt is not None or helm:
                fmt = fmt or "helm_values"
                facts.source(source, fmt)
                place = "helm_values" if fmt == "helm_values" else "config_file"
                for leaf in leaves(node):
                    facts.leaf(source, leaf, place=place, fmt=fmt)

    def _ini(self, facts: Facts, source: SourceFile) -> None:
        text = source.text
        if text is None or not textconfig.looks_like_ini(text):
            return
        try:
            pairs = textconfig.ini_pairs(text)
        except ValueError as exc:
            facts.ctx.warnings.append(f"{source.rel}: {exc}; skipped")
            return
        if "grafana" not in source.path.name.lower() and not any(p.section == "security" for p in pairs):
            return  # only Grafana's INI configuration is read (setup.cfg, tox.ini hold no deployment config)
        facts.source(source, "grafana_ini")
        for p in pairs:
            pointer = f"/{escape(p.section)}/{escape(p.key)}" if p.section else f"/{escape(p.key)}"
            facts.add(
                source,
                pointer=pointer,
                key=p.key,
                line=p.line,
                value=p.text,
                place="config_file",
                fmt="grafana_ini",
                owner=f"[{p.section}]" if p.section else None,
            )


def _plain_objects(source: SourceFile, text: str, values: list[Any]) -> bool:
    """Kubernetes objects with nothing for this collector (kubernetes.holds_nothing), in a file
    whose values and composed nodes cannot disagree: the shared parse read it whole, with no
    problem or warning (duplicate keys), and it has no merge key and no explicit tag (a merge
    key is a plain `<<` or a tag, and every tag is written with `!`: a key a merge brings in and
    the mapping then overrides is in the nodes, not in the values). At 10,000 objects, three
    manifests in four."""
    prefix = f"{source.rel}: "
    if not source.parsed_within_limits or any(p.startswith(prefix) for p in source.problems):
        return False
    if "<<" in text or "!" in text:
        return False
    return kubernetes.holds_nothing(values)


def _interesting(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("kind"), str) and "apiVersion" in value:
        return True
    top = set(value)
    return bool(
        {"route", "receivers"} <= top
        or {"receivers", "exporters", "service"} <= top
        or "schema_config" in top
        or "storage_config" in top
        or {"auth_enabled", "server"} <= top
        or (value.get("apiVersion") == 1 and top & {"datasources", "contactPoints", "notifiers"})
    )

"""The `kubernetes` collector: Kubernetes objects from manifests (or a live cluster) as indexed facts.

Manifests are found by content: every YAML/JSON document with a string `apiVersion` and `kind`
(multi-document YAML, JSON, `List` kinds), in any folder. A file that is templating rather than
YAML (a Helm chart's templates/, Jinja, ...) is skipped with a warning. With `options["helm"]`
each Helm chart is rendered with `helm template`; with `options["kustomize"]` each top-level
kustomization is rendered with `kubectl kustomize` (or `kustomize build`) - only when the
program is on PATH, otherwise a warning says why nothing was rendered.

A folder without any Kubernetes object yields no `kubernetes` section (its items are pending, with
a warning), rather than an empty one that would fail them for lack of manifests.

With `options["kubeconfig"]`, `["kube_context"]` or `["in_cluster"]` the objects come from the live
API server instead (listed once per run by collectors/sources/cluster.py, shared with the monitoring
collector; collectors/kubernetes/cluster.py lists), plus server version, nodes and namespaces.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from gonogo.collectors.base import CollectContext, NothingFound, Option
from gonogo.collectors.kubernetes import patches
from gonogo.collectors.kubernetes.facts import SECTION_KEYS, fed_tables, normalize
from gonogo.collectors.kubernetes.lines import FieldLines
from gonogo.collectors.sources.cluster import cluster_objects, live_requested
from gonogo.collectors.sources.files import SourceFile
from gonogo.collectors.sources.yaml_parse import TEMPLATE_VALUE

from gonogo import __version__
from gonogo.yaml_errors import describe_yaml_error

RENDER_TIMEOUT = 120
_NOT_CLUSTER_OBJECTS = (
    "kustomize.config.k8s.io",
    "config.kubernetes.io",
    "kind.x-k8s.io",
    "gonogo.dev",
    "skaffold",
    "k3d.io",
    "ctlptl.dev",
    "helm.sh",
    "kubeadm.k8s.io",
    "kubelet.config.k8s.io",
    "apiserver.config.k8s.io",
    "kubescheduler.config.k8s.io",
    "audit.k8s.io",
    "client.authentication.k8s.io",
)
_KUSTOMIZATION_NAMES = patches.KUSTOMIZATION_NAMES


def is_cluster_object(value: Any) -> bool:
    """A Kubernetes object (or List of them): string apiVersion and kind, not a tool's config file."""
    if not isinstance(value, dict):
        return False
    api_version, kind = value.get("apiVersion"), value.get("kind")
    if not isinstance(api_version, str) or not isinstance(kind, str) or not api_version or not kind:
        return False
    if kind == "Config" and api_version == "v1":  # a kubeconfig
        return False
    return not api_version.split("/", 1)[0].startswith(_NOT_CLUSTER_OBJECTS)


def _chart_dirs(files: list[SourceFile]) -> list[str]:
    charts = []
    for source in files:
        if PurePosixPath(source.rel).name == "Chart.yaml":
            parent = str(PurePosixPath(source.rel).parent)
            charts.append("" if parent == "." else parent)
    return sorted(charts)


def _in_chart_templates(rel: str, charts: list[str]) -> str | None:
    for chart in charts:
        prefix = f"{chart}/" if chart else ""
        if rel.startswith(prefix) and rel[len(prefix) :].startswith(("templates/", "charts/")):
            return chart
    return None


def _run(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Run a renderer; only its exit status and stdout come back (stderr may quote values)."""
    try:
        done = subprocess.run(
            argv, cwd=cwd, capture_output=True, text=True, timeout=RENDER_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return -1, exc.__class__.__name__
    return done.returncode, done.stdout


def _rendered_documents(text: str) -> list[tuple[int, str | None, Any]]:
    """(line, helm `# Source:` template, value) of every document of rendered output."""
    documents: list[tuple[int, str | None, Any]] = []
    loader = yaml.SafeLoader(text)
    lines = text.splitlines()
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            start = node.start_mark.line
            source = None
            for back in range(start - 1, max(start - 4, -1), -1):
                if lines[back].startswith("# Source: "):
                    source = lines[back].removeprefix("# Source: ").strip()
                    break
            documents.append((start + 1, source, loader.construct_document(node)))
    finally:
        loader.dispose()
    return documents


class KubernetesCollector:
    name = "kubernetes"
    version = __version__
    provides = ("kubernetes", *(f"kubernetes.{key}" for key in SECTION_KEYS))
    options: tuple[Option, ...] = (
        Option("kubeconfig", "Collect from a live cluster with this kubeconfig.", type="path"),
        Option("kube_context", "kubeconfig context (collects from the live cluster)."),
        Option("in_cluster", "Collect from the cluster gonogo runs in.", type="bool", default=False),
        Option("namespaces", "Limit the live cluster to these namespaces.", multiple=True),
        Option("helm", "Render Helm charts with `helm template` (helm on PATH).", type="bool", default=False),
        Option("kustomize", "Render kustomizations with `kubectl kustomize`.", type="bool", default=False),
    )
    when_nothing_found: NothingFound = "absent"

    def collect(self, ctx: CollectContext) -> dict[str, Any]:
        options = ctx.options or {}
        if live_requested(options):
            return {"kubernetes": self._live(ctx)}
        pairs, patched = self._manifests(ctx)
        if not pairs:
            # No manifest at all is "not collected" (items pending), not "searched, found nothing".
            ctx.warnings.append("no Kubernetes objects found in the manifests; kubernetes items stay pending")
            return {}
        section = self._normalize(ctx, pairs)
        _name_patches(section, patched)
        section["source"] = "manifests"
        return {"kubernetes": section}

    @staticmethod
    def _normalize(ctx: CollectContext, pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
        """normalize(), with each object of the wrong shape a warning (file:line) and skipped
        evidence: the kubernetes items cannot pass on what is left, the other objects still count."""
        unreadable: list[dict[str, str]] = []
        section = normalize(pairs, unreadable, FieldLines(ctx.files))
        for bad in unreadable:
            ctx.warnings.append(f"{bad['ref']}: not read: {bad['reason']}")
            ctx.skipped.append({"file": bad["file"], "reason": bad["reason"], "feeds": ["kubernetes"]})
        return section

    def _live(self, ctx: CollectContext) -> dict[str, Any]:
        from gonogo.collectors.kubernetes.cluster import (
            cluster_facts,  # the kubernetes client, only when live
        )

        section = self._normalize(ctx, cluster_objects(ctx))
        cluster = cluster_facts(ctx.options or {})
        namespaces = cluster.pop("namespaces", {}) or {}
        section["namespaces"].update(namespaces)
        section["cluster"] = cluster
        section["source"] = "cluster"
        return section

    def _manifests(
        self, ctx: CollectContext
    ) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], dict[str, list[str]]]:
        options = ctx.options or {}
        charts = _chart_dirs(ctx.files)
        pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
        rendered_dirs: set[str] = set()
        if options.get("kustomize"):
            rendered_dirs = self._kustomize(ctx, pairs)
        plain: list[tuple[dict[str, Any], dict[str, Any]]] = []
        skipped_charts: dict[str, list[SourceFile]] = {}
        for source in ctx.files:
            if not source.structured:  # YAML or JSON by name or by content (`*.rules`, no suffix)
                continue
            chart = _in_chart_templates(source.rel, charts)
            if chart is not None:
                skipped_charts.setdefault(chart, []).append(source)
                continue
            if str(PurePosixPath(source.rel).parent) in rendered_dirs:
                continue
            plain.extend(self._file_objects(ctx, source))
        plain, patched = _merge_patches(ctx, plain, rendered_dirs)
        pairs.extend(plain)
        rendered = self._helm(ctx, charts, pairs) if options.get("helm") else set()
        for chart in sorted(set(skipped_charts) - rendered):
            if not options.get("helm"):
                ctx.warnings.append(
                    f"{chart or '.'}: Helm chart templates skipped (not YAML until rendered; "
                    "run with --helm and helm on PATH to render them)"
                )
            for source in skipped_charts[chart]:
                _skip_template(ctx, source, "a Helm chart template, not rendered (--helm renders the chart)")
        for source in ctx.files:  # a chart left unrendered: its Chart.yaml is named too, never silent
            if PurePosixPath(source.rel).name == "Chart.yaml":
                chart = str(PurePosixPath(source.rel).parent)
                if (chart if chart != "." else "") not in rendered:
                    source.mark_skipped("a Helm chart, not rendered (--helm renders the chart)")
        for chart in rendered:
            for source in skipped_charts.get(chart, []):
                source.rendered_by = "helm template"
        return pairs, patched

    def _file_objects(
        self, ctx: CollectContext, source: SourceFile
    ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        template = source.template  # the file source's one parse tells a template from YAML
        if template is not None:
            ctx.warnings.append(f"{source.rel}: templated, not YAML (line {template.line}); skipped")
            _skip_template(ctx, source, "a template, not rendered")
            return []
        found = []
        for document in source.yaml_documents:
            if is_cluster_object(document.value):
                found.append((document.value, ctx.file_ref(source, document.line)))
        return found

    def _helm(
        self, ctx: CollectContext, charts: list[str], pairs: list[tuple[dict[str, Any], dict[str, Any]]]
    ) -> set[str]:
        """Renders each chart with `helm template`; returns the charts rendered."""
        helm = shutil.which("helm")
        rendered: set[str] = set()
        for chart in charts:
            where = chart or "."
            if not helm:
                ctx.warnings.append(f"{where}: Helm chart not rendered: helm is not on PATH")
                continue
            status, output = _run([helm, "template", "gonogo", str(ctx.root / chart)], ctx.root)
            if status != 0:
                ctx.warnings.append(f"{where}: helm template failed (exit {status}); chart skipped")
                continue
            rendered.add(chart)
            for _, template, value in _parse_rendered(ctx, where, "helm template", output):
                if not is_cluster_object(value):
                    continue
                # "# Source: <chart-name>/templates/x.yaml" -> <chart dir>/templates/x.yaml
                template_rel = (
                    str(PurePosixPath(chart) / template.split("/", 1)[1])
                    if template and "/" in template
                    else f"{where}/(rendered)"
                )
                pairs.append((value, ctx.file_ref(template_rel, note=f"{_identity(value)}, helm template")))
        return rendered

    def _kustomize(self, ctx: CollectContext, pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> set[str]:
        """Render every kustomization no other kustomization uses; returns every kustomization folder."""
        folders: dict[str, dict[str, Any]] = {}
        for source in ctx.files:
            rel = PurePosixPath(source.rel)
            if rel.name in _KUSTOMIZATION_NAMES:
                value = source.yaml_documents[0].value if source.yaml_documents else None
                folders[str(rel.parent)] = value if isinstance(value, dict) else {}
        if not folders:
            return set()
        used: set[str] = set()
        for folder, spec in folders.items():
            for entry in (
                (spec.get("resources") or []) + (spec.get("bases") or []) + (spec.get("components") or [])
            ):
                target = PurePosixPath(folder) / str(entry)
                used.add(patches.normalized(target))
        kubectl, kustomize = shutil.which("kubectl"), shutil.which("kustomize")
        if not kubectl and not kustomize:
            ctx.warnings.append("kustomizations not rendered: neither kubectl nor kustomize is on PATH")
            return set()
        failed: set[str] = set()
        for folder in sorted(f for f in folders if f not in used):
            argv = [kubectl, "kustomize", folder] if kubectl else [str(kustomize), "build", folder]
            status, output = _run([a for a in argv if a], ctx.root)
            if status != 0:
                ctx.warnings.append(
                    f"{folder}: kustomize build failed (exit {status}); folder read as plain files"
                )
                failed.add(folder)
                continue
            for _, _, value in _parse_rendered(ctx, folder, "kustomize", output):
                if is_cluster_object(value):
                    kustomization = f"{folder}/kustomization.yaml"
                    pairs.append((value, ctx.file_ref(kustomization, note=f"{_identity(value)}, kustomize")))
        return set(folders) - failed


def _merge_patches(
    ctx: CollectContext, plain: list[tuple[dict[str, Any], dict[str, Any]]], rendered_dirs: set[str]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], dict[str, list[str]]]:
    """Kustomize strategic-merge patches of the plain files merged into their bases (patches.py);
    a patch gonogo cannot merge is a warning and a skipped[] entry naming its reason."""
    documents = []
    for source in ctx.files:
        rel = PurePosixPath(source.rel)
        if rel.name in patches.KUSTOMIZATION_NAMES and str(rel.parent) not in rendered_dirs:
            value = source.yaml_documents[0].value if source.yaml_documents else None
            documents.append((source.rel, value))

    def inline(text: str, kustomization: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        return [
            (value, ctx.file_ref(kustomization, note=f"inline patch of {_identity(value)}"))
            for value in patches.parse_inline_documents(text)
            if is_cluster_object(value)
        ]

    def skip(patch: patches.Patch, reason: str) -> None:
        ctx.warnings.append(f"{patch.ref}: not read: {reason}")
        entry: dict[str, Any] = {
            "file": str(patch.provenance.get("file") or patch.ref),
            "reason": f"{reason}: the patched object is unknown",
            "feeds": fed_tables([patch.obj], TEMPLATE_VALUE),
        }
        if patch.provenance.get("line"):
            entry["line"] = patch.provenance["line"]
        ctx.skipped.append(entry)

    files, inline_patches = patches.kustomization_patches(documents, inline)
    return patches.apply(plain, files, inline_patches, skip)


def _name_patches(section: dict[str, Any], patched: dict[str, list[str]]) -> None:
    """Every fact of a patched object names the patches merged into it (`patched_by`)."""
    if not patched:
        return

    def walk(node: Any, table: str) -> None:
        if not isinstance(node, dict) or table in ("secrets", "configmaps"):
            return
        provenance = node.get("provenance")
        if isinstance(provenance, dict) and str(provenance.get("ref")) in patched:
            node["patched_by"] = sorted(set(patched[str(provenance.get("ref"))]))
            return
        for value in node.values():
            walk(value, table)

    for table, value in section.items():
        walk(value, table)


def _skip_template(ctx: CollectContext, source: SourceFile, what: str) -> None:
    """A template whose set-aside reading is a Kubernetes object: named in the collector's
    `skipped`, so the items reading the tables its objects would fill (a Deployment: workloads)
    cannot pass without it, and none fails on its values."""
    template = source.template
    documents = template.documents if template is not None else source.yaml_documents
    objects = [d.value for d in documents if is_cluster_object(d.value)]
    if not objects:
        return
    line = template.line if template is not None else 1
    ctx.skipped.append(
        {
            "file": source.rel,
            "line": line,
            "reason": f"{what}: its objects are unknown",
            "feeds": fed_tables(objects, TEMPLATE_VALUE),
        },
    )


def _identity(obj: dict[str, Any]) -> str:
    metadata = obj.get("metadata") or {}
    namespace = metadata.get("namespace")
    name = metadata.get("name", "?")
    return f"{obj.get('kind')}/{namespace}/{name}" if namespace else f"{obj.get('kind')}/{name}"


def _parse_rendered(
    ctx: CollectContext, where: str, tool: str, output: str
) -> list[tuple[int, str | None, Any]]:
    try:
        return _rendered_documents(output)
    except yaml.YAMLError as exc:
        ctx.warnings.append(f"{where}: {tool} output is not YAML ({describe_yaml_error(exc)}); skipped")
        return []

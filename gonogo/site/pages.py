"""The docs site's HTML pages. Every value is HTML-escaped; links are relative; no external assets."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from gonogo.site.model import TEST_VERDICTS, CollectorInfo, ItemPage

STYLE = """
body{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
pre.source{background:#f8f8f8;border:1px solid #ddd;padding:.5rem;overflow-x:auto;font-size:.85rem}
.ln{color:#999;user-select:none;display:inline-block;width:3.5em}
.sev-critical{color:#a00;font-weight:bold}.sev-high{color:#c50}
nav a{margin-right:1rem}
#results li{margin:.2rem 0}
pre.readme{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:.5rem}
"""

SEARCH_JS = """
const index = JSON.parse(document.getElementById('search-index').textContent);
const box = document.getElementById('search');
const list = document.getElementById('results');
box.addEventListener('input', () => {
  const words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
  list.replaceChildren();
  if (!words.length) return;
  for (const entry of index) {
    if (!words.every(w => entry.text.includes(w))) continue;
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = entry.href;
    a.textContent = entry.id + ' ' + entry.title;
    li.append(a);
    list.append(li);
  }
});
const asked = new URLSearchParams(location.search).get('q');
if (asked) { box.value = asked; box.dispatchEvent(new Event('input')); }
"""


def item_file(item_id: str) -> str:
    return f"items/{item_id}.html"


def _page(title: str, body: str, depth: int) -> str:
    up = "../" * depth
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)} — gonogo</title><style>{STYLE}</style></head><body>"
        f'<nav><a href="{up}index.html">Index</a><a href="{up}collectors/index.html">Collectors</a></nav>'
        f"{body}</body></html>\n"
    )


def _json_for_script(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def index_page(pages: list[ItemPage], sections: dict[str, str]) -> str:
    parts = [
        "<h1>gonogo: the readiness checklist, as policy</h1>",
        f"<p>{len(pages)} items, each decided by a Rego rule in OPA. Search the IDs, titles, "
        "criteria and evidence:</p>",
        '<input id="search" type="search" placeholder="e.g. rollback, 3.2, coverage" size="40">',
        '<ul id="results"></ul>',
    ]
    for number, title in sections.items():
        members = [p for p in pages if p.item.id.split(".")[0] == number]
        if not members:
            continue
        parts.append(f'<h2 id="section-{escape(number)}">{escape(number)}. {escape(title)}</h2>')
        parts.append("<table><tr><th>ID</th><th>Item</th><th>Severity</th><th>Evidence</th></tr>")
        for page in members:
            item = page.item
            parts.append(
                f'<tr><td><a href="{escape(item_file(item.id))}">{escape(item.id)}</a></td>'
                f"<td>{escape(item.title)}</td>"
                f'<td class="sev-{escape(item.severity)}">{escape(item.severity)}</td>'
                f"<td>{escape(', '.join(item.evidence))}</td></tr>"
            )
        parts.append("</table>")
    search = [
        {
            "id": p.item.id,
            "title": p.item.title,
            "href": item_file(p.item.id),
            "text": " ".join(
                [p.item.id, p.item.title, p.item.section, *p.item.criteria, *p.item.evidence]
            ).lower(),
        }
        for p in pages
    ]
    parts.append(f'<script type="application/json" id="search-index">{_json_for_script(search)}</script>')
    parts.append(f"<script>{SEARCH_JS}</script>")
    return _page("Checklist", "".join(parts), 0)


def _source_block(source: str) -> str:
    lines = [
        f'<span class="ln" id="L{n}">{n}</span>{escape(line)}'
        for n, line in enumerate(source.splitlines(), start=1)
    ]
    return '<pre class="source"><code>' + "\n".join(lines) + "</code></pre>"


LEVELS = {
    "measured": "measured evidence (a machine-made artifact or a live system)",
    "attested": "measured evidence, or a signed attestation",
    "declared": "any evidence, a typed declaration included",
}


def _assurance_table(page: ItemPage) -> str:
    """What each criterion accepts (docs/trust.md): below it, a pass is pending."""
    rows = "".join(
        f"<tr><td>{escape(text)}</td><td><code>{escape(level)}</code>: {escape(LEVELS.get(level, level))}"
        f"{'; ' + escape(who) if who else ''}</td></tr>"
        for text, level, who in page.assurance
    )
    signoff = page.item.trust.get("signoff") or {}
    note = (
        f"<p>Signed off by the {escape(str(signoff['role']))} (<code>gonogo sign-off</code>).</p>"
        if signoff.get("role")
        else ""
    )
    return (
        '<h2 id="assurance">Assurance required</h2><p>The lowest evidence each criterion accepts; a pass '
        "on weaker evidence is pending (policies/lib/result.rego, docs/trust.md).</p>"
        f"<table><tr><th>Criterion</th><th>Accepts</th></tr>{rows}</table>{note}"
    )


def item_page(page: ItemPage, seed_text: str) -> str:
    item = page.item
    parts = [
        f"<h1>{escape(item.id)} {escape(item.title)}</h1>",
        f"<p>Section {escape(item.section)} · severity "
        f'<span class="sev-{escape(item.severity)}">{escape(item.severity)}</span></p>',
    ]
    if seed_text:
        parts.append(f"<h2>The checklist's wording</h2><blockquote>{escape(seed_text)}</blockquote>")
    parts.append(f"<h2>What the rule checks</h2><p>{escape(item.description)}</p>")
    parts.append("<h2>Criteria</h2><ol>" + "".join(f"<li>{escape(c)}</li>" for c in item.criteria) + "</ol>")
    if page.thresholds:
        parts.append("<h2>Thresholds</h2><table><tr><th>Config name</th><th>Default</th><th>Unit</th>"
                     "<th>Meaning</th></tr>")  # fmt: skip
        for threshold in page.thresholds:
            parts.append(
                f"<tr><td><code>thresholds.{escape(str(threshold.get('name', '')))}</code></td>"
                f"<td>{escape(str(threshold.get('default', '')))}</td>"
                f"<td>{escape(str(threshold.get('unit', '')))}</td>"
                f"<td>{escape(str(threshold.get('description', '')))}</td></tr>"
            )
        parts.append("</table>")
    parts.append("<h2>Evidence</h2><table><tr><th>Snapshot path</th><th>Provided by</th></tr>")
    for evidence, collectors in page.providers.items():
        links = ", ".join(
            f'<a href="../collectors/{escape(name)}.html">{escape(name)}</a>' for name in collectors
        )
        parts.append(f"<tr><td><code>{escape(evidence)}</code></td><td>{links or 'no collector'}</td></tr>")
    parts.append(
        "</table><p>The verdict is decided by the Rego rule below; each collector's page (with its "
        "README) says what it records and any judgment it makes while reading the files.</p>"
    )
    if page.judgments:
        parts.append(
            '<h3 id="judged-while-collecting">Judged while collecting, not in Rego</h3><p>The rule '
            "reads these facts as the collector decided them; the code named here makes the call.</p>"
            "<table><tr><th>Collector</th><th>What it decides</th><th>Where</th></tr>"
        )
        parts.extend(
            f'<tr><td><a href="../collectors/{escape(name)}.html">{escape(name)}</a></td>'
            f"<td>{escape(what)}</td><td><code>{escape(where)}</code></td></tr>"
            for name, what, where in page.judgments
        )
        parts.append("</table>")
    parts.append(_assurance_table(page))
    parts.append(f"<h2>Remediation</h2><p>{escape(item.remediation)}</p>")
    parts.append("<h2>Tests</h2>")
    if not page.tests:
        parts.append("<p>No tests found.</p>")
    for group in TEST_VERDICTS:
        cases = [t for t in page.tests if t.group == group]
        if cases:
            parts.append(f"<h3>{escape(group)}</h3><ul>")
            parts.extend(
                f'<li><a href="../policies/{escape(page.test_path)}">{escape(t.words)}</a> '
                f"<small>(<code>{escape(t.name)}</code>, line {t.line})</small></li>"
                for t in cases
            )
            parts.append("</ul>")
    parts.append(
        f"<h2>The rule</h2><p><code>{escape(item.package)}</code> in "
        f'<a href="../policies/{escape(page.source_path)}">policies/{escape(page.source_path)}</a></p>'
    )
    parts.append(_source_block(page.source))
    return _page(f"{item.id} {item.title}", "".join(parts), 1)


def collectors_index(collectors: list[CollectorInfo]) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(c.name)}.html">{escape(c.name)}</a></td><td>{escape(c.version)}</td>'
        f"<td>{escape(', '.join(c.provides) or c.error)}</td></tr>"
        for c in collectors
    )
    body = (
        "<h1>Collectors</h1><table><tr><th>Collector</th><th>Version</th><th>Provides</th></tr>"
        f"{rows}</table>"
    )
    return _page("Collectors", body, 1)


def collector_page(collector: CollectorInfo, pages: list[ItemPage]) -> str:
    users = [p for p in pages if any(collector.name in names for names in p.providers.values())]
    parts = [f"<h1>Collector <code>{escape(collector.name)}</code> {escape(collector.version)}</h1>"]
    if collector.error:
        parts.append(f"<p>Could not be loaded: {escape(collector.error)}</p>")
    parts.append("<h2>Snapshot paths it fills</h2><ul>")
    parts.extend(f"<li><code>{escape(path)}</code></li>" for path in collector.provides)
    parts.append("</ul>")
    if collector.options:
        parts.append("<h2>Options</h2><table><tr><th>Flag</th><th>Meaning</th></tr>")
        parts.extend(
            f"<tr><td><code>{escape(f)}</code></td><td>{escape(h)}</td></tr>" for f, h in collector.options
        )
        parts.append("</table>")
    if collector.readme:
        parts.append(
            '<h2 id="readme">Its documentation (README.md)</h2><p>What it reads, how it recognises '
            "files, what it records and what it decides while reading (a judgment a collector makes "
            'is said there).</p><pre class="readme">' + escape(collector.readme) + "</pre>"
        )
    parts.append("<h2>Items that use its evidence</h2><ul>")
    parts.extend(
        f'<li><a href="../{escape(item_file(p.item.id))}">{escape(p.item.id)}</a> {escape(p.item.title)}</li>'
        for p in users
    )
    parts.append("</ul>")
    return _page(f"Collector {collector.name}", "".join(parts), 1)

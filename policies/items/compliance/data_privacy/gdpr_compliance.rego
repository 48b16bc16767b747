# METADATA
# title: "GDPR Compliance: (If serving EU users)"
# description: >-
#   Checklist item 8.1.1 (8.1 Data Privacy). The data processing agreement is a signed act,
#   decided by an attestation by the Product Manager. The privacy policy comes from the documents
#   collector (content and a `published:` URL: declared, so it also needs the Product Manager's
#   attestation on this critical item). Cookie consent, data export and deletion come from the
#   application collector: a consent library or banner in the web frontend, and export and
#   deletion operations for the user or account resource in an OpenAPI description or in route
#   decorators. Not applicable when context.serves_eu_users is false (attested).
# custom:
#   id: "8.1.1"
#   section: "8.1 Data Privacy"
#   severity: critical
#   criteria:
#     - "Data processing agreement signed"
#     - "Privacy policy published"
#     - "Cookie consent implemented"
#     - "Data export functionality"
#     - "Right to deletion implemented"
#   attested_by:
#     "Data processing agreement signed": Product Manager
#     "Privacy policy published": Product Manager
#   evidence:
#     - operations.documents
#     - security.application
#     - attestations
#   remediation: >-
#     Have the Product Manager attest the signed DPA and the published privacy policy (gonogo attest
#     8.1.1 --role "Product Manager"); keep the policy in the repository with `published: <URL>`;
#     load a consent manager (vanilla-cookieconsent, Klaro, Cookiebot, OneTrust ...) in the web
#     frontend; offer GET /users/{id}/export (or /me/export) and DELETE /users/{id} (or /me) and
#     describe them in the OpenAPI document.
package gonogo.items.compliance.data_privacy.gdpr_compliance

import data.gonogo.items.compliance.data_privacy.privacy_notice
import data.gonogo.lib.application as app
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

_flag := "serves_eu_users"

criteria["Data processing agreement signed"] := result.unless_false(_flag, result.pending("a signed data processing agreement"))

criteria["Privacy policy published"] := result.unless_false(_flag, privacy_notice.published)

criteria["Cookie consent implemented"] := result.unless_false(_flag, cookie_consent)

criteria["Data export functionality"] := result.unless_false(_flag, privacy_notice.data_export)

criteria["Right to deletion implemented"] := result.unless_false(_flag, privacy_notice.data_deletion)

_consent := app.facts("privacy", "cookie_consent")

_frontends := app.facts("privacy", "web_frontends")

# METADATA
# description: >-
#   A consent library, consent-platform script or consent banner in the code; fails when a web
#   frontend was found without one, pending when there is no web frontend (nothing sets cookies
#   in a browser to ask consent for).
cookie_consent := result.pending("the application collector (package.json, frontend code, HTML)") if {
	not app.collected
} else := result.pass(sprintf("cookie consent: %s", [app.text(_consent)]), app.refs(_consent)) if {
	count(_consent) > 0
} else := result.fail(
	sprintf("no consent library or banner in %d web frontend source(s): %s", [count(_frontends), app.text(_frontends)]),
	app.refs(_frontends),
) if {
	count(_frontends) > 0
} else := result.pending("a web frontend to judge (frontend packages in package.json, HTML pages): none found")

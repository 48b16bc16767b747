# METADATA
# title: "CCPA Compliance: (If serving CA users)"
# description: >-
#   Checklist item 8.1.2 (8.1 Data Privacy). The privacy notice comes from the documents collector
#   (a privacy policy or notice with content and a `published:` URL: declared, so on this high item
#   it also needs the Product Manager's attestation). The opt-out mechanism comes from the
#   application collector: an opt-out or Do Not Sell operation in an OpenAPI description or a
#   route, a "Do Not Sell or Share My Personal Information" link, or Global Privacy Control
#   (Sec-GPC) handling in code. Not applicable when context.serves_ca_users is false (attested).
# custom:
#   id: "8.1.2"
#   section: "8.1 Data Privacy"
#   severity: high
#   criteria:
#     - "Privacy notice posted"
#     - "Opt-out mechanism available"
#   attested_by:
#     "Privacy notice posted": Product Manager
#   evidence:
#     - operations.documents
#     - security.application
#     - attestations
#   remediation: >-
#     Keep the privacy notice in the repository with `published: <URL>` and have the Product Manager
#     attest it; offer an opt-out (POST /privacy/opt-out, a Do Not Sell or Share link, honour the
#     Sec-GPC header) and describe it in the OpenAPI document.
package gonogo.items.compliance.data_privacy.ccpa_compliance

import data.gonogo.items.compliance.data_privacy.privacy_notice
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

criteria["Privacy notice posted"] := result.unless_false("serves_ca_users", privacy_notice.published)

criteria["Opt-out mechanism available"] := result.unless_false("serves_ca_users", privacy_notice.opt_out)

# METADATA
# title: Sign-offs
# description: >-
#   Sign-offs sign a report (gonogo sign-off REPORT.json --role ROLE): an attestation covering
#   "sign-off" whose predicate.report binds the evidence digest the signer read, the decision
#   and the failing items. A sign-off counts only while this evaluation has the same evidence
#   digest (input.gonogo_run.evidence_digest), so nobody signs a moving target; an item may
#   also refuse one whose report had failing items in the sections it names. The seed's
#   Deployment Approval table is built here, one row per role.
package gonogo.lib.signoff

import data.gonogo.lib.attestations
import data.gonogo.lib.result

# METADATA
# description: The roles of the seed's Deployment Approval table, in its order.
roles := ["Engineering Lead", "Security Lead", "DevOps Lead", "Product Manager", "CTO/VP Engineering"]

_digest := object.get(input, ["gonogo_run", "evidence_digest"], "")

_signed(role) := {entry |
	some entry in attestations.verified_any_subject("sign-off", role)
	entry.report
}

_current(role) := {entry |
	some entry in _signed(role)
	entry.report.evidence_digest == _digest
}

_newest(entries) := entry if {
	newest := max({e.issued | some e in entries})
	some entry in entries
	entry.issued == newest
}

# METADATA
# description: >-
#   The verdict of a sign-off item. chain is rego.metadata.chain(); the package annotations
#   of the item name custom.signoff.role and, optionally, custom.signoff.blocking_sections
#   (the sign-off of a report with a failing item in one of those sections does not hold).
decide(chain) := verdict if {
	meta := result.package_annotations(chain)
	verdict := _decide(meta.custom.signoff.role, object.get(meta.custom.signoff, "blocking_sections", []))
}

_decide(role, sections) := result.fail(
	sprintf("the %s signed off a report with failing items in sections %s: %s", [
		role, concat(", ", sections), concat(", ", blocking),
	]),
	[entry.file],
) if {
	entry := _newest(_current(role))
	blocking := sort([id | some id in entry.report.failing; split(id, ".")[0] in sections])
	count(blocking) > 0
} else := result.attested(entry) if {
	entry := _newest(_current(role))
} else := result.pending(sprintf(
	"a sign-off by the %s of this evidence (%d sign-off(s) found cover another evidence digest: the evidence, policies or config changed since)",
	[role, count(_signed(role))],
)) if {
	count(_signed(role)) > 0
} else := result.pending(sprintf("a sign-off by the %s: gonogo sign-off REPORT.json --role %q", [role, role]))

# METADATA
# description: >-
#   The Deployment Approval table: per role, who signed this evidence and when
#   (signature "verified"), a sign-off of other evidence ("evidence changed") or none
#   ("missing").
approvals := [_approval(role) | some role in roles]

_approval(role) := {"role": role, "name": entry.signer, "date": substring(entry.issued, 0, 10), "signature": "verified"} if {
	entry := _newest(_current(role))
} else := {"role": role, "name": entry.signer, "date": substring(entry.issued, 0, 10), "signature": "evidence changed"} if {
	entry := _newest(_signed(role))
} else := {"role": role, "name": "", "date": "", "signature": "missing"}

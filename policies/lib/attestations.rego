# METADATA
# title: Verified attestations
# description: >-
#   The signed attestations that count in this evaluation. gonogo verifies each DSSE envelope
#   the attestations collector found (signature, the signer's role in the trust configuration,
#   expiry, subject) before OPA runs and puts the verified ones in input.gonogo_run.trust.covers,
#   keyed by what they cover: an item ("6.2.3"), a criterion ("6.2.3#1", 1-based in
#   custom.criteria) or a context flag ("context.serves_eu_users=false"). Nothing here is read
#   from the snapshot, so a hand-edited snapshot cannot add one. bound is false when the
#   attestation names another commit or image than the one judged (stale): it counts only for
#   items whose METADATA says custom.commit_independent (training, contracts).
package gonogo.lib.attestations

# METADATA
# description: >-
#   The verified attestations by role covering cover, bound to the commit or images judged:
#   entries {role, signer, statement, values, issued, expires, file, bound}.
verified(cover, role) := {entry |
	some entry in verified_any_subject(cover, role)
	entry.bound == true
}

# METADATA
# description: The verified attestations by role covering cover, whatever commit or image they name.
verified_any_subject(cover, role) := {entry |
	some entry in object.get(input, ["gonogo_run", "trust", "covers", cover], [])
	entry.role == role
}

# METADATA
# description: >-
#   The measured value name of the newest verified attestation by role covering cover
#   (undefined when none carries it).
value(cover, role, name) := entry.values[name] if {
	entries := [e | some e in verified(cover, role); e.values[name]]
	newest := max({e.issued | some e in entries})
	some entry in entries
	entry.issued == newest
}

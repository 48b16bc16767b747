package gonogo.lib.application_test

import data.gonogo.lib.application

_fact(via, ref) := {"via": via, "detail": "found", "provenance": {"collector": "application", "file": "a", "ref": ref}}

test_not_collected_without_the_section if {
	not application.collected with input as {}
	application.facts("privacy", "opt_out") == [] with input as {}
}

test_facts_and_refs if {
	snapshot := {"security": {"application": {"privacy": {"opt_out": [_fact("route", "app.py:3")]}}}}
	application.collected with input as snapshot
	found := application.facts("privacy", "opt_out") with input as snapshot
	application.refs(found) == ["app.py:3"]
	application.text(found) == "route: found (app.py:3)"
}

test_text_shows_five_and_counts_the_rest if {
	found := [_fact("route", sprintf("app.py:%d", [i])) | some i in numbers.range(1, 7)]
	msg := application.text(found)
	endswith(msg, "route: found (app.py:5); and 2 more")
}

# Shared by the item tests that read the application collector's facts.

# METADATA
# description: One application fact, as the collector writes it.
fact(via, detail, ref) := {"via": via, "detail": detail, "provenance": {"collector": "application", "file": split(ref, ":")[0], "ref": ref}}

# METADATA
# description: >-
#   A snapshot with the application section: every list empty (searched, found none) except the
#   ones in tables ({group: {name: [fact]}}).
snapshot(tables) := {"security": {"application": object.union(_empty, tables)}}

_empty := {
	"access_control": {"entry_points": [], "ip_allowlists": [], "ip_allowlist_gaps": [], "apis": [], "api_keys": [], "api_key_gaps": []},
	"integrity": {"tls_clients": [], "certificate_pins": [], "pinning_gaps": [], "signing": [], "signing_gaps": []},
	"privacy": {"apis": [], "data_export": [], "data_deletion": [], "opt_out": [], "web_frontends": [], "cookie_consent": []},
	"caching": {
		"clients": [], "invalidation": [], "invalidation_documented": [], "ttl": [], "ttl_gaps": [],
		"http_caching": [], "edge_caching": [],
	},
}

test_snapshot_is_collected_and_empty if {
	application.collected with input as snapshot({})
	application.facts("caching", "ttl") == [] with input as snapshot({})
}

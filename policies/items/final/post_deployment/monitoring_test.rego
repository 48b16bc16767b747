package gonogo.items.final.post_deployment.monitoring_test

import data.gonogo.items.final.post_deployment.monitoring
import data.gonogo.lib.testing

criterion := "Active monitoring for 24-48 hours"

prov := {"collector": "prometheus", "object": "prometheus http://prom:9090", "ref": "prometheus http://prom:9090"}

job(name, fields) := object.union(
	{
		"job": name, "targets": 2, "up": 2, "down": 0, "down_instances": [], "never_scraped": 0,
		"error_classes": [], "last_scrape": "2026-11-01T00:00:00Z", "seconds_since_scrape": 5,
		"scrape_interval_seconds": 15, "continuous_up_hours": 47.5, "metric_names": ["http_requests_total"],
		"metric_names_truncated": false, "provenance": prov,
	},
	fields,
)

group(name, fields) := object.union(
	{
		"name": name, "file": "/etc/prometheus/rules.yml", "interval_seconds": 30, "rules": 3,
		"alerting_rules": 2, "last_evaluation": "2026-11-01T00:00:00Z", "seconds_since_evaluation": 12,
		"unhealthy_rules": 0, "unhealthy": [], "never_evaluated": 0, "provenance": prov,
	},
	fields,
)

base_live := {
	"source": "api", "server": "http://prom:9090", "version": "3.16.0",
	"observed_at": "2026-11-01T00:00:10Z", "start_time": "2026-10-29T00:00:00Z", "uptime_hours": 72,
	"window_hours": 48,
	"collected": {
		"targets": true, "rules": true, "runtimeinfo": true, "buildinfo": true, "up_range": true,
		"alerts": true, "metric_names": true,
	},
	"targets": {"api": job("api", {}), "node": job("node", {"continuous_up_hours": 48})},
	"targets_total": 4, "targets_down": 0,
	"rule_groups": {"api.rules": group("api.rules", {})},
	"alerting_rules": 2, "unhealthy_rules": 0, "firing_alerts": {},
	"sources": {"targets": "prometheus http://prom:9090"},
	"provenance": prov,
}

# The base snapshot with the top-level keys of fields replaced (not merged) by fields'.
live(fields) := {"monitoring": {"live": object.union(object.remove(base_live, object.keys(fields)), fields)}}

test_pending_without_evidence if {
	r := monitoring.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, criterion).message, "--prometheus-url")
}

test_passes_when_targets_up_and_rules_evaluated_for_a_day if {
	r := monitoring.report with input as live({})
	r.verdict == "pass"
	c := testing.criterion(r, criterion)
	c.assurance == "measured"
	contains(c.message, "4 target(s) in 2 job(s) up without a gap for >= 47.5 h")
	contains(c.message, "2 alerting rule(s) evaluated, server up 72 h")
	c.evidence == ["prometheus http://prom:9090"]
}

test_fails_when_a_target_is_down if {
	r := monitoring.report with input as live({
		"targets": {"api": job("api", {"up": 1, "down": 1, "down_instances": ["10.0.0.3:8080"]})},
		"targets_total": 2, "targets_down": 1,
	})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "1 of 2 Prometheus target(s) down: api (1 of 2 down: 10.0.0.3:8080)")
}

test_fails_when_monitored_less_than_the_threshold if {
	r := monitoring.report with input as live({"targets": {"api": job("api", {"continuous_up_hours": 3.25})}})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "monitored for less than 24 h: api up without a gap for 3.25 h")
}

test_threshold_is_read_from_settings if {
	snapshot := object.union(
		live({"targets": {"api": job("api", {"continuous_up_hours": 30})}}),
		{"settings": {"thresholds": {"post_deploy.monitoring_min_hours": 48}}},
	)
	r := monitoring.report with input as snapshot
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "less than 48 h")
}

test_fails_when_the_server_started_recently if {
	r := monitoring.report with input as live({"uptime_hours": 2.5})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "running for 2.5 h < 24 h")
}

test_fails_without_targets if {
	r := monitoring.report with input as live({"targets": {}, "targets_total": 0})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "scrapes no active target")
}

test_fails_without_alerting_rules if {
	r := monitoring.report with input as live({"rule_groups": {}, "alerting_rules": 0})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "evaluates no alerting rule")
}

test_fails_when_a_rule_is_unhealthy if {
	r := monitoring.report with input as live({"rule_groups": {"g": group("g", {"unhealthy_rules": 1, "unhealthy": ["HighErrorRate"]})}})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "rule evaluation failing in g (HighErrorRate)")
}

test_fails_when_rules_are_not_evaluated_on_schedule if {
	r := monitoring.report with input as live({"rule_groups": {"g": group("g", {"seconds_since_evaluation": 600})}})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "g (last evaluated 600s ago)")
}

test_late_with_unknown_interval_uses_a_minute if {
	r := monitoring.report with input as live({"rule_groups": {"g": group("g", {"interval_seconds": null, "seconds_since_evaluation": 200})}})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "not evaluated on schedule")
}

test_never_evaluated_group_is_late if {
	r := monitoring.report with input as live({"rule_groups": {"g": group("g", {"seconds_since_evaluation": null})}})
	c := testing.criterion(r, criterion)
	c.verdict == "fail"
	contains(c.message, "g (never evaluated)")
}

test_pending_without_a_range_of_up if {
	r := monitoring.report with input as live({"targets": {"api": job("api", {"continuous_up_hours": null})}})
	c := testing.criterion(r, criterion)
	c.verdict == "pending"
	contains(c.message, "hours of continuous data for api")
}

test_pending_without_a_start_time if {
	r := monitoring.report with input as live({"uptime_hours": null})
	c := testing.criterion(r, criterion)
	c.verdict == "pending"
	contains(c.message, "runtimeinfo")
}

test_pending_when_recorded_answers_lack_targets if {
	r := monitoring.report with input as live({"collected": {"targets": false}, "targets": {}})
	c := testing.criterion(r, criterion)
	c.verdict == "pending"
	contains(c.message, "/api/v1/targets")
}

test_pending_when_recorded_answers_lack_rules if {
	r := monitoring.report with input as live({"collected": {"targets": true, "rules": false}, "rule_groups": {}, "alerting_rules": 0})
	c := testing.criterion(r, criterion)
	c.verdict == "pending"
	contains(c.message, "/api/v1/rules")
}

test_recorded_answers_pass_and_say_so if {
	r := monitoring.report with input as live({"source": "recorded", "observed_at": null})
	c := testing.criterion(r, criterion)
	c.verdict == "pass"
	contains(c.message, "recorded API answers, observed at an unknown time")
}

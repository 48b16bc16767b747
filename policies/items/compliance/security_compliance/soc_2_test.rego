package gonogo.items.compliance.security_compliance.soc_2_test

import data.gonogo.items.compliance.security_compliance.soc_2
import data.gonogo.lib.testing

_prov(ref) := {"collector": "terraform", "file": "plan.json", "ref": ref}

_trail(fields) := object.union(
	{
		"address": "aws_cloudtrail.org", "type": "aws_cloudtrail", "kind": "aws-cloudtrail", "enabled": true,
		"multi_region": true, "log_file_validation": true, "global_service_events": true, "data_event_types": [],
		"provenance": _prov("plan.json:aws_cloudtrail.org"),
	},
	fields,
)

_plan := {"plan.json": {"provenance": _prov("plan.json:1")}}

_infra(trails) := {"infrastructure": {"plans": _plan, "audit_trails": trails}}

test_pending_when_neither_a_plan_nor_logging_configuration_was_collected if {
	r := soc_2.report with input as {}
	r.verdict == "pending"
	contains(testing.criterion(r, "Audit trail enabled").message, "audit trail")
}

test_passes_with_a_complete_cloudtrail if {
	r := soc_2.report with input as _infra({"aws_cloudtrail.org": _trail({})})
	r.verdict == "pass"
	c := testing.criterion(r, "Audit trail enabled")
	c.evidence == ["plan.json:aws_cloudtrail.org"]
	c.assurance == "measured"
}

test_fails_with_a_single_region_trail_without_validation if {
	r := soc_2.report with input as _infra({"aws_cloudtrail.org": _trail({"multi_region": false, "log_file_validation": false})})
	r.verdict == "fail"
	c := testing.criterion(r, "Audit trail enabled")
	contains(c.message, "no log file validation, single-region")
}

test_fails_when_the_plan_holds_no_audit_trail if {
	r := soc_2.report with input as _infra({})
	r.verdict == "fail"
	contains(testing.criterion(r, "Audit trail enabled").message, "no audit trail found")
}

test_passes_with_a_kubernetes_audit_policy_alone if {
	policy := {"kind": "kubernetes-audit-policy", "enabled": true, "detail": "3 rules", "provenance": {"ref": "audit.yaml:1"}}
	r := soc_2.report with input as {"monitoring": {"logging": {"audit": [policy]}}}
	r.verdict == "pass"
	testing.criterion(r, "Audit trail enabled").evidence == ["audit.yaml:1"]
}

test_fails_with_an_audit_policy_that_records_nothing if {
	policy := {"kind": "kubernetes-audit-policy", "enabled": false, "detail": "1 rules, levels None", "provenance": {"ref": "audit.yaml:1"}}
	r := soc_2.report with input as {"monitoring": {"logging": {"audit": [policy]}}}
	r.verdict == "fail"
	contains(testing.criterion(r, "Audit trail enabled").message, "records nothing")
}

test_fails_with_an_azure_setting_without_destination if {
	setting := {
		"address": "azurerm_monitor_diagnostic_setting.x", "type": "azurerm_monitor_diagnostic_setting",
		"kind": "azure-diagnostic-setting", "enabled": true, "destination": false, "categories": ["audit"],
		"data_event_types": [], "provenance": _prov("plan.json:azurerm_monitor_diagnostic_setting.x"),
	}
	r := soc_2.report with input as _infra({"x": setting})
	r.verdict == "fail"
}

test_passes_with_a_gcp_audit_config if {
	config := {
		"address": "google_project_iam_audit_config.all", "type": "google_project_iam_audit_config",
		"kind": "gcp-audit-config", "enabled": true, "log_types": ["DATA_READ"], "data_event_types": ["DATA_READ"],
		"provenance": _prov("plan.json:google_project_iam_audit_config.all"),
	}
	r := soc_2.report with input as _infra({"g": config})
	r.verdict == "pass"
}

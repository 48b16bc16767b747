package gonogo.items.infrastructure.networking.dns_test

import data.gonogo.items.infrastructure.networking.dns

_ingress := {
	"name": "web",
	"namespace": "shop",
	"hosts": ["shop.example.com", "api.example.com"],
	"provenance": {"ref": "ingress.yaml:1"},
}

test_pending_without_evidence if {
	r := dns.report with input as {}
	r.verdict == "pending"
}

test_external_dns_and_wildcard_record_pass if {
	inp := {
		"kubernetes": {
			"ingresses": {"Ingress/shop/web": _ingress},
			"dns": {"records": {"Ingress/shop/web": {
				"hostnames": ["shop.example.com"],
				"provenance": {"ref": "ingress.yaml:1"},
			}}},
		},
		"infrastructure": {"dns_records": {"aws_route53_record.wild": {
			"name": "*.example.com.",
			"provenance": {"ref": "plan.json:aws_route53_record.wild"},
		}}},
	}
	r := dns.report with input as inp
	r.verdict == "pass"
	r.criteria[0].evidence == ["ingress.yaml:1", "plan.json:aws_route53_record.wild"]
}

test_host_without_record_fails if {
	inp := {"kubernetes": {
		"ingresses": {"Ingress/shop/web": _ingress},
		"dns": {"records": {"Ingress/shop/web": {
			"hostnames": ["shop.example.com"],
			"provenance": {"ref": "ingress.yaml:1"},
		}}},
	}}
	r := dns.report with input as inp
	r.verdict == "fail"
	r.criteria[0].message == "ingress shop/web (ingress.yaml:1): host api.example.com has no DNS record"
}

test_no_record_and_no_host_is_nothing_to_judge if {
	r := dns.report with input as {"kubernetes": {"ingresses": {}, "dns": {"records": {}}}}
	r.verdict == "pending"
	r.criteria[0].message == "no DNS record or Ingress host collected"
}

test_a_host_with_no_record_anywhere_fails_naming_the_ingress if {
	r := dns.report with input as {"kubernetes": {"ingresses": {"Ingress/shop/web": _ingress}, "dns": {"records": {}}}}
	r.verdict == "fail"
	r.criteria[0].evidence == ["ingress.yaml:1"]
}

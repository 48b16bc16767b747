package gonogo.items.security.d3fend.d3_rac_test

import data.gonogo.items.security.d3fend.d3_rac
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx
import data.gonogo.lib.testing

test_pending_without_evidence if {
	r := d3_rac.report with input as {}
	r.verdict == "pending"
}

test_rate_limit_and_cors_pass_from_probe if {
	r := d3_rac.report with input as fx.probe_good
	testing.criterion(r, "Rate limiting active (100 req/min per IP)").message == "https://shop.example.com:443/: 100 requests per 60 s = 100/min <= 100"
	testing.criterion(r, "CORS policies configured").verdict == "pass"
	testing.criterion(r, "IP whitelisting supported").verdict == "pending"
	r.verdict == "pending"
}

test_fails_with_loose_rate_limit_and_wildcard_cors if {
	snapshot := fx.probe_with({
		"rate_limit": {"limit": 1000, "window_seconds": 60, "per_minute": 1000},
		"cors": {"allow_origin": "*", "allows_foreign_origin": true, "allow_credentials": true},
	})
	r := d3_rac.report with input as snapshot
	r.verdict == "fail"
	testing.criterion(r, "Rate limiting active (100 req/min per IP)").message == "https://shop.example.com:443/: 1000 requests/min > 100"
	contains(testing.criterion(r, "CORS policies configured").message, "with Access-Control-Allow-Origin * and allows credentials")
}

test_fails_without_rate_limit_headers if {
	r := d3_rac.report with input as fx.probe_with({"rate_limit": {"limit": null, "window_seconds": null, "per_minute": null, "headers": {}}})
	contains(testing.criterion(r, "Rate limiting active (100 req/min per IP)").message, "no rate-limit headers")
}

test_fails_without_stated_window if {
	r := d3_rac.report with input as fx.probe_with({"rate_limit": {"limit": 50, "window_seconds": null, "per_minute": null}})
	contains(testing.criterion(r, "Rate limiting active (100 req/min per IP)").message, "limit 50 announced but no window")
}

test_error_when_probe_failed if {
	r := d3_rac.report with input as fx.probe_failed
	r.verdict == "error"
}

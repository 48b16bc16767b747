package gonogo.items.security.d3fend.d3_rac_test

import data.gonogo.items.security.d3fend.d3_rac
import data.gonogo.items.security.vulnerability_scanning.evidence_test as fx
import data.gonogo.lib.application_test as fx_app
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

_ingress := fx_app.fact("Ingress", "Ingress/shop/admin", "deploy/ingress.yaml:1")

_annotation := "annotation nginx.ingress.kubernetes.io/whitelist-source-range"

_allowlist := fx_app.fact(_annotation, "Ingress/shop/admin: 2 source range(s)", "deploy/ingress.yaml:1")

_openapi := fx_app.fact("OpenAPI 3.0.3", "5 operations", "api/openapi.yaml:1")

_api_key := fx_app.fact("OpenAPI 3.0.3 apiKey security (document-wide)", "4 of 5 operations require an API key", "api/openapi.yaml:1")

test_ip_allowlist_and_api_key_pending_until_the_application_collector_ran if {
	r := d3_rac.report with input as fx.probe_good
	contains(testing.criterion(r, "IP whitelisting supported").message, "needs the application collector")
	testing.verdict(r, "API key validation enforced") == "pending"
}

test_passes_with_allowlist_and_api_key_on_every_api if {
	snapshot := object.union(fx.probe_good, fx_app.snapshot({"access_control": {
		"entry_points": [_ingress], "ip_allowlists": [_allowlist],
		"apis": [_openapi], "api_keys": [_api_key],
	}}))
	r := d3_rac.report with input as snapshot
	r.verdict == "pass"
	testing.criterion(r, "IP whitelisting supported").message == sprintf(
		"IP allow-list: %s: Ingress/shop/admin: 2 source range(s) (deploy/ingress.yaml:1)",
		[_annotation],
	)
	testing.criterion(r, "API key validation enforced").evidence == ["api/openapi.yaml:1"]
}

test_fails_when_entry_points_have_no_allowlist_and_apis_no_key if {
	r := d3_rac.report with input as fx_app.snapshot({"access_control": {"entry_points": [_ingress], "apis": [_openapi]}})
	testing.verdict(r, "IP whitelisting supported") == "fail"
	startswith(testing.criterion(r, "IP whitelisting supported").message, "no IP allow-list on 1 entry point(s): Ingress: Ingress/shop/admin")
	testing.criterion(r, "API key validation enforced").message == "no API key requirement on 1 API(s): OpenAPI 3.0.3: 5 operations (api/openapi.yaml:1)"
}

test_fails_on_a_world_open_allowlist_and_an_unsecured_operation if {
	gap := fx_app.fact(_annotation, "Ingress/shop/admin: the allow-list admits every address", "deploy/ingress.yaml:1")
	unsecured := fx_app.fact("Kong service without key-auth", "service orders: 1 route(s) without key-auth", "api/kong.yaml:3")
	snapshot := fx_app.snapshot({"access_control": {
		"entry_points": [_ingress], "ip_allowlists": [_allowlist], "ip_allowlist_gaps": [gap],
		"apis": [_openapi], "api_keys": [_api_key], "api_key_gaps": [unsecured],
	}})
	r := d3_rac.report with input as snapshot
	contains(testing.criterion(r, "IP whitelisting supported").message, "allow-list admits every address")
	testing.verdict(r, "API key validation enforced") == "fail"
	testing.criterion(r, "API key validation enforced").evidence == ["api/kong.yaml:3"]
}

test_pending_when_nothing_to_judge_was_found if {
	r := d3_rac.report with input as fx_app.snapshot({})
	contains(testing.criterion(r, "IP whitelisting supported").message, "an entry point to judge")
	contains(testing.criterion(r, "API key validation enforced").message, "an API to judge")
	testing.verdict(r, "API key validation enforced") == "pending"
}

_rpm(n) := object.union(
	fx_app.fact("ingress-nginx limit-rpm", sprintf("Ingress/shop/web: %d requests per minute per client IP", [n]), _ingress_ref),
	{"count": n},
)

_ingress_ref := "deploy/ingress.yaml:1"

_origins := object.union(
	fx_app.fact("ingress-nginx cors-allow-origin", "Ingress/shop/web: CORS granted to 1 listed origin(s)", _ingress_ref),
	{"count": 1},
)

_any_origin := fx_app.fact("ingress-nginx enable-cors", "Ingress/shop/web: enable-cors allows every origin (cors-allow-origin *)", _ingress_ref)

test_rate_limit_and_cors_pass_from_ingress_annotations if {
	snapshot := fx_app.snapshot({"access_control": {"entry_points": [_ingress]}, "traffic": {"rate_limits": [_rpm(100)], "cors": [_origins]}})
	r := d3_rac.report with input as snapshot
	testing.criterion(r, "Rate limiting active (100 req/min per IP)").message == concat("", [
		"rate limit <= 100/min: ingress-nginx limit-rpm: Ingress/shop/web: 100 requests per minute per client IP ",
		"(deploy/ingress.yaml:1)",
	])
	testing.verdict(r, "CORS policies configured") == "pass"
	testing.criterion(r, "CORS policies configured").evidence == ["deploy/ingress.yaml:1"]
}

test_rate_limit_and_cors_fail_from_ingress_annotations if {
	snapshot := fx_app.snapshot({"access_control": {"entry_points": [_ingress]}, "traffic": {"rate_limits": [_rpm(600)], "cors_gaps": [_any_origin]}})
	r := d3_rac.report with input as snapshot
	startswith(testing.criterion(r, "Rate limiting active (100 req/min per IP)").message, "rate limit above 100/min")
	startswith(testing.criterion(r, "CORS policies configured").message, "CORS granted to every origin")
	testing.verdict(r, "CORS policies configured") == "fail"
}

test_rate_limit_fails_on_entry_points_without_one_and_cors_stays_pending if {
	r := d3_rac.report with input as fx_app.snapshot({"access_control": {"entry_points": [_ingress]}})
	startswith(testing.criterion(r, "Rate limiting active (100 req/min per IP)").message, "no rate limit configured on 1 entry point(s)")
	testing.verdict(r, "CORS policies configured") == "pending"
}

test_probe_wins_over_ingress_annotations if {
	snapshot := object.union(
		fx.probe_with({"rate_limit": {"limit": 1000, "window_seconds": 60, "per_minute": 1000}}),
		fx_app.snapshot({"traffic": {"rate_limits": [_rpm(100)]}}),
	)
	r := d3_rac.report with input as snapshot
	testing.verdict(r, "Rate limiting active (100 req/min per IP)") == "fail"
}

test_rate_limit_pending_when_a_limiter_library_is_declared if {
	deps := fx.dependencies({"rate_limiter": [fx.signal_fact("slowapi", "rate limiter", "requirements.txt:7")]}, {})
	r := d3_rac.report with input as object.union(deps, fx_app.snapshot({"access_control": {"entry_points": [_ingress]}}))
	testing.verdict(r, "Rate limiting active (100 req/min per IP)") == "pending"
}

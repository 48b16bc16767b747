# METADATA
# title: "Response times meet SLA (p95 < 50ms, p99 < 100ms)"
# description: >-
#   Checklist item 1.2.3 (1.2 Performance Validation). Decided from a load-test report with p95/p99 latency.
# custom:
#   id: "1.2.3"
#   section: "1.2 Performance Validation"
#   severity: high
#   criteria:
#     - "Response times meet SLA (p95 < 50ms, p99 < 100ms)"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Provide a load-test report with p95/p99 latency so gonogo can verify this item.
package gonogo.items.testing.performance_validation.response_times_meet_sla

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Response times meet SLA (p95 < 50ms, p99 < 100ms)"] := result.pending("a load-test report with p95/p99 latency")

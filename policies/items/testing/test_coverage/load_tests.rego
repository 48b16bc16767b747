# METADATA
# title: "Load Tests: Completed successfully"
# description: >-
#   Checklist item 1.1.4 (1.1 Test Coverage). Decided from a load-test report (k6, Locust or JMeter).
# custom:
#   id: "1.1.4"
#   section: "1.1 Test Coverage"
#   severity: critical
#   criteria:
#     - "Peak load: 10,000+ requests handled"
#     - "Response time p95: < 50ms"
#     - "Error rate: < 0.1%"
#     - "Memory stability: No leaks detected"
#   evidence:
#     - quality.load_tests
#   remediation: >-
#     Provide a load-test report (k6, Locust or JMeter) so gonogo can verify this item.
package gonogo.items.testing.test_coverage.load_tests

import data.gonogo.lib.result

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(rego.metadata.chain(), criteria)

criteria["Peak load: 10,000+ requests handled"] := result.pending("a load-test report (k6, Locust or JMeter)")
criteria["Response time p95: < 50ms"] := result.pending("a load-test report (k6, Locust or JMeter)")
criteria["Error rate: < 0.1%"] := result.pending("a load-test report (k6, Locust or JMeter)")
criteria["Memory stability: No leaks detected"] := result.pending("a load-test report (k6, Locust or JMeter)")

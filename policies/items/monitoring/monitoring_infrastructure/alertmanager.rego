# METADATA
# title: "AlertManager: Alert routing configured"
# description: >-
#   Checklist item 3.1.3 (3.1 Monitoring Infrastructure). Decided from Alertmanager configuration
#   (a file, a ConfigMap, kube-prometheus-stack values or AlertmanagerConfig objects): an
#   integration is ready when its receiver has the credential (routing/service key, webhook URL,
#   in the config, a file or the global section; email also needs an SMTP smarthost) and the
#   route tree sends alerts to that receiver. Credentials are never read into the snapshot.
# custom:
#   id: "3.1.3"
#   section: "3.1 Monitoring Infrastructure"
#   severity: critical
#   criteria:
#     - "PagerDuty integration ready"
#     - "Slack notifications active"
#     - "Email alerts configured"
#   evidence:
#     - monitoring.alertmanager
#   remediation: >-
#     Add pagerduty_configs, slack_configs and email_configs receivers with their credentials
#     (preferably *_file references) and routes that send alerts to them.
package gonogo.items.monitoring.monitoring_infrastructure.alertmanager

import data.gonogo.items.monitoring.lib.alerting
import data.gonogo.lib.result

# METADATA
# description: >-
#   The item's METADATA as OPA reads it, whatever the input: the evaluator's catalog of items
#   comes from this rule in the same evaluation, so an item whose report is undefined is still
#   listed, as an error.
metadata := rego.metadata.chain()

# METADATA
# description: The item's verdict, built from the criteria below and the METADATA above.
report := result.item(metadata, criteria)

criteria["PagerDuty integration ready"] := alerting.integration("pagerduty", "PagerDuty")

criteria["Slack notifications active"] := alerting.integration("slack", "Slack")

criteria["Email alerts configured"] := alerting.integration("email", "email")

# Rendered by templatefile() in terraform/modules/alertmanager/main.tf.
global:
  resolve_timeout: 5m
  smtp_smarthost: "${smtp_host}:587"
  smtp_from: "alerts@${domain}"
  smtp_auth_username: "${smtp_username}"
  smtp_auth_password_file: /etc/alertmanager/secrets/smtp-password

route:
  receiver: slack-${team}
  group_by: ["alertname", "cluster"]
  routes:
    - receiver: pagerduty-${team}
      matchers:
        - severity="critical"
      continue: true
    - receiver: email-${team}
      matchers:
        - severity=~"warning|critical"
%{ for route in extra_routes ~}
    - receiver: ${route.receiver}
      matchers:
        - ${route.matcher}
%{ endfor ~}

receivers:
  - name: slack-${team}
    slack_configs:
      - api_url_file: /etc/alertmanager/secrets/slack-webhook
        channel: "#alerts-${team}"
        send_resolved: true
  - name: pagerduty-${team}
    pagerduty_configs:
      - routing_key_file: /etc/alertmanager/secrets/pagerduty-routing-key
  - name: email-${team}
    email_configs:
      - to: "${team}-oncall@${domain}"

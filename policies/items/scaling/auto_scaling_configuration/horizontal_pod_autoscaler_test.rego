package gonogo.items.scaling.auto_scaling_configuration.horizontal_pod_autoscaler_test

import data.gonogo.items.scaling.auto_scaling_configuration.horizontal_pod_autoscaler

test_pending_without_evidence if {
	r := horizontal_pod_autoscaler.report with input as {}
	r.verdict == "pending"
}

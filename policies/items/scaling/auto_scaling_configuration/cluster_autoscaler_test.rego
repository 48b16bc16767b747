package gonogo.items.scaling.auto_scaling_configuration.cluster_autoscaler_test

import data.gonogo.items.scaling.auto_scaling_configuration.cluster_autoscaler

test_pending_without_evidence if {
	r := cluster_autoscaler.report with input as {}
	r.verdict == "pending"
}

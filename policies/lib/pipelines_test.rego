package gonogo.lib.pipelines_test

import data.gonogo.lib.pipelines

step(index, classes, line) := {
	"index": index, "name": null, "uses": null, "phase": "steps", "when": "on_success",
	"classes": classes, "tools": ["tool"], "provenance": {"ref": sprintf("ci.yml:%d", [line])},
}

job(steps, runs_after, extra) := object.union(
	{
		"name": "j", "needs": runs_after, "runs_after": runs_after, "stage": null, "environment": null,
		"manual": false, "scheduled": false, "when": "on_success", "calls": null, "classes": [],
		"tools": [], "steps": steps, "provenance": {"ref": "ci.yml:1"},
	},
	extra,
)

sast_template := {
	"kind": "template", "name": "Jobs/SAST.gitlab-ci.yml", "classes": ["scan"],
	"tools": ["gitlab"], "provenance": {"ref": "ci.yml:2"},
}

snapshot(jobs) := {"operations": {"pipelines": {
	"files": {"ci.yml": {
		"system": "github_actions", "name": null, "files": ["ci.yml"],
		"triggers": {"push": true, "schedule": false, "manual": false, "crons": [], "events": ["push"]},
		"jobs": jobs, "templates": [sast_template],
		"provenance": {"ref": "ci.yml:1"},
	}},
	"unreadable": [],
}}}

test_not_collected if {
	not pipelines.collected with input as {}
	count(pipelines.migrations_run) == 0 with input as {}
	pipelines.unreadable_note == "" with input as {}
}

test_backup_earlier_in_the_same_job if {
	inp := snapshot({"db": job([step(0, ["backup"], 10), step(1, ["migrate"], 11)], [], {})})
	pipelines.collected with input as inp
	pipelines.migrations_run == {{"ref": "ci.yml:11", "backup_first": true}} with input as inp
}

test_backup_after_the_migration_is_not_first if {
	inp := snapshot({"db": job([step(0, ["migrate"], 10), step(1, ["backup"], 11)], [], {})})
	pipelines.migrations_run == {{"ref": "ci.yml:10", "backup_first": false}} with input as inp
}

test_backup_on_failure_only_does_not_count if {
	on_failure := object.union(step(0, ["backup"], 10), {"when": "on_failure"})
	inp := snapshot({"db": job([on_failure, step(1, ["migrate"], 11)], [], {})})
	pipelines.migrations_run == {{"ref": "ci.yml:11", "backup_first": false}} with input as inp
}

test_backup_in_the_same_step_before_the_migration if {
	inp := snapshot({"db": job([step(0, ["backup", "migrate"], 10)], [], {})})
	pipelines.migrations_run == {{"ref": "ci.yml:10", "backup_first": true}} with input as inp
	inp2 := snapshot({"db": job([step(0, ["migrate", "backup"], 10)], [], {})})
	pipelines.migrations_run == {{"ref": "ci.yml:10", "backup_first": false}} with input as inp2
}

test_backup_in_a_job_it_runs_after if {
	inp := snapshot({
		"backup": job([step(0, ["backup"], 5)], [], {}),
		"migrate": job([step(0, ["migrate"], 20)], ["backup"], {}),
	})
	pipelines.migrations_run == {{"ref": "ci.yml:20", "backup_first": true}} with input as inp
}

test_backup_in_a_parallel_job_is_not_first if {
	inp := snapshot({
		"backup": job([step(0, ["backup"], 5)], [], {}),
		"migrate": job([step(0, ["migrate"], 20)], [], {}),
	})
	pipelines.migrations_run == {{"ref": "ci.yml:20", "backup_first": false}} with input as inp
}

test_job_named_for_a_class if {
	named := job([step(0, [], 30)], ["deploy"], {"classes": ["smoke_test"], "provenance": {"ref": "ci.yml:29"}})
	inp := snapshot({"deploy": job([step(0, ["deploy"], 5)], [], {}), "smoke": named})
	pipelines.ordered("smoke_test", "deploy") == {{"ref": "ci.yml:29", "file": "ci.yml", "job": "smoke", "before": true}} with input as inp
	pipelines.refs_of_class("smoke_test") == {"ci.yml:29"} with input as inp
	pipelines.steps_of_class("smoke_test") == set() with input as inp
	pipelines.deploys == {"ci.yml:5"} with input as inp
}

test_scans_steps_and_templates if {
	inp := snapshot({"scan": job([step(0, ["scan"], 7)], [], {})})
	pipelines.scans == {{"ref": "ci.yml:7", "tools": ["tool"]}, {"ref": "ci.yml:2", "tools": ["gitlab"]}} with input as inp
	pipelines.scan_tools == {"tool", "gitlab"} with input as inp
}

test_scheduled_jobs_and_rollbacks if {
	drill := job([step(0, ["restore"], 9)], [], {"scheduled": true, "classes": ["restore_drill"], "provenance": {"ref": "ci.yml:8"}})
	rollback := job([step(0, ["rollback"], 15)], [], {"manual": true, "classes": ["rollback"]})
	inp := snapshot({"drill": drill, "rollback": rollback})
	pipelines.scheduled_jobs_of_class("restore_drill") == {"ci.yml:8"} with input as inp
	pipelines.scheduled_jobs_of_class("restore") == {"ci.yml:8"} with input as inp
	pipelines.scheduled_jobs_of_class("rollback") == set() with input as inp
	pipelines.rollbacks == {{"ref": "ci.yml:15", "job": "rollback", "manual": true, "when": "on_success", "tools": ["tool"]}} with input as inp
}

test_rollback_job_by_name_only if {
	rollback := job([step(0, [], 15)], [], {"manual": true, "classes": ["rollback"], "tools": ["rollback job"], "provenance": {"ref": "ci.yml:14"}})
	inp := snapshot({"rollback": rollback})
	pipelines.rollbacks == {{"ref": "ci.yml:14", "job": "rollback", "manual": true, "when": "on_success", "tools": ["rollback job"]}} with input as inp
}

test_brief_and_unreadable_note if {
	pipelines.brief({"a", "b"}) == "a, b"
	pipelines.brief({"a", "b", "c", "d", "e", "f", "g"}) == "a, b, c, d, e and 2 more"
	inp := {"operations": {"pipelines": {"files": {}, "unreadable": ["x.yml"]}}}
	pipelines.unreadable_note == " (pipeline files not readable, so not judged: x.yml)" with input as inp
}

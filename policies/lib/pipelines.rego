# METADATA
# title: CI/CD pipeline lookups
# description: >-
#   Shared lookups over operations.pipelines (the pipelines collector: GitHub Actions workflows and
#   GitLab CI, docs/pipelines.md). Each step carries the classes recognised in it (migrate, backup,
#   restore, restore_drill, deploy, rollback, smoke_test, scan, validate_env) and each job the jobs
#   it runs after, so order questions ("a backup before each migration", "a smoke test after the
#   deploy") are answered by key lookups: the step's own job, then the jobs named in runs_after.
#   A class happens in a step (its commands, action or name) or in a job whose name says so.
package gonogo.lib.pipelines

# METADATA
# description: True when the pipelines collector found pipeline files (the section is present).
collected if "pipelines" in object.keys(object.get(input, "operations", {}))

# METADATA
# description: The pipelines, keyed by the file that defines each ({} when not collected).
files := object.get(input, ["operations", "pipelines", "files"], {})

# METADATA
# description: Pipeline files that could not be read (each is a collector warning).
unreadable := object.get(input, ["operations", "pipelines", "unreadable"], [])

# METADATA
# description: >-
#   Every place a class happens: {"class", "file", "job", "index", "ref", "when"}; index is the
#   step's position in its job, or -1 for a job whose name alone says it (a job named smoke-test).
# scope: document
occurrences contains {"class": c, "file": f, "job": j, "index": s.index, "ref": s.provenance.ref, "when": s.when} if {
	some f, p in files
	some j, job in p.jobs
	some s in job.steps
	some c in s.classes
}

occurrences contains {"class": c, "file": f, "job": j, "index": -1, "ref": job.provenance.ref, "when": job.when} if {
	some f, p in files
	some j, job in p.jobs
	some c in job.classes
	not _step_does(files[f].jobs[j], c)
}

_step_does(job, class) if {
	some s in job.steps
	class in s.classes
}

# METADATA
# description: True when job j of pipeline f does class (in a step or by its name).
# scope: document
job_does(f, j, class) if _step_does(files[f].jobs[j], class)

job_does(f, j, class) if class in files[f].jobs[j].classes

# METADATA
# description: The refs (file:line) of the steps of a class.
steps_of_class(class) := {o.ref | some o in occurrences; o.class == class; o.index >= 0}

# METADATA
# description: The refs of every step or job-by-name of a class.
refs_of_class(class) := {o.ref | some o in occurrences; o.class == class}

# METADATA
# description: The refs of the jobs that run in scheduled pipelines and do class.
scheduled_jobs_of_class(class) := {job.provenance.ref |
	some f, p in files
	some j, job in p.jobs
	job.scheduled
	job_does(f, j, class)
}

# METADATA
# description: >-
#   True when class has happened before occurrence o: an earlier step of the same job (not one
#   that runs only on failure), an earlier command of the same step, or a job o's job runs after.
# scope: document
happened_before(o, class) if {
	o.index >= 0
	some s in files[o.file].jobs[o.job].steps
	s.index < o.index
	s.when != "on_failure"
	class in s.classes
}

happened_before(o, class) if {
	o.index >= 0
	step := files[o.file].jobs[o.job].steps[o.index]
	some k, earlier in step.classes
	earlier == class
	some m, later in step.classes
	later == o.class
	k < m
}

happened_before(o, class) if {
	some other in files[o.file].jobs[o.job].runs_after
	job_does(o.file, other, class)
}

# METADATA
# description: >-
#   Each occurrence of class with whether earlier happened before it:
#   {"ref", "file", "job", "before": bool}.
ordered(class, earlier) := {{"ref": o.ref, "file": o.file, "job": o.job, "before": _before(o, earlier)} |
	some o in occurrences
	o.class == class
}

_before(o, class) if happened_before(o, class)

else := false

# METADATA
# description: >-
#   One entry per migrate step (or job named for migrations): {"ref", "backup_first"}, with
#   backup_first true when a backup ran before it in the same job, in a job it needs, or in an
#   earlier GitLab stage.
# scope: document
migrations_run contains {"ref": entry.ref, "backup_first": entry.before} if {
	some entry in ordered("migrate", "backup")
}

# METADATA
# description: >-
#   Security scans the pipelines run: {"ref", "tools"} for each scan step and each included
#   scanner template (GitLab Security/*, Jobs/* templates and components).
# scope: document
scans contains {"ref": s.provenance.ref, "tools": s.tools} if {
	some p in files
	some job in p.jobs
	some s in job.steps
	"scan" in s.classes
}

scans contains {"ref": t.provenance.ref, "tools": t.tools} if {
	some p in files
	some t in p.templates
	"scan" in t.classes
}

# METADATA
# description: The scanner tool names the pipelines run (trivy, codeql, pip-audit, gitlab ...).
scan_tools contains tool if {
	some s in scans
	some tool in s.tools
}

# METADATA
# description: The refs of the deploy steps (or jobs named for deploys) in any pipeline.
deploys := refs_of_class("deploy")

# METADATA
# description: >-
#   Rollback commands and jobs: {"ref", "job", "manual", "when", "tools"}; manual is true when
#   the job can be started by hand (workflow_dispatch, when: manual).
# scope: document
rollbacks contains {"ref": o.ref, "job": o.job, "manual": job.manual, "when": o.when, "tools": _tools(job, o.index)} if {
	some o in occurrences
	o.class == "rollback"
	job := files[o.file].jobs[o.job]
}

_tools(job, -1) := job.tools

_tools(job, index) := job.steps[index].tools if index >= 0

# METADATA
# description: "A short list of refs for messages: sorted, at most five, then 'and N more'."
brief(refs) := concat(", ", sorted) if {
	sorted := sort(refs)
	count(sorted) <= 5
} else := sprintf("%s and %d more", [concat(", ", array.slice(sort(refs), 0, 5)), count(refs) - 5])

# METADATA
# description: The unreadable pipeline files, as a clause for messages ("" when none).
unreadable_note := "" if {
	count(unreadable) == 0
} else := sprintf(" (pipeline files not readable, so not judged: %s)", [brief(unreadable)])

package gonogo.items.gonogo_checks.workload_hygiene.image_tags_test

import data.gonogo.items.gonogo_checks.workload_hygiene.image_tags as item
import data.gonogo.lib.testing

_text := "No :latest or untagged images"

_container(image, tag, digest) := {
	"name": "web", "image": image, "init": false, "image_ref": {"tag": tag, "digest": digest},
	"at": {"image": "deploy/web.yaml:22"},
}

_input(containers) := {"kubernetes": {"workloads": {"Deployment/shop/web": {
	"kind": "Deployment", "name": "web", "namespace": "shop", "containers": containers,
	"provenance": {"ref": "deploy/web.yaml:1"},
}}}}

test_pending_without_kubernetes if {
	r := item.report with input as {}
	r.verdict == "pending"
}

test_pending_without_workloads if {
	r := item.report with input as {"kubernetes": {"workloads": {}}}
	r.verdict == "pending"
	contains(testing.criterion(r, _text).message, "no workload with containers collected")
}

test_passes_with_version_tag_and_digest if {
	r := item.report with input as _input([
		_container("ghcr.io/shop/web:1.4.2", "1.4.2", null),
		_container("ghcr.io/shop/web@sha256:ab12", null, "sha256:ab12"),
	])
	r.verdict == "pass"
}

test_fails_on_latest_at_the_image_line if {
	r := item.report with input as _input([_container("nginx:latest", "latest", null)])
	c := testing.criterion(r, _text)
	c.verdict == "fail"
	contains(c.message, "Deployment shop/web container web (deploy/web.yaml:22): image nginx:latest uses the moving tag latest")
	c.evidence == ["deploy/web.yaml:22"]
}

test_fails_on_untagged_image if {
	r := item.report with input as _input([_container("localhost:5000/web", null, null)])
	contains(testing.criterion(r, _text).message, "image localhost:5000/web has no tag (pulled as :latest)")
}

test_latest_pinned_by_digest_passes if {
	r := item.report with input as _input([_container("web:latest@sha256:ab12", "latest", "sha256:ab12")])
	r.verdict == "pass"
}

test_init_containers_are_judged if {
	init := object.union(_container("busybox", null, null), {"name": "migrate", "init": true})
	r := item.report with input as _input([_container("web:1.0", "1.0", null), init])
	contains(testing.criterion(r, _text).message, "init container migrate")
}

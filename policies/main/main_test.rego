package gonogo.main_test

import data.gonogo.main

test_items_are_keyed_by_report_id if {
	reports := {"a": {"b": {"one": {"report": {"id": "1.1.1", "verdict": "pass"}}, "two": {"report": {"id": "1.1.2", "verdict": "fail"}}}}}
	main.items == {"1.1.1": {"id": "1.1.1", "verdict": "pass"}, "1.1.2": {"id": "1.1.2", "verdict": "fail"}} with data.gonogo.items as reports
}

test_an_item_without_a_report_is_missing_not_passed if {
	items := main.items with data.gonogo.items as {"a": {"b": {"one": {"other": 1}}}}
	items == {}
}

test_the_catalog_holds_each_items_package_metadata_by_path if {
	chain := [
		{"path": ["gonogo", "items", "a", "b", "one", "metadata"], "annotations": {"scope": "rule"}},
		{"path": ["gonogo", "items", "a", "b", "one"], "annotations": {"scope": "package", "custom": {"id": "1.1.1"}}},
		{"path": ["gonogo", "items"], "annotations": {"scope": "subpackages", "title": "all items"}},
	]
	catalog := main.catalog with data.gonogo.items as {"a": {"b": {"one": {"metadata": chain}}}}
	catalog == {"gonogo.items.a.b.one": {"scope": "package", "custom": {"id": "1.1.1"}}}
}

test_an_item_without_a_report_is_still_catalogued if {
	chain := [{"path": ["gonogo", "items", "a", "b", "one"], "annotations": {"scope": "package", "custom": {"id": "1.1.1"}}}]
	tree := {"a": {"b": {"one": {"metadata": chain}}}}
	main.items == {} with data.gonogo.items as tree
	count(main.catalog) == 1 with data.gonogo.items as tree
}

test_a_package_without_a_metadata_rule_is_not_catalogued if {
	main.catalog == {} with data.gonogo.items as {"a": {"b": {"helper": {"rows": [1]}}}}
}

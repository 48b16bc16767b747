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

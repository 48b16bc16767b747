# METADATA
# title: Application facts helpers
# description: >-
#   Lookups for the application collector's facts (input.security.application): lists of
#   facts {via, detail, count?, provenance} by group (access_control, integrity, privacy,
#   caching) and name. Every list is present when the collector ran, so an empty list means
#   "searched, found none" and an absent section means "not collected".
package gonogo.lib.application

# METADATA
# description: The application collector ran (even if it found nothing).
collected if input.security.application

# METADATA
# description: The facts of one list, [] when none were found or the collector did not run.
facts(group, name) := object.get(input, ["security", "application", group, name], [])

# METADATA
# description: The evidence references of a list of facts.
refs(found) := [f.provenance.ref | some f in found]

# METADATA
# description: >-
#   Up to five facts as "via: detail (file:line)", joined by "; ", with how many more there are.
text(found) := concat("; ", array.concat(
	[sprintf("%s: %s (%s)", [f.via, f.detail, f.provenance.ref]) | some f in array.slice(found, 0, 5)],
	_more(found),
))

_more(found) := [sprintf("and %d more", [count(found) - 5])] if {
	count(found) > 5
} else := []

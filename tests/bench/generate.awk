#!/usr/bin/awk -f
# tests/bench/generate.awk - writes a synthetic accountability system shaped
# like the English NHS of 2013, for benchmarks: Parliament, the Department of
# Health, NHS England with regions and area teams, regulators, CCG
# commissioners each with a health and wellbeing board and a council, trusts
# contracted by several CCGs, and GP practices that are members of a CCG,
# hold a contract with an area team and are registered with the CQC.
#
#   awk -v ccgs=211 -v practices=38 -v trusts=245 -f generate.awk > system.json
#
# Organisations: 5 + 4 + 25 + 3 * ccgs + trusts + ccgs * practices.
# Deterministic: the same parameters give the same bytes.
BEGIN {
	if (!ccgs) ccgs = 211
	if (!practices) practices = 38
	if (!trusts) trusts = 245
	printf "{\n  \"accgraph\": 1,\n  \"title\": \"Synthetic NHS-like system (%d CCGs)\",\n", ccgs
	printf "  \"as_of\": \"2013-04-01\",\n  \"organisations\": [\n"
	first = 1
	org("parliament", "Parliament", "parliament")
	org("dh", "Department of Health", "government")
	org("nhse", "NHS England", "national_body")
	org("cqc", "Care Quality Commission", "regulator")
	org("monitor", "Monitor", "regulator")
	for (r = 1; r <= 4; r++) org("region" r, "Region " r, "regional_team")
	for (a = 1; a <= 25; a++) org("at" a, "Area team " a, "area_team")
	for (c = 1; c <= ccgs; c++) {
		org("ccg" c, "CCG " c, "commissioner")
		org("hwb" c, "Health and wellbeing board " c, "health_wellbeing_board")
		org("la" c, "Council " c, "local_authority")
	}
	for (t = 1; t <= trusts; t++) org("trust" t, "Trust " t, "provider")
	for (c = 1; c <= ccgs; c++)
		for (p = 1; p <= practices; p++) org("gp" c "_" p, "Practice " c "/" p, "gp_practice")
	printf "\n  ],\n  \"links\": [\n"
	first = 1
	link("dh", "parliament", "democratic")
	link("nhse", "dh", "statutory")
	link("cqc", "dh", "statutory")
	link("monitor", "dh", "statutory")
	for (r = 1; r <= 4; r++) link("region" r, "nhse", "managerial")
	for (a = 1; a <= 25; a++) link("at" a, "region" (1 + a % 4), "managerial")
	for (c = 1; c <= ccgs; c++) {
		link("ccg" c, "at" (1 + c % 25), "statutory")
		link("ccg" c, "hwb" c, "statutory")
		link("hwb" c, "la" c, "statutory")
	}
	for (t = 1; t <= trusts; t++) {
		link("trust" t, "cqc", "regulatory")
		link("trust" t, "monitor", "regulatory")
		for (k = 0; k < 3; k++) link("trust" t, "ccg" (1 + (t * 7 + k * 13) % ccgs), "contractual")
	}
	for (c = 1; c <= ccgs; c++)
		for (p = 1; p <= practices; p++) {
			link("gp" c "_" p, "ccg" c, "membership")
			link("gp" c "_" p, "at" (1 + c % 25), "contractual")
			link("gp" c "_" p, "cqc", "regulatory")
		}
	printf "\n  ]\n}\n"
}
function org(id, name, type) {
	printf "%s    {\"id\": \"%s\", \"name\": \"%s\", \"type\": \"%s\"}", first ? "" : ",\n", id, name, type
	first = 0
}
function link(from, to, type) {
	printf "%s    {\"from\": \"%s\", \"to\": \"%s\", \"type\": \"%s\"}", first ? "" : ",\n", from, to, type
	first = 0
}

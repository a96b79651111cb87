/*
 * tests/bench/generate.c - writes a synthetic accountability system shaped
 * like the English NHS commissioning system of 1 April 2013
 * (graphs/england-2013.json), scaled to N organisations, for benchmarks.
 *
 *   cc -O2 -std=c11 -o generate tests/bench/generate.c
 *   ./generate N > system.json          (100 <= N <= 10000000)
 *
 * Contract:
 * - Exactly N organisations, and about 3.0 N links (3.0-3.1 N at every size).
 * - Proportions of the real 2013 file: ten national bodies (Parliament, the
 *   Department of Health, four national NHS bodies, three regulators,
 *   Healthwatch England), then per 8,975 organisations about 4 regional
 *   teams, 25 area teams, 211 CCGs (commissioner), 152 each of councils,
 *   health and wellbeing boards and electorates, 242 trusts (provider) and
 *   the rest, about 89%, GP practices.
 * - Links as in the real file: line management (region -> NHS England, area
 *   team -> region), statutory (CCG -> area team, CCG -> HWB, HWB -> council,
 *   national bodies -> DH), partnership (HWB -> CCG), scrutiny (CCG ->
 *   council, NHS England -> Parliament), democratic (council -> electorate,
 *   DH -> Parliament), regulatory (trusts -> CQC and Monitor, practices ->
 *   CQC), contractual (practices -> area team, trusts -> CCGs), membership
 *   both ways (practice -> CCG for every practice, CCG -> practice for the
 *   practices of one CCG in ten).  Every link has `for`, `mechanism`,
 *   `basis`, `sanction` and `sources`; some have `attributes` or dates.
 *   Organisations have `region`, `sources`, `attributes`, and many have
 *   `valid_from` (some `valid_to`, CCGs `succeeds`).
 * - About 650 bytes per organisation (~0.65 GB at N = 10^6, under
 *   accgraph's 1 GiB input limit).
 * - Deterministic: integer arithmetic and a fixed-seed generator only, so
 *   the same N gives the same bytes on every machine.
 * - The output is a valid system: `accgraph validate` accepts it.
 * Exit status 0, or 2 on a bad argument, 3 on a write error.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x2013040120130401ULL;

/* splitmix64: small, fast and the same everywhere. */
static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static long below(long n)
{
	return (long)(rnd() % (uint64_t)n);
}

/* round(n * part / whole), at least lo. */
static long share(long n, long part, long whole, long lo)
{
	long v = (long)(((int64_t)n * part + whole / 2) / whole);

	return v < lo ? lo : v;
}

static int first_item;

static void item_sep(void)
{
	fputs(first_item ? "\n  " : ",\n  ", stdout);
	first_item = 0;
}

/* A random real date, YYYY-MM-DD, in the years [y0, y1]. */
static void date_between(char *buf, int y0, int y1)
{
	int y = y0 + (int)below(y1 - y0 + 1), m = 1 + (int)below(12), d = 1 + (int)below(28);

	snprintf(buf, 24, "%04d-%02d-%02d", y, m, d);
}

/* ---- organisations --------------------------------------------------------- */

/* One organisation; extra is the members after "type" (with leading ", "), or "". */
static void org(const char *id, const char *name, const char *type, const char *extra)
{
	item_sep();
	printf("{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"%s\"%s}", id, name, type, extra);
}

/* ---- links ----------------------------------------------------------------- */

struct kind {
	const char *type, *forwhat, *mechanism, *basis, *sanction, *sources;
};

static const struct kind K_DEMOCRATIC_DH = {
	"democratic", "\"finance\",\"quality\",\"performance\",\"outcomes\"",
	"ministerial responsibility to Parliament for the health service", "constitution", "hard",
	"\"nhsa2006\""};
static const struct kind K_STATUTORY_NB = {
	"statutory", "\"finance\",\"quality\",\"performance\"",
	"arm's-length body: the Secretary of State sets its mandate and appoints its board",
	"statute", "hard", "\"hsca2012\",\"nhsa2006\""};
static const struct kind K_MANAGERIAL_NB = {
	"managerial", "\"public health\",\"performance\",\"finance\"",
	"executive agency: ministers set its objectives", "constitution", "hard", "\"phe_2013\""};
static const struct kind K_SCRUTINY_NHSE = {
	"scrutiny", "\"finance\",\"performance\"",
	"annual report and accounts laid before Parliament; select committee evidence", "statute",
	"soft", "\"hsca2012\""};
static const struct kind K_STATUTORY_HW = {
	"statutory", "\"governance\",\"finance\"", "a statutory committee of the CQC", "statute",
	"soft", "\"hwe_2012\""};
static const struct kind K_MANAGERIAL = {
	"managerial", "\"finance\",\"quality\",\"performance\"", "line management within NHS England",
	"constitution", "hard", "\"ons_ccg_2013\""};
static const struct kind K_ASSURANCE = {
	"statutory", "\"finance\",\"quality\",\"performance\",\"outcomes\",\"governance\"",
	"CCG assurance by NHS England through the area team; powers of direction", "statute", "hard",
	"\"hsca2012\",\"ccg_assurance\""};
static const struct kind K_CCG_HWB = {
	"statutory", "\"public health\",\"outcomes\",\"governance\"",
	"the HWB gives its opinion on the CCG's commissioning plan", "statute", "soft",
	"\"hsca2012\""};
static const struct kind K_HWB_CCG = {
	"partnership", "\"public health\",\"governance\"",
	"the CCG is a member of the board; joint strategic needs assessment", "statute", "soft",
	"\"hsca2012\""};
static const struct kind K_SCRUTINY_LA = {
	"scrutiny", "\"quality\",\"performance\",\"public health\"",
	"health scrutiny by the council", "regulation", "soft", "\"si2013_218\""};
static const struct kind K_HWB_LA = {
	"statutory", "\"public health\",\"governance\"", "the HWB is a committee of the council",
	"statute", "soft", "\"hsca2012\""};
static const struct kind K_ELECTED = {
	"democratic", "\"public health\",\"performance\",\"finance\"",
	"councillors elected by the local government electors of the area", "statute", "hard",
	"\"lga1972\""};
static const struct kind K_CQC = {
	"regulatory", "\"quality\",\"safety\"", "CQC registration and inspection", "statute", "hard",
	"\"hsca2008\""};
static const struct kind K_MONITOR = {
	"regulatory", "\"finance\",\"governance\"", "licence or oversight of the trust", "licence",
	"hard", "\"hsca2012\""};
static const struct kind K_TRUST_CCG = {
	"contractual", "\"quality\",\"performance\",\"finance\"", "NHS standard contract",
	"contract", "hard", "\"nhs_contract\""};
static const struct kind K_MEMBER = {
	"membership", "\"governance\",\"performance\"", "member practice",
	"constitution", "soft", "\"bsa_lists_2013\""};
static const struct kind K_MEMBER_BACK = {
	"membership", "\"governance\"", "governing body accounts to members",
	"constitution", "soft", "\"hsca2012\""};
static const struct kind K_GP_CONTRACT = {
	"contractual", "\"quality\",\"performance\",\"finance\"",
	"GMS or PMS contract", "contract", "hard",
	"\"nhscb_2012\""};
static const struct kind K_GP_CQC = {
	"regulatory", "\"quality\",\"safety\"", "CQC registration",
	"statute", "hard", "\"cqc_gp_2013\""};

static long nlinks;

/* One link; extra is more members (with leading ", "), or "". */
static void link(const char *from, const char *to, const struct kind *k, const char *extra)
{
	item_sep();
	printf("{\"from\":\"%s\",\"to\":\"%s\",\"type\":\"%s\",\"for\":[%s],"
	       "\"mechanism\":\"%s\",\"basis\":\"%s\",\"sanction\":\"%s\","
	       "\"sources\":[%s]%s}",
	       from, to, k->type, k->forwhat, k->mechanism, k->basis, k->sanction, k->sources, extra);
	nlinks++;
}

/* ---- ids --------------------------------------------------------------------- */

static void id_region(char *b, long r) { snprintf(b, 32, "region_Y%03ld", r); }
static void id_at(char *b, long a) { snprintf(b, 32, "at_Q%04ld", a); }
static void id_ccg(char *b, long c) { snprintf(b, 32, "ccg_%05lX", c); }
static void id_la(char *b, long l) { snprintf(b, 32, "la_E%08ld", l); }
static void id_hwb(char *b, long l) { snprintf(b, 32, "hwb_E%08ld", l); }
static void id_elect(char *b, long l) { snprintf(b, 32, "elect_E%08ld", l); }
static void id_trust(char *b, long t) { snprintf(b, 32, "trust_R%05ld", t); }
static void id_gp(char *b, long g)
{
	snprintf(b, 32, "gp_%c%06ld", 'A' + (int)(g / 1000000 % 26), g % 1000000);
}

static const char *const sources_json =
	"  \"sources\":[\n"
	"    {\"id\":\"nhsa2006\",\"citation\":\"National Health Service Act 2006\",\"url\":"
	"\"https://www.legislation.gov.uk/ukpga/2006/41/contents\"},\n"
	"    {\"id\":\"hsca2008\",\"citation\":\"Health and Social Care Act 2008\",\"url\":"
	"\"https://www.legislation.gov.uk/ukpga/2008/14/contents\"},\n"
	"    {\"id\":\"hsca2012\",\"citation\":\"Health and Social Care Act 2012\",\"url\":"
	"\"https://www.legislation.gov.uk/ukpga/2012/7/contents\"},\n"
	"    {\"id\":\"lga1972\",\"citation\":\"Local Government Act 1972\"},\n"
	"    {\"id\":\"si2013_218\",\"citation\":\"The Local Authority (Public Health, Health "
	"and Wellbeing Boards and Health Scrutiny) Regulations 2013 (SI 2013/218)\"},\n"
	"    {\"id\":\"phe_2013\",\"citation\":\"Public Health England, framework agreement "
	"(2013)\"},\n"
	"    {\"id\":\"hwe_2012\",\"citation\":\"Healthwatch England, established 1 October "
	"2012\"},\n"
	"    {\"id\":\"ons_ccg_2013\",\"citation\":\"ONS, CCGs, area teams and regions, April "
	"2013 (synthetic)\"},\n"
	"    {\"id\":\"ccg_assurance\",\"citation\":\"NHS England, CCG assurance framework "
	"2013/14\"},\n"
	"    {\"id\":\"nhscb_2012\",\"citation\":\"NHS Commissioning Board, primary care "
	"contracts (2012)\"},\n"
	"    {\"id\":\"nhs_contract\",\"citation\":\"NHS England, NHS Standard Contract "
	"2013/14\"},\n"
	"    {\"id\":\"cqc_gp_2013\",\"citation\":\"CQC registration of GP practices from 1 "
	"April 2013\"},\n"
	"    {\"id\":\"bsa_lists_2013\",\"citation\":\"NHS BSA, patient list sizes, April-June "
	"2013 (synthetic)\"},\n"
	"    {\"id\":\"ods\",\"citation\":\"NHS Organisation Data Service (synthetic codes)\"}\n"
	"  ],\n";

static const char *const vocabulary_json =
	"  \"organisation_types\":{\n"
	"    \"electorate\":{\"label\":\"Local electorate\",\"tier\":1},\n"
	"    \"parliament\":{\"label\":\"Parliament\",\"tier\":1},\n"
	"    \"government\":{\"label\":\"Government department\",\"tier\":2},\n"
	"    \"national_body\":{\"label\":\"National NHS body\",\"tier\":3},\n"
	"    \"regulator\":{\"label\":\"Regulator\",\"tier\":3},\n"
	"    \"regional_team\":{\"label\":\"NHS England regional team\",\"tier\":4},\n"
	"    \"area_team\":{\"label\":\"NHS England area team\",\"tier\":5},\n"
	"    \"commissioner\":{\"label\":\"Clinical commissioning group\",\"tier\":6},\n"
	"    \"health_wellbeing_board\":{\"label\":\"Health and wellbeing board\",\"tier\":6},\n"
	"    \"local_authority\":{\"label\":\"Local authority\",\"tier\":6},\n"
	"    \"patient_public\":{\"label\":\"Healthwatch\",\"tier\":7},\n"
	"    \"provider\":{\"label\":\"NHS trust or foundation trust\",\"tier\":7},\n"
	"    \"gp_practice\":{\"label\":\"GP practice\",\"tier\":8}\n"
	"  },\n"
	"  \"link_types\":{\n"
	"    \"contractual\":{\"label\":\"Contract\"},\n"
	"    \"democratic\":{\"label\":\"Democratic accountability\"},\n"
	"    \"managerial\":{\"label\":\"Line management within an organisation\"},\n"
	"    \"membership\":{\"label\":\"Membership\"},\n"
	"    \"partnership\":{\"label\":\"Partnership\"},\n"
	"    \"regulatory\":{\"label\":\"Regulation\"},\n"
	"    \"scrutiny\":{\"label\":\"Scrutiny\"},\n"
	"    \"statutory\":{\"label\":\"Statutory accountability\"}\n"
	"  },\n";

int main(int argc, char **argv)
{
	long n, R, A, C, L, P, G, i, r, a, c, l, t, g;
	long *ccg_at, *ccg_la, *ccg_la2, *ccg_first, *at_region;
	uint64_t *w, wsum = 0, cum;
	char *end, id[32], id2[32], extra[512], d1[24], d2[48];
	static char buf[1 << 20];

	if (argc != 2 || (n = strtol(argv[1], &end, 10), *end) || n < 100 || n > 10000000) {
		fprintf(stderr, "usage: generate N  (100 <= N <= 10000000 organisations)\n");
		return 2;
	}
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));

	/* Counts per type, scaled from the 8,975 organisations of the real file. */
	R = share(n, 4, 8975, 1);
	A = share(n, 25, 8975, R);
	C = share(n, 211, 8975, A);
	L = share(n, 152, 8975, 1);
	P = share(n, 242, 8975, 1);
	G = n - 10 - R - A - C - 3 * L - P;

	ccg_at = malloc((size_t)C * sizeof(*ccg_at));
	ccg_la = malloc((size_t)C * sizeof(*ccg_la));
	ccg_la2 = malloc((size_t)C * sizeof(*ccg_la2));
	ccg_first = malloc(((size_t)C + 1) * sizeof(*ccg_first));
	at_region = malloc((size_t)A * sizeof(*at_region));
	w = malloc((size_t)C * sizeof(*w));
	if (!ccg_at || !ccg_la || !ccg_la2 || !ccg_first || !at_region || !w) {
		fprintf(stderr, "generate: out of memory\n");
		return 3;
	}
	for (a = 0; a < A; a++)
		at_region[a] = a * R / A;
	/*
	 * Practices per CCG vary as in 2013 (from a handful to over a hundred):
	 * weights 10..69, one CCG in four a large one (up to 150 more).
	 */
	for (c = 0; c < C; c++) {
		ccg_at[c] = c * A / C;
		ccg_la[c] = c * L / C;
		/* About one CCG in seven overlaps a second council (242 pairs for 211). */
		ccg_la2[c] = (L > 1 && below(7) == 0) ? (ccg_la[c] + 1) % L : -1;
		w[c] = 10 + (uint64_t)below(60) + (below(4) == 0 ? (uint64_t)below(150) : 0);
		wsum += w[c];
	}
	for (c = 0, cum = 0; c < C; c++) {
		ccg_first[c] = (long)((uint64_t)G * cum / wsum);
		cum += w[c];
	}
	ccg_first[C] = G;

	printf("{\n  \"accgraph\":1,\n");
	printf("  \"title\":\"Synthetic NHS-like accountability system, %ld organisations\",\n", n);
	printf("  \"description\":\"Generated by tests/bench/generate.c for benchmarks: the "
	       "shape of the English NHS commissioning system of 1 April 2013 (%ld regions, %ld "
	       "area teams, %ld CCGs, %ld councils, %ld trusts, %ld GP practices), names and "
	       "codes invented.\",\n",
	       R, A, C, L, P, G);
	printf("  \"as_of\":\"2013-04-01\",\n");
	fputs(sources_json, stdout);
	fputs(vocabulary_json, stdout);
	printf("  \"organisations\":[");
	first_item = 1;

	/* National bodies. */
	org("parliament", "Parliament of the United Kingdom", "parliament",
	    ",\"region\":\"England\",\"sources\":[\"nhsa2006\"]");
	org("dh", "Department of Health", "government",
	    ",\"region\":\"England\",\"sources\":[\"nhsa2006\",\"hsca2012\"]");
	org("nhse", "NHS England", "national_body",
	    ",\"region\":\"England\",\"valid_from\":\"2012-10-01\",\"sources\":"
	    "[\"hsca2012\"],\"attributes\":{\"ods_code\":\"X24\"}");
	org("phe", "Public Health England", "national_body",
	    ",\"region\":\"England\",\"valid_from\":\"2013-04-01\",\"valid_to\":"
	    "\"2021-10-01\",\"sources\":[\"phe_2013\"]");
	org("ntda", "NHS Trust Development Authority", "national_body",
	    ",\"region\":\"England\",\"valid_from\":\"2012-06-01\",\"sources\":"
	    "[\"hsca2012\"]");
	org("hee", "Health Education England", "national_body",
	    ",\"region\":\"England\",\"valid_from\":\"2012-06-28\",\"sources\":"
	    "[\"hsca2012\"]");
	org("cqc", "Care Quality Commission", "regulator",
	    ",\"region\":\"England\",\"sources\":[\"hsca2008\"]");
	org("monitor", "Monitor", "regulator",
	    ",\"region\":\"England\",\"valid_to\":\"2016-04-01\",\"sources\":"
	    "[\"hsca2012\"]");
	org("nice", "National Institute for Health and Care Excellence", "regulator",
	    ",\"region\":\"England\",\"sources\":[\"hsca2012\"]");
	org("healthwatch_england", "Healthwatch England", "patient_public",
	    ",\"region\":\"England\",\"valid_from\":\"2012-10-01\",\"sources\":"
	    "[\"hwe_2012\"]");

	for (r = 0; r < R; r++) {
		char name[64];

		id_region(id, r);
		snprintf(name, sizeof(name), "NHS England region %ld", r + 1);
		snprintf(extra, sizeof(extra),
			 ",\"region\":\"Region %ld\",\"valid_from\":\"2013-04-01\","
			 "\"sources\":[\"ons_ccg_2013\"],\"attributes\":{\"ods_code\":"
			 "\"Y%03ld\"}",
			 r + 1, r);
		org(id, name, "regional_team", extra);
	}
	for (a = 0; a < A; a++) {
		char name[64];

		id_at(id, a);
		snprintf(name, sizeof(name), "NHS England area team %ld", a + 1);
		snprintf(extra, sizeof(extra),
			 ",\"region\":\"Region %ld\",\"valid_from\":\"2013-04-01\","
			 "\"valid_to\":\"2015-04-01\",\"sources\":[\"ons_ccg_2013\"],"
			 "\"attributes\":{\"ods_code\":\"Q%04ld\"}",
			 at_region[a] + 1, a);
		org(id, name, "area_team", extra);
	}
	for (c = 0; c < C; c++) {
		char name[64];

		id_ccg(id, c);
		snprintf(name, sizeof(name), "NHS Synthetic CCG %ld", c + 1);
		/* Two CCGs in five were merged later (2018-2020). */
		if (below(5) < 2)
			snprintf(d2, sizeof(d2), ",\"valid_to\":\"%ld-04-01\"", 2018 + below(3));
		else
			d2[0] = 0;
		snprintf(extra, sizeof(extra),
			 ",\"region\":\"Region %ld\",\"valid_from\":\"2013-04-01\"%s,"
			 "\"succeeds\":[\"pct_%ld\"],\"sources\":[\"hsca2012\",\"ons_ccg_2013\"],"
			 "\"attributes\":{\"ods_code\":\"%05lX\",\"ons_code\":\"E38%06ld\","
			 "\"practices\":%ld}",
			 at_region[ccg_at[c]] + 1, d2, c * 151 / C, c, c, ccg_first[c + 1] - ccg_first[c]);
		org(id, name, "commissioner", extra);
	}
	for (l = 0; l < L; l++) {
		char name[64];
		long reg = at_region[ccg_at[l * C / L]] + 1;
		static const char *const la_type[] = {"unitary authority", "county council",
						      "metropolitan borough", "London borough"};

		id_la(id, l);
		snprintf(name, sizeof(name), "Synthetic council %ld", l + 1);
		snprintf(extra, sizeof(extra),
			 ",\"region\":\"Region %ld\",\"sources\":[\"lga1972\"],\"attributes\":"
			 "{\"la_type\":\"%s\",\"ons_code\":\"E%08ld\"}",
			 reg, la_type[l % 4], l);
		org(id, name, "local_authority", extra);
		id_hwb(id, l);
		snprintf(name, sizeof(name), "Synthetic Health and Wellbeing Board %ld", l + 1);
		snprintf(extra, sizeof(extra),
			 ",\"region\":\"Region %ld\",\"valid_from\":\"2013-04-01\",\"sources\":"
			 "[\"hsca2012\",\"si2013_218\"]",
			 reg);
		org(id, name, "health_wellbeing_board", extra);
		id_elect(id, l);
		snprintf(name, sizeof(name), "Electorate of synthetic council %ld", l + 1);
		snprintf(extra, sizeof(extra),
			 ",\"region\":\"Region %ld\",\"sources\":[\"lga1972\"]", reg);
		org(id, name, "electorate", extra);
	}
	for (t = 0; t < P; t++) {
		char name[64];

		id_trust(id, t);
		snprintf(name, sizeof(name), "Synthetic NHS Trust %ld", t + 1);
		date_between(d1, 1991, 2012);
		snprintf(extra, sizeof(extra),
			 ",\"valid_from\":\"%s\",\"sources\":[\"ods\"],\"attributes\":"
			 "{\"ods_code\":\"R%05ld\",\"foundation_trust\":%s}",
			 d1, t, below(5) < 3 ? "true" : "false");
		org(id, name, "provider", extra);
	}
	for (c = 0; c < C; c++) {
		long reg = at_region[ccg_at[c]] + 1;

		for (g = ccg_first[c]; g < ccg_first[c + 1]; g++) {
			char name[64];
			long k = below(100);

			id_gp(id, g);
			snprintf(name, sizeof(name), "Synthetic Surgery %ld", g + 1);
			/*
			 * Opened 1948-2012; 2% opened after April 2013, 5% closed
			 * before 2020 (real days only: the 1st to the 28th).
			 */
			if (k < 2)
				date_between(d1, 2014, 2016);
			else
				date_between(d1, 1948, 2012);
			if (k >= 2 && k < 7)
				snprintf(d2, sizeof(d2), "%ld-0%ld-01", 2014 + below(6), 1 + below(9));
			else
				d2[0] = 0;
			snprintf(extra, sizeof(extra),
				 ",\"region\":\"Region %ld\",\"valid_from\":\"%s\"%s%s%s,"
				 "\"sources\":[\"bsa_lists_2013\"],\"attributes\":{\"ods_code\":"
				 "\"%.7s\",\"list_size\":%ld}",
				 reg, d1, d2[0] ? ",\"valid_to\":\"" : "", d2, d2[0] ? "\"" : "",
				 id + 3, 1000 + below(15000));
			org(id, name, "gp_practice", extra);
		}
	}

	printf("\n  ],\n  \"links\":[");
	first_item = 1;
	link("dh", "parliament", &K_DEMOCRATIC_DH, "");
	link("nhse", "dh", &K_STATUTORY_NB, ",\"valid_from\":\"2013-04-01\"");
	link("nhse", "parliament", &K_SCRUTINY_NHSE, "");
	link("phe", "dh", &K_MANAGERIAL_NB, "");
	link("ntda", "dh", &K_STATUTORY_NB, "");
	link("hee", "dh", &K_STATUTORY_NB, "");
	link("cqc", "dh", &K_STATUTORY_NB, "");
	link("monitor", "dh", &K_STATUTORY_NB, "");
	link("nice", "dh", &K_STATUTORY_NB, "");
	link("healthwatch_england", "cqc", &K_STATUTORY_HW, "");
	for (r = 0; r < R; r++) {
		id_region(id, r);
		link(id, "nhse", &K_MANAGERIAL, "");
	}
	for (a = 0; a < A; a++) {
		id_at(id, a);
		id_region(id2, at_region[a]);
		link(id, id2, &K_MANAGERIAL, "");
	}
	for (c = 0; c < C; c++) {
		id_ccg(id, c);
		id_at(id2, ccg_at[c]);
		link(id, id2, &K_ASSURANCE, "");
		for (i = 0; i < 2; i++) {
			long la = i ? ccg_la2[c] : ccg_la[c];
			long pct = i ? 10 + below(40) : 100;

			if (la < 0)
				continue;
			snprintf(extra, sizeof(extra), ",\"attributes\":{\"pct_of_ccg_lsoas\":%ld}",
				 pct);
			id_hwb(id2, la);
			link(id, id2, &K_CCG_HWB, extra);
			link(id2, id, &K_HWB_CCG, "");
			id_la(id2, la);
			link(id, id2, &K_SCRUTINY_LA, "");
		}
	}
	for (l = 0; l < L; l++) {
		id_hwb(id, l);
		id_la(id2, l);
		link(id, id2, &K_HWB_LA, "");
		id_elect(id, l);
		link(id2, id, &K_ELECTED, "");
	}
	for (t = 0; t < P; t++) {
		long c0 = t * C / P;

		id_trust(id, t);
		link(id, "cqc", &K_CQC, "");
		link(id, "monitor", &K_MONITOR, "");
		/* Contracts with its lead commissioner and one associate. */
		id_ccg(id2, c0);
		link(id, id2, &K_TRUST_CCG, ",\"attributes\":{\"lead_commissioner\":true}");
		if (C > 1) {
			id_ccg(id2, (c0 + 1 + below(C - 1)) % C);
			link(id, id2, &K_TRUST_CCG, ",\"valid_from\":\"2013-04-01\"");
		}
	}
	for (c = 0; c < C; c++) {
		id_ccg(id2, c);
		for (g = ccg_first[c]; g < ccg_first[c + 1]; g++) {
			char at[32];

			id_gp(id, g);
			id_at(at, ccg_at[c]);
			link(id, id2, &K_MEMBER, "");
			if (c % 10 == 0)
				link(id2, id, &K_MEMBER_BACK, "");
			link(id, at, &K_GP_CONTRACT, "");
			link(id, "cqc", &K_GP_CQC, below(5) == 0 ? "" : ",\"valid_from\":\"2013-04-01\"");
		}
	}
	printf("\n  ]\n}\n");
	fflush(stdout);
	if (ferror(stdout)) {
		fprintf(stderr, "generate: write error\n");
		return 3;
	}
	fprintf(stderr, "generate: %ld organisations, %ld links\n", n, nlinks);
	free(ccg_at);
	free(ccg_la);
	free(ccg_la2);
	free(ccg_first);
	free(at_region);
	free(w);
	return 0;
}

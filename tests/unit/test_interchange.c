/*
 * test_interchange.c - unit tests of the CSV rules (src/csv_rules.h), of
 * accgraph/import.h on text in memory and of accgraph/export.h.
 *
 * Expected values are worked out here from the documented rules, never taken
 * from the program's output: line numbers are counted in the literal texts,
 * and numbers are compared bit for bit with what strtod() makes of the
 * literals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "accgraph/accgraph.h"
#include "accgraph/export.h"
#include "accgraph/import.h"
#include "accgraph/load.h"
#include "csv_rules.h"

/* ---- formula guards ------------------------------------------------------ */

static void test_guard_cases(void **state)
{
	(void)state;
	/* OWASP's triggers, also behind quotes; a plain number is not guarded. */
	assert_true(acg_csv_needs_guard("=1+1"));
	assert_true(acg_csv_needs_guard("+44"));
	assert_true(acg_csv_needs_guard("-x"));
	assert_true(acg_csv_needs_guard("@SUM(A1)"));
	assert_true(acg_csv_needs_guard("\tx"));
	assert_true(acg_csv_needs_guard("\rx"));
	assert_true(acg_csv_needs_guard("'=x"));
	assert_true(acg_csv_needs_guard("''-5"));
	assert_true(acg_csv_needs_guard("-1+1"));
	assert_false(acg_csv_needs_guard("-5"));
	assert_false(acg_csv_needs_guard("-2.5e3"));
	assert_false(acg_csv_needs_guard(""));
	assert_false(acg_csv_needs_guard("'"));
	assert_false(acg_csv_needs_guard("'plain"));
	assert_false(acg_csv_needs_guard("a=b"));
	assert_false(acg_csv_needs_guard(" =x"));

	assert_string_equal(acg_csv_unguard("'=x"), "=x");
	assert_string_equal(acg_csv_unguard("''=x"), "'=x");
	assert_string_equal(acg_csv_unguard("'-5"), "'-5"); /* -5 needs no guard */
	assert_string_equal(acg_csv_unguard("'plain"), "'plain");
	assert_string_equal(acg_csv_unguard("=x"), "=x");
}

/* Reading what was written gives the value back, for every value tried. */
static void test_guard_round_trip(void **state)
{
	static const char *const values[] = {
		"", "'", "''", "=", "'=", "''=", "=1", "'=1", "-", "-5", "'-5", "''-5", "-5x",
		"+", "+5", "'+5", "@", "'@a", "\t", "'\t", "\r", "x", "'x", "'''", "0", "-0",
		"-0.5e-3", "'-0.5e-3", "=HYPERLINK(\"http://x\")", NULL};
	const char *const *v;
	char buf[64];

	(void)state;
	for (v = values; *v; v++) {
		snprintf(buf, sizeof(buf), "%s%s", acg_csv_needs_guard(*v) ? "'" : "", *v);
		if (strcmp(acg_csv_unguard(buf), *v))
			fail_msg("\"%s\" written as \"%s\" reads back as \"%s\"", *v, buf,
				 acg_csv_unguard(buf));
	}
}

static void test_number_grammar(void **state)
{
	bool integer;

	(void)state;
	assert_true(acg_csv_is_number("0", &integer) && integer);
	assert_true(acg_csv_is_number("-12", &integer) && integer);
	assert_true(acg_csv_is_number("1.5", &integer) && !integer);
	assert_true(acg_csv_is_number("1e5", &integer) && !integer);
	assert_true(acg_csv_is_number("-0.0E-2", &integer) && !integer);
	assert_false(acg_csv_is_number("", NULL));
	assert_false(acg_csv_is_number("01", NULL));
	assert_false(acg_csv_is_number("+1", NULL));
	assert_false(acg_csv_is_number("1.", NULL));
	assert_false(acg_csv_is_number(".5", NULL));
	assert_false(acg_csv_is_number("1e", NULL));
	assert_false(acg_csv_is_number(" 1", NULL));
	assert_false(acg_csv_is_number("0x10", NULL));
	assert_false(acg_csv_is_number("nan", NULL));
	assert_false(acg_csv_is_number("Infinity", NULL));
}

/* ---- attribute headers -------------------------------------------------------- */

static char *trim_copy(const char *s)
{
	size_t n;
	char *t;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	t = malloc(n + 1);
	assert_non_null(t);
	memcpy(t, s, n);
	t[n] = '\0';
	return t;
}

/*
 * Every header written for a name reads back, the way import reads a header
 * (trimmed, not one of the file's own columns, then prefix and suffix), as
 * that name, with the kind when a suffix was written.
 */
static void test_attr_header_round_trip(void **state)
{
	static const char *const names[] = {
		"beds", "Type", "type", "ID", "label", "direction", "x:string", "x:NUMBER",
		"attributes.y", "ATTRIBUTES.z", " lead", "trail ", "\ttab", "a b", ":boolean",
		"valid_from", NULL};
	const char *const *columns[2] = {acg_csv_org_columns, acg_csv_link_columns};
	const char *const *n;
	int c, kind, need;

	(void)state;
	for (c = 0; c < 2; c++)
		for (n = names; *n; n++)
			for (kind = ACG_CSV_KIND_STRING; kind <= ACG_CSV_KIND_BOOLEAN; kind++)
				for (need = 0; need < 2; need++) {
					char *h = acg_csv_attr_header(columns[c], *n,
								      (enum acg_csv_kind)kind, need);
					char *t, *name;
					enum acg_csv_kind got;
					bool prefixed;

					assert_non_null(h);
					t = trim_copy(h);
					if (acg_csv_column_index(columns[c], t) >= 0)
						fail_msg("header \"%s\" for \"%s\" is a column name", h, *n);
					name = acg_csv_parse_attr_header(t, &got, &prefixed);
					assert_non_null(name);
					if (strcmp(name, *n))
						fail_msg("header \"%s\" reads back as \"%s\", not \"%s\"", h,
							 name, *n);
					if (need && got != (enum acg_csv_kind)kind)
						fail_msg("header \"%s\" lost its kind", h);
					free(name);
					free(t);
					free(h);
				}
}

/* ---- import from memory ------------------------------------------------------ */

static enum acg_status import_texts(const char *orgs, const char *links, struct acg_model **m,
				    struct acg_diags *d)
{
	struct acg_csv_text o = {"o.csv", orgs, strlen(orgs)};
	struct acg_csv_text l = {"l.csv", links, strlen(links)};

	return acg_import_csv(&o, &l, NULL, m, d);
}

static void expect_diag(const struct acg_diags *d, size_t i, const char *file, long line,
			const char *message)
{
	if (i >= d->n)
		fail_msg("diagnostic %zu missing (%zu in all)", i, d->n);
	if (strcmp(d->v[i].file, file) || d->v[i].line != line || d->v[i].column != 0 ||
	    strcmp(d->v[i].message, message))
		fail_msg("diagnostic %zu is %s:%ld:%ld %s; expected %s:%ld %s", i, d->v[i].file,
			 d->v[i].line, d->v[i].column, d->v[i].message, file, line, message);
}

/*
 * Lines are counted as a text editor counts them, whatever the line ends (LF,
 * CRLF, CR), and a record is reported at the line where it starts, also when
 * a quoted field carries it over several lines.
 */
static void test_import_lines(void **state)
{
	static const char orgs[] = "id,type\r\na,x\r\nb,x\r\n";
	/* CR line ends; the record of line 3 runs to line 4; a blank line 5. */
	static const char links[] = "from,to,type,weight\r"     /* 1 */
				    "a,b,t,1\r"                 /* 2 */
				    "a,b,\"two\rlines\",heavy\r" /* 3-4 */
				    "\r"                        /* 5 */
				    "b,a,t,-1\r"                /* 6 */
				    "b,a,u,x";                  /* 7, no line end */
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m = (struct acg_model *)&d;

	(void)state;
	assert_int_equal(import_texts(orgs, links, &m, &d), ACG_EINVAL);
	assert_null(m);
	assert_int_equal(d.n, 3);
	expect_diag(&d, 0, "l.csv", 3, "weight: \"heavy\" is not a number");
	expect_diag(&d, 1, "l.csv", 6, "weight: a weight must be positive, got -1");
	expect_diag(&d, 2, "l.csv", 7, "weight: \"x\" is not a number");
	acg_diags_release(&d);
}

static void test_import_values(void **state)
{
	static const char orgs[] = "\xEF\xBB\xBF"
				   "Label,Type,n,flag,code:string,attributes.type\n"
				   "a,x,1,true,7,t1\n"
				   "b,x,2.5,FALSE,,\n";
	static const char links[] = "from,to,type,direction,weight\n"
				    "a,b,t,mutual,0.1\n";
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m = NULL;
	const struct acg_attrs *a;

	(void)state;
	assert_int_equal(import_texts(orgs, links, &m, &d), ACG_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(m->norgs, 2);
	assert_string_equal(m->orgs[0].id, "a");
	a = &m->orgs[0].attrs;
	assert_int_equal(a->n, 4);
	assert_string_equal(a->v[0].key, "n");
	assert_int_equal(a->v[0].kind, ACG_ATTR_INTEGER);
	assert_int_equal(a->v[0].value.integer, 1);
	assert_string_equal(a->v[1].key, "flag");
	assert_int_equal(a->v[1].kind, ACG_ATTR_BOOLEAN);
	assert_true(a->v[1].value.boolean);
	assert_string_equal(a->v[2].key, "code");
	assert_int_equal(a->v[2].kind, ACG_ATTR_STRING);
	assert_string_equal(a->v[2].value.string, "7");
	assert_string_equal(a->v[3].key, "type");
	assert_string_equal(a->v[3].value.string, "t1");
	a = &m->orgs[1].attrs;
	assert_int_equal(a->n, 2);
	assert_int_equal(a->v[0].kind, ACG_ATTR_REAL);
	assert_true(a->v[0].value.real == 2.5);
	assert_false(a->v[1].value.boolean);
	/* mutual: a link each way, the same weight */
	assert_int_equal(m->nlinks, 2);
	assert_int_equal(m->links[0].from, 0);
	assert_int_equal(m->links[0].to, 1);
	assert_int_equal(m->links[1].from, 1);
	assert_int_equal(m->links[1].to, 0);
	assert_true(m->links[0].weight == strtod("0.1", NULL));
	assert_true(m->links[1].weight == strtod("0.1", NULL));
	acg_model_free(m);
	acg_diags_release(&d);
}

/* ---- normalised JSON -------------------------------------------------------------- */

static const char *const reals[] = {
	"0.1", "0.30000000000000004", "1e-7", "5e-324", "1.7976931348623157e308", "2.0",
	"-0.0", "123456789.123", "0.1234567890123456789", NULL};

/* Numbers read back as the same doubles, and writing what was read gives the same text. */
static void test_json_numbers(void **state)
{
	char doc[2048], *text = NULL, *again = NULL;
	struct acg_diags d = ACG_DIAGS_INIT;
	struct acg_model *m = NULL, *m2 = NULL;
	size_t i, len, len2;
	int n;

	(void)state;
	n = snprintf(doc, sizeof(doc),
		     "{\"accgraph\": 1, \"organisations\": [{\"id\": \"a\", \"type\": \"x\", "
		     "\"attributes\": {");
	for (i = 0; reals[i]; i++)
		n += snprintf(doc + n, sizeof(doc) - (size_t)n, "%s\"r%zu\": %s", i ? ", " : "", i,
			      reals[i]);
	snprintf(doc + n, sizeof(doc) - (size_t)n,
		 "}}, {\"id\": \"b\", \"type\": \"x\"}], \"links\": [{\"from\": \"a\", "
		 "\"to\": \"b\", \"type\": \"t\", \"weight\": 0.30000000000000004}]}");
	assert_int_equal(acg_load_buffer(doc, strlen(doc), "n.json", &m, &d), ACG_OK);
	assert_int_equal(acg_export_json_text(m, &text, &len), ACG_OK);
	assert_int_equal(strlen(text), len);
	assert_int_equal(acg_load_buffer(text, len, "n2.json", &m2, &d), ACG_OK);
	for (i = 0; reals[i]; i++) {
		double want = strtod(reals[i], NULL), got = m2->orgs[0].attrs.v[i].value.real;

		assert_int_equal(m2->orgs[0].attrs.v[i].kind, ACG_ATTR_REAL);
		if (memcmp(&want, &got, sizeof(want)))
			fail_msg("%s came back as %.17g", reals[i], got);
	}
	assert_true(m2->links[0].weight == strtod("0.30000000000000004", NULL));
	assert_int_equal(acg_export_json_text(m2, &again, &len2), ACG_OK);
	assert_int_equal(len, len2);
	assert_string_equal(text, again);
	free(text);
	free(again);
	acg_model_free(m);
	acg_model_free(m2);
	acg_diags_release(&d);
}

/* ---- file names and formats --------------------------------------------------------- */

static void test_paths_and_formats(void **state)
{
	char *o = NULL, *l = NULL;

	(void)state;
	assert_int_equal(acg_export_csv_paths("out/x.csv", &o, &l), ACG_OK);
	assert_string_equal(o, "out/x.organisations.csv");
	assert_string_equal(l, "out/x.links.csv");
	free(o);
	free(l);
	assert_int_equal(acg_export_csv_paths("x", &o, &l), ACG_OK);
	assert_string_equal(o, "x.organisations.csv");
	assert_string_equal(l, "x.links.csv");
	free(o);
	free(l);
	assert_int_equal(acg_export_format_from_path("a/b.graphml"), ACG_EXPORT_GRAPHML);
	assert_int_equal(acg_export_format_from_path("b.gml"), ACG_EXPORT_GML);
	assert_int_equal(acg_export_format_from_path("b.edgelist"), ACG_EXPORT_EDGELIST);
	assert_int_equal(acg_export_format_from_path("b.json"), ACG_EXPORT_JSON);
	assert_int_equal(acg_export_format_from_path("b.csv"), ACG_EXPORT_CSV);
	assert_int_equal(acg_export_format_from_path("b.dot"), ACG_EXPORT_COUNT);
	assert_int_equal(acg_export_format_from_path("dir.gml/b"), ACG_EXPORT_COUNT);
	assert_int_equal(acg_export_format_from_path("b"), ACG_EXPORT_COUNT);
	assert_string_equal(acg_export_format_name(ACG_EXPORT_EDGELIST), "edgelist");
	assert_null(acg_export_format_name(ACG_EXPORT_COUNT));
}

/* An empty system is written in every format; another format is a usage error. */
static void test_empty_system(void **state)
{
	struct acg_model *m = acg_model_new();
	struct acg_diags d = ACG_DIAGS_INIT;
	FILE *f = tmpfile(), *g = tmpfile();
	int fmt;

	(void)state;
	assert_non_null(m);
	assert_non_null(f);
	assert_non_null(g);
	for (fmt = ACG_EXPORT_GRAPHML; fmt <= ACG_EXPORT_EDGELIST; fmt++)
		assert_int_equal(acg_export_graph(m, (enum acg_export_format)fmt, f, &d), ACG_OK);
	assert_int_equal(acg_export_graph(m, ACG_EXPORT_JSON, f, &d), ACG_EUSAGE);
	assert_int_equal(acg_export_csv(m, f, g, &d), ACG_OK);
	assert_int_equal(acg_export_json(m, f), ACG_OK);
	assert_int_equal(d.n, 0);
	fclose(f);
	fclose(g);
	acg_model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guard_cases),
		cmocka_unit_test(test_guard_round_trip),
		cmocka_unit_test(test_number_grammar),
		cmocka_unit_test(test_attr_header_round_trip),
		cmocka_unit_test(test_import_lines),
		cmocka_unit_test(test_import_values),
		cmocka_unit_test(test_json_numbers),
		cmocka_unit_test(test_paths_and_formats),
		cmocka_unit_test(test_empty_system),
	};

	acg_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_load_stream.c - the streamed load (load.c, docsplit.c) against the
 * whole-document load, the reference: jansson's parse of the whole text as
 * accgraph read every file before streaming, and the checks of that tree.
 *
 * For every document - each file of tests/data and tests/bad, and documents
 * written here for the edges of the scan (separators and blanks between
 * ranges, strings holding brackets and quotes, member orders, nesting near
 * jansson's limit, bad bytes in a range) - the load is run whole and streamed
 * with ranges of 1, 7 and 100 bytes (every element its own range, and ranges
 * of several), on the caller's thread alone and with 1 and 3 workers, and
 * with acg_load_buffer()'s own tuning.  Each must give the same status, the
 * same diagnostics (severity, position, pointer, message, in order) and, when
 * the document is valid, the same model, compared as normalised JSON
 * (acg_export_json_text).  Run from the repository root (tests/run.sh).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "accgraph/accgraph.h"
#include "accgraph/export.h"
#include "accgraph/load.h"
#include "load_tuning.h"
#include "util.h"

struct outcome {
	enum acg_status status;
	struct acg_diags diags;
	char *json; /* the model, normalised; NULL unless ACG_OK */
	size_t json_len;
};

static void load_with(const char *text, size_t len, const struct acg_load_tuning *t,
		      struct outcome *o)
{
	struct acg_model *m = NULL;

	memset(o, 0, sizeof(*o));
	o->status = acg_load_buffer_tuned(text, len, "doc.json", t, &m, &o->diags);
	if (o->status == ACG_OK) {
		assert_non_null(m);
		assert_int_equal(acg_export_json_text(m, &o->json, &o->json_len), ACG_OK);
	} else {
		assert_null(m);
	}
	acg_model_free(m);
}

static void outcome_release(struct outcome *o)
{
	acg_diags_release(&o->diags);
	free(o->json);
}

static void assert_same_string(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void assert_same(const struct outcome *want, const struct outcome *got, const char *what)
{
	size_t i;

	if (want->status != got->status || want->diags.n != got->diags.n)
		fail_msg("%s: status %d with %zu diagnostics, want %d with %zu", what,
			 (int)got->status, got->diags.n, (int)want->status, want->diags.n);
	for (i = 0; i < want->diags.n; i++) {
		const struct acg_diag *a = &want->diags.v[i], *b = &got->diags.v[i];

		assert_int_equal(a->severity, b->severity);
		assert_int_equal(a->status, b->status);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->column, b->column);
		assert_same_string(a->file, b->file);
		assert_same_string(a->pointer, b->pointer);
		assert_same_string(a->message, b->message);
	}
	assert_int_equal(want->json_len, got->json_len);
	if (want->json)
		assert_memory_equal(want->json, got->json, want->json_len);
}

/* Every tuning against the whole load; returns the whole load's status. */
static enum acg_status check_doc(const char *text, size_t len, const char *what)
{
	static const struct acg_load_tuning whole = {true, 0, 0};
	static const struct acg_load_tuning tunings[] = {
		{false, 1, 0}, {false, 1, 1}, {false, 1, 3},  {false, 7, 0},
		{false, 7, 1}, {false, 100, 1}, {false, 100, 3}, {false, (size_t)1 << 20, 0},
	};
	struct outcome want, got;
	enum acg_status st;
	size_t i;

	load_with(text, len, &whole, &want);
	for (i = 0; i < sizeof(tunings) / sizeof(*tunings); i++) {
		char label[256];

		snprintf(label, sizeof(label), "%s, ranges of %zu bytes, %u workers", what,
			 tunings[i].range_bytes, tunings[i].workers);
		load_with(text, len, &tunings[i], &got);
		assert_same(&want, &got, label);
		outcome_release(&got);
	}
	load_with(text, len, NULL, &got);
	assert_same(&want, &got, what);
	outcome_release(&got);
	st = want.status;
	outcome_release(&want);
	return st;
}

static enum acg_status check_string(const char *doc)
{
	return check_doc(doc, strlen(doc), doc);
}

/* Every *.json file of dir; returns how many were checked. */
static size_t check_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char path[512];
		FILE *f;
		char *text;
		size_t tlen;

		if (len < 5 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		assert_non_null(f = fopen(path, "rb"));
		assert_int_equal(acg_read_stream(f, ACG_MAX_INPUT_BYTES, &text, &tlen), ACG_OK);
		fclose(f);
		check_doc(text, tlen, path);
		free(text);
		n++;
	}
	closedir(d);
	return n;
}

static void test_data_files(void **state)
{
	(void)state;
	/* 30 files in tests/data, 80 in tests/bad when this was written. */
	assert_true(check_dir("tests/data") >= 30);
	assert_true(check_dir("tests/bad") >= 80);
}

#define HEAD "{\"accgraph\": 1, "
#define ORGS                                                                              \
	"\"organisations\": [{\"id\": \"a\", \"type\": \"commissioner\"}, "                \
	"{\"id\": \"b\", \"type\": \"provider\", \"name\": \"B ]}[{,\\\"\\\\\"}, "         \
	"{\"id\": \"c\", \"type\": \"regulator\"}]"
#define LINKS                                                                             \
	"\"links\": [{\"from\": \"b\", \"to\": \"a\", \"type\": \"contract\"}, "           \
	"{\"from\": \"b\", \"to\": \"c\", \"type\": \"regulation\"}]"

/* Documents that load; whole or streamed, the same model. */
static void test_valid_edges(void **state)
{
	(void)state;
	assert_int_equal(check_string(HEAD ORGS ", " LINKS "}"), ACG_OK);
	/* Members in another order: the small ones after the arrays. */
	assert_int_equal(check_string("{" ORGS ", " LINKS ", \"title\": \"t\", "
				      "\"sources\": [{\"id\": \"s\"}], \"accgraph\": 1}"),
			 ACG_OK);
	/* Empty arrays, blank arrays, no whitespace at all, a byte order mark. */
	assert_int_equal(check_string(HEAD "\"organisations\": [], \"links\": [ \n\t ]}"), ACG_OK);
	assert_int_equal(check_string("{\"accgraph\":1,\"organisations\":[{\"id\":\"a\","
				      "\"type\":\"x\"},{\"id\":\"b\",\"type\":\"x\"}],"
				      "\"links\":[{\"from\":\"a\",\"to\":\"b\",\"type\":\"y\"}]}"),
			 ACG_OK);
	assert_int_equal(check_string("\xEF\xBB\xBF" HEAD ORGS "}"), ACG_OK);
	/* Links before organisations: loaded whole. */
	assert_int_equal(check_string(HEAD LINKS ", " ORGS "}"), ACG_OK);
	/* A member name the scan leaves to the whole parse: escaped, non-ASCII, long. */
	assert_int_equal(check_string(HEAD "\"organ\\u0069sations\": [{\"id\": \"a\", "
					   "\"type\": \"x\"}]}"),
			 ACG_OK);
	assert_int_equal(check_string(HEAD "\"caf\xC3\xA9\": 1, " ORGS "}"), ACG_OK);
	assert_int_equal(check_string(HEAD "\"" /* 100 letters */
				      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
				      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
				      "\": [1, 2], " ORGS "}"),
			 ACG_OK);
	/* Scalars of every kind as small members (unknown: warnings). */
	assert_int_equal(check_string(HEAD "\"n\": -1.5e3, \"t\": true, \"f\": false, "
					   "\"z\": null, \"s\": \"]}\", " ORGS "}"),
			 ACG_OK);
}

/* Documents that do not load: the same diagnostics, in the same order. */
static void test_invalid_edges(void **state)
{
	static const char *const docs[] = {
		/* separators between elements, where ranges are cut */
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}, ]}",
		HEAD "\"organisations\": [ , {\"id\": \"a\", \"type\": \"x\"}]}",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"},, {\"id\": \"b\", "
		     "\"type\": \"x\"}]}",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"} {\"id\": \"b\", "
		     "\"type\": \"x\"}]}",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"},   ,   ]}",
		HEAD "\"organisations\": [,]}",
		/* the top level */
		HEAD ORGS ", " LINKS ",}",
		HEAD ORGS " " LINKS "}",
		HEAD ORGS ", " LINKS "} x",
		HEAD ORGS ", " LINKS "}}",
		HEAD ORGS ", " LINKS,
		HEAD ORGS ", \"organisations\": []}",
		HEAD "\"title\" \"t\", " ORGS "}",
		HEAD "\"title\": , " ORGS "}",
		HEAD "title: 1}",
		"[" ORGS "]",
		"\"organisations\"",
		"",
		" \n ",
		"{",
		"{}",
		/* inside a range or a small member */
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\", \"id\": \"b\"}]}",
		HEAD "\"organisations\": [{\"id\": \"\xE9\", \"type\": \"x\"}]}",
		HEAD "\"organisations\": [{\"id\": \"a\\u0000\", \"type\": \"x\"}]}",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}, {\"id\": \"b\", "
		     "\"type\": \"x\"",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}, {\"id\": \"b]}",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}, None]}",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"]]}",
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}}]}",
		HEAD "\"title\": \"a\\qb\", " ORGS "}",
		HEAD "\"title\": [1, 2}, " ORGS "}",
		/* the organisations member of another kind */
		HEAD "\"organisations\": {\"a\": 1}}",
		HEAD "\"organisations\": 3, " LINKS "}",
		/* semantic errors spread over many ranges, links first or second */
		HEAD "\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}, 7, {\"id\": \"a\", "
		     "\"type\": \"x\"}, {\"type\": \"x\"}, {\"id\": \"b\", \"type\": \"x\", "
		     "\"valid_from\": \"2013-02-30\", \"bogus\": 1}], \"links\": [{\"from\": "
		     "\"a\", \"to\": \"zz\", \"type\": \"t\"}, \"x\", {\"from\": \"a\", \"to\": "
		     "\"b\", \"type\": \"t\"}, {\"from\": \"a\", \"to\": \"b\", \"type\": \"t\"}, "
		     "{\"from\": \"a\", \"to\": \"a\", \"type\": \"t\", \"sources\": [\"q\"]}]}",
		"{\"links\": [{\"from\": \"a\", \"to\": \"zz\", \"type\": \"t\"}], "
		"\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}, 1]}",
		"{\"organisations\": [{\"id\": \"a\", \"type\": \"x\"}], \"accgraph\": 2}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(docs) / sizeof(*docs); i++)
		assert_int_equal(check_string(docs[i]), ACG_EINVAL);
}

/* Nesting deep enough that jansson refuses the whole document, inside a range. */
static void test_deep_nesting(void **state)
{
	size_t depth, i, len;
	char *doc;

	(void)state;
	for (depth = JSON_PARSER_MAX_DEPTH - 12; depth <= JSON_PARSER_MAX_DEPTH + 2; depth++) {
		doc = malloc(64 + 2 * depth + 64);
		assert_non_null(doc);
		len = (size_t)sprintf(doc, HEAD "\"organisations\": [{\"id\": \"a\", \"x\": ");
		for (i = 0; i < depth; i++)
			doc[len++] = '[';
		for (i = 0; i < depth; i++)
			doc[len++] = ']';
		len += (size_t)sprintf(doc + len, ", \"type\": \"x\"}]}");
		check_doc(doc, len, "deep nesting");
		free(doc);
	}
}

/* More top-level members than the scan holds: loaded whole, the same. */
static void test_many_members(void **state)
{
	char doc[4096];
	size_t len, i;

	(void)state;
	len = (size_t)sprintf(doc, HEAD ORGS);
	for (i = 0; i < 70; i++)
		len += (size_t)sprintf(doc + len, ", \"m%zu\": %zu", i, i);
	len += (size_t)sprintf(doc + len, "}");
	assert_int_equal(check_doc(doc, len, "70 members"), ACG_OK);
}

/* Without acg_init()'s allocator the ranges are built by malloc() and dropped by json_decref(). */
static void test_without_arena(void **state)
{
	json_malloc_t m;
	json_free_t f;

	(void)state;
	json_get_alloc_funcs(&m, &f);
	json_set_alloc_funcs(malloc, free);
	assert_false(acg_json_arena_ready());
	assert_int_equal(check_string(HEAD ORGS ", " LINKS "}"), ACG_OK);
	assert_int_equal(check_string(HEAD ORGS ", " LINKS ", }"), ACG_EINVAL);
	json_set_alloc_funcs(m, f);
	assert_true(acg_json_arena_ready());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_files),    cmocka_unit_test(test_valid_edges),
		cmocka_unit_test(test_invalid_edges), cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_many_members),  cmocka_unit_test(test_without_arena),
	};

	acg_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * fuzz_load.c - libFuzzer target: the JSON loader with all of its validation.
 *
 * The input is a file's bytes.  acg_load_buffer() must return ACG_OK or
 * ACG_EINVAL with diagnostics, never crash, leak or read out of bounds.  A
 * system it accepts is then held to export.h's promises:
 *   - its normalised JSON loads again, and writing what was read gives the
 *     same bytes;
 *   - its CSV pair, unless export refuses it with a diagnostic (or warns
 *     that an attribute's kinds were mixed), imports again, with the model as
 *     the base, to the same normalised JSON;
 *   - when it is small, every analysis runs on it (graph, metrics, report,
 *     chains) and fails only for lack of memory or with igraph's reason.
 * Valid or not, the input loads to the same result streamed in ranges of a
 * few bytes, on one thread and on two, as parsed whole (load_tuning.h).
 */
#include "fuzz.h"

#include "load_tuning.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	acg_init();
	return 0;
}

/* The most organisations of a system the analyses are run on (for speed). */
#define ANALYSE_MAX_ORGS 64

/*
 * Every analysis of a small valid system: the graph, every metric, the
 * report (computed, written as text and as json) and the chains (json).
 * They may fail only for lack of memory (or with igraph's error, reported).
 */
static void analyse(const struct acg_model *m)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_graph *g = NULL;
	struct acg_metrics *mt = NULL;
	struct acg_report *r = NULL;
	struct acg_chains *c = NULL;
	struct acg_metric_options mo = {ACG_DEFAULT_SEED, true};
	struct acg_report_options ro = {ACG_DEFAULT_SEED, true, NULL};
	bool want[ACG_METRIC_COUNT];
	char *out = NULL;
	size_t len = 0, i;
	FILE *f;
	enum acg_status st;

	if (m->norgs > ANALYSE_MAX_ORGS)
		return;
	st = acg_graph_build(m, &g, &diags);
	fuzz_check_status("acg_graph_build", st, ACG_ELIB, &diags);
	if (st != ACG_OK)
		goto out;
	for (i = 0; i < ACG_METRIC_COUNT; i++)
		want[i] = true;
	st = acg_metrics_compute(g, want, &mo, &mt, &diags);
	fuzz_check_status("acg_metrics_compute", st, ACG_ELIB, &diags);
	st = acg_report_compute(g, &ro, &r, &diags);
	fuzz_check_status("acg_report_compute", st, ACG_ELIB, &diags);
	if (st == ACG_OK) {
		if (!(f = open_memstream(&out, &len)))
			fuzz_fail("open_memstream failed");
		st = acg_report_write(r, ACG_FORMAT_TEXT, f);
		if (st == ACG_OK)
			st = acg_report_write(r, ACG_FORMAT_JSON, f);
		fclose(f);
		if (st != ACG_OK && st != ACG_ENOMEM)
			fuzz_fail("acg_report_write: %s", acg_status_str(st));
		free(out);
		out = NULL;
	}
	st = acg_chains_compute(g, &c, &diags);
	fuzz_check_status("acg_chains_compute", st, ACG_ELIB, &diags);
	if (st == ACG_OK) {
		if (!(f = open_memstream(&out, &len)))
			fuzz_fail("open_memstream failed");
		st = acg_chains_write(c, NULL, 0, ACG_FORMAT_JSON, f);
		fclose(f);
		if (st != ACG_OK && st != ACG_ENOMEM)
			fuzz_fail("acg_chains_write: %s", acg_status_str(st));
	}
	fuzz_check_diags(&diags);
out:
	free(out);
	acg_chains_free(c);
	acg_report_free(r);
	acg_metrics_free(mt);
	acg_graph_free(g);
	acg_diags_release(&diags);
}

static void same_diags(const struct acg_diags *a, const struct acg_diags *b, const char *how)
{
	size_t i;

	if (a->n != b->n)
		fuzz_fail("%s: %zu diagnostics, the default load %zu", how, b->n, a->n);
	for (i = 0; i < a->n; i++) {
		const struct acg_diag *x = &a->v[i], *y = &b->v[i];

		if (x->severity != y->severity || x->line != y->line || x->column != y->column ||
		    strcmp(x->message, y->message) ||
		    (x->pointer ? !y->pointer || strcmp(x->pointer, y->pointer) : !!y->pointer))
			fuzz_fail("%s: diagnostic %zu is \"%s\" at %s, the default load's \"%s\" at %s",
				  how, i, y->message, y->pointer ? y->pointer : "-", x->message,
				  x->pointer ? x->pointer : "-");
	}
}

/*
 * The input loaded with other tunings: the same status, diagnostics and
 * (normalised) model as the default load's (st, diags, json).
 */
static void same_as_tuned(const uint8_t *data, size_t size, enum acg_status st,
			  const struct acg_diags *diags, const char *json, size_t len)
{
	static const struct acg_load_tuning tunings[] = {{true, 0, 0}, {false, 5, 0}, {false, 5, 1}};
	static const char *const names[] = {"parsed whole", "ranges of 5 bytes",
					    "ranges of 5 bytes, 1 worker"};
	size_t i;

	for (i = 0; i < sizeof(tunings) / sizeof(*tunings); i++) {
		struct acg_diags d = ACG_DIAGS_INIT;
		struct acg_model *m = NULL;
		char *j = NULL;
		size_t n = 0;
		enum acg_status s;

		s = acg_load_buffer_tuned((const char *)data, size, "fuzz.json", &tunings[i], &m, &d);
		if (s != ACG_ENOMEM) {
			if (s != st)
				fuzz_fail("%s: status %d, the default load %d", names[i], (int)s,
					  (int)st);
			same_diags(diags, &d, names[i]);
			if (m && json && acg_export_json_text(m, &j, &n) == ACG_OK &&
			    (n != len || memcmp(j, json, len)))
				fuzz_fail("%s: another model than the default load's", names[i]);
		}
		free(j);
		acg_model_free(m);
		acg_diags_release(&d);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL, *m2 = NULL;
	char *json = NULL, *json2 = NULL;
	size_t len = 0, len2 = 0;
	enum acg_status st;

	st = acg_load_buffer((const char *)data, size, "fuzz.json", &m, &diags);
	fuzz_check_status("acg_load_buffer", st, ACG_EINVAL, &diags);
	fuzz_check_diags(&diags);
	if ((st == ACG_OK) != (m != NULL))
		fuzz_fail("acg_load_buffer: status %d with model %p", (int)st, (void *)m);
	if (st != ACG_OK) {
		if (st == ACG_EINVAL)
			same_as_tuned(data, size, st, &diags, NULL, 0);
		goto out;
	}
	if (diags.errors)
		fuzz_fail("acg_load_buffer: ACG_OK with %zu errors", diags.errors);

	if (acg_export_json_text(m, &json, &len) != ACG_OK)
		goto out;
	same_as_tuned(data, size, st, &diags, json, len);
	if (strlen(json) != len)
		fuzz_fail("normalised JSON: length %zu, strlen %zu", len, strlen(json));
	acg_diags_release(&diags);
	st = acg_load_buffer(json, len, "normalised.json", &m2, &diags);
	if (st == ACG_ENOMEM)
		goto out;
	if (st != ACG_OK) {
		fprintf(stderr, "%s\n", json);
		fuzz_fail("the normalised JSON of a valid system does not load: %s (%s)",
			  acg_status_str(st), diags.n ? diags.v[0].message : "");
	}
	if (acg_export_json_text(m2, &json2, &len2) != ACG_OK)
		goto out;
	if (len2 != len || memcmp(json, json2, len)) {
		fprintf(stderr, "first:\n%s\nsecond:\n%s\n", json, json2);
		fuzz_fail("normalised JSON, read and written again, differs");
	}
	fuzz_csv_round_trip(m, json, len);
	analyse(m);
out:
	acg_model_free(m);
	acg_model_free(m2);
	free(json);
	free(json2);
	acg_diags_release(&diags);
	return 0;
}

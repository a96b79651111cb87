/*
 * fuzz_import.c - libFuzzer target: the CSV import (libcsv, the cell rules,
 * then the loader on the document made from the rows).
 *
 * Input: one flags byte, then the organisations file, a NUL byte, and the
 * links file.  Without a NUL the whole rest is the organisations file and
 * the links file is a valid header with no rows.  Flag bit 0: import with a
 * base document (title, sources and vocabularies, as `import --base`).
 *
 * acg_import_csv() must return ACG_OK or ACG_EINVAL with diagnostics.  A
 * system it makes is held to export.h's promises as in fuzz_load.c: its
 * normalised JSON loads to the same bytes, and its own CSV pair imports
 * back to the same system.
 */
#include "fuzz.h"

static const char base_json[] =
	"{\"accgraph\": 1, \"title\": \"Base\", \"as_of\": \"2013-04-01\",\n"
	" \"sources\": [{\"id\": \"hsca2012\", \"citation\": \"Health and Social Care Act 2012\"}],\n"
	" \"organisation_types\": {\"provider\": {\"label\": \"NHS trust\", \"tier\": 5},\n"
	"   \"commissioner\": {\"label\": \"CCG\", \"tier\": 4}, \"national_body\": {\"tier\": 1}},\n"
	" \"link_types\": {\"contractual\": {\"label\": \"Contract\", \"style\": \"dashed\"},\n"
	"   \"statutory\": {}},\n"
	" \"organisations\": [{\"id\": \"ignored\", \"type\": \"provider\"}]}\n";

static struct acg_model *base;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct acg_diags diags = ACG_DIAGS_INIT;

	(void)argc;
	(void)argv;
	acg_init();
	if (acg_load_buffer(base_json, sizeof(base_json) - 1, "base.json", &base, &diags) != ACG_OK)
		fuzz_fail("the base document does not load");
	acg_diags_release(&diags);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char header[] = "from,to,type\n";
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_csv_text orgs = {"orgs.csv", NULL, 0}, links = {"links.csv", header, sizeof(header) - 1};
	struct acg_model *m = NULL, *m2 = NULL;
	char *json = NULL, *json2 = NULL;
	size_t len = 0, len2 = 0;
	const uint8_t *nul;
	enum acg_status st;
	bool with_base;

	if (size < 1)
		return 0;
	with_base = data[0] & 1;
	data++;
	size--;
	/* Copies, so that reading one byte past either file is caught. */
	nul = memchr(data, 0, size);
	orgs.len = nul ? (size_t)(nul - data) : size;
	orgs.text = memcpy(malloc(orgs.len + !orgs.len), data, orgs.len);
	if (nul) {
		char *l;

		links.len = size - orgs.len - 1;
		l = malloc(links.len + !links.len);
		memcpy(l, nul + 1, links.len);
		links.text = l;
	}

	st = acg_import_csv(&orgs, &links, with_base ? base : NULL, &m, &diags);
	fuzz_check_status("acg_import_csv", st, ACG_EINVAL, &diags);
	fuzz_check_diags(&diags);
	if ((st == ACG_OK) != (m != NULL))
		fuzz_fail("acg_import_csv: status %d with model %p", (int)st, (void *)m);
	if (st != ACG_OK)
		goto out;
	if (diags.errors)
		fuzz_fail("acg_import_csv: ACG_OK with %zu errors", diags.errors);

	if (acg_export_json_text(m, &json, &len) != ACG_OK)
		goto out;
	acg_diags_release(&diags);
	st = acg_load_buffer(json, len, "imported.json", &m2, &diags);
	if (st == ACG_ENOMEM)
		goto out;
	if (st != ACG_OK) {
		fprintf(stderr, "%s\n", json);
		fuzz_fail("the JSON of an imported system does not load: %s (%s)",
			  acg_status_str(st), diags.n ? diags.v[0].message : "");
	}
	if (acg_export_json_text(m2, &json2, &len2) != ACG_OK)
		goto out;
	if (len2 != len || memcmp(json, json2, len)) {
		fprintf(stderr, "first:\n%s\nsecond:\n%s\n", json, json2);
		fuzz_fail("normalised JSON of an import, read and written again, differs");
	}
	fuzz_csv_round_trip(m, json, len);
out:
	acg_model_free(m);
	acg_model_free(m2);
	free(json);
	free(json2);
	free((char *)orgs.text);
	if (links.text != header)
		free((char *)links.text);
	acg_diags_release(&diags);
	return 0;
}

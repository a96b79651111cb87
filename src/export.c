/*
 * export.c - a system in other formats; see accgraph/export.h.
 *
 * JSON is built with jansson from the model, members in the normalised
 * order.  The CSV pair is written row by row, quoted fields through libcsv,
 * following csv_rules.h.  GraphML, GML and the edge list are written by
 * igraph's writers from a graph that carries the members as attributes: this
 * file is the only place that installs igraph's attribute table, for the
 * time of one write.
 */
#include "accgraph/export.h"

#include <csv.h>
#include <errno.h>
#include <igraph.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_rules.h"
#include "export_impl.h"
#include "util.h"

static const char *const format_names[ACG_EXPORT_COUNT] = {"json", "csv", "graphml", "gml",
							   "edgelist"};

enum acg_export_format acg_export_format_from_name(const char *name)
{
	int f;

	for (f = 0; f < ACG_EXPORT_COUNT; f++)
		if (!strcmp(format_names[f], name))
			return (enum acg_export_format)f;
	return ACG_EXPORT_COUNT;
}

const char *acg_export_format_name(enum acg_export_format format)
{
	return (unsigned)format < ACG_EXPORT_COUNT ? format_names[format] : NULL;
}

enum acg_export_format acg_export_format_from_path(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return ACG_EXPORT_COUNT;
	return acg_export_format_from_name(dot + 1);
}

enum acg_status acg_export_csv_paths(const char *path, char **organisations, char **links)
{
	size_t n = strlen(path);
	int base = (int)(n >= 4 && !strcmp(path + n - 4, ".csv") ? n - 4 : n);

	*organisations = acg_asprintf("%.*s.organisations.csv", base, path);
	*links = acg_asprintf("%.*s.links.csv", base, path);
	if (*organisations && *links)
		return ACG_OK;
	free(*organisations);
	free(*links);
	*organisations = *links = NULL;
	return ACG_ENOMEM;
}

/* ---- numbers ------------------------------------------------------------- */

/* The fewest significant digits (1 to 17) with which %g gives back v exactly. */
static int digits_for(double v)
{
	char buf[40];
	int p;

	for (p = 1; p < 17; p++) {
		snprintf(buf, sizeof(buf), "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return p;
	}
	return 17;
}

/* v with the fewest digits that read back as v; a ".0" added when `real` and it looks whole. */
static void format_number(char buf[48], double v, bool real)
{
	snprintf(buf, 40, "%.*g", digits_for(v), v);
	if (real && !strpbrk(buf, ".eEn"))
		strcat(buf, ".0");
}

/* ---- JSON ------------------------------------------------------------------ */

struct jctx {
	int precision;
	bool oom;
};

/* Sets obj[key] = v (stolen); a NULL v or a failure marks the context out of memory. */
static void put(struct jctx *c, json_t *obj, const char *key, json_t *v)
{
	if (!v || json_object_set_new(obj, key, v))
		c->oom = true;
}

static void put_string(struct jctx *c, json_t *obj, const char *key, const char *s)
{
	if (s)
		put(c, obj, key, json_string(s));
}

static void put_date(struct jctx *c, json_t *obj, const char *key, acg_date d)
{
	char buf[ACG_DATE_BUFSIZE];

	if (d != ACG_DATE_NONE)
		put(c, obj, key, json_string(acg_date_format(d, buf)));
}

static json_t *real(struct jctx *c, double v)
{
	int p = digits_for(v);

	if (p > c->precision)
		c->precision = p;
	return json_real(v);
}

static void put_strlist(struct jctx *c, json_t *obj, const char *key, const struct acg_strlist *l)
{
	json_t *a;
	size_t i;

	if (!l->n)
		return;
	a = json_array();
	for (i = 0; a && i < l->n; i++)
		if (json_array_append_new(a, json_string(l->v[i])))
			c->oom = true;
	put(c, obj, key, a);
}

static void put_refs(struct jctx *c, json_t *obj, const struct acg_model *m,
		     const struct acg_refs *r)
{
	json_t *a;
	size_t i;

	if (!r->n)
		return;
	a = json_array();
	for (i = 0; a && i < r->n; i++)
		if (json_array_append_new(a, json_string(m->sources[r->v[i]].id)))
			c->oom = true;
	put(c, obj, "sources", a);
}

static int by_key(const void *a, const void *b)
{
	return strcmp((*(const struct acg_attr *const *)a)->key,
		      (*(const struct acg_attr *const *)b)->key);
}

/* `attributes`, in the byte order of their names (the CSV pair cannot keep another). */
static void put_attrs(struct jctx *c, json_t *obj, const struct acg_attrs *attrs)
{
	const struct acg_attr **sorted;
	json_t *o;
	size_t i;

	if (!attrs->n)
		return;
	if (!(sorted = malloc(attrs->n * sizeof(*sorted)))) {
		c->oom = true;
		return;
	}
	for (i = 0; i < attrs->n; i++)
		sorted[i] = &attrs->v[i];
	qsort(sorted, attrs->n, sizeof(*sorted), by_key);
	o = json_object();
	for (i = 0; o && i < attrs->n; i++) {
		const struct acg_attr *a = sorted[i];
		json_t *v = NULL;

		switch (a->kind) {
		case ACG_ATTR_STRING:
			v = json_string(a->value.string);
			break;
		case ACG_ATTR_INTEGER:
			v = json_integer(a->value.integer);
			break;
		case ACG_ATTR_REAL:
			v = real(c, a->value.real);
			break;
		case ACG_ATTR_BOOLEAN:
			v = json_boolean(a->value.boolean);
			break;
		}
		put(c, o, a->key, v);
	}
	free(sorted);
	put(c, obj, "attributes", o);
}

static void put_types(struct jctx *c, json_t *root, const char *key,
		      const struct acg_type_table *table)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; o && i < table->n; i++) {
		const struct acg_type *t = &table->v[i];
		json_t *def;

		if (!t->declared)
			continue;
		def = json_object();
		if (def) {
			put_string(c, def, "label", t->label);
			if (t->tier > 0)
				put(c, def, "tier", json_integer(t->tier));
			put_string(c, def, "shape", t->shape);
			put_string(c, def, "style", t->style);
			put_string(c, def, "color", t->color);
		}
		put(c, o, t->name, def);
	}
	put(c, root, key, o);
}

static json_t *org_json(struct jctx *c, const struct acg_model *m, const struct acg_org *o)
{
	json_t *obj = json_object();

	if (!obj)
		return NULL;
	put_string(c, obj, "id", o->id);
	if (o->name && strcmp(o->name, o->id))
		put_string(c, obj, "name", o->name);
	put_string(c, obj, "type", m->org_types.v[o->type].name);
	put_string(c, obj, "region", o->region);
	put_date(c, obj, "valid_from", o->valid_from);
	put_date(c, obj, "valid_to", o->valid_to);
	put_strlist(c, obj, "succeeds", &o->succeeds);
	put_refs(c, obj, m, &o->sources);
	put_attrs(c, obj, &o->attrs);
	return obj;
}

static json_t *link_json(struct jctx *c, const struct acg_model *m, const struct acg_link *l)
{
	json_t *obj = json_object();

	if (!obj)
		return NULL;
	put_string(c, obj, "from", m->orgs[l->from].id);
	put_string(c, obj, "to", m->orgs[l->to].id);
	put_string(c, obj, "type", m->link_types.v[l->type].name);
	put_strlist(c, obj, "for", &l->domains);
	put_string(c, obj, "mechanism", l->mechanism);
	put_string(c, obj, "label", l->label);
	put_string(c, obj, "basis", acg_basis_name(l->basis));
	put_string(c, obj, "sanction", acg_sanction_name(l->sanction));
	if (l->observed)
		put(c, obj, "observed", json_true());
	if (l->weight != 1.0)
		put(c, obj, "weight", real(c, l->weight));
	put_attrs(c, obj, &l->attrs);
	put_date(c, obj, "valid_from", l->valid_from);
	put_date(c, obj, "valid_to", l->valid_to);
	put_refs(c, obj, m, &l->sources);
	return obj;
}

json_t *acg_export_json_tree(const struct acg_model *m, int *precision)
{
	struct jctx c = {1, false};
	json_t *root = json_object(), *a;
	size_t i;

	*precision = 17;
	if (!root)
		return NULL;
	put(&c, root, "accgraph", json_integer(1));
	put_string(&c, root, "title", m->title);
	put_string(&c, root, "description", m->description);
	put_date(&c, root, "as_of", m->as_of);
	if (m->nsources) {
		a = json_array();
		for (i = 0; a && i < m->nsources; i++) {
			json_t *s = json_object();

			if (s) {
				put_string(&c, s, "id", m->sources[i].id);
				put_string(&c, s, "citation", m->sources[i].citation);
				put_string(&c, s, "url", m->sources[i].url);
			}
			if (!s || json_array_append_new(a, s))
				c.oom = true;
		}
		put(&c, root, "sources", a);
	}
	if (m->org_types_declared)
		put_types(&c, root, "organisation_types", &m->org_types);
	if (m->link_types_declared)
		put_types(&c, root, "link_types", &m->link_types);
	a = json_array();
	for (i = 0; a && i < m->norgs; i++)
		if (json_array_append_new(a, org_json(&c, m, &m->orgs[i])))
			c.oom = true;
	put(&c, root, "organisations", a);
	a = json_array();
	for (i = 0; a && i < m->nlinks; i++)
		if (json_array_append_new(a, link_json(&c, m, &m->links[i])))
			c.oom = true;
	put(&c, root, "links", a);
	if (c.oom) {
		json_decref(root);
		return NULL;
	}
	*precision = c.precision;
	return root;
}

char *acg_export_json_dump(const json_t *root, int precision, size_t *len)
{
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(precision));
	char *text;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	text = malloc(n + 2);
	if (text) {
		memcpy(text, s, n);
		text[n] = '\n';
		text[n + 1] = '\0';
		if (len)
			*len = n + 1;
	}
	free(s);
	return text;
}

enum acg_status acg_export_json_text(const struct acg_model *m, char **text, size_t *len)
{
	int precision;
	json_t *root = acg_export_json_tree(m, &precision);

	*text = NULL;
	if (!root)
		return ACG_ENOMEM;
	*text = acg_export_json_dump(root, precision, len);
	json_decref(root);
	return *text ? ACG_OK : ACG_ENOMEM;
}

enum acg_status acg_export_json(const struct acg_model *m, FILE *f)
{
	char *text;
	size_t len;
	enum acg_status st = acg_export_json_text(m, &text, &len);

	if (st != ACG_OK)
		return st;
	if (fwrite(text, 1, len, f) != len || ferror(f))
		st = ACG_EIO;
	free(text);
	return st;
}

/* ---- a scratch text buffer -------------------------------------------------- */

struct sbuf {
	char *s;
	size_t n, cap;
	bool oom;
};

static void sb_reset(struct sbuf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

static void sb_add(struct sbuf *b, const char *s)
{
	size_t k = strlen(s);

	if (acg_grow((void **)&b->s, &b->cap, b->n + k + 1, 1)) {
		b->oom = true;
		return;
	}
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

/* The text of b; "" when nothing was added.  Never NULL. */
static const char *sb_str(const struct sbuf *b)
{
	return b->s && !b->oom ? b->s : "";
}

/* The list joined with '|' into b (reset first). */
static const char *sb_list(struct sbuf *b, const struct acg_strlist *l)
{
	static const char sep[2] = {ACG_CSV_LIST_SEP, '\0'};
	size_t i;

	sb_reset(b);
	sb_add(b, "");
	for (i = 0; i < l->n; i++) {
		if (i)
			sb_add(b, sep);
		sb_add(b, l->v[i]);
	}
	return sb_str(b);
}

static const char *sb_refs(struct sbuf *b, const struct acg_model *m, const struct acg_refs *r)
{
	static const char sep[2] = {ACG_CSV_LIST_SEP, '\0'};
	size_t i;

	sb_reset(b);
	sb_add(b, "");
	for (i = 0; i < r->n; i++) {
		if (i)
			sb_add(b, sep);
		sb_add(b, m->sources[r->v[i]].id);
	}
	return sb_str(b);
}

/* ---- attribute keys of organisations or links ------------------------------- */

struct akey {
	const char *key;      /* borrowed from the model */
	unsigned kinds;       /* bit (1 << enum acg_attr_kind) of each kind seen */
	size_t present;       /* elements that have it */
	bool strings_numbers; /* every string value is a JSON number */
	bool strings_bools;   /* every string value is true or false */
	char *column;         /* the column (CSV) or attribute (graph) name; owned */
};

struct akeys {
	struct akey *v;
	size_t n, cap;
};

static void akeys_release(struct akeys *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->v[i].column);
	free(k->v);
}

/* Adds the attributes of one element to the keys, in first-seen order; -1 when out of memory. */
static int akeys_add(struct akeys *k, const struct acg_attrs *attrs)
{
	size_t i, j;

	for (i = 0; i < attrs->n; i++) {
		const struct acg_attr *a = &attrs->v[i];
		struct akey *ak;
		bool b;

		for (j = 0; j < k->n && strcmp(k->v[j].key, a->key); j++)
			;
		if (j == k->n) {
			if (acg_grow((void **)&k->v, &k->cap, k->n + 1, sizeof(*k->v)))
				return -1;
			ak = &k->v[k->n++];
			memset(ak, 0, sizeof(*ak));
			ak->key = a->key;
			ak->strings_numbers = ak->strings_bools = true;
		}
		ak = &k->v[j];
		ak->kinds |= 1u << a->kind;
		ak->present++;
		if (a->kind == ACG_ATTR_STRING) {
			if (!acg_csv_is_number(a->value.string, NULL))
				ak->strings_numbers = false;
			if (!acg_csv_is_boolean(a->value.string, &b))
				ak->strings_bools = false;
		}
	}
	return 0;
}

static const struct acg_attr *attr_get(const struct acg_attrs *attrs, const char *key)
{
	size_t i;

	for (i = 0; i < attrs->n; i++)
		if (!strcmp(attrs->v[i].key, key))
			return &attrs->v[i];
	return NULL;
}

#define KIND_BIT(k) (1u << (k))
#define NUMERIC_KINDS (KIND_BIT(ACG_ATTR_INTEGER) | KIND_BIT(ACG_ATTR_REAL))

/* An attribute value as text (into buf when it is not a string). */
static const char *attr_text(const struct acg_attr *a, char buf[48])
{
	switch (a->kind) {
	case ACG_ATTR_STRING:
		return a->value.string;
	case ACG_ATTR_INTEGER:
		snprintf(buf, 48, "%lld", a->value.integer);
		return buf;
	case ACG_ATTR_REAL:
		format_number(buf, a->value.real, true);
		return buf;
	case ACG_ATTR_BOOLEAN:
		return a->value.boolean ? "true" : "false";
	}
	return "";
}

/* Appends "~0"/"~1"-escaped key to b (RFC 6901). */
static void sb_pointer_key(struct sbuf *b, const char *key)
{
	char one[2] = {0, 0};

	for (; *key; key++) {
		if (*key == '~')
			sb_add(b, "~0");
		else if (*key == '/')
			sb_add(b, "~1");
		else {
			one[0] = *key;
			sb_add(b, one);
		}
	}
}

/* ---- the CSV pair ------------------------------------------------------------ */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Checks that every entry of a list reads back as itself; reports each one
 * that does not at PREFIX/i/MEMBER/k.  Returns the number reported, or
 * (size_t)-1 when out of memory.
 */
static size_t check_list(struct acg_diags *diags, const char *prefix, size_t i, const char *member,
			 char *const *entries, size_t n)
{
	size_t k, bad = 0;
	char ptr[96];

	for (k = 0; k < n; k++) {
		const char *e = entries[k];
		size_t len = strlen(e);
		const char *why = NULL;

		if (strchr(e, ACG_CSV_LIST_SEP))
			why = "it contains \"|\", which separates the entries of a list cell";
		else if (len && (is_blank(e[0]) || is_blank(e[len - 1])))
			why = "it starts or ends with a space or a tab, which a list cell does not keep";
		if (!why)
			continue;
		snprintf(ptr, sizeof(ptr), "/%s/%zu/%s/%zu", prefix, i, member, k);
		if (acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, ptr,
				  "\"%s\" cannot be written to CSV: %s", e, why) == ACG_ENOMEM)
			return (size_t)-1;
		bad++;
	}
	return bad;
}

/* The ids of a list of sources, for check_list(); malloc'd array of borrowed strings. */
static char **ref_ids(const struct acg_model *m, const struct acg_refs *r)
{
	char **v = calloc(r->n + 1, sizeof(*v));
	size_t i;

	if (v)
		for (i = 0; i < r->n; i++)
			v[i] = m->sources[r->v[i]].id;
	return v;
}

/* Every list of the model checked for the CSV pair: ACG_OK, ACG_EINVAL or ACG_ENOMEM. */
static enum acg_status check_csv_lists(const struct acg_model *m, struct acg_diags *diags)
{
	size_t i, n, bad = 0;
	char **ids;

	for (i = 0; i < m->norgs; i++) {
		const struct acg_org *o = &m->orgs[i];

		if ((n = check_list(diags, "organisations", i, "succeeds", o->succeeds.v,
				    o->succeeds.n)) == (size_t)-1)
			return ACG_ENOMEM;
		bad += n;
		if (!(ids = ref_ids(m, &o->sources)))
			return ACG_ENOMEM;
		n = check_list(diags, "organisations", i, "sources", ids, o->sources.n);
		free(ids);
		if (n == (size_t)-1)
			return ACG_ENOMEM;
		bad += n;
	}
	for (i = 0; i < m->nlinks; i++) {
		const struct acg_link *l = &m->links[i];

		if ((n = check_list(diags, "links", i, "for", l->domains.v, l->domains.n)) ==
		    (size_t)-1)
			return ACG_ENOMEM;
		bad += n;
		if (!(ids = ref_ids(m, &l->sources)))
			return ACG_ENOMEM;
		n = check_list(diags, "links", i, "sources", ids, l->sources.n);
		free(ids);
		if (n == (size_t)-1)
			return ACG_ENOMEM;
		bad += n;
	}
	return bad ? ACG_EINVAL : ACG_OK;
}

/*
 * Names the attribute columns (CSV headers) of one file and decides how each
 * is written; warns about attributes whose values are of several kinds.
 */
static enum acg_status csv_attr_columns(struct akeys *keys, const char *const *columns,
					const char *what, struct acg_diags *diags)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		struct akey *k = &keys->v[i];
		enum acg_csv_kind kind;
		bool need = false;

		if (k->kinds == KIND_BIT(ACG_ATTR_STRING)) {
			kind = ACG_CSV_KIND_STRING;
			need = k->strings_numbers || k->strings_bools;
		} else if (!(k->kinds & ~NUMERIC_KINDS)) {
			kind = ACG_CSV_KIND_NUMBER;
		} else if (k->kinds == KIND_BIT(ACG_ATTR_BOOLEAN)) {
			kind = ACG_CSV_KIND_BOOLEAN;
		} else {
			kind = ACG_CSV_KIND_STRING;
			need = true;
			if (acg_diags_add(diags, ACG_WARNING, ACG_OK, NULL, 0, 0, NULL,
					  "the %s attribute \"%s\" has values of more than one kind "
					  "(strings, numbers, booleans); its CSV column holds them all "
					  "as text",
					  what, k->key) == ACG_ENOMEM)
				return ACG_ENOMEM;
		}
		if (!(k->column = acg_csv_attr_header(columns, k->key, kind, need)))
			return ACG_ENOMEM;
	}
	return ACG_OK;
}

/* Writes one cell (NULL: absent, written empty); a leading comma unless first. */
static int csv_cell(FILE *f, const char *s, bool first)
{
	size_t n;
	bool quote;
	char *guarded = NULL;
	int rc = 0;

	if (!first && fputc(',', f) == EOF)
		return -1;
	if (!s)
		return 0;
	if (acg_csv_needs_guard(s)) {
		if (!(guarded = acg_asprintf("'%s", s)))
			return -2;
		s = guarded;
	}
	n = strlen(s);
	quote = !n || strpbrk(s, ",\"\r\n") || is_blank(s[0]) || is_blank(s[n - 1]);
	if (quote)
		rc = csv_fwrite(f, s, n) ? -1 : 0;
	else
		rc = fputs(s, f) == EOF ? -1 : 0;
	free(guarded);
	return rc;
}

static int csv_end_row(FILE *f)
{
	return fputs("\r\n", f) == EOF ? -1 : 0;
}

/* -1: a write failed; -2: out of memory. */
static int csv_attr_cells(FILE *f, const struct akeys *keys, const struct acg_attrs *attrs)
{
	size_t i;
	int rc = 0;

	for (i = 0; !rc && i < keys->n; i++) {
		const struct acg_attr *a = attr_get(attrs, keys->v[i].key);
		char buf[48];

		rc = csv_cell(f, a ? attr_text(a, buf) : NULL, false);
	}
	return rc;
}

static int csv_header(FILE *f, const char *const *columns, const struct akeys *keys)
{
	size_t i;
	int rc = 0;

	for (i = 0; !rc && columns[i]; i++) {
		/* Every link is one row: import's `direction` column is never needed. */
		if (!strcmp(columns[i], "direction"))
			continue;
		rc = csv_cell(f, columns[i], i == 0);
	}
	for (i = 0; !rc && i < keys->n; i++)
		rc = csv_cell(f, keys->v[i].column, false);
	return rc ? rc : csv_end_row(f);
}

static int csv_orgs(FILE *f, const struct acg_model *m, const struct akeys *keys)
{
	struct sbuf b = {0};
	char from[ACG_DATE_BUFSIZE], to[ACG_DATE_BUFSIZE];
	size_t i;
	int rc = csv_header(f, acg_csv_org_columns, keys);

	for (i = 0; !rc && i < m->norgs; i++) {
		const struct acg_org *o = &m->orgs[i];

		acg_date_format(o->valid_from, from);
		acg_date_format(o->valid_to, to);
		rc = csv_cell(f, o->id, true);
		if (!rc)
			rc = csv_cell(f, o->name, false);
		if (!rc)
			rc = csv_cell(f, m->org_types.v[o->type].name, false);
		if (!rc)
			rc = csv_cell(f, o->region, false);
		if (!rc)
			rc = csv_cell(f, *from ? from : NULL, false);
		if (!rc)
			rc = csv_cell(f, *to ? to : NULL, false);
		if (!rc)
			rc = csv_cell(f, o->succeeds.n ? sb_list(&b, &o->succeeds) : NULL, false);
		if (!rc)
			rc = csv_cell(f, o->sources.n ? sb_refs(&b, m, &o->sources) : NULL, false);
		if (!rc)
			rc = csv_attr_cells(f, keys, &o->attrs);
		if (!rc)
			rc = csv_end_row(f);
		if (b.oom)
			rc = -2;
	}
	free(b.s);
	return rc;
}

static int csv_links(FILE *f, const struct acg_model *m, const struct akeys *keys)
{
	struct sbuf b = {0};
	char from[ACG_DATE_BUFSIZE], to[ACG_DATE_BUFSIZE], weight[48];
	size_t j;
	int rc = csv_header(f, acg_csv_link_columns, keys);

	for (j = 0; !rc && j < m->nlinks; j++) {
		const struct acg_link *l = &m->links[j];

		acg_date_format(l->valid_from, from);
		acg_date_format(l->valid_to, to);
		format_number(weight, l->weight, false);
		rc = csv_cell(f, m->orgs[l->from].id, true);
		if (!rc)
			rc = csv_cell(f, m->orgs[l->to].id, false);
		if (!rc)
			rc = csv_cell(f, m->link_types.v[l->type].name, false);
		if (!rc)
			rc = csv_cell(f, l->domains.n ? sb_list(&b, &l->domains) : NULL, false);
		if (!rc)
			rc = csv_cell(f, weight, false);
		if (!rc)
			rc = csv_cell(f, l->mechanism, false);
		if (!rc)
			rc = csv_cell(f, l->label, false);
		if (!rc)
			rc = csv_cell(f, acg_basis_name(l->basis), false);
		if (!rc)
			rc = csv_cell(f, acg_sanction_name(l->sanction), false);
		if (!rc)
			rc = csv_cell(f, l->observed ? "true" : "false", false);
		if (!rc)
			rc = csv_cell(f, *from ? from : NULL, false);
		if (!rc)
			rc = csv_cell(f, *to ? to : NULL, false);
		if (!rc)
			rc = csv_cell(f, l->sources.n ? sb_refs(&b, m, &l->sources) : NULL, false);
		if (!rc)
			rc = csv_attr_cells(f, keys, &l->attrs);
		if (!rc)
			rc = csv_end_row(f);
		if (b.oom)
			rc = -2;
	}
	free(b.s);
	return rc;
}

enum acg_status acg_export_csv(const struct acg_model *m, FILE *orgs, FILE *links,
			       struct acg_diags *diags)
{
	struct akeys okeys = {0}, lkeys = {0};
	enum acg_status st;
	size_t i;
	int rc;

	st = check_csv_lists(m, diags);
	if (st != ACG_OK)
		return st;
	for (i = 0; i < m->norgs; i++)
		if (akeys_add(&okeys, &m->orgs[i].attrs)) {
			st = ACG_ENOMEM;
			goto out;
		}
	for (i = 0; i < m->nlinks; i++)
		if (akeys_add(&lkeys, &m->links[i].attrs)) {
			st = ACG_ENOMEM;
			goto out;
		}
	if ((st = csv_attr_columns(&okeys, acg_csv_org_columns, "organisation", diags)) ||
	    (st = csv_attr_columns(&lkeys, acg_csv_link_columns, "link", diags)))
		goto out;
	rc = csv_orgs(orgs, m, &okeys);
	if (!rc)
		rc = csv_links(links, m, &lkeys);
	if (rc == -2)
		st = ACG_ENOMEM;
	else if (rc || ferror(orgs) || ferror(links))
		st = ACG_EIO;
out:
	akeys_release(&okeys);
	akeys_release(&lkeys);
	return st;
}

/* ---- GraphML, GML and the edge list through igraph ---------------------------- */

/* The first reason igraph gave for an error during an export. */
static char igraph_reason[256];

static void capture_error(const char *reason, const char *file, int line, igraph_error_t err)
{
	(void)file;
	(void)line;
	(void)err;
	/* Called again while the stack unwinds, with empty reasons: keep the first. */
	if (reason && *reason && !igraph_reason[0])
		snprintf(igraph_reason, sizeof(igraph_reason), "%s", reason);
	IGRAPH_FINALLY_FREE();
}

/* A character XML 1.0 forbids: C0 controls other than tab, LF and CR. */
static const char *xml_forbidden(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
			return s;
	return NULL;
}

struct xml_check {
	struct acg_diags *diags;
	struct sbuf ptr;
	size_t bad;
	bool oom;
};

/* Reports s at pointer PREFIX[/KEY] when it holds a forbidden character. */
static void xml_check(struct xml_check *x, const char *prefix, const char *key, const char *s)
{
	const char *c;

	if (!s || !(c = xml_forbidden(s)))
		return;
	sb_reset(&x->ptr);
	sb_add(&x->ptr, prefix);
	if (key) {
		sb_add(&x->ptr, "/");
		sb_pointer_key(&x->ptr, key);
	}
	if (x->ptr.oom ||
	    acg_diags_add(x->diags, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, sb_str(&x->ptr),
			  "cannot be written to GraphML: XML 1.0 does not allow the control "
			  "character U+%04X",
			  (unsigned)(unsigned char)*c) == ACG_ENOMEM)
		x->oom = true;
	x->bad++;
}

static void xml_check_list(struct xml_check *x, const char *prefix, const char *member,
			   char *const *v, size_t n)
{
	char p[128];
	size_t k;

	for (k = 0; k < n; k++) {
		snprintf(p, sizeof(p), "%s/%s/%zu", prefix, member, k);
		xml_check(x, p, NULL, v[k]);
	}
}

static void xml_check_attrs(struct xml_check *x, const char *prefix, const struct acg_attrs *a)
{
	char p[128];
	size_t k;

	snprintf(p, sizeof(p), "%s/attributes", prefix);
	for (k = 0; k < a->n; k++) {
		xml_check(x, p, a->v[k].key, a->v[k].key);
		if (a->v[k].kind == ACG_ATTR_STRING)
			xml_check(x, p, a->v[k].key, a->v[k].value.string);
	}
}

/* Every string that GraphML would carry, checked: ACG_OK, ACG_EINVAL or ACG_ENOMEM. */
static enum acg_status check_xml(const struct acg_model *m, struct acg_diags *diags)
{
	struct xml_check x = {diags, {0}, 0, false};
	char p[64];
	size_t i;

	xml_check(&x, "/title", NULL, m->title);
	xml_check(&x, "/description", NULL, m->description);
	for (i = 0; i < m->norgs; i++) {
		const struct acg_org *o = &m->orgs[i];

		snprintf(p, sizeof(p), "/organisations/%zu", i);
		xml_check(&x, p, "id", o->id);
		xml_check(&x, p, "name", o->name);
		xml_check(&x, p, "type", m->org_types.v[o->type].name);
		xml_check(&x, p, "region", o->region);
		xml_check_list(&x, p, "succeeds", o->succeeds.v, o->succeeds.n);
		xml_check_attrs(&x, p, &o->attrs);
	}
	for (i = 0; i < m->nlinks; i++) {
		const struct acg_link *l = &m->links[i];

		snprintf(p, sizeof(p), "/links/%zu", i);
		xml_check(&x, p, "type", m->link_types.v[l->type].name);
		xml_check_list(&x, p, "for", l->domains.v, l->domains.n);
		xml_check(&x, p, "mechanism", l->mechanism);
		xml_check(&x, p, "label", l->label);
		xml_check_attrs(&x, p, &l->attrs);
	}
	for (i = 0; i < m->nsources; i++) {
		snprintf(p, sizeof(p), "/sources/%zu", i);
		xml_check(&x, p, "id", m->sources[i].id);
	}
	free(x.ptr.s);
	if (x.oom)
		return ACG_ENOMEM;
	return x.bad ? ACG_EINVAL : ACG_OK;
}

/* Attribute names in use on one kind of element, to keep them unique. */
struct names {
	char **v;
	size_t n, cap;
};

static bool names_has(const struct names *ns, const char *s)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		if (!strcmp(ns->v[i], s))
			return true;
	return false;
}

/* Adds s (stolen; freed on failure); -1 when out of memory. */
static int names_take(struct names *ns, char *s)
{
	if (!s || acg_grow((void **)&ns->v, &ns->cap, ns->n + 1, sizeof(*ns->v))) {
		free(s);
		return -1;
	}
	ns->v[ns->n++] = s;
	return 0;
}

static int names_add(struct names *ns, const char *s)
{
	return names_take(ns, acg_strdup(s));
}

static void names_release(struct names *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

/* GML keys: letters and digits only, starting with a letter. */
static char *gml_key(const char *s)
{
	char *k = malloc(strlen(s) + 2), *w = k;

	if (!k)
		return NULL;
	for (; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))
			*w++ = *s;
	*w = '\0';
	if (!(k[0] >= 'a' && k[0] <= 'z') && !(k[0] >= 'A' && k[0] <= 'Z')) {
		memmove(k + 1, k, strlen(k) + 1);
		k[0] = 'a';
	}
	return k;
}

/*
 * The name of a member in the written graph (GML keys are made of letters
 * and digits); recorded in ns.  NULL when out of memory.
 */
static const char *member_name(struct names *ns, const char *member, bool gml)
{
	if (names_take(ns, gml ? gml_key(member) : acg_strdup(member)))
		return NULL;
	return ns->v[ns->n - 1];
}

/*
 * The name of attribute key in the written graph: the key itself, or
 * "attributes.KEY" when a member has that name (GML: letters and digits,
 * with a number added on a clash); unique among ns, recorded there.
 */
static const char *attr_name(struct names *ns, const char *key, bool gml)
{
	char *s = gml ? gml_key(key) : acg_strdup(key), *t;
	int n = 2;

	if (!s)
		return NULL;
	if (gml) {
		while (names_has(ns, s)) {
			t = gml_key(key);
			free(s);
			s = t ? acg_asprintf("%s%d", t, n++) : NULL;
			free(t);
			if (!s)
				return NULL;
		}
	} else {
		while (names_has(ns, s)) {
			t = acg_asprintf("attributes.%s", s);
			free(s);
			if (!(s = t))
				return NULL;
		}
	}
	if (names_take(ns, s))
		return NULL;
	return ns->v[ns->n - 1];
}

/* What one export needs while it builds the graph. */
struct gx {
	const struct acg_model *m;
	igraph_t g;
	bool gml;
	struct names vnames, enames;
	struct sbuf b;      /* member and attribute texts */
	struct sbuf e;      /* the same, escaped for GML */
	igraph_error_t err; /* the first igraph error */
	bool oom;
};

#define GX_OK(x) (!(x)->err && !(x)->oom)

/*
 * A string for GML, into x->e.  GML is 7-bit ASCII (NetworkX refuses any
 * other byte): every character outside it becomes a character reference
 * &#N;, and a byte that is not part of a UTF-8 sequence &#65533; (U+FFFD).
 * NetworkX decodes the references; igraph 0.10's GML reader does not (it
 * keeps them as written, with a warning).  GML strings are one line to most
 * readers (NetworkX reads line by line): line ends and tabs become character
 * references too, and & is escaped so that they read back; igraph (told to)
 * then escapes only the quote.
 */
static const char *gml_escape(struct gx *x, const char *s)
{
	const unsigned char *end = (const unsigned char *)s + strlen(s);
	char one[2] = {0, 0}, ref[16];
	unsigned long cp;
	size_t len;

	sb_reset(&x->e);
	sb_add(&x->e, "");
	while (*s) {
		if ((unsigned char)*s >= 0x80) {
			len = acg_utf8_seq((const unsigned char *)s, end, &cp);
			snprintf(ref, sizeof(ref), "&#%lu;", len ? cp : 0xFFFDul);
			sb_add(&x->e, ref);
			s += len ? len : 1;
			continue;
		}
		switch (*s) {
		case '&':
			sb_add(&x->e, "&amp;");
			break;
		case '\n':
			sb_add(&x->e, "&#10;");
			break;
		case '\r':
			sb_add(&x->e, "&#13;");
			break;
		case '\t':
			sb_add(&x->e, "&#9;");
			break;
		default:
			one[0] = *s;
			sb_add(&x->e, one);
		}
		s++;
	}
	return sb_str(&x->e);
}

static void gx_check(struct gx *x, igraph_error_t e)
{
	if (e && !x->err)
		x->err = e;
}

/* A string column: text(i) for each element, into a strvector, then onto the graph. */
typedef const char *(*text_fn)(struct gx *x, size_t i, const void *arg);

static void string_column(struct gx *x, bool edge, const char *name, text_fn text, const void *arg)
{
	size_t n = edge ? x->m->nlinks : x->m->norgs, i;
	igraph_strvector_t sv;

	if (!GX_OK(x) || !name) {
		if (!name)
			x->oom = true;
		return;
	}
	if (igraph_strvector_init(&sv, (igraph_integer_t)n)) {
		x->err = IGRAPH_ENOMEM;
		return;
	}
	for (i = 0; GX_OK(x) && i < n; i++) {
		const char *s = text(x, i, arg);

		if (s && x->gml)
			s = gml_escape(x, s);
		if (x->b.oom || x->e.oom)
			x->oom = true;
		else
			gx_check(x, igraph_strvector_set(&sv, (igraph_integer_t)i, s ? s : ""));
	}
	if (GX_OK(x))
		gx_check(x, edge ? igraph_cattribute_EAS_setv(&x->g, name, &sv)
				 : igraph_cattribute_VAS_setv(&x->g, name, &sv));
	igraph_strvector_destroy(&sv);
}

typedef double (*number_fn)(struct gx *x, size_t i, const void *arg);

static void number_column(struct gx *x, bool edge, const char *name, number_fn num, const void *arg)
{
	size_t n = edge ? x->m->nlinks : x->m->norgs, i;
	igraph_vector_t v;

	if (!GX_OK(x) || !name) {
		if (!name)
			x->oom = true;
		return;
	}
	if (igraph_vector_init(&v, (igraph_integer_t)n)) {
		x->err = IGRAPH_ENOMEM;
		return;
	}
	for (i = 0; i < n; i++)
		VECTOR(v)[i] = num(x, i, arg);
	gx_check(x, edge ? igraph_cattribute_EAN_setv(&x->g, name, &v)
			 : igraph_cattribute_VAN_setv(&x->g, name, &v));
	igraph_vector_destroy(&v);
}

/*
 * Whether GML can hold the numbers of a column as numbers: a GML real has a
 * decimal point, which igraph leaves out of one it writes with an exponent
 * (1e-07), and readers such as NetworkX then misread it.
 */
static bool gml_numbers_ok(struct gx *x, bool edge, number_fn num, const void *arg)
{
	size_t n = edge ? x->m->nlinks : x->m->norgs, i;
	char buf[48];

	for (i = 0; i < n; i++) {
		double v = num(x, i, arg);

		if (isnan(v))
			continue;
		snprintf(buf, sizeof(buf), "%.15g", v);
		if (strchr(buf, 'e') && !strchr(buf, '.'))
			return false;
	}
	return true;
}

typedef bool (*bool_fn)(struct gx *x, size_t i, const void *arg);

static void bool_column(struct gx *x, bool edge, const char *name, bool_fn get, const void *arg)
{
	size_t n = edge ? x->m->nlinks : x->m->norgs, i;
	igraph_vector_bool_t v;

	if (!GX_OK(x) || !name) {
		if (!name)
			x->oom = true;
		return;
	}
	if (igraph_vector_bool_init(&v, (igraph_integer_t)n)) {
		x->err = IGRAPH_ENOMEM;
		return;
	}
	for (i = 0; i < n; i++)
		VECTOR(v)[i] = get(x, i, arg);
	gx_check(x, edge ? igraph_cattribute_EAB_setv(&x->g, name, &v)
			 : igraph_cattribute_VAB_setv(&x->g, name, &v));
	igraph_vector_bool_destroy(&v);
}

/* ---- the members as text ---- */

enum member {
	M_ID, M_NAME, M_TYPE, M_REGION, M_FROM_DATE, M_TO_DATE, M_SUCCEEDS, M_SOURCES,
	M_LINK_FROM, M_LINK_TO, M_LINK_TYPE, M_FOR, M_MECHANISM, M_LABEL, M_BASIS, M_SANCTION,
	M_LINK_FROM_DATE, M_LINK_TO_DATE, M_LINK_SOURCES
};

static const char *date_text(struct gx *x, acg_date d)
{
	char buf[ACG_DATE_BUFSIZE];

	sb_reset(&x->b);
	sb_add(&x->b, acg_date_format(d, buf));
	return sb_str(&x->b);
}

static const char *member_text(struct gx *x, size_t i, const void *arg)
{
	const struct acg_model *m = x->m;
	enum member k = *(const enum member *)arg;
	const struct acg_org *o = k <= M_SOURCES ? &m->orgs[i] : NULL;
	const struct acg_link *l = k > M_SOURCES ? &m->links[i] : NULL;

	switch (k) {
	case M_ID:
		return o->id;
	case M_NAME:
		return o->name;
	case M_TYPE:
		return m->org_types.v[o->type].name;
	case M_REGION:
		return o->region;
	case M_FROM_DATE:
		return date_text(x, o->valid_from);
	case M_TO_DATE:
		return date_text(x, o->valid_to);
	case M_SUCCEEDS:
		return sb_list(&x->b, &o->succeeds);
	case M_SOURCES:
		return sb_refs(&x->b, m, &o->sources);
	case M_LINK_FROM:
		return m->orgs[l->from].id;
	case M_LINK_TO:
		return m->orgs[l->to].id;
	case M_LINK_TYPE:
		return m->link_types.v[l->type].name;
	case M_FOR:
		return sb_list(&x->b, &l->domains);
	case M_MECHANISM:
		return l->mechanism;
	case M_LABEL:
		return l->label;
	case M_BASIS:
		return acg_basis_name(l->basis);
	case M_SANCTION:
		return acg_sanction_name(l->sanction);
	case M_LINK_FROM_DATE:
		return date_text(x, l->valid_from);
	case M_LINK_TO_DATE:
		return date_text(x, l->valid_to);
	case M_LINK_SOURCES:
		return sb_refs(&x->b, m, &l->sources);
	}
	return NULL;
}

static double weight_of(struct gx *x, size_t i, const void *arg)
{
	(void)arg;
	return x->m->links[i].weight;
}

static const char *weight_text(struct gx *x, size_t i, const void *arg)
{
	char buf[48];

	(void)arg;
	format_number(buf, x->m->links[i].weight, false);
	sb_reset(&x->b);
	sb_add(&x->b, buf);
	return sb_str(&x->b);
}

static double observed_number(struct gx *x, size_t i, const void *arg)
{
	(void)arg;
	return x->m->links[i].observed ? 1 : 0;
}

static bool observed_of(struct gx *x, size_t i, const void *arg)
{
	(void)arg;
	return x->m->links[i].observed;
}

/* ---- attributes ---- */

struct attr_arg {
	bool edge;
	const char *key;
};

static const struct acg_attr *gx_attr(struct gx *x, size_t i, const struct attr_arg *a)
{
	return attr_get(a->edge ? &x->m->links[i].attrs : &x->m->orgs[i].attrs, a->key);
}

static const char *attr_string(struct gx *x, size_t i, const void *arg)
{
	const struct acg_attr *a = gx_attr(x, i, arg);
	char buf[48];

	if (!a)
		return "";
	sb_reset(&x->b);
	sb_add(&x->b, attr_text(a, buf));
	return sb_str(&x->b);
}

static double attr_number(struct gx *x, size_t i, const void *arg)
{
	const struct acg_attr *a = gx_attr(x, i, arg);

	if (!a)
		return NAN;
	switch (a->kind) {
	case ACG_ATTR_INTEGER:
		return (double)a->value.integer;
	case ACG_ATTR_REAL:
		return a->value.real;
	case ACG_ATTR_BOOLEAN:
		return a->value.boolean ? 1 : 0;
	case ACG_ATTR_STRING:
		break;
	}
	return NAN;
}

static bool attr_bool(struct gx *x, size_t i, const void *arg)
{
	const struct acg_attr *a = gx_attr(x, i, arg);

	return a && a->kind == ACG_ATTR_BOOLEAN && a->value.boolean;
}

/* One column per attribute key of organisations (edge false) or links. */
static void attr_columns(struct gx *x, bool edge)
{
	struct akeys keys = {0};
	struct names *ns = edge ? &x->enames : &x->vnames;
	size_t n = edge ? x->m->nlinks : x->m->norgs, i;

	for (i = 0; i < n; i++)
		if (akeys_add(&keys, edge ? &x->m->links[i].attrs : &x->m->orgs[i].attrs))
			x->oom = true;
	for (i = 0; GX_OK(x) && i < keys.n; i++) {
		const struct akey *k = &keys.v[i];
		struct attr_arg arg = {edge, k->key};
		const char *name = attr_name(ns, k->key, x->gml);

		if ((!(k->kinds & ~NUMERIC_KINDS) ||
		     (x->gml && k->kinds == KIND_BIT(ACG_ATTR_BOOLEAN))) &&
		    (!x->gml || gml_numbers_ok(x, edge, attr_number, &arg)))
			number_column(x, edge, name, attr_number, &arg);
		else if (k->kinds == KIND_BIT(ACG_ATTR_BOOLEAN) && k->present == n)
			bool_column(x, edge, name, attr_bool, &arg);
		else
			string_column(x, edge, name, attr_string, &arg);
	}
	akeys_release(&keys);
}

static void member_column(struct gx *x, bool edge, const char *member, enum member k)
{
	string_column(x, edge, member_name(edge ? &x->enames : &x->vnames, member, x->gml),
		      member_text, &k);
}

/* Sets every attribute of the graph. */
static void set_attributes(struct gx *x)
{
	const struct acg_model *m = x->m;
	char buf[ACG_DATE_BUFSIZE];

	if (m->title)
		gx_check(x, igraph_cattribute_GAS_set(&x->g, "title",
						      x->gml ? gml_escape(x, m->title) : m->title));
	if (m->description && GX_OK(x))
		gx_check(x, igraph_cattribute_GAS_set(&x->g, "description",
						      x->gml ? gml_escape(x, m->description)
							     : m->description));
	if (x->e.oom)
		x->oom = true;
	if (m->as_of != ACG_DATE_NONE && GX_OK(x))
		gx_check(x, igraph_cattribute_GAS_set(&x->g, x->gml ? "asof" : "as_of",
						      acg_date_format(m->as_of, buf)));

	/* Parallel links are allowed: readers such as NetworkX want GML to say so. */
	if (x->gml && GX_OK(x))
		gx_check(x, igraph_cattribute_GAN_set(&x->g, "multigraph", 1));

	/* GML's own keys are not ours to use. */
	if (x->gml && (names_add(&x->vnames, "id") || names_add(&x->enames, "id") ||
		       names_add(&x->enames, "source") || names_add(&x->enames, "target")))
		x->oom = true;

	if (x->gml) {
		/* GML numbers its nodes; the organisation's id is the label. */
		member_column(x, false, "label", M_ID);
		member_column(x, false, "name", M_NAME);
	} else {
		member_column(x, false, "id", M_ID);
		member_column(x, false, "name", M_NAME);
		member_column(x, false, "label", M_NAME);
	}
	member_column(x, false, "type", M_TYPE);
	member_column(x, false, "region", M_REGION);
	member_column(x, false, "valid_from", M_FROM_DATE);
	member_column(x, false, "valid_to", M_TO_DATE);
	member_column(x, false, "succeeds", M_SUCCEEDS);
	member_column(x, false, "sources", M_SOURCES);
	attr_columns(x, false);

	member_column(x, true, "from", M_LINK_FROM);
	member_column(x, true, "to", M_LINK_TO);
	member_column(x, true, "type", M_LINK_TYPE);
	member_column(x, true, "for", M_FOR);
	member_column(x, true, "mechanism", M_MECHANISM);
	member_column(x, true, "label", M_LABEL);
	member_column(x, true, "basis", M_BASIS);
	member_column(x, true, "sanction", M_SANCTION);
	if (x->gml)
		number_column(x, true, member_name(&x->enames, "observed", true), observed_number,
			      NULL);
	else
		bool_column(x, true, member_name(&x->enames, "observed", false), observed_of, NULL);
	if (!x->gml || gml_numbers_ok(x, true, weight_of, NULL))
		number_column(x, true, member_name(&x->enames, "weight", x->gml), weight_of, NULL);
	else
		string_column(x, true, member_name(&x->enames, "weight", true), weight_text, NULL);
	member_column(x, true, "valid_from", M_LINK_FROM_DATE);
	member_column(x, true, "valid_to", M_LINK_TO_DATE);
	member_column(x, true, "sources", M_LINK_SOURCES);
	attr_columns(x, true);
}

static enum acg_status status_of(struct gx *x, struct acg_diags *diags)
{
	if (x->oom || x->err == IGRAPH_ENOMEM)
		return ACG_ENOMEM;
	if (!x->err)
		return ACG_OK;
	if (x->err == IGRAPH_EFILE)
		return ACG_EIO;
	if (acg_diags_add(diags, ACG_ERROR, ACG_ELIB, NULL, 0, 0, NULL, "igraph: %s",
			  igraph_reason[0] ? igraph_reason : "an error without a reason") ==
	    ACG_ENOMEM)
		return ACG_ENOMEM;
	return ACG_ELIB;
}

enum acg_status acg_export_graph(const struct acg_model *m, enum acg_export_format format,
				 FILE *f, struct acg_diags *diags)
{
	struct gx x;
	igraph_attribute_table_t *old_table = NULL;
	igraph_error_handler_t *old_handler;
	igraph_vector_int_t edges;
	bool attrs = format != ACG_EXPORT_EDGELIST, have_graph = false;
	enum acg_status st;
	size_t j;

	if (format != ACG_EXPORT_GRAPHML && format != ACG_EXPORT_GML &&
	    format != ACG_EXPORT_EDGELIST)
		return ACG_EUSAGE;
	if (m->norgs > (size_t)IGRAPH_INTEGER_MAX / 2 || m->nlinks > (size_t)IGRAPH_INTEGER_MAX / 2)
		return ACG_ENOMEM;
	if (format == ACG_EXPORT_GRAPHML && (st = check_xml(m, diags)) != ACG_OK)
		return st;

	memset(&x, 0, sizeof(x));
	x.m = m;
	x.gml = format == ACG_EXPORT_GML;
	igraph_reason[0] = '\0';
	old_handler = igraph_set_error_handler(capture_error);
	if (attrs)
		old_table = igraph_set_attribute_table(&igraph_cattribute_table);

	gx_check(&x, igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m->nlinks)));
	if (!x.err) {
		for (j = 0; j < m->nlinks; j++) {
			VECTOR(edges)[2 * j] = (igraph_integer_t)m->links[j].from;
			VECTOR(edges)[2 * j + 1] = (igraph_integer_t)m->links[j].to;
		}
		gx_check(&x, igraph_create(&x.g, &edges, (igraph_integer_t)m->norgs,
					   IGRAPH_DIRECTED));
		have_graph = !x.err;
		igraph_vector_int_destroy(&edges);
	}
	if (have_graph && attrs)
		set_attributes(&x);
	if (have_graph && GX_OK(&x)) {
		switch (format) {
		case ACG_EXPORT_GRAPHML:
			gx_check(&x, igraph_write_graph_graphml(&x.g, f, true));
			break;
		case ACG_EXPORT_GML:
			gx_check(&x, igraph_write_graph_gml(&x.g, f,
							    IGRAPH_WRITE_GML_ENCODE_ONLY_QUOT_SW, NULL,
							    "accgraph"));
			break;
		default:
			gx_check(&x, igraph_write_graph_edgelist(&x.g, f));
			break;
		}
		if (!x.err && ferror(f))
			x.err = IGRAPH_EFILE;
	}
	/* The graph's attributes are freed by the table they were made with. */
	if (have_graph)
		igraph_destroy(&x.g);
	if (attrs)
		igraph_set_attribute_table(old_table);
	igraph_set_error_handler(old_handler);

	st = status_of(&x, diags);
	names_release(&x.vnames);
	names_release(&x.enames);
	free(x.b.s);
	free(x.e.s);
	return st;
}

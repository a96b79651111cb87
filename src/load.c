/*
 * load.c - format version 1 into a model; see accgraph/load.h.
 *
 * Two walks over the document:
 *   1. collect: the declared type names and one model source per element of
 *      `sources`; and one model organisation per element of `organisations`
 *      (with its id when it has one, indexed for lookup, first occurrence
 *      wins).  Nothing is reported; this only lets references be resolved
 *      wherever they stand in the document.
 *   2. check: every member of the document in document order, reporting
 *      every problem with the JSON Pointer of the offending value and filling
 *      the model.
 * A document with any error is rejected as a whole; its model is freed.
 *
 * The document is streamed (load_streamed(), docsplit.h): its small members
 * are parsed first and collected, then the members are checked in document
 * order, `organisations` and `links` range by range as worker threads parse
 * them, each organisation collected just before it is checked.  A document
 * the stream cannot take - not JSON, or `links` before `organisations`, or a
 * shape the scan leaves alone - is parsed whole by jansson (load_whole()),
 * which reports a syntax error where it finds it: the result is the same
 * either way (tests/unit/test_load_stream.c).  jansson keeps members in
 * insertion order and rejects duplicate member names.
 */
#include "accgraph/load.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unistd.h>

#include "docsplit.h"
#include "load_tuning.h"
#include "util.h"

#define FORMAT_VERSION 1

struct link_key {
	size_t from, to, type;
	size_t link; /* index + 1; 0 = empty slot */
};

struct loader {
	const char *file;
	struct acg_diags *diags;
	struct acg_model *m;
	enum acg_status status; /* ACG_ENOMEM once an allocation failed */
	size_t errors;          /* errors reported for this document */

	/* The JSON Pointer of the value being checked. */
	char *ptr;
	size_t ptr_len;
	size_t ptr_cap;

	/* (from, to, type) of the links seen so far, to find links stated twice. */
	struct link_key *link_keys;
	size_t link_keys_cap;
	size_t link_keys_n;

	/*
	 * Digest mode (a parse thread's, digest_range()): elements checked into
	 * a model of their own, m, with nothing reported (errors and warnings
	 * only counted) and nothing looked up in the model being loaded except
	 * its sources, in `sources_of`; the names of link ends and types are
	 * left in the d_* members for the loading thread to look up.
	 */
	bool digest;
	const struct acg_model *sources_of; /* m, except in digest mode */
	size_t warnings;
	const char *d_from, *d_to, *d_type;
};

/* ---- reporting ------------------------------------------------------- */

static void nomem(struct loader *L)
{
	L->status = ACG_ENOMEM;
}

static void report(struct loader *L, enum acg_severity sev, const char *fmt, va_list ap)
{
	if (acg_diags_vadd(L->diags, sev, sev == ACG_ERROR ? ACG_EINVAL : ACG_OK, L->file, 0, 0,
			   L->ptr, fmt, ap) == ACG_ENOMEM)
		nomem(L);
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void error(struct loader *L, const char *fmt, ...)
{
	va_list ap;

	L->errors++;
	va_start(ap, fmt);
	report(L, ACG_ERROR, fmt, ap);
	va_end(ap);
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void warning(struct loader *L, const char *fmt, ...)
{
	va_list ap;

	L->warnings++;
	va_start(ap, fmt);
	report(L, ACG_WARNING, fmt, ap);
	va_end(ap);
}

/* "a string", "an array", ...: the JSON type of v, for messages. */
static const char *kind_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	}
	return "a value";
}

/* As kind_of(), telling a number with a fraction from an integer. */
static const char *integer_kind_of(const json_t *v)
{
	return json_is_real(v) ? "a number with a fraction or an exponent" : kind_of(v);
}

/* ---- the JSON Pointer of the current value ----------------------------- */

static int ptr_append(struct loader *L, const char *s, size_t n)
{
	if (L->digest) /* nothing is reported: no pointer is kept */
		return 0;
	if (acg_grow((void **)&L->ptr, &L->ptr_cap, L->ptr_len + n + 1, 1)) {
		nomem(L);
		return -1;
	}
	memcpy(L->ptr + L->ptr_len, s, n);
	L->ptr_len += n;
	L->ptr[L->ptr_len] = '\0';
	return 0;
}

/* Appends "/key" (with RFC 6901's ~0 and ~1 escapes); returns the old length. */
static size_t ptr_push_key(struct loader *L, const char *key)
{
	size_t mark = L->ptr_len;

	ptr_append(L, "/", 1);
	for (; *key; key++) {
		if (*key == '~')
			ptr_append(L, "~0", 2);
		else if (*key == '/')
			ptr_append(L, "~1", 2);
		else
			ptr_append(L, key, 1);
	}
	return mark;
}

static size_t ptr_push_index(struct loader *L, size_t i)
{
	char buf[32];
	size_t mark = L->ptr_len;

	if (!L->digest)
		ptr_append(L, buf, (size_t)snprintf(buf, sizeof(buf), "/%zu", i));
	return mark;
}

static void ptr_pop(struct loader *L, size_t mark)
{
	if (L->ptr) {
		L->ptr_len = mark;
		L->ptr[mark] = '\0';
	}
}

/* ---- scalar members ---------------------------------------------------- */

/* The string value of v, or NULL after reporting that v is not a string. */
static const char *want_string(struct loader *L, const json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	error(L, "expected a string, got %s", kind_of(v));
	return NULL;
}

/* As want_string(), also rejecting the empty string; `what` names the value. */
static const char *want_name(struct loader *L, const json_t *v, const char *what)
{
	const char *s = want_string(L, v);

	if (s && !*s) {
		error(L, "%s must not be empty", what);
		return NULL;
	}
	return s;
}

/* Copies s into *dst (freeing what was there); NULL s leaves *dst as it is. */
static void keep_string(struct loader *L, char **dst, const char *s)
{
	char *copy;

	if (!s)
		return;
	copy = acg_strdup(s);
	if (!copy) {
		nomem(L);
		return;
	}
	free(*dst);
	*dst = copy;
}

/* A date member: a YYYY-MM-DD string, or null where `nullable`. */
static void want_date(struct loader *L, const json_t *v, bool nullable, acg_date *out)
{
	const char *s;

	if (nullable && json_is_null(v))
		return;
	if (!json_is_string(v)) {
		error(L, "expected a date as a \"YYYY-MM-DD\" string%s, got %s",
		      nullable ? " or null" : "", kind_of(v));
		return;
	}
	s = json_string_value(v);
	switch (acg_date_parse(s, out)) {
	case ACG_DATE_OK:
		break;
	case ACG_DATE_MALFORMED:
		error(L, "\"%s\" is not a date of the form YYYY-MM-DD", s);
		break;
	case ACG_DATE_IMPOSSIBLE:
		error(L, "\"%s\" is not a calendar date", s);
		break;
	}
}

static void want_boolean(struct loader *L, const json_t *v, bool *out)
{
	if (json_is_boolean(v))
		*out = json_is_true(v);
	else
		error(L, "expected true or false, got %s", kind_of(v));
}

/*
 * At the `valid_to` member of obj, whose value parsed as `to`: it must come
 * after `valid_from` (wherever that stands in the object), or the interval
 * [valid_from, valid_to) would hold no day.  An unparsable valid_from is
 * reported at its own member, not here.
 */
static void check_interval(struct loader *L, const json_t *obj, acg_date to)
{
	const json_t *v = json_object_get(obj, "valid_from");
	char a[ACG_DATE_BUFSIZE], b[ACG_DATE_BUFSIZE];
	acg_date from;

	if (to == ACG_DATE_NONE || !json_is_string(v) ||
	    acg_date_parse(json_string_value(v), &from) != ACG_DATE_OK || to > from)
		return;
	if (to == from)
		error(L, "valid_to %s is the same day as valid_from; the interval "
			 "[valid_from, valid_to) holds no day",
		      acg_date_format(to, a));
	else
		error(L, "valid_to %s is before valid_from %s", acg_date_format(to, a),
		      acg_date_format(from, b));
}

/* ---- lists ---------------------------------------------------------------- */

/*
 * An array of non-empty strings with no repeats (`for`, `succeeds`), kept in
 * *out.  `what` names an element in messages.  An element equal to `self`
 * (when not NULL: the organisation's own id in `succeeds`) is an error.
 */
static void want_string_list(struct loader *L, const json_t *v, const char *what,
			     const char *self, struct acg_strlist *out)
{
	size_t i, j, mark;
	const json_t *e;

	if (!json_is_array(v)) {
		error(L, "expected an array of strings, got %s", kind_of(v));
		return;
	}
	if (acg_grow((void **)&out->v, &(size_t){0}, json_array_size(v) + 1, sizeof(char *))) {
		nomem(L);
		return;
	}
	json_array_foreach(v, i, e) {
		const char *s;

		mark = ptr_push_index(L, i);
		s = want_name(L, e, what);
		if (s) {
			for (j = 0; j < i; j++)
				if (json_is_string(json_array_get(v, j)) &&
				    !strcmp(json_string_value(json_array_get(v, j)), s))
					break;
			if (j < i) {
				error(L, "\"%s\" is listed twice (first at index %zu)", s, j);
			} else if (self && !strcmp(s, self)) {
				error(L, "an organisation cannot succeed itself (\"%s\")", s);
			} else if (!(out->v[out->n] = acg_strdup(s))) {
				nomem(L);
			} else {
				out->n++;
			}
		}
		ptr_pop(L, mark);
	}
}

/* `sources` of an organisation or link: ids of the document's sources. */
static void want_source_refs(struct loader *L, const json_t *v, struct acg_refs *out)
{
	size_t i, j, mark;
	const json_t *e;

	if (!json_is_array(v)) {
		error(L, "expected an array of source ids, got %s", kind_of(v));
		return;
	}
	if (acg_grow((void **)&out->v, &(size_t){0}, json_array_size(v) + 1, sizeof(size_t))) {
		nomem(L);
		return;
	}
	json_array_foreach(v, i, e) {
		const char *s;
		size_t src;

		mark = ptr_push_index(L, i);
		s = want_name(L, e, "a source id");
		if (s) {
			src = acg_model_find_source(L->sources_of, s);
			for (j = 0; j < out->n && out->v[j] != src; j++)
				;
			if (src == ACG_NONE)
				error(L, "no source has id \"%s\"", s);
			else if (j < out->n)
				error(L, "source \"%s\" is listed twice", s);
			else
				out->v[out->n++] = src;
		}
		ptr_pop(L, mark);
	}
}

/* `attributes`: free key/value pairs whose values are strings, numbers or booleans. */
static void want_attributes(struct loader *L, const json_t *v, struct acg_attrs *out)
{
	const char *key;
	const json_t *val;
	size_t mark;

	if (!json_is_object(v)) {
		error(L, "expected an object of attributes, got %s", kind_of(v));
		return;
	}
	if (acg_grow((void **)&out->v, &(size_t){0}, json_object_size(v) + 1, sizeof(*out->v))) {
		nomem(L);
		return;
	}
	json_object_foreach((json_t *)v, key, val) {
		struct acg_attr *a = &out->v[out->n];

		mark = ptr_push_key(L, key);
		if (!*key) {
			error(L, "an attribute name must not be empty");
		} else if (json_is_string(val) || json_is_number(val) || json_is_boolean(val)) {
			memset(a, 0, sizeof(*a));
			if (!(a->key = acg_strdup(key))) {
				nomem(L);
			} else if (json_is_string(val)) {
				a->kind = ACG_ATTR_STRING;
				if (!(a->value.string = acg_strdup(json_string_value(val)))) {
					free(a->key);
					nomem(L);
				} else {
					out->n++;
				}
			} else {
				if (json_is_integer(val)) {
					a->kind = ACG_ATTR_INTEGER;
					a->value.integer = json_integer_value(val);
				} else if (json_is_real(val)) {
					a->kind = ACG_ATTR_REAL;
					a->value.real = json_real_value(val);
				} else {
					a->kind = ACG_ATTR_BOOLEAN;
					a->value.boolean = json_is_true(val);
				}
				out->n++;
			}
		} else {
			error(L, "an attribute value must be a string, a number or a boolean, got %s",
			      kind_of(val));
		}
		ptr_pop(L, mark);
	}
}

/* ---- the vocabulary ----------------------------------------------------- */

static const char *const graphviz_shapes[] = {
	"box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle",
	"plaintext", "plain", "diamond", "trapezium", "parallelogram", "house", "pentagon",
	"hexagon", "septagon", "octagon", "doublecircle", "doubleoctagon", "tripleoctagon",
	"invtriangle", "invtrapezium", "invhouse", "Mdiamond", "Msquare", "Mcircle", "rect",
	"rectangle", "square", "star", "none", "underline", "cylinder", "note", "tab",
	"folder", "box3d", "component", "promoter", "cds", "terminator", "utr", "primersite",
	"restrictionsite", "fivepoverhang", "threepoverhang", "noverhang", "assembly",
	"signature", "insulator", "ribosite", "rnastab", "proteasesite", "proteinstab",
	"rpromoter", "rarrow", "larrow", "lpromoter", NULL};

static const char *const graphviz_styles[] = {
	"solid", "dashed", "dotted", "bold", "invis", "filled", "rounded", "diagonals",
	"striped", "wedged", "radial", "tapered", NULL};

static bool listed(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && !strncmp(*list, s, n))
			return true;
	return false;
}

/* Letters and digits, starting with a letter, n > 0 of them. */
static bool is_word(const char *s, size_t n)
{
	size_t i;

	if (!n || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	for (i = 0; i < n; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", s[i]) ||
		    !s[i])
			return false;
	return true;
}

/*
 * A Graphviz colour: #RRGGBB, #RRGGBBAA, a colour name (letters and digits)
 * or a name in a colour scheme, /scheme/name.
 */
static bool is_colour(const char *s)
{
	size_t n = strlen(s), i;
	const char *slash;

	if (s[0] == '/') {
		slash = strchr(s + 1, '/');
		return slash && is_word(s + 1, (size_t)(slash - s - 1)) && slash[1] &&
		       strspn(slash + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					 "0123456789") == strlen(slash + 1);
	}

	if (s[0] == '#') {
		if (n != 7 && n != 9)
			return false;
		for (i = 1; i < n; i++)
			if (!strchr("0123456789abcdefABCDEF", s[i]))
				return false;
		return true;
	}
	return is_word(s, n);
}

/* A style: one or more Graphviz style names separated by commas (and spaces). */
static bool is_style(const char *s)
{
	const char *end, *last;

	do {
		while (*s == ' ')
			s++;
		end = strchr(s, ',');
		if (!end)
			end = s + strlen(s);
		for (last = end; last > s && last[-1] == ' '; last--)
			;
		if (!listed(graphviz_styles, s, (size_t)(last - s)))
			return false;
		s = end + 1;
	} while (*end);
	return true;
}

static void type_member(struct loader *L, struct acg_type *t, bool is_link, const char *key,
			const json_t *v)
{
	const char *s;

	if (!strcmp(key, "label")) {
		keep_string(L, &t->label, want_string(L, v));
	} else if (!strcmp(key, "tier") && !is_link) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > 1000)
			error(L, "expected a tier, an integer from 1 (the top) to 1000, got %s",
			      json_is_integer(v) ? "a number out of range" : integer_kind_of(v));
		else
			t->tier = (int)json_integer_value(v);
	} else if (!strcmp(key, "shape") && !is_link) {
		if ((s = want_string(L, v)) && !listed(graphviz_shapes, s, strlen(s)))
			error(L, "\"%s\" is not a Graphviz node shape", s);
		else
			keep_string(L, &t->shape, s);
	} else if (!strcmp(key, "color")) {
		if ((s = want_string(L, v)) && !is_colour(s))
			error(L, "\"%s\" is not a colour (expected #RRGGBB, #RRGGBBAA, a colour name or "
				 "/scheme/name)",
			      s);
		else
			keep_string(L, &t->color, s);
	} else if (!strcmp(key, "style")) {
		if ((s = want_string(L, v)) && !is_style(s))
			error(L, "\"%s\" is not a Graphviz style (expected names from: solid, "
				 "dashed, dotted, bold, invis, filled, rounded, diagonals, striped, "
				 "wedged, radial, tapered, separated by commas)",
			      s);
		else
			keep_string(L, &t->style, s);
	} else {
		warning(L, "unknown member \"%s\" is ignored", key);
	}
}

/* `organisation_types` or `link_types`: the names were declared by collect(). */
static void check_vocabulary(struct loader *L, const json_t *v, bool is_link)
{
	struct acg_type_table *table = is_link ? &L->m->link_types : &L->m->org_types;
	const char *name, *key;
	const json_t *def, *mv;
	size_t mark, mark2;

	if (!json_is_object(v)) {
		error(L, "expected an object of %s types, got %s", is_link ? "link" : "organisation",
		      kind_of(v));
		return;
	}
	json_object_foreach((json_t *)v, name, def) {
		mark = ptr_push_key(L, name);
		if (!*name) {
			error(L, "a type name must not be empty");
		} else if (!json_is_object(def)) {
			error(L, "expected an object describing the type, got %s", kind_of(def));
		} else {
			struct acg_type *t = &table->v[acg_type_find(table, name)];

			json_object_foreach((json_t *)def, key, mv) {
				mark2 = ptr_push_key(L, key);
				type_member(L, t, is_link, key, mv);
				ptr_pop(L, mark2);
			}
		}
		ptr_pop(L, mark);
	}
}

/* The type named by v in table; reports a bad or undeclared name. */
static size_t want_type(struct loader *L, const json_t *v, bool is_link)
{
	struct acg_type_table *table = is_link ? &L->m->link_types : &L->m->org_types;
	bool declared = is_link ? L->m->link_types_declared : L->m->org_types_declared;
	const char *what = is_link ? "link" : "organisation";
	const char *name = want_name(L, v, "a type name");
	size_t t;

	if (!name)
		return ACG_NONE;
	if (L->digest) {
		L->d_type = name;
		return ACG_NONE;
	}
	t = acg_type_find(table, name);
	if (declared && (t == ACG_NONE || !table->v[t].declared)) {
		error(L, "%s type \"%s\" is not declared in %s", what, name,
		      is_link ? "link_types" : "organisation_types");
		return ACG_NONE;
	}
	t = acg_type_intern(table, name, is_link);
	if (t == ACG_NONE)
		nomem(L);
	else
		table->v[t].uses++;
	return t;
}

/* ---- sources ------------------------------------------------------------- */

static void check_sources(struct loader *L, const json_t *v)
{
	size_t i, mark, mark2;
	const json_t *e, *mv;
	const char *key;

	if (!json_is_array(v)) {
		error(L, "expected an array of sources, got %s", kind_of(v));
		return;
	}
	json_array_foreach(v, i, e) {
		struct acg_source *src = &L->m->sources[i];
		bool has_id = false;

		mark = ptr_push_index(L, i);
		if (!json_is_object(e)) {
			error(L, "expected a source object, got %s", kind_of(e));
			ptr_pop(L, mark);
			continue;
		}
		json_object_foreach((json_t *)e, key, mv) {
			mark2 = ptr_push_key(L, key);
			if (!strcmp(key, "id")) {
				const char *id = want_name(L, mv, "a source id");
				size_t first = id ? acg_model_find_source(L->m, id) : ACG_NONE;

				has_id = true;
				if (id && first != i)
					error(L, "duplicate source id \"%s\" (first at /sources/%zu)", id,
					      first);
			} else if (!strcmp(key, "citation")) {
				keep_string(L, &src->citation, want_string(L, mv));
			} else if (!strcmp(key, "url")) {
				keep_string(L, &src->url, want_string(L, mv));
			} else {
				warning(L, "unknown member \"%s\" is ignored", key);
			}
			ptr_pop(L, mark2);
		}
		if (!has_id) {
			mark2 = ptr_push_key(L, "id");
			error(L, "required member \"id\" is missing");
			ptr_pop(L, mark2);
		}
		ptr_pop(L, mark);
	}
}

/* ---- organisations ------------------------------------------------------ */

static void org_member(struct loader *L, const json_t *obj, struct acg_org *o, size_t i,
		       const char *key, const json_t *v)
{
	if (!strcmp(key, "id")) {
		const char *id = want_name(L, v, "an organisation id");
		size_t first = id && !L->digest ? acg_model_find_org(L->m, id) : i;

		if (id && first != i)
			error(L, "duplicate organisation id \"%s\" (first at /organisations/%zu)", id,
			      first);
	} else if (!strcmp(key, "name")) {
		keep_string(L, &o->name, want_name(L, v, "a name"));
	} else if (!strcmp(key, "type")) {
		o->type = want_type(L, v, false);
	} else if (!strcmp(key, "region")) {
		keep_string(L, &o->region, want_name(L, v, "a region"));
	} else if (!strcmp(key, "valid_from")) {
		want_date(L, v, true, &o->valid_from);
	} else if (!strcmp(key, "valid_to")) {
		want_date(L, v, true, &o->valid_to);
		check_interval(L, obj, o->valid_to);
	} else if (!strcmp(key, "succeeds")) {
		want_string_list(L, v, "an organisation id", o->id, &o->succeeds);
	} else if (!strcmp(key, "sources")) {
		want_source_refs(L, v, &o->sources);
	} else if (!strcmp(key, "attributes")) {
		want_attributes(L, v, &o->attrs);
	} else {
		warning(L, "unknown member \"%s\" is ignored", key);
	}
}

static void report_missing(struct loader *L, const char *member)
{
	size_t mark = ptr_push_key(L, member);

	error(L, "required member \"%s\" is missing", member);
	ptr_pop(L, mark);
}

static void check_organisation(struct loader *L, const json_t *e, size_t i)
{
	struct acg_org *o = &L->m->orgs[i];
	const char *key;
	const json_t *v;

	if (!json_is_object(e)) {
		error(L, "expected an organisation object, got %s", kind_of(e));
		return;
	}
	json_object_foreach((json_t *)e, key, v) {
		size_t mark = ptr_push_key(L, key);

		org_member(L, e, o, i, key, v);
		ptr_pop(L, mark);
	}
	if (!json_object_get(e, "id"))
		report_missing(L, "id");
	if (!json_object_get(e, "type"))
		report_missing(L, "type");
	if (!o->name && o->id)
		keep_string(L, &o->name, o->id);
}

static void check_organisations(struct loader *L, const json_t *v)
{
	size_t i, mark;
	const json_t *e;

	if (!json_is_array(v)) {
		error(L, "expected an array of organisations, got %s", kind_of(v));
		return;
	}
	json_array_foreach(v, i, e) {
		mark = ptr_push_index(L, i);
		check_organisation(L, e, i);
		ptr_pop(L, mark);
	}
}

/* ---- links --------------------------------------------------------------- */

static size_t link_key_hash(size_t from, size_t to, size_t type)
{
	uint64_t h = 14695981039346656037ULL;

	h = (h ^ from) * 1099511628211ULL;
	h = (h ^ to) * 1099511628211ULL;
	h = (h ^ type) * 1099511628211ULL;
	return (size_t)(h ^ (h >> 29));
}

/*
 * Records link j under (from, to, type).  Returns the index of an earlier link
 * with the same key, or ACG_NONE.
 */
static size_t link_key_add(struct loader *L, size_t from, size_t to, size_t type, size_t j)
{
	size_t mask, s;

	if ((L->link_keys_n + 1) * 2 > L->link_keys_cap) {
		struct link_key *old = L->link_keys;
		size_t oldcap = L->link_keys_cap, k;
		size_t ncap = oldcap ? oldcap * 2 : 64;

		if (ncap > SIZE_MAX / sizeof(*old) || !(L->link_keys = calloc(ncap, sizeof(*old)))) {
			L->link_keys = old;
			nomem(L);
			return ACG_NONE;
		}
		L->link_keys_cap = ncap;
		for (k = 0; k < oldcap; k++) {
			if (!old[k].link)
				continue;
			s = link_key_hash(old[k].from, old[k].to, old[k].type) & (ncap - 1);
			while (L->link_keys[s].link)
				s = (s + 1) & (ncap - 1);
			L->link_keys[s] = old[k];
		}
		free(old);
	}
	mask = L->link_keys_cap - 1;
	s = link_key_hash(from, to, type) & mask;
	for (; L->link_keys[s].link; s = (s + 1) & mask) {
		struct link_key *k = &L->link_keys[s];

		if (k->from == from && k->to == to && k->type == type)
			return k->link - 1;
	}
	L->link_keys[s] = (struct link_key){from, to, type, j + 1};
	L->link_keys_n++;
	return ACG_NONE;
}

/* A link end: the index of the organisation it names, or ACG_NONE. */
static size_t want_org_ref(struct loader *L, const json_t *v, const char **digest_id)
{
	const char *id = want_name(L, v, "an organisation id");
	size_t o;

	if (!id)
		return ACG_NONE;
	if (L->digest) {
		*digest_id = id;
		return ACG_NONE;
	}
	o = acg_model_find_org(L->m, id);
	if (o == ACG_NONE)
		error(L, "no organisation has id \"%s\"", id);
	return o;
}

static void link_member(struct loader *L, const json_t *obj, struct acg_link *l, const char *key,
			const json_t *v)
{
	const json_t *from;
	const char *s;

	if (!strcmp(key, "from")) {
		l->from = want_org_ref(L, v, &L->d_from);
	} else if (!strcmp(key, "to")) {
		l->to = want_org_ref(L, v, &L->d_to);
		from = json_object_get(obj, "from");
		if (json_is_string(v) && *json_string_value(v) && json_is_string(from) &&
		    !strcmp(json_string_value(from), json_string_value(v)))
			error(L, "a link cannot go from an organisation to itself (\"%s\")",
			      json_string_value(v));
	} else if (!strcmp(key, "type")) {
		l->type = want_type(L, v, true);
	} else if (!strcmp(key, "for")) {
		want_string_list(L, v, "an entry of \"for\"", NULL, &l->domains);
	} else if (!strcmp(key, "mechanism")) {
		keep_string(L, &l->mechanism, want_string(L, v));
	} else if (!strcmp(key, "label")) {
		keep_string(L, &l->label, want_string(L, v));
	} else if (!strcmp(key, "basis")) {
		if ((s = want_string(L, v)) && !(l->basis = acg_basis_from_name(s)))
			error(L, "\"%s\" is not a basis (expected statute, regulation, licence, "
				 "contract, constitution, guidance or informal)",
			      s);
	} else if (!strcmp(key, "sanction")) {
		if ((s = want_string(L, v)) && !(l->sanction = acg_sanction_from_name(s)))
			error(L, "\"%s\" is not a sanction (expected hard, soft or none)", s);
	} else if (!strcmp(key, "weight")) {
		if (!json_is_number(v))
			error(L, "expected a positive number, got %s", kind_of(v));
		else if (!(json_number_value(v) > 0))
			error(L, "a weight must be positive, got %g", json_number_value(v));
		else
			l->weight = json_number_value(v);
	} else if (!strcmp(key, "observed")) {
		want_boolean(L, v, &l->observed);
	} else if (!strcmp(key, "valid_from")) {
		want_date(L, v, true, &l->valid_from);
	} else if (!strcmp(key, "valid_to")) {
		want_date(L, v, true, &l->valid_to);
		check_interval(L, obj, l->valid_to);
	} else if (!strcmp(key, "sources")) {
		want_source_refs(L, v, &l->sources);
	} else if (!strcmp(key, "attributes")) {
		want_attributes(L, v, &l->attrs);
	} else {
		warning(L, "unknown member \"%s\" is ignored", key);
	}
}

/*
 * A link stated twice: the same from, to and type as an earlier link,
 * reported at the link itself (before its members).  The ends and the type
 * are looked up without reporting; their own problems are reported at their
 * members.
 */
static void check_duplicate_link(struct loader *L, const json_t *e, size_t j)
{
	const json_t *from = json_object_get(e, "from"), *to = json_object_get(e, "to");
	const json_t *type = json_object_get(e, "type");
	size_t f, t, ty, first;

	if (!json_is_string(from) || !json_is_string(to) || !json_is_string(type))
		return;
	f = acg_model_find_org(L->m, json_string_value(from));
	t = acg_model_find_org(L->m, json_string_value(to));
	if (f == ACG_NONE || t == ACG_NONE || f == t)
		return;
	ty = acg_type_intern(&L->m->link_types, json_string_value(type), true);
	if (ty == ACG_NONE) {
		nomem(L);
		return;
	}
	first = link_key_add(L, f, t, ty, j);
	if (first != ACG_NONE)
		error(L, "duplicate link: \"%s\" to \"%s\" of type \"%s\" is already stated at "
			 "/links/%zu",
		      L->m->orgs[f].id, L->m->orgs[t].id, L->m->link_types.v[ty].name, first);
}

static void check_link(struct loader *L, const json_t *e, size_t j)
{
	struct acg_link *l = acg_model_add_link(L->m);
	const char *key;
	const json_t *v;

	if (!l) {
		nomem(L);
		return;
	}
	if (!json_is_object(e)) {
		error(L, "expected a link object, got %s", kind_of(e));
		return;
	}
	if (!L->digest)
		check_duplicate_link(L, e, j);
	json_object_foreach((json_t *)e, key, v) {
		size_t mark = ptr_push_key(L, key);

		link_member(L, e, l, key, v);
		ptr_pop(L, mark);
	}
	if (!json_object_get(e, "from"))
		report_missing(L, "from");
	if (!json_object_get(e, "to"))
		report_missing(L, "to");
	if (!json_object_get(e, "type"))
		report_missing(L, "type");
}

static void check_links(struct loader *L, const json_t *v)
{
	size_t j, mark;
	const json_t *e;

	if (!json_is_array(v)) {
		error(L, "expected an array of links, got %s", kind_of(v));
		return;
	}
	json_array_foreach(v, j, e) {
		mark = ptr_push_index(L, j);
		check_link(L, e, j);
		ptr_pop(L, mark);
		if (L->status)
			return;
	}
}

/* ---- the document ----------------------------------------------------- */

static void check_version(struct loader *L, const json_t *v)
{
	if (!json_is_integer(v))
		error(L, "expected the format version, the integer %d, got %s", FORMAT_VERSION,
		      integer_kind_of(v));
	else if (json_integer_value(v) != FORMAT_VERSION)
		error(L, "format version %lld is not supported (this accgraph reads version %d)",
		      (long long)json_integer_value(v), FORMAT_VERSION);
}

/* A member of the document, other than `organisations` or `links` streamed. */
static void check_member(struct loader *L, const char *key, const json_t *v)
{
	if (!strcmp(key, "accgraph"))
		check_version(L, v);
	else if (!strcmp(key, "title"))
		keep_string(L, &L->m->title, want_string(L, v));
	else if (!strcmp(key, "description"))
		keep_string(L, &L->m->description, want_string(L, v));
	else if (!strcmp(key, "as_of"))
		want_date(L, v, false, &L->m->as_of);
	else if (!strcmp(key, "sources"))
		check_sources(L, v);
	else if (!strcmp(key, "organisation_types"))
		check_vocabulary(L, v, false);
	else if (!strcmp(key, "link_types"))
		check_vocabulary(L, v, true);
	else if (!strcmp(key, "organisations"))
		check_organisations(L, v);
	else if (!strcmp(key, "links"))
		check_links(L, v);
	else if (!strcmp(key, "$schema"))
		(void)want_string(L, v); /* for editors (graphs/schema.json) */
	else
		warning(L, "unknown member \"%s\" is ignored", key);
}

static void check_document(struct loader *L, const json_t *root)
{
	const char *key;
	const json_t *v;

	if (!json_is_object(root)) {
		error(L, "the document must be a JSON object, got %s", kind_of(root));
		return;
	}
	json_object_foreach((json_t *)root, key, v) {
		size_t mark = ptr_push_key(L, key);

		check_member(L, key, v);
		ptr_pop(L, mark);
		if (L->status)
			return;
	}
	if (!json_object_get(root, "accgraph"))
		report_missing(L, "accgraph");
}

/* ---- walk 1: what references resolve against ------------------------- */

static void collect_vocabulary(struct loader *L, const json_t *v, bool is_link)
{
	struct acg_type_table *table = is_link ? &L->m->link_types : &L->m->org_types;
	const char *name;
	const json_t *def;

	/* A vocabulary of the wrong JSON type is reported once, at itself. */
	if (!json_is_object(v))
		return;
	if (is_link)
		L->m->link_types_declared = true;
	else
		L->m->org_types_declared = true;
	json_object_foreach((json_t *)v, name, def) {
		size_t t = acg_type_intern(table, name, is_link);

		if (t == ACG_NONE) {
			nomem(L);
			return;
		}
		table->v[t].declared = true;
	}
}

/* One source per element of `sources`, with its id when it has one. */
static void collect_sources(struct loader *L, const json_t *v)
{
	const json_t *e, *id;
	size_t i;

	if (!json_is_array(v))
		return;
	json_array_foreach(v, i, e) {
		id = json_is_object(e) ? json_object_get(e, "id") : NULL;
		if (!acg_model_add_source(L->m, json_is_string(id) ? json_string_value(id) : "")) {
			nomem(L);
			return;
		}
	}
}

/*
 * The next element e of `organisations`: a model organisation, with its id
 * when it has one, findable by it unless an earlier one has the same id.
 */
static void collect_org(struct loader *L, const json_t *e)
{
	struct acg_org *o = acg_model_add_org(L->m);
	const json_t *id;

	if (!o) {
		nomem(L);
		return;
	}
	id = json_is_object(e) ? json_object_get(e, "id") : NULL;
	if (!json_is_string(id) || !*json_string_value(id))
		return;
	if (!(o->id = acg_strdup(json_string_value(id))) ||
	    (!L->digest && acg_model_index_org(L->m, L->m->norgs - 1, NULL) == ACG_ENOMEM))
		nomem(L);
}

static void collect(struct loader *L, const json_t *root)
{
	const json_t *v, *e;
	size_t i;

	if (!json_is_object(root))
		return;
	if ((v = json_object_get(root, "organisation_types")))
		collect_vocabulary(L, v, false);
	if ((v = json_object_get(root, "link_types")))
		collect_vocabulary(L, v, true);
	collect_sources(L, json_object_get(root, "sources"));
	if (json_is_array(v = json_object_get(root, "organisations"))) {
		json_array_foreach(v, i, e) {
			collect_org(L, e);
			if (L->status)
				return;
		}
	}
}

/* ---- entry points ------------------------------------------------------ */

static bool is_blank(const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
			return false;
	return true;
}

/*
 * Reports jansson's error: the line and column (characters, 1-based) where
 * the parser stopped, and its message, made plainer for the common cases.
 */
static enum acg_status syntax_error(const char *name, const char *text, size_t len,
				    const json_error_t *err, struct acg_diags *diags)
{
	enum json_error_code code = json_error_code(err);
	long line = err->line < 1 ? 1 : err->line, column = err->column < 1 ? 1 : err->column;
	enum acg_status st;

	if (code == json_error_out_of_memory)
		return ACG_ENOMEM;
	if (is_blank(text, len))
		st = acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, line, column, NULL,
				   "the file is empty; expected a JSON object");
	else if (code == json_error_invalid_utf8)
		st = acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, line, column, NULL,
				   "invalid UTF-8: %s", err->text);
	else if (code == json_error_null_character)
		st = acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, line, column, NULL,
				   "a string contains \\u0000 (a NUL character), which is not "
				   "allowed");
	else if (!strcmp(err->text, "string or '}' expected near '}'"))
		st = acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, line, column, NULL,
				   "expected a member name in quotes before '}' (is there a "
				   "comma after the last member?)");
	else if (!strncmp(err->text, "maximum parsing depth reached", 29))
		st = acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, line, column, NULL,
				   "too deeply nested: arrays and objects nest at most %d levels "
				   "deep",
				   JSON_PARSER_MAX_DEPTH);
	else if (!strcmp(err->text, "unexpected token near ']'"))
		st = acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, line, column, NULL,
				   "expected a value before ']' (is there a comma after the "
				   "last element?)");
	else
		st = acg_diags_add(diags, ACG_ERROR, ACG_EINVAL, name, line, column, NULL, "%s",
				   err->text);
	return st == ACG_ENOMEM ? ACG_ENOMEM : ACG_EINVAL;
}

/*
 * jansson 2.14 reports some failed allocations as syntax errors ("invalid
 * token") and ignores others, parsing on with a byte of a string or number
 * dropped (its load.c: lex_save() ignores strbuffer_append_byte()'s failure),
 * and errno cannot tell: it sets errno = 0 itself before parsing numbers.  So
 * acg_init() gives jansson an allocator that notes a failure in a
 * thread-local flag (acg_json_malloc(), util.h), which the parse clears
 * before and reads after.
 */
static json_t *parse_json(const char *text, size_t len, json_error_t *err, bool *alloc_failed)
{
	json_t *root;

	acg_json_alloc_watch();
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, err);
	*alloc_failed = acg_json_alloc_failed();
	return root;
}

static int loader_init(struct loader *L, const char *name, struct acg_diags *diags)
{
	memset(L, 0, sizeof(*L));
	L->file = name;
	L->diags = diags;
	L->m = acg_model_new();
	L->sources_of = L->m;
	return L->m && !ptr_append(L, "", 0) ? 0 : -1;
}

/* Frees what the loader holds, its model included. */
static void loader_discard(struct loader *L)
{
	free(L->ptr);
	free(L->link_keys);
	acg_model_free(L->m);
	memset(L, 0, sizeof(*L));
}

/*
 * The outcome of a load: ACG_ENOMEM if an allocation failed, ACG_EINVAL if
 * an error was reported, else ACG_OK and the model, handed over to *out.
 * Frees the rest.
 */
static enum acg_status loader_finish(struct loader *L, struct acg_model **out)
{
	enum acg_status status = L->status ? L->status : L->errors ? ACG_EINVAL : ACG_OK;

	if (status == ACG_OK) {
		*out = L->m;
		L->m = NULL;
	}
	loader_discard(L);
	return status;
}

/* The document parsed whole: one tree, then collect() and check_document(). */
static enum acg_status load_whole(const char *text, size_t len, const char *name,
				  struct acg_model **out, struct acg_diags *diags)
{
	struct loader L;
	json_error_t err;
	json_t *root;
	bool alloc_failed;
	enum acg_status status;

	root = parse_json(text, len, &err, &alloc_failed);
	if (alloc_failed) {
		json_decref(root);
		return ACG_ENOMEM;
	}
	if (!root)
		return syntax_error(name, text, len, &err, diags);
	if (loader_init(&L, name, diags))
		nomem(&L);
	else
		collect(&L, root);
	if (!L.status)
		check_document(&L, root);
	status = loader_finish(&L, out);
	json_decref(root);
	return status;
}

/* ---- the document streamed ------------------------------------------------ */

static const char *const streamed_members[] = {"organisations", "links", NULL};

static const struct acg_docmember *find_member(const struct acg_docsplit *ds, const char *key)
{
	size_t i;

	for (i = 0; i < ds->n_members; i++)
		if (!strcmp(ds->members[i].key, key))
			return &ds->members[i];
	return NULL;
}

/*
 * Links are checked against every organisation, so the streamed load needs
 * the organisations first, as every file accgraph writes has them.
 */
static bool links_before_organisations(const struct acg_docsplit *ds)
{
	const struct acg_docmember *orgs = find_member(ds, "organisations");
	const struct acg_docmember *links = find_member(ds, "links");

	return orgs && links && links->split && links < orgs;
}

/*
 * A range's elements digested by the thread that parsed it: each checked
 * into a model of the range's own (`part`, element k its organisation or
 * link k) as far as that can be done without the model being loaded.
 */
struct digested {
	bool clean; /* no error and no warning so far: the element may be taken */
	const char *from, *to, *type; /* names to look up, in the range's tree */
};

struct digest {
	struct acg_model *part;
	struct digested *el;
};

static void drop_digest(void *p)
{
	struct digest *d = p;

	if (d) {
		acg_model_free(d->part);
		free(d->el);
		free(d);
	}
}

/*
 * docsplit's digest(), on a parse thread: the elements checked in digest
 * mode.  `arg` is the model being loaded, read only for its sources (all
 * collected before the parse began).  NULL when out of memory: the loading
 * thread then checks the range itself.
 */
static void *digest_range(void *arg, const struct acg_docmember *member, const json_t *elements)
{
	bool is_links = !strcmp(member->key, "links");
	struct digest *d = calloc(1, sizeof(*d));
	struct loader W;
	const json_t *e;
	size_t k, errors, warnings;

	memset(&W, 0, sizeof(W));
	W.digest = true;
	W.sources_of = arg;
	if (!d || !(d->el = calloc(json_array_size(elements) + 1, sizeof(*d->el))) ||
	    !(W.m = d->part = acg_model_new()))
		goto fail;
	json_array_foreach(elements, k, e) {
		errors = W.errors;
		warnings = W.warnings;
		W.d_from = W.d_to = W.d_type = NULL;
		if (is_links) {
			check_link(&W, e, k);
		} else {
			collect_org(&W, e);
			if (!W.status)
				check_organisation(&W, e, k);
		}
		if (W.status)
			goto fail;
		d->el[k] = (struct digested){W.errors == errors && W.warnings == warnings, W.d_from,
					     W.d_to, W.d_type};
	}
	return d;
fail:
	drop_digest(d);
	return NULL;
}

/*
 * The type named `name` if it can be taken as it is: known, and declared if
 * the document declares its types.  ACG_NONE sends the element to its full
 * check, which interns a type or reports it.
 */
static size_t known_type(struct loader *L, const char *name, bool is_link)
{
	const struct acg_type_table *table = is_link ? &L->m->link_types : &L->m->org_types;
	bool declared = is_link ? L->m->link_types_declared : L->m->org_types_declared;
	size_t t = acg_type_find(table, name);

	return t != ACG_NONE && (!declared || table->v[t].declared) ? t : ACG_NONE;
}

/*
 * Organisation i, element e, digested as `pre`: taken into the model when
 * its id is new and its type known, else checked in full (which reports
 * why).  Either way the model ends as check_organisation() leaves it.
 */
static void take_org(struct loader *L, const json_t *e, size_t i, struct acg_org *pre,
		     const struct digested *d)
{
	struct acg_org *o;
	enum acg_status st;
	size_t t;

	if (!d->clean) {
		collect_org(L, e);
		if (!L->status)
			check_organisation(L, e, i);
		return;
	}
	if (!(o = acg_model_add_org(L->m))) {
		nomem(L);
		return;
	}
	/* As collect_org() leaves it: a clean organisation has an id. */
	o->id = pre->id;
	pre->id = NULL;
	if ((st = acg_model_index_org(L->m, i, NULL)) == ACG_ENOMEM) {
		nomem(L);
		return;
	}
	if (st || (t = known_type(L, d->type, false)) == ACG_NONE) {
		check_organisation(L, e, i);
		return;
	}
	/* The rest of the digested organisation (its id is o's already). */
	pre->id = o->id;
	*o = *pre;
	o->type = t;
	L->m->org_types.v[t].uses++;
	memset(pre, 0, sizeof(*pre));
}

/* Link j, element e, digested as `pre`: as take_org() for a link. */
static void take_link(struct loader *L, const json_t *e, size_t j, struct acg_link *pre,
		      const struct digested *d)
{
	struct acg_link *l;
	size_t f, t, ty;

	if (!d->clean) {
		check_link(L, e, j);
		return;
	}
	f = acg_model_find_org(L->m, d->from);
	t = acg_model_find_org(L->m, d->to);
	ty = known_type(L, d->type, true);
	/* Different ids are different organisations: a clean link has from != to. */
	if (f == ACG_NONE || t == ACG_NONE || ty == ACG_NONE ||
	    link_key_add(L, f, t, ty, j) != ACG_NONE) {
		if (!L->status)
			check_link(L, e, j);
		return;
	}
	if (!(l = acg_model_add_link(L->m))) {
		nomem(L);
		return;
	}
	*l = *pre;
	l->from = f;
	l->to = t;
	l->type = ty;
	L->m->link_types.v[ty].uses++;
	memset(pre, 0, sizeof(*pre));
}

/*
 * The elements of a streamed array member, range by range (each range's tree
 * is dropped by the next acg_docsplit_next()), taken from their digests
 * where there are.  ACG_EINVAL: a range is not JSON.
 */
static enum acg_status check_streamed(struct loader *L, struct acg_docsplit *ds,
				      const struct acg_docmember *m)
{
	bool is_links = !strcmp(m->key, "links");
	size_t r, k, i = 0, mark;
	json_t *elements, *e;
	struct digest *d;
	void *p;
	enum acg_status st;

	for (r = 0; r < m->n_ranges && !L->status; r++) {
		if ((st = acg_docsplit_next(ds, &elements, &p)))
			return st;
		d = p;
		json_array_foreach(elements, k, e) {
			mark = ptr_push_index(L, i);
			if (d && is_links) {
				take_link(L, e, i, &d->part->links[k], &d->el[k]);
			} else if (d) {
				take_org(L, e, i, &d->part->orgs[k], &d->el[k]);
			} else if (is_links) {
				check_link(L, e, i);
			} else {
				collect_org(L, e);
				if (!L->status)
					check_organisation(L, e, i);
			}
			ptr_pop(L, mark);
			i++;
			if (L->status)
				break;
		}
	}
	return ACG_OK;
}

/*
 * The document streamed (docsplit.h): the small members parsed first, for
 * the types and sources that references resolve against; then every member
 * checked in document order, `organisations` and `links` range by range.
 * Sets *whole, with nothing reported and nothing in *out, when the document
 * must be parsed whole instead: not JSON (the whole parse reports where), or
 * of a shape the stream does not handle.
 */
static enum acg_status load_streamed(const char *text, size_t len, const char *name,
				     const struct acg_load_tuning *tuning, struct acg_model **out,
				     struct acg_diags *diags, bool *whole)
{
	struct acg_docsplit ds;
	json_t *values[ACG_DOCSPLIT_MAX_MEMBERS] = {NULL};
	size_t i, first_diag = diags ? diags->n : 0, mark;
	struct loader L;
	enum acg_status st;
	const struct acg_docmember *m;

	*whole = false;
	memset(&ds, 0, sizeof(ds));
	if (loader_init(&L, name, diags)) {
		nomem(&L);
		st = ACG_ENOMEM;
		goto out;
	}
	st = acg_docsplit_scan(text, len, streamed_members, tuning->range_bytes, &ds);
	if (!st && links_before_organisations(&ds))
		st = ACG_EINVAL;
	for (i = 0; !st && i < ds.n_members; i++)
		if (!ds.members[i].split)
			st = acg_docsplit_parse(text + ds.members[i].start,
						ds.members[i].end - ds.members[i].start, &values[i]);
	for (i = 0; !st && i < ds.n_members; i++) {
		m = &ds.members[i];
		if (!strcmp(m->key, "organisation_types") || !strcmp(m->key, "link_types"))
			collect_vocabulary(&L, values[i], m->key[0] == 'l');
		else if (!strcmp(m->key, "sources"))
			collect_sources(&L, values[i]);
	}
	if (!st && L.status)
		st = L.status;
	ds.digest = digest_range;
	ds.drop_digest = drop_digest;
	ds.digest_arg = L.m;
	if (!st)
		st = acg_docsplit_start(&ds, tuning->workers);
	if (st == ACG_ENOMEM)
		nomem(&L);
	if (st)
		goto out;

	for (i = 0; i < ds.n_members && !L.status; i++) {
		m = &ds.members[i];
		mark = ptr_push_key(&L, m->key);
		if (!m->split)
			check_member(&L, m->key, values[i]);
		else if ((st = check_streamed(&L, &ds, m)) == ACG_ENOMEM)
			nomem(&L);
		else if (st)
			goto out;
		ptr_pop(&L, mark);
	}
	if (!L.status && !find_member(&ds, "accgraph"))
		report_missing(&L, "accgraph");
	st = ACG_OK;
out:
	acg_docsplit_release(&ds);
	for (i = 0; i < ACG_DOCSPLIT_MAX_MEMBERS; i++)
		json_decref(values[i]);
	if (st == ACG_EINVAL) {
		*whole = true;
		acg_diags_truncate(diags, first_diag);
		loader_discard(&L);
		return ACG_EINVAL;
	}
	return loader_finish(&L, out);
}

/* ---- entry points ----------------------------------------------------------- */

/* Workers besides the caller's thread: one per further processor, up to 3. */
static unsigned default_workers(size_t len)
{
	long n;

	if (len < ACG_LOAD_THREADED_BYTES)
		return 0;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n <= 1 ? 0 : n >= 4 ? 3 : (unsigned)n - 1;
}

enum acg_status acg_load_buffer_tuned(const char *text, size_t len, const char *name,
				      const struct acg_load_tuning *tuning,
				      struct acg_model **out, struct acg_diags *diags)
{
	struct acg_load_tuning t;
	enum acg_status status = ACG_OK;
	bool whole;

	*out = NULL;
	if (len > ACG_MAX_INPUT_BYTES) {
		if (acg_diag_too_large(diags, name, ACG_MAX_INPUT_BYTES) == ACG_ENOMEM)
			return ACG_ENOMEM;
		return ACG_EINVAL;
	}
	/* A UTF-8 byte order mark is not part of the document (RFC 8259, 8.1). */
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	if (tuning) {
		t = *tuning;
	} else {
		t.whole = false;
		t.range_bytes = ACG_LOAD_RANGE_BYTES;
		t.workers = default_workers(len);
	}
	whole = t.whole;
	if (!whole)
		status = load_streamed(text, len, name, &t, out, diags, &whole);
	if (whole)
		status = load_whole(text, len, name, out, diags);
	return status;
}

enum acg_status acg_load_buffer(const char *text, size_t len, const char *name,
				struct acg_model **out, struct acg_diags *diags)
{
	return acg_load_buffer_tuned(text, len, name, NULL, out, diags);
}

enum acg_status acg_load_file(const char *path, struct acg_model **out, struct acg_diags *diags)
{
	bool is_stdin = !strcmp(path, "-");
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	struct stat st;
	char *buf = NULL;
	size_t len;
	enum acg_status status;
	int saved;

	*out = NULL;
	if (!f)
		goto io_error;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto io_error;
	}
	status = acg_read_stream(f, ACG_MAX_INPUT_BYTES, &buf, &len);
	if (status == ACG_EIO)
		goto io_error;
	if (!is_stdin)
		fclose(f);
	if (status == ACG_EINVAL &&
	    acg_diag_too_large(diags, name, ACG_MAX_INPUT_BYTES) == ACG_ENOMEM)
		status = ACG_ENOMEM;
	if (status == ACG_OK)
		status = acg_load_buffer(buf, len, name, out, diags);
	free(buf);
	return status;

io_error:
	saved = errno;
	if (f && !is_stdin)
		fclose(f);
	if (acg_diags_add(diags, ACG_ERROR, ACG_EIO, name, 0, 0, NULL, "cannot read: %s",
			  strerror(saved)) == ACG_ENOMEM)
		return ACG_ENOMEM;
	return ACG_EIO;
}

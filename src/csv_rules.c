/* csv_rules.c - the rules of the CSV pair shared by import and export; see csv_rules.h. */
#include "csv_rules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

const char *const acg_csv_org_columns[] = {
	"id", "name", "type", "region", "valid_from", "valid_to", "succeeds", "sources", NULL};

const char *const acg_csv_link_columns[] = {
	"from", "to", "type", "for", "weight", "mechanism", "label", "basis", "sanction",
	"observed", "valid_from", "valid_to", "sources", "direction", NULL};

static const char attr_prefix[] = "attributes.";
#define ATTR_PREFIX_LEN (sizeof(attr_prefix) - 1)

static const char *const kind_suffixes[] = {"", ":string", ":number", ":boolean"};

int acg_csv_column_index(const char *const *columns, const char *name)
{
	int i;

	for (i = 0; columns[i]; i++)
		if (!strcasecmp(columns[i], name))
			return i;
	return -1;
}

bool acg_csv_is_number(const char *s, bool *integer)
{
	const char *p = s;
	bool whole = true;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return false;
	if (*p == '.') {
		p++;
		whole = false;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		whole = false;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return false;
	if (integer)
		*integer = whole;
	return true;
}

bool acg_csv_is_boolean(const char *s, bool *value)
{
	if (!strcasecmp(s, "true")) {
		*value = true;
		return true;
	}
	if (!strcasecmp(s, "false")) {
		*value = false;
		return true;
	}
	return false;
}

bool acg_csv_needs_guard(const char *s)
{
	const char *p = s;

	while (*p == '\'')
		p++;
	if (!*p || !strchr("=+-@\t\r", *p))
		return false;
	/* A plain number such as -5 is shown as a number, not run. */
	return p != s || !acg_csv_is_number(s, NULL);
}

const char *acg_csv_unguard(const char *s)
{
	return s[0] == '\'' && acg_csv_needs_guard(s + 1) ? s + 1 : s;
}

const char *acg_csv_kind_suffix(enum acg_csv_kind kind)
{
	return (unsigned)kind < sizeof(kind_suffixes) / sizeof(*kind_suffixes) ? kind_suffixes[kind]
									       : "";
}

/* The kind whose suffix ends s (any case), or ACG_CSV_KIND_INFER. */
static enum acg_csv_kind suffix_of(const char *s)
{
	size_t n = strlen(s), k;
	int kind;

	for (kind = ACG_CSV_KIND_STRING; kind <= ACG_CSV_KIND_BOOLEAN; kind++) {
		k = strlen(kind_suffixes[kind]);
		if (n >= k && !strcasecmp(s + n - k, kind_suffixes[kind]))
			return (enum acg_csv_kind)kind;
	}
	return ACG_CSV_KIND_INFER;
}

char *acg_csv_parse_attr_header(const char *header, enum acg_csv_kind *kind,
				bool *explicit_attr)
{
	size_t n;
	char *name;

	*explicit_attr = !strncasecmp(header, attr_prefix, ATTR_PREFIX_LEN);
	if (*explicit_attr)
		header += ATTR_PREFIX_LEN;
	*kind = suffix_of(header);
	n = strlen(header) - strlen(acg_csv_kind_suffix(*kind));
	name = malloc(n + 1);
	if (name) {
		memcpy(name, header, n);
		name[n] = '\0';
	}
	return name;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

char *acg_csv_attr_header(const char *const *columns, const char *name, enum acg_csv_kind kind,
			  bool need_suffix)
{
	size_t n = strlen(name);
	const char *suffix;
	char *bare, *header;

	if (need_suffix || suffix_of(name) != ACG_CSV_KIND_INFER || (n && is_blank(name[n - 1])))
		suffix = acg_csv_kind_suffix(kind);
	else
		suffix = "";
	bare = acg_asprintf("%s%s", name, suffix);
	if (!bare)
		return NULL;
	if (acg_csv_column_index(columns, bare) >= 0 ||
	    !strncasecmp(bare, attr_prefix, ATTR_PREFIX_LEN) || is_blank(bare[0])) {
		header = acg_asprintf("%s%s", attr_prefix, bare);
		free(bare);
		return header;
	}
	return bare;
}

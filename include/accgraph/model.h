/*
 * model.h - an accountability system in memory.
 *
 * The model is what a format-version-1 file (graphs/README.md) says, checked
 * and resolved: organisations and links in file order, the vocabulary of
 * organisation and link types with their drawing styles, and the sources.
 * Links refer to organisations, types and sources by index, never by name.
 * The model is the one source of truth for names and attributes; the graph
 * built from it later uses the same indices (vertex i = organisation i,
 * edge j = link j).
 *
 * Ownership: a struct acg_model owns every string and array reachable from
 * it.  Pointers into it stay valid until the model is changed or freed.
 * Functions that take `const struct acg_model *` only read it.
 */
#ifndef ACCGRAPH_MODEL_H
#define ACCGRAPH_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "accgraph/date.h"
#include "accgraph/diag.h"

/* "No index": returned by lookups that find nothing. */
#define ACG_NONE ((size_t)-1)

/* What a link rests on (FORMAT.md `basis`). */
enum acg_basis {
	ACG_BASIS_UNSPECIFIED = 0,
	ACG_BASIS_STATUTE,
	ACG_BASIS_REGULATION,
	ACG_BASIS_LICENCE,
	ACG_BASIS_CONTRACT,
	ACG_BASIS_CONSTITUTION,
	ACG_BASIS_GUIDANCE,
	ACG_BASIS_INFORMAL
};
#define ACG_BASIS_COUNT 8

/* What the holder can do when the account is found wanting (`sanction`). */
enum acg_sanction {
	ACG_SANCTION_UNSPECIFIED = 0,
	ACG_SANCTION_HARD,
	ACG_SANCTION_SOFT,
	ACG_SANCTION_NONE
};
#define ACG_SANCTION_COUNT 4

/*
 * The file's spelling of a basis or sanction ("statute", "hard"), or NULL for
 * the UNSPECIFIED value or an out-of-range one.
 */
const char *acg_basis_name(enum acg_basis basis);
const char *acg_sanction_name(enum acg_sanction sanction);

/*
 * The value for a file's spelling (name must not be NULL);
 * ACG_BASIS_UNSPECIFIED or ACG_SANCTION_UNSPECIFIED when name is not one of
 * them.
 */
enum acg_basis acg_basis_from_name(const char *name);
enum acg_sanction acg_sanction_from_name(const char *name);

/* A list of owned strings. */
struct acg_strlist {
	char **v;
	size_t n;
};

/* The kinds of value an attribute may have. */
enum acg_attr_kind {
	ACG_ATTR_STRING,
	ACG_ATTR_INTEGER, /* a JSON number written without fraction or exponent */
	ACG_ATTR_REAL,
	ACG_ATTR_BOOLEAN
};

/* One free key/value pair of `attributes`; the key and string are owned. */
struct acg_attr {
	char *key;
	enum acg_attr_kind kind;
	union {
		char *string;
		long long integer;
		double real;
		bool boolean;
	} value;
};

/* Attributes in file order. */
struct acg_attrs {
	struct acg_attr *v;
	size_t n;
};

/*
 * An organisation type or a link type.  Styles are Graphviz attribute values.
 * Members the file leaves out are NULL (or 0 for tier); for a well-known type
 * name the renderer fills them from its built-in defaults.
 */
struct acg_type {
	char *name;
	char *label; /* display label; NULL: use name */
	int tier;    /* organisation types: 1 = top; 0 = not given */
	char *shape;
	char *color;
	char *style;
	bool declared;   /* declared in the file's vocabulary */
	bool well_known; /* one of FORMAT.md's well-known names */
	size_t uses;     /* organisations or links of this type */
};

/* A table of types; a type is referred to by its index. */
struct acg_type_table {
	struct acg_type *v;
	size_t n;
	size_t cap;
};

/* One citation of `sources`. */
struct acg_source {
	char *id;
	char *citation; /* NULL if not given */
	char *url;      /* NULL if not given */
};

/* A list of indices into the model's sources. */
struct acg_refs {
	size_t *v;
	size_t n;
};

struct acg_org {
	char *id;
	char *name;   /* never NULL: the id when the file gives no name */
	size_t type;  /* index into acg_model.org_types */
	char *region; /* NULL if not given */
	acg_date valid_from; /* ACG_DATE_NONE: unbounded */
	acg_date valid_to;   /* exclusive; ACG_DATE_NONE: unbounded */
	struct acg_strlist succeeds; /* ids; need not be in this model */
	struct acg_refs sources;
	struct acg_attrs attrs;
};

struct acg_link {
	size_t from; /* index of the organisation that gives account */
	size_t to;   /* index of the organisation that holds it to account */
	size_t type; /* index into acg_model.link_types */
	struct acg_strlist domains; /* `for`: what account is given for */
	char *mechanism;            /* NULL if not given */
	char *label;                /* NULL if not given */
	enum acg_basis basis;
	enum acg_sanction sanction;
	double weight; /* > 0; 1 when not given */
	bool observed;
	acg_date valid_from;
	acg_date valid_to;
	struct acg_refs sources;
	struct acg_attrs attrs;
};

struct acg_org_index; /* private: id -> organisation index */

struct acg_model {
	char *title;       /* NULL if not given */
	char *description; /* NULL if not given */
	acg_date as_of;    /* ACG_DATE_NONE if not given */

	struct acg_source *sources;
	size_t nsources;
	size_t sources_cap;

	struct acg_type_table org_types;
	struct acg_type_table link_types;
	bool org_types_declared;  /* the file has `organisation_types` */
	bool link_types_declared; /* the file has `link_types` */

	struct acg_org *orgs;
	size_t norgs;
	size_t orgs_cap;

	struct acg_link *links;
	size_t nlinks;
	size_t links_cap;

	struct acg_org_index *index;
};

/* Returns a new, empty model, or NULL when out of memory. */
struct acg_model *acg_model_new(void);

/* Frees the model and everything it owns.  NULL-safe. */
void acg_model_free(struct acg_model *model);

/*
 * Appends an empty organisation (every member zero or NULL, except type =
 * ACG_NONE and both dates ACG_DATE_NONE) and returns it, or NULL when out of
 * memory.  The caller fills it with owned strings; the model frees
 * them.  Call acg_model_index_org() once its id is set.
 */
struct acg_org *acg_model_add_org(struct acg_model *model);

/*
 * Makes organisation i findable by its id.  Returns ACG_OK; ACG_EINVAL if
 * another organisation already has that id (*first, when not NULL, is set to
 * its index); ACG_ENOMEM.
 */
enum acg_status acg_model_index_org(struct acg_model *model, size_t i, size_t *first);

/* Index of the organisation with this id, or ACG_NONE.  O(1) on average. */
size_t acg_model_find_org(const struct acg_model *model, const char *id);

/*
 * Appends an empty link (every member zero or NULL, except from, to and type
 * = ACG_NONE, weight 1 and both dates ACG_DATE_NONE) and returns it, or NULL
 * when out of memory.
 */
struct acg_link *acg_model_add_link(struct acg_model *model);

/*
 * Appends a source whose id is a copy of `id` and returns it, or NULL when out
 * of memory.
 */
struct acg_source *acg_model_add_source(struct acg_model *model, const char *id);

/* Index of the source with this id, or ACG_NONE.  Linear in the sources. */
size_t acg_model_find_source(const struct acg_model *model, const char *id);

/*
 * Index of the type called name in table, adding it (undeclared, with the
 * well_known flag set from FORMAT.md's lists) when absent.  Returns ACG_NONE
 * when out of memory.  `is_link` selects which list of well-known names
 * applies.
 */
size_t acg_type_intern(struct acg_type_table *table, const char *name, bool is_link);

/* Index of the type called name, or ACG_NONE. */
size_t acg_type_find(const struct acg_type_table *table, const char *name);

/* Whether name is one of FORMAT.md's well-known organisation types. */
bool acg_is_well_known_org_type(const char *name);

/* Whether name is one of FORMAT.md's well-known link types. */
bool acg_is_well_known_link_type(const char *name);

/* Number of organisation (link) types that at least one organisation (link) uses. */
size_t acg_type_table_used(const struct acg_type_table *table);

#endif /* ACCGRAPH_MODEL_H */

/* docsplit.c - top-level members and ranges of large arrays; see docsplit.h. */
#include "docsplit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * Nesting the scan accepts.  jansson refuses a document nested deeper than
 * JSON_PARSER_MAX_DEPTH; a range parsed alone is one level less deep than in
 * the document, so the scan leaves documents anywhere near the limit to the
 * whole parse.
 */
#define MAX_DEPTH (JSON_PARSER_MAX_DEPTH - 8)

enum range_state { RANGE_WAITING, RANGE_PARSING, RANGE_PARSED, RANGE_TAKEN };

struct acg_docrange {
	size_t start, end; /* elements' text, without the array's brackets */
	enum range_state state;
	enum acg_status status;  /* of the parse, once parsed */
	json_t *elements;        /* the parse's result */
	struct acg_arena *arena; /* where it was built; NULL: by malloc() */
	size_t member;           /* whose elements: an index into members */
	void *digest;            /* digest()'s result */
};

/*
 * The parse.  Ranges are claimed in order, never more than `window` ahead of
 * the range the consumer takes next, so that at most `window` trees wait.
 */
struct acg_docsplit_pool {
	pthread_mutex_t lock;
	pthread_cond_t changed; /* a range parsed or taken, or stopping */
	pthread_t *threads;
	unsigned n_threads;
	size_t claim;  /* the first range no one has claimed */
	size_t window; /* ranges parsed or parsing ahead of the consumer, at most */
	bool stopping;
	bool use_arenas; /* trees are built in arenas (util.h), dropped by a reset */
	struct acg_arena **spare; /* arenas of ranges done with, for reuse */
	size_t n_spare;
};

/* ---- the scan ------------------------------------------------------------ */

struct scan {
	const char *t;
	size_t len, p;
	struct acg_docsplit *ds;
	size_t range_bytes;
};

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void skip_ws(struct scan *s)
{
	while (s->p < s->len && is_ws(s->t[s->p]))
		s->p++;
}

/*
 * At an opening quote: moves past the closing one, the first quote not
 * escaped (an even number of backslashes before it); false at the end of
 * text.  memchr() finds the candidates: strings are most of a document.
 */
static bool skip_string(struct scan *s)
{
	const char *t = s->t, *q, *end = s->t + s->len, *k;

	for (q = t + s->p + 1; q < end && (q = memchr(q, '"', (size_t)(end - q))); q++) {
		for (k = q; k[-1] == '\\'; k--)
			;
		if ((q - k) % 2 == 0) {
			s->p = (size_t)(q - t) + 1;
			return true;
		}
	}
	return false;
}

/*
 * Moves past one value: a string, an object or array (brackets counted, not
 * matched: the value's own parse checks it), or a scalar up to the next
 * comma, brace, bracket or space.  False when the text ends first.
 */
static bool skip_value(struct scan *s)
{
	size_t depth = 0;
	char c;

	while (s->p < s->len) {
		c = s->t[s->p];
		if (c == '"') {
			if (!skip_string(s))
				return false;
			if (!depth)
				return true;
			continue;
		}
		if (c == '{' || c == '[') {
			if (++depth > MAX_DEPTH)
				return false;
		} else if (c == '}' || c == ']') {
			if (!depth)
				return true; /* the end of a scalar (or of nothing: see scan_member) */
			if (!--depth) {
				s->p++;
				return true;
			}
		} else if (!depth && (c == ',' || is_ws(c))) {
			return true;
		}
		s->p++;
	}
	return false;
}

static int add_range(struct scan *s, size_t start, size_t end)
{
	struct acg_docsplit *ds = s->ds;
	struct acg_docrange *r;

	if (acg_grow((void **)&ds->ranges, &ds->ranges_cap, ds->n_ranges + 1, sizeof(*ds->ranges)))
		return -1;
	r = &ds->ranges[ds->n_ranges++];
	memset(r, 0, sizeof(*r));
	r->start = start;
	r->end = end;
	r->state = RANGE_WAITING;
	r->member = ds->n_members; /* the member being scanned */
	return 0;
}

/*
 * At the '[' of a member to split: cuts its elements into ranges at commas
 * between elements, once a range holds range_bytes.  A range may not be
 * blank where a comma follows or precedes it ("[ , 1]"), which its own parse
 * would not see.  Returns ACG_OK, ACG_EINVAL or ACG_ENOMEM.
 */
static enum acg_status split_array(struct scan *s, struct acg_docmember *m)
{
	size_t depth = 0, start = s->p + 1;
	bool blank = true;
	char c;

	m->split = true;
	m->first_range = s->ds->n_ranges;
	s->p++;
	while (s->p < s->len) {
		c = s->t[s->p];
		if (c == '"') {
			if (!skip_string(s))
				return ACG_EINVAL;
			blank = false;
			continue;
		}
		if (c == '{' || c == '[') {
			if (++depth > MAX_DEPTH)
				return ACG_EINVAL;
		} else if (c == '}' || c == ']') {
			if (!depth) {
				if (c != ']' || (blank && m->n_ranges))
					return ACG_EINVAL;
				if (add_range(s, start, s->p))
					return ACG_ENOMEM;
				m->n_ranges++;
				s->p++;
				return ACG_OK;
			}
			depth--;
		} else if (!depth && c == ',' && s->p - start >= s->range_bytes) {
			if (blank)
				return ACG_EINVAL;
			if (add_range(s, start, s->p))
				return ACG_ENOMEM;
			m->n_ranges++;
			start = s->p + 1;
			blank = true;
			s->p++;
			continue;
		}
		if (!is_ws(c))
			blank = false;
		s->p++;
	}
	return ACG_EINVAL;
}

/* A member name of printable ASCII without escapes, copied into m->key. */
static bool scan_key(struct scan *s, struct acg_docmember *m)
{
	size_t n = 0;
	char c;

	if (s->p >= s->len || s->t[s->p] != '"')
		return false;
	for (s->p++; s->p < s->len && (c = s->t[s->p]) != '"'; s->p++) {
		if (c < 0x20 || c > 0x7e || c == '\\' || n + 1 >= sizeof(m->key))
			return false;
		m->key[n++] = c;
	}
	if (s->p >= s->len)
		return false;
	m->key[n] = '\0';
	s->p++;
	return true;
}

static bool listed_key(const char *const *keys, const char *key)
{
	for (; keys && *keys; keys++)
		if (!strcmp(*keys, key))
			return true;
	return false;
}

static enum acg_status scan_member(struct scan *s, const char *const *split_keys)
{
	struct acg_docsplit *ds = s->ds;
	struct acg_docmember *m;
	enum acg_status st;
	size_t i;

	if (ds->n_members == ACG_DOCSPLIT_MAX_MEMBERS)
		return ACG_EINVAL;
	m = &ds->members[ds->n_members];
	memset(m, 0, sizeof(*m));
	if (!scan_key(s, m))
		return ACG_EINVAL;
	for (i = 0; i < ds->n_members; i++)
		if (!strcmp(ds->members[i].key, m->key))
			return ACG_EINVAL;
	skip_ws(s);
	if (s->p >= s->len || s->t[s->p] != ':')
		return ACG_EINVAL;
	s->p++;
	skip_ws(s);
	m->start = s->p;
	if (s->p < s->len && s->t[s->p] == '[' && listed_key(split_keys, m->key)) {
		if ((st = split_array(s, m)))
			return st;
	} else if (!skip_value(s) || s->p == m->start) {
		return ACG_EINVAL;
	}
	m->end = s->p;
	ds->n_members++;
	return ACG_OK;
}

enum acg_status acg_docsplit_scan(const char *text, size_t len, const char *const *split_keys,
				  size_t range_bytes, struct acg_docsplit *ds)
{
	struct scan s = {text, len, 0, ds, range_bytes};
	enum acg_status st;

	memset(ds, 0, sizeof(*ds));
	ds->text = text;
	ds->len = len;
	skip_ws(&s);
	if (s.p >= len || text[s.p] != '{')
		return ACG_EINVAL;
	s.p++;
	skip_ws(&s);
	if (s.p < len && text[s.p] == '}') {
		s.p++;
	} else {
		for (;;) {
			if ((st = scan_member(&s, split_keys)))
				return st;
			skip_ws(&s);
			if (s.p < len && text[s.p] == ',') {
				s.p++;
				skip_ws(&s);
				continue;
			}
			if (s.p < len && text[s.p] == '}') {
				s.p++;
				break;
			}
			return ACG_EINVAL;
		}
	}
	skip_ws(&s);
	return s.p == len ? ACG_OK : ACG_EINVAL;
}

/* ---- parsing --------------------------------------------------------------- */

enum acg_status acg_docsplit_parse(const char *text, size_t len, json_t **out)
{
	json_error_t err;
	bool alloc_failed;

	acg_json_alloc_watch();
	*out = json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &err);
	alloc_failed = acg_json_alloc_failed();
	if (alloc_failed || (!*out && json_error_code(&err) == json_error_out_of_memory)) {
		json_decref(*out);
		*out = NULL;
		return ACG_ENOMEM;
	}
	return *out ? ACG_OK : ACG_EINVAL;
}

/*
 * Parses range r's elements, wrapped in brackets, into a JSON array, in
 * `arena` unless it is NULL.
 */
static enum acg_status parse_range(const struct acg_docsplit *ds, const struct acg_docrange *r,
				   struct acg_arena *arena, json_t **out)
{
	size_t n = r->end - r->start;
	char *buf = malloc(n + 2);
	enum acg_status st;

	*out = NULL;
	if (!buf)
		return ACG_ENOMEM;
	buf[0] = '[';
	memcpy(buf + 1, ds->text + r->start, n);
	buf[n + 1] = ']';
	acg_json_arena_use(arena);
	st = acg_docsplit_parse(buf, n + 2, out);
	acg_json_arena_use(NULL);
	free(buf);
	return st;
}

/* With the lock held: an arena for a range, or NULL (none wanted, or out of memory). */
static struct acg_arena *take_arena(struct acg_docsplit_pool *pool)
{
	if (!pool->use_arenas)
		return NULL;
	if (pool->n_spare)
		return pool->spare[--pool->n_spare];
	return acg_arena_new();
}

/*
 * With the lock held: drops range r's tree, its arena kept for another
 * range.  The spares never outnumber the window's ranges, for which
 * `spare` has room.
 */
static void drop_range(struct acg_docsplit *ds, struct acg_docrange *r)
{
	struct acg_docsplit_pool *pool = ds->pool;

	if (r->digest)
		ds->drop_digest(r->digest);
	r->digest = NULL;
	if (r->arena) {
		acg_arena_reset(r->arena);
		pool->spare[pool->n_spare++] = r->arena;
	} else {
		json_decref(r->elements);
	}
	r->elements = NULL;
	r->arena = NULL;
}

/*
 * With the lock held: claims the next range if the window allows, parses it
 * without the lock and stores the result.  False when there was none to
 * claim.
 */
static bool parse_one(struct acg_docsplit *ds)
{
	struct acg_docsplit_pool *pool = ds->pool;
	struct acg_docrange *r;
	struct acg_arena *arena;
	json_t *elements;
	enum acg_status st;
	void *digest = NULL;

	if (pool->stopping || pool->claim >= ds->n_ranges || pool->claim >= ds->next + pool->window)
		return false;
	r = &ds->ranges[pool->claim++];
	r->state = RANGE_PARSING;
	arena = take_arena(pool);
	pthread_mutex_unlock(&pool->lock);
	/* Without an arena (out of memory) the range is parsed with malloc(). */
	st = parse_range(ds, r, arena, &elements);
	if (!st && ds->digest)
		digest = ds->digest(ds->digest_arg, &ds->members[r->member], elements);
	pthread_mutex_lock(&pool->lock);
	r->arena = arena;
	r->digest = digest;
	r->elements = elements;
	r->status = st;
	r->state = RANGE_PARSED;
	pthread_cond_broadcast(&pool->changed);
	return true;
}

static void *worker(void *arg)
{
	struct acg_docsplit *ds = arg;
	struct acg_docsplit_pool *pool = ds->pool;

	pthread_mutex_lock(&pool->lock);
	while (!pool->stopping && pool->claim < ds->n_ranges)
		if (!parse_one(ds))
			pthread_cond_wait(&pool->changed, &pool->lock);
	pthread_mutex_unlock(&pool->lock);
	return NULL;
}

enum acg_status acg_docsplit_start(struct acg_docsplit *ds, unsigned workers)
{
	struct acg_docsplit_pool *pool = calloc(1, sizeof(*pool));
	unsigned i;

	if (!pool)
		return ACG_ENOMEM;
	if (pthread_mutex_init(&pool->lock, NULL)) {
		free(pool);
		return ACG_ENOMEM;
	}
	if (pthread_cond_init(&pool->changed, NULL)) {
		pthread_mutex_destroy(&pool->lock);
		free(pool);
		return ACG_ENOMEM;
	}
	pool->window = 2 * ((size_t)workers + 1);
	pool->use_arenas = acg_json_arena_ready();
	ds->pool = pool;
	/* Room for every arena: the window's, and the range handed over. */
	if (!(pool->spare = calloc(pool->window + 1, sizeof(*pool->spare))))
		return ACG_ENOMEM;
	if (!workers)
		return ACG_OK;
	/* jansson's hash seed is set once, racily, on first use; set it before the threads. */
	json_object_seed(0);
	if (!(pool->threads = calloc(workers, sizeof(*pool->threads))))
		return ACG_OK; /* the caller's thread parses alone */
	for (i = 0; i < workers; i++) {
		if (pthread_create(&pool->threads[pool->n_threads], NULL, worker, ds))
			break;
		pool->n_threads++;
	}
	return ACG_OK;
}

enum acg_status acg_docsplit_next(struct acg_docsplit *ds, json_t **elements, void **digest)
{
	struct acg_docsplit_pool *pool = ds->pool;
	struct acg_docrange *r = &ds->ranges[ds->next];
	enum acg_status st;

	*elements = NULL;
	*digest = NULL;
	pthread_mutex_lock(&pool->lock);
	if (ds->next)
		drop_range(ds, &ds->ranges[ds->next - 1]);
	while (r->state != RANGE_PARSED)
		if (!parse_one(ds))
			pthread_cond_wait(&pool->changed, &pool->lock);
	st = r->status;
	*elements = r->elements;
	*digest = r->digest;
	r->state = RANGE_TAKEN;
	ds->next++;
	pthread_cond_broadcast(&pool->changed);
	pthread_mutex_unlock(&pool->lock);
	return st;
}

void acg_docsplit_release(struct acg_docsplit *ds)
{
	struct acg_docsplit_pool *pool = ds->pool;
	size_t i;

	if (pool) {
		pthread_mutex_lock(&pool->lock);
		pool->stopping = true;
		pthread_cond_broadcast(&pool->changed);
		pthread_mutex_unlock(&pool->lock);
		for (i = 0; i < pool->n_threads; i++)
			pthread_join(pool->threads[i], NULL);
		free(pool->threads);
		for (i = 0; i < ds->n_ranges; i++)
			drop_range(ds, &ds->ranges[i]);
		for (i = 0; i < pool->n_spare; i++)
			acg_arena_free(pool->spare[i]);
		free(pool->spare);
		pthread_cond_destroy(&pool->changed);
		pthread_mutex_destroy(&pool->lock);
		free(pool);
	}
	free(ds->ranges);
	memset(ds, 0, sizeof(*ds));
}

/* common.c - printing and option helpers of the accgraph tool; see cli.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/load.h"
#include "accgraph/metrics.h"
#include "accgraph/output.h"
#include "cli.h"

int cli_exit_for(enum acg_status status)
{
	switch (status) {
	case ACG_OK:
		return EXIT_OK;
	case ACG_EINVAL:
		return EXIT_INVALID;
	case ACG_EUSAGE:
		return EXIT_USAGE;
	case ACG_EIO:
	case ACG_ENOMEM:
	case ACG_ELIB:
		break;
	}
	return EXIT_IO;
}

int cli_worse(int a, int b)
{
	/* The statuses are numbered in order of severity. */
	return b > a ? b : a;
}

void cli_put_safe(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p == '\n') {
			fputs("\\n", f);
		} else if (*p == '\t') {
			fputs("\\t", f);
		} else if (*p < 0x20 || *p == 0x7f) {
			fprintf(f, "\\x%02x", *p);
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			/* U+0080..U+009F: C1 controls (CSI and friends). */
			fprintf(f, "\\u%04x", p[1]);
			p++;
		} else {
			fputc(*p, f);
		}
	}
}

void cli_print_diags(const struct acg_diags *diags, bool errors_only)
{
	size_t i;

	for (i = 0; i < diags->n; i++) {
		const struct acg_diag *d = &diags->v[i];

		if (errors_only && d->severity != ACG_ERROR)
			continue;

		fputs("accgraph: ", stderr);
		if (d->file) {
			cli_put_safe(stderr, d->file);
			if (d->line > 0)
				fprintf(stderr, ":%ld", d->line);
			if (d->line > 0 && d->column > 0)
				fprintf(stderr, ":%ld", d->column);
			fputs(": ", stderr);
		}
		if (d->pointer && *d->pointer) {
			cli_put_safe(stderr, d->pointer);
			fputs(": ", stderr);
		}
		if (d->severity == ACG_WARNING)
			fputs("warning: ", stderr);
		cli_put_safe(stderr, d->message);
		fputc('\n', stderr);
	}
	if (diags->lost)
		fprintf(stderr, "accgraph: %zu further diagnostics were lost: out of memory\n",
			diags->lost);
}

static void vreport(const char *prefix, const char *fmt, va_list ap)
{
	char buf[4096];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	fputs(prefix, stderr);
	cli_put_safe(stderr, buf);
	fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("accgraph: ", fmt, ap);
	va_end(ap);
}

/* The first line of the usage text ("usage: accgraph validate ..."). */
static void print_usage_line(const struct cli_command *cmd)
{
	const char *nl = strchr(cmd->usage, '\n');

	fprintf(stderr, "%.*s\n", nl ? (int)(nl - cmd->usage) : (int)strlen(cmd->usage),
		cmd->usage);
	fprintf(stderr, "Try 'accgraph %s --help' for more information.\n", cmd->name);
}

int cli_usage_error(const struct cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	char prefix[64];

	snprintf(prefix, sizeof(prefix), "accgraph %s: ", cmd->name);
	va_start(ap, fmt);
	vreport(prefix, fmt, ap);
	va_end(ap);
	print_usage_line(cmd);
	return EXIT_USAGE;
}

int cli_bad_option(const struct cli_command *cmd, char **argv, int c)
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		return cli_usage_error(cmd, "option \"%s\" needs a value", arg);
	if (optopt == 0)
		return cli_usage_error(cmd, "unknown option \"%s\"", arg);
	if (arg[0] == '-' && arg[1] == '-')
		return cli_usage_error(cmd, "option \"%s\" takes no value", arg);
	return cli_usage_error(cmd, "unknown option \"-%c\"", optopt);
}

/* ---- the options of every command that reads a system ------------------------ */

void cli_system_opts_init(struct cli_system_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->sel.as_of = ACG_DATE_NONE;
	o->seed = ACG_DEFAULT_SEED;
}

void cli_system_opts_release(struct cli_system_opts *o)
{
	int i;

	if (!o)
		return;
	for (i = 0; i < 2; i++) {
		if (o->lists[i])
			free(o->lists[i][0]);
		free(o->lists[i]);
		o->lists[i] = NULL;
	}
	free(o->text);
	o->text = NULL;
}

/* Removes the " --as-of DATE" fragment from o->text, if there is one. */
static void drop_as_of(struct cli_system_opts *o)
{
	char *at;

	if (!o->as_of_len)
		return;
	at = o->text + o->as_of_at;
	memmove(at, at + o->as_of_len, strlen(at + o->as_of_len) + 1);
	o->as_of_len = 0;
}

/*
 * Appends " --option value" to the selection's text, the value quoted for a
 * POSIX shell when it holds anything but letters, digits and ,._:/+-, so
 * that the text can be pasted back; 0, or -1 when out of memory.
 */
static int note_option(struct cli_system_opts *o, const char *option, const char *value)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789,._:/+-";
	bool as_of = !strcmp(option, "--as-of");
	size_t old, quotes = 0;
	bool quote = !*value || strspn(value, plain) != strlen(value);
	const char *v;
	char *p, *w;

	/* A later --as-of replaces the earlier one, in the text as in the selection. */
	if (as_of)
		drop_as_of(o);
	old = o->text ? strlen(o->text) : 0;
	for (v = value; *v; v++)
		quotes += *v == '\'';
	p = realloc(o->text, old + strlen(option) + strlen(value) + 3 * quotes + 6);
	if (!p)
		return -1;
	w = p + old;
	w += sprintf(w, " %s %s", option, quote ? "'" : "");
	for (v = value; *v; v++)
		w += *v == '\'' ? sprintf(w, "'\\''") : sprintf(w, "%c", *v);
	w += sprintf(w, "%s", quote ? "'" : "");
	o->text = p;
	if (as_of) {
		o->as_of_at = old;
		o->as_of_len = (size_t)(w - (p + old));
	}
	return 0;
}

/* Splits "a,b,c" into a NULL-terminated array whose [0] owns the text. */
static char **split_list(const char *arg, size_t *n)
{
	char *copy = strdup(arg), *p, **v;
	size_t k = 1;

	if (!copy)
		return NULL;
	for (p = copy; *p; p++)
		k += *p == ',';
	v = calloc(k + 1, sizeof(*v));
	if (!v) {
		free(copy);
		return NULL;
	}
	*n = 0;
	v[(*n)++] = copy;
	for (p = copy; *p; p++)
		if (*p == ',') {
			*p = '\0';
			v[(*n)++] = p + 1;
		}
	return v;
}

static bool list_has_empty(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!*v[i])
			return true;
	return false;
}

int cli_unsigned(const struct cli_command *cmd, const char *option, const char *arg,
		 unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(arg, &end, 10);
	if (!*arg || *end || errno || arg[0] == '-')
		return cli_usage_error(cmd, "%s: \"%s\" is not a whole number", option, arg);
	return 0;
}

int cli_system_option(const struct cli_command *cmd, struct cli_system_opts *o, int c,
		      const char *arg)
{
	static const char *const names[] = {"--as-of", "--types", "--link-types", "--region",
					    "--for"};
	int which;
	size_t n = 0;

	if (c >= CLI_OPT_AS_OF && c <= CLI_OPT_FOR && note_option(o, names[c - CLI_OPT_AS_OF], arg)) {
		cli_error("out of memory");
		return EXIT_IO;
	}
	switch (c) {
	case CLI_OPT_AS_OF:
		switch (acg_date_parse(arg, &o->sel.as_of)) {
		case ACG_DATE_OK:
			return 0;
		case ACG_DATE_MALFORMED:
			return cli_usage_error(cmd, "--as-of: \"%s\" is not a date of the form YYYY-MM-DD",
					       arg);
		case ACG_DATE_IMPOSSIBLE:
			return cli_usage_error(cmd, "--as-of: %s is not a calendar date", arg);
		}
		return 0;
	case CLI_OPT_TYPES:
	case CLI_OPT_LINK_TYPES:
		which = c == CLI_OPT_LINK_TYPES;
		if (o->lists[which]) {
			free(o->lists[which][0]);
			free(o->lists[which]);
		}
		o->lists[which] = split_list(arg, &n);
		if (!o->lists[which]) {
			cli_error("out of memory");
			return EXIT_IO;
		}
		if (list_has_empty(o->lists[which], n))
			return cli_usage_error(cmd, "%s: \"%s\" has an empty type name",
					       which ? "--link-types" : "--types", arg);
		if (which) {
			o->sel.link_types = (const char *const *)o->lists[1];
			o->sel.nlink_types = n;
		} else {
			o->sel.types = (const char *const *)o->lists[0];
			o->sel.ntypes = n;
		}
		return 0;
	case CLI_OPT_REGION:
		o->sel.region = arg;
		return 0;
	case CLI_OPT_FOR:
		o->sel.domain = arg;
		return 0;
	case CLI_OPT_SEED:
		return cli_unsigned(cmd, "--seed", arg, &o->seed);
	}
	return -1;
}

int cli_load_system(const char *path, const struct cli_system_opts *o, struct acg_model **out)
{
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *m = NULL, *sel = NULL;
	enum acg_status st;

	*out = NULL;
	cli_phase("load");
	st = acg_load_file(path, &m, &diags);
	if (st == ACG_OK && !acg_selection_is_all(&o->sel)) {
		cli_phase("select");
		st = acg_select(m, &o->sel, &sel, &diags);
		acg_model_free(m);
		m = sel;
	}
	cli_print_diags(&diags, false);
	acg_diags_release(&diags);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	if (st != ACG_OK) {
		acg_model_free(m);
		return cli_exit_for(st);
	}
	*out = m;
	return EXIT_OK;
}

/*
 * Loads OLD and NEW whole into pair, then applies the selection to both at
 * once (acg_select_pair(): a type only one of them has is no mistake).
 */
static int load_two_files(const char *old_path, const char *new_path,
			  const struct cli_system_opts *sys, struct cli_pair *pair)
{
	struct cli_system_opts whole; /* selects everything; owns nothing */
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *a = NULL, *b = NULL;
	enum acg_status st;
	int rc;

	cli_system_opts_init(&whole);
	if ((rc = cli_load_system(old_path, &whole, &pair->old_model)) ||
	    (rc = cli_load_system(new_path, &whole, &pair->new_model)))
		return rc;
	if (acg_selection_is_all(&sys->sel))
		return EXIT_OK;
	cli_phase("select");
	st = acg_select_pair(pair->old_model, pair->new_model, &sys->sel, &a, &b, &diags);
	cli_print_diags(&diags, false);
	acg_diags_release(&diags);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	if (st != ACG_OK)
		return cli_exit_for(st);
	acg_model_free(pair->old_model);
	acg_model_free(pair->new_model);
	pair->old_model = a;
	pair->new_model = b;
	return EXIT_OK;
}

int cli_load_pair(const struct cli_command *cmd, int argc, char **argv, const char *vs,
		  struct cli_system_opts *sys, struct cli_pair *pair)
{
	acg_date as_of_a, as_of_b = ACG_DATE_NONE;
	int rc;

	memset(pair, 0, sizeof(*pair));
	if (vs) {
		if ((rc = cli_expect_operands(cmd, argc, 1, "one FILE with --vs")))
			return rc;
		if (sys->sel.as_of == ACG_DATE_NONE)
			return cli_usage_error(cmd, "--vs needs --as-of, the date to compare with");
		if (acg_date_parse(vs, &as_of_b) != ACG_DATE_OK)
			return cli_usage_error(cmd,
					       "--vs: \"%s\" is not a date of the form YYYY-MM-DD",
					       vs);
	} else if ((rc = cli_expect_operands(cmd, argc, 2, "OLD NEW"))) {
		return rc;
	}
	if (!vs) {
		if ((rc = load_two_files(argv[optind], argv[optind + 1], sys, pair)))
			return rc;
		pair->old_name = argv[optind];
		pair->new_name = argv[optind + 1];
		return EXIT_OK;
	}
	if ((rc = cli_load_system(argv[optind], sys, &pair->old_model)))
		return rc;
	as_of_a = sys->sel.as_of;
	sys->sel.as_of = as_of_b;
	rc = cli_load_system(argv[optind], sys, &pair->new_model);
	sys->sel.as_of = as_of_a;
	if (rc)
		return rc;
	pair->old_name = acg_date_format(pair->old_model->as_of, pair->dates[0]);
	pair->new_name = acg_date_format(pair->new_model->as_of, pair->dates[1]);
	drop_as_of(sys);
	return EXIT_OK;
}

void cli_pair_release(struct cli_pair *pair)
{
	acg_model_free(pair->old_model);
	acg_model_free(pair->new_model);
	pair->old_model = pair->new_model = NULL;
}

int cli_format(const struct cli_command *cmd, const char *name, const char *outpath,
	       enum acg_format dflt, const enum acg_format *allowed, size_t nallowed,
	       enum acg_format *out)
{
	enum acg_format f = dflt;
	size_t i;

	if (name) {
		f = acg_format_from_name(name);
	} else if (outpath) {
		const char *dot = strrchr(outpath, '.');

		if (dot && strchr(dot, '/') == NULL) {
			enum acg_format g = !strcmp(dot, ".txt") ? ACG_FORMAT_TEXT
								 : acg_format_from_name(dot + 1);

			for (i = 0; i < nallowed; i++)
				if (allowed[i] == g)
					f = g;
		}
	}
	for (i = 0; i < nallowed; i++)
		if (allowed[i] == f) {
			*out = f;
			return 0;
		}
	{
		char list[128] = "";

		for (i = 0; i < nallowed; i++) {
			if (i)
				strcat(list, ", ");
			strcat(list, acg_format_name(allowed[i]));
		}
		return cli_usage_error(cmd, "--format: \"%s\" is not one of %s", name ? name : "",
				       list);
	}
}

enum acg_status cli_write_output(const char *outpath, cli_write_fn write, const void *arg,
				 struct acg_diags *diags)
{
	struct acg_output *out;
	enum acg_status st = acg_output_open(outpath, &out, diags);

	if (st != ACG_OK)
		return st;
	st = write(acg_output_stream(out), arg);
	if (st != ACG_OK) {
		/* The first write that failed says why, not errno now. */
		int err = acg_output_error(out) ? acg_output_error(out) : errno ? errno : EIO;

		acg_output_discard(out);
		if (st == ACG_EIO)
			acg_diags_add(diags, ACG_ERROR, ACG_EIO,
				      outpath && strcmp(outpath, "-") ? outpath : "<stdout>", 0, 0,
				      NULL, "cannot write: %s", strerror(err));
		return st;
	}
	return acg_output_commit(out, diags);
}

int cli_find_org(const struct cli_command *cmd, const struct acg_model *m, const char *what,
		 const char *id, size_t *out)
{
	*out = acg_model_find_org(m, id);
	if (*out != ACG_NONE)
		return 0;
	return cli_usage_error(cmd, "%s: no organisation has id \"%s\"%s", what, id,
			       m->norgs ? "" : " (the selection keeps no organisation)");
}

void cli_result_opts_init(struct cli_result_opts *o)
{
	cli_system_opts_init(&o->sys);
	o->outpath = NULL;
	o->format = NULL;
}

void cli_result_opts_release(struct cli_result_opts *o)
{
	cli_system_opts_release(&o->sys);
}

int cli_result_option(const struct cli_command *cmd, struct cli_result_opts *o, int c,
		      char **argv)
{
	switch (c) {
	case 'o':
		o->outpath = optarg;
		return 0;
	case CLI_OPT_FORMAT:
		o->format = optarg;
		return 0;
	case 'h':
		fputs(cmd->usage, stdout);
		return CLI_HELP_SHOWN;
	case ':':
	case '?':
		return cli_bad_option(cmd, argv, c);
	default:
		return cli_system_option(cmd, &o->sys, c, optarg);
	}
}

int cli_expect_operands(const struct cli_command *cmd, int argc, int n, const char *what)
{
	int got = argc - optind;

	if (got == n)
		return 0;
	return cli_usage_error(cmd, "expected %s, got %d %s", what, got,
			       got == 1 ? "argument" : "arguments");
}

/* common.c - printing and option helpers of the accgraph tool; see cli.h. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
				fprintf(stderr, ":%ld:%ld", d->line, d->column);
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

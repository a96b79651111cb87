/*
 * main.c - the accgraph command: global options and the table of subcommands.
 * Each subcommand lives in its own cmd_*.c file.
 */
#include <igraph.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "accgraph/accgraph.h"
#include "cli.h"

static const struct cli_command *const commands[] = {
	&cmd_validate,
	&cmd_metrics,
	&cmd_report,
	&cmd_chains,
	&cmd_path,
	&cmd_diff,
	&cmd_render,
	&cmd_convert,
	&cmd_import,
	NULL,
};

static void print_help(FILE *f)
{
	const struct cli_command *const *c;

	fputs("usage: accgraph COMMAND [OPTIONS] [ARGS]\n"
	      "       accgraph --help | --version\n"
	      "\n"
	      "accgraph reads accountability systems (who is accountable to whom, for what)\n"
	      "kept as JSON files, checks them, measures them and draws them.\n"
	      "\n"
	      "Commands:\n",
	      f);
	for (c = commands; *c; c++)
		fprintf(f, "  %-10s %s\n", (*c)->name, (*c)->summary);
	fputs("\n"
	      "'accgraph COMMAND --help' (or 'accgraph help COMMAND') describes a command.\n"
	      "--timings, anywhere among a command's options (not as an option's value),\n"
	      "prints on standard error the time each phase took (load, select, graph,\n"
	      "compute; for render compare, layout, draw; write) and the peak memory.\n"
	      "Exit status: 0 success, 1 invalid input, 2 usage error, 3 input/output error.\n",
	      f);
}

static void print_version(void)
{
	int major, minor, patch;
	const char *igraph_v;

	igraph_version(&igraph_v, &major, &minor, &patch);
	printf("accgraph %s (igraph %s, jansson %s)\n", acg_version(), igraph_v,
	       jansson_version_str());
}

static const struct cli_command *find_command(const char *name)
{
	const struct cli_command *const *c;

	for (c = commands; *c; c++)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}

static int unknown_command(const char *name)
{
	const struct cli_command *const *c;

	fputs("accgraph: unknown command \"", stderr);
	cli_put_safe(stderr, name);
	fputs("\"; the commands are:", stderr);
	for (c = commands; *c; c++)
		fprintf(stderr, " %s", (*c)->name);
	fputs("\nTry 'accgraph --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/*
 * Removes every "--timings" before a "--" from argv (shifting the rest down)
 * and returns whether there was one.  It is a global option, accepted in any
 * place among the options of any command.
 */
static bool take_timings(int *argc, char **argv)
{
	bool found = false;
	int i = 1, j;

	while (i < *argc && strcmp(argv[i], "--")) {
		if (strcmp(argv[i], "--timings")) {
			i++;
			continue;
		}
		found = true;
		for (j = i; j < *argc; j++)
			argv[j] = argv[j + 1]; /* argv[argc] is NULL */
		(*argc)--;
	}
	return found;
}

/*
 * Makes a failed write to standard output (a full disk, a closed pipe) an
 * error; prints the timings when asked for.
 */
static int finish(int rc)
{
	cli_timings_print();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("accgraph: cannot write to standard output");
		return EXIT_IO;
	}
	return rc;
}

int main(int argc, char **argv)
{
	const struct cli_command *cmd;
	const char *name;

	acg_init();
	if (take_timings(&argc, argv))
		cli_timings_enable();
	if (argc < 2) {
		print_help(stderr);
		return EXIT_USAGE;
	}
	name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
		print_help(stdout);
		return finish(EXIT_OK);
	}
	if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		print_version();
		return finish(EXIT_OK);
	}
	if (!strcmp(name, "help")) {
		if (argc < 3) {
			print_help(stdout);
			return finish(EXIT_OK);
		}
		if (!(cmd = find_command(argv[2])))
			return unknown_command(argv[2]);
		fputs(cmd->usage, stdout);
		return finish(EXIT_OK);
	}
	if (name[0] == '-') {
		fputs("accgraph: unknown option \"", stderr);
		cli_put_safe(stderr, name);
		fputs("\"\nTry 'accgraph --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	if (!(cmd = find_command(name)))
		return unknown_command(name);
	return finish(cmd->run(argc - 1, argv + 1));
}

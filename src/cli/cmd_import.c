/* cmd_import.c - accgraph import ORGANISATIONS.csv LINKS.csv -o OUT.json. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "accgraph/accgraph.h"
#include "accgraph/export.h"
#include "accgraph/import.h"
#include "accgraph/load.h"
#include "cli.h"

static int run_import(int argc, char **argv);

const struct cli_command cmd_import = {
	"import",
	"a system from two CSV files (organisations, links), written as JSON",
	"usage: accgraph import ORGANISATIONS.csv LINKS.csv [-o OUT.json] [--base SYSTEM.json]\n"
	"\n"
	"Makes a system from two CSV files (RFC 4180; UTF-8, with or without a byte\n"
	"order mark), checks it like any file and writes it as normalised JSON.\n"
	"Nothing is written unless the whole system is valid; every problem is\n"
	"reported as FILE:LINE: message, LINE the line where the record starts.\n"
	"\n"
	"The first line of each file names the columns (any case):\n"
	"  organisations  id (or Kumu's Label), type; name, region, valid_from,\n"
	"                 valid_to, succeeds, sources\n"
	"  links          from, to, type; for, weight, mechanism, label, basis,\n"
	"                 sanction, observed, valid_from, valid_to, sources, and\n"
	"                 Kumu's direction: directed (or empty), or mutual for a link\n"
	"                 each way\n"
	"A link goes from the organisation that gives account to the one that holds\n"
	"it to account.  Every other column is an attribute; a header\n"
	"attributes.NAME makes NAME an attribute even when it is a column above, and\n"
	"NAME:string, NAME:number or NAME:boolean fixes its kind (otherwise: numbers\n"
	"if every value is a number, booleans if every value is true or false, else\n"
	"text).  succeeds, sources and for list entries separated by |.  An empty\n"
	"cell is no value; a quoted empty cell (\"\") is the empty string.  A cell\n"
	"such as '=A1, which `accgraph convert -o OUT.csv` writes to stop spreadsheets\n"
	"running =A1 as a formula, is read as =A1.\n"
	"\n"
	"`accgraph convert FILE -o OUT.csv` writes the pair this reads back\n"
	"(OUT.organisations.csv, OUT.links.csv); with --base FILE the result is\n"
	"FILE again.\n"
	"\n"
	"Options:\n"
	"  -o, --output OUT   write to OUT instead of standard output\n"
	"  --base SYSTEM      take the title, description, as_of, sources and the\n"
	"                     vocabularies (organisation_types, link_types) from the\n"
	"                     system file SYSTEM; its organisations and links are not\n"
	"                     used\n"
	"  -h, --help         show this help\n",
	run_import,
};

enum { OPT_BASE = CLI_OPT_FIRST_COMMAND_OPTION };

static enum acg_status write_json(FILE *f, const void *arg)
{
	return acg_export_json(arg, f);
}

static int run_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"base", required_argument, NULL, OPT_BASE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct acg_diags diags = ACG_DIAGS_INIT;
	struct acg_model *base = NULL, *m = NULL;
	const char *outpath = NULL, *base_path = NULL;
	enum acg_status st;
	int c, rc = EXIT_OK;

	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outpath = optarg;
			break;
		case OPT_BASE:
			base_path = optarg;
			break;
		case 'h':
			fputs(cmd_import.usage, stdout);
			return EXIT_OK;
		default:
			return cli_bad_option(&cmd_import, argv, c);
		}
	}
	if ((rc = cli_expect_operands(&cmd_import, argc, 2, "ORGANISATIONS.csv and LINKS.csv")))
		return rc;
	cli_phase("load");
	st = base_path ? acg_load_file(base_path, &base, &diags) : ACG_OK;
	if (st == ACG_OK)
		st = acg_import_csv_files(argv[optind], argv[optind + 1], base, &m, &diags);
	cli_phase("write");
	if (st == ACG_OK)
		st = cli_write_output(outpath, write_json, m, &diags);
	cli_print_diags(&diags, false);
	if (st == ACG_ENOMEM)
		cli_error("out of memory");
	rc = cli_exit_for(st);
	acg_model_free(base);
	acg_model_free(m);
	acg_diags_release(&diags);
	return rc;
}

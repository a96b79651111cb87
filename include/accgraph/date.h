/*
 * date.h - calendar dates.
 *
 * A date is held as the number of days since 1970-01-01 in the proleptic
 * Gregorian calendar, so dates compare and subtract as integers.  The format
 * reads and writes them as ISO 8601 calendar dates, YYYY-MM-DD, years 0001 to
 * 9999.
 */
#ifndef ACCGRAPH_DATE_H
#define ACCGRAPH_DATE_H

#include <stdint.h>

/* Days since 1970-01-01. */
typedef int32_t acg_date;

/* "No date": an unbounded end of a validity interval.  Smaller than any date. */
#define ACG_DATE_NONE INT32_MIN

/* Buffer size that holds any date written by acg_date_format(). */
#define ACG_DATE_BUFSIZE 11

enum acg_date_parse {
	ACG_DATE_OK = 0,        /* a real calendar date */
	ACG_DATE_MALFORMED = 1, /* not of the form YYYY-MM-DD */
	ACG_DATE_IMPOSSIBLE = 2 /* of that form, but no such day (2013-02-30) */
};

/*
 * Parses exactly "YYYY-MM-DD" (no time, no whitespace, no other ISO 8601
 * form) into *out.  *out is written only on ACG_DATE_OK.
 */
enum acg_date_parse acg_date_parse(const char *text, acg_date *out);

/* Days since 1970-01-01 of a valid year, month (1-12) and day (1-31). */
acg_date acg_date_from_ymd(int year, int month, int day);

/* Breaks a date into year, month (1-12) and day (1-31). */
void acg_date_to_ymd(acg_date date, int *year, int *month, int *day);

/*
 * Writes date as "YYYY-MM-DD" into buf (at least ACG_DATE_BUFSIZE bytes) and
 * returns buf.  ACG_DATE_NONE is written as the empty string.  Only dates of
 * years 1 to 9999 (all that acg_date_parse() accepts) are written correctly.
 */
char *acg_date_format(acg_date date, char buf[ACG_DATE_BUFSIZE]);

/*
 * Whether a day lies in the validity interval [from, to): from <= day < to,
 * where ACG_DATE_NONE at either end means unbounded.
 */
int acg_date_in_interval(acg_date day, acg_date from, acg_date to);

#endif /* ACCGRAPH_DATE_H */

/*
 * test_date.c - unit tests of accgraph/date.h: parsing, conversion to and from
 * year/month/day, formatting and the half-open validity interval.
 *
 * Day numbers below are worked out by hand (the working is in the comments)
 * and were checked independently with Python's datetime, e.g.
 *   python3 -c "import datetime; print((datetime.date(2013,4,1)-datetime.date(1970,1,1)).days)"
 * which prints 15796.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "accgraph/date.h"

/*
 * Independently known day numbers (days since 1970-01-01).
 *
 * 2013-04-01: the years 1970..2012 are 43 years, 11 of them leap (1972, 76, 80,
 *   84, 88, 92, 96, 2000, 04, 08, 12): 43 * 365 + 11 = 15706; then January 31 +
 *   February 28 + March 31 = 90 days: 15796.  (Python: 15796.)
 * 2000-03-01: 2000-01-01 is 30 * 365 + 7 leap days (1972..1996) = 10957; plus
 *   January 31 + February 29 (2000 is a leap year, divisible by 400) = 60:
 *   11017.  (Python: 11017.)
 * 2000-02-29: the day before: 11016.  (Python: 11016.)
 * 2012-02-29: 2012-01-01 is 42 * 365 + 10 leap days (1972..2008) = 15340; plus
 *   31 + 28 = 59: 15399.  (Python: 15399.)
 * 1900-01-01: 1900..1969 are 70 years with 17 leap days (1904..1968; 1900 is
 *   not leap): -(70 * 365 + 17) = -25567.  (Python: -25567.)
 * 0001-01-01: Python's date(1,1,1).toordinal() is 1 and date(1970,1,1) is
 *   719163, so 1 - 719163 = -719162.  By hand: 1969 years of 365 days plus
 *   1969/4 - 1969/100 + 1969/400 = 492 - 19 + 4 = 477 leap days:
 *   -(1969 * 365 + 477) = -(718685 + 477) = -719162.
 * 9999-12-31: ordinal 3652059 (Python) - 719163 = 2932896.  By hand: the
 *   years 1..9999 have 9999 * 365 + 2499 - 99 + 24 = 3649635 + 2424 = 3652059
 *   days, and the last of them has ordinal 3652059.
 * 2101-01-01: 2100-12-31 is 47846, 2101-01-01 is 47847 (Python).  By hand:
 *   1970..2100 are 131 years with 32 leap days (1972..2096 are 32; 2100 is
 *   not leap): 131 * 365 + 32 = 47815 + 32 = 47847.
 * 2022-07-01: 2022-01-01 is 52 * 365 + 13 (1972..2020) = 18993; plus
 *   31+28+31+30+31+30 = 181: 19174.  (Python: 19174.)
 */
#define D_1970_01_01 0
#define D_2013_04_01 15796
#define D_2000_03_01 11017
#define D_2000_02_29 11016
#define D_2012_02_29 15399
#define D_1900_01_01 (-25567)
#define D_0001_01_01 (-719162)
#define D_9999_12_31 2932896
#define D_2101_01_01 47847
#define D_2022_07_01 19174

/* A sentinel that no parse of the inputs below can produce. */
#define UNTOUCHED ((acg_date)123456789)

static void assert_parses(const char *text, acg_date want)
{
	acg_date d = UNTOUCHED;

	assert_int_equal(acg_date_parse(text, &d), ACG_DATE_OK);
	assert_int_equal(d, want);
}

static void assert_rejected(const char *text, enum acg_date_parse want)
{
	acg_date d = UNTOUCHED;

	assert_int_equal(acg_date_parse(text, &d), want);
	/* *out is written only on ACG_DATE_OK. */
	assert_int_equal(d, UNTOUCHED);
}

/* ---- acg_date_parse ----------------------------------------------------- */

static void test_parse_valid(void **state)
{
	(void)state;
	assert_parses("1970-01-01", D_1970_01_01);
	assert_parses("2013-04-01", D_2013_04_01);
	assert_parses("2000-03-01", D_2000_03_01);
	assert_parses("2022-07-01", D_2022_07_01);
	/* Leap days: 2012 divisible by 4; 2000 divisible by 400. */
	assert_parses("2012-02-29", D_2012_02_29);
	assert_parses("2000-02-29", D_2000_02_29);
	/* The ends of the range the format allows. */
	assert_parses("0001-01-01", D_0001_01_01);
	assert_parses("9999-12-31", D_9999_12_31);
	/* Before the epoch. */
	assert_parses("1900-01-01", D_1900_01_01);
	assert_parses("1969-12-31", -1);
	/* Last day of each 31-day month and of a 30-day month. */
	assert_parses("2013-03-31", D_2013_04_01 - 1);
	assert_parses("2013-04-30", D_2013_04_01 + 29);
	assert_parses("2013-12-31", D_2013_04_01 + 274); /* 30+31+30+31+31+30+31+30+31 - 1 */
}

static void test_parse_malformed(void **state)
{
	(void)state;
	assert_rejected("2013-4-1", ACG_DATE_MALFORMED);
	assert_rejected("2013-04-01T00:00", ACG_DATE_MALFORMED);
	assert_rejected(" 2013-04-01", ACG_DATE_MALFORMED);
	assert_rejected("2013-04-01 ", ACG_DATE_MALFORMED);
	assert_rejected("", ACG_DATE_MALFORMED);
	assert_rejected("20130401", ACG_DATE_MALFORMED);
	assert_rejected("2013-04-1x", ACG_DATE_MALFORMED);
	assert_rejected("2013/04/01", ACG_DATE_MALFORMED);
	assert_rejected("+2013-04-01", ACG_DATE_MALFORMED);
	assert_rejected("-013-04-01", ACG_DATE_MALFORMED);
	assert_rejected("12013-04-01", ACG_DATE_MALFORMED);
	assert_rejected("2013-04", ACG_DATE_MALFORMED);
	assert_rejected("2013", ACG_DATE_MALFORMED);
	assert_rejected("2013-04-01Z", ACG_DATE_MALFORMED);
	assert_rejected("2013-W14-1", ACG_DATE_MALFORMED);
	assert_rejected("2013-091", ACG_DATE_MALFORMED); /* ordinal date */
	assert_rejected("abcd-ef-gh", ACG_DATE_MALFORMED);
}

static void test_parse_impossible(void **state)
{
	(void)state;
	assert_rejected("2013-02-30", ACG_DATE_IMPOSSIBLE);
	assert_rejected("2013-02-29", ACG_DATE_IMPOSSIBLE); /* 2013 not divisible by 4 */
	assert_rejected("2014-02-29", ACG_DATE_IMPOSSIBLE);
	assert_rejected("1900-02-29", ACG_DATE_IMPOSSIBLE); /* divisible by 100, not 400 */
	assert_rejected("2100-02-29", ACG_DATE_IMPOSSIBLE);
	assert_rejected("2013-13-01", ACG_DATE_IMPOSSIBLE);
	assert_rejected("2013-00-10", ACG_DATE_IMPOSSIBLE);
	assert_rejected("2013-04-00", ACG_DATE_IMPOSSIBLE);
	assert_rejected("2013-04-31", ACG_DATE_IMPOSSIBLE); /* April has 30 days */
	assert_rejected("2013-01-32", ACG_DATE_IMPOSSIBLE);
	assert_rejected("2013-99-99", ACG_DATE_IMPOSSIBLE);
	assert_rejected("0000-01-01", ACG_DATE_IMPOSSIBLE); /* years start at 0001 */
}

/* ---- acg_date_from_ymd / acg_date_to_ymd -------------------------------- */

static void assert_ymd(acg_date date, int y, int m, int d)
{
	int yy = -1, mm = -1, dd = -1;

	acg_date_to_ymd(date, &yy, &mm, &dd);
	assert_int_equal(yy, y);
	assert_int_equal(mm, m);
	assert_int_equal(dd, d);
}

static void test_from_ymd_known(void **state)
{
	(void)state;
	assert_int_equal(acg_date_from_ymd(1970, 1, 1), D_1970_01_01);
	assert_int_equal(acg_date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(acg_date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(acg_date_from_ymd(2013, 4, 1), D_2013_04_01);
	assert_int_equal(acg_date_from_ymd(2000, 3, 1), D_2000_03_01);
	assert_int_equal(acg_date_from_ymd(2000, 2, 29), D_2000_02_29);
	assert_int_equal(acg_date_from_ymd(2012, 2, 29), D_2012_02_29);
	assert_int_equal(acg_date_from_ymd(1900, 1, 1), D_1900_01_01);
	assert_int_equal(acg_date_from_ymd(1, 1, 1), D_0001_01_01);
	assert_int_equal(acg_date_from_ymd(9999, 12, 31), D_9999_12_31);
	assert_int_equal(acg_date_from_ymd(2101, 1, 1), D_2101_01_01);
	assert_int_equal(acg_date_from_ymd(2022, 7, 1), D_2022_07_01);
}

static void test_to_ymd_known(void **state)
{
	(void)state;
	assert_ymd(D_1970_01_01, 1970, 1, 1);
	assert_ymd(-1, 1969, 12, 31);
	assert_ymd(D_2013_04_01, 2013, 4, 1);
	assert_ymd(D_2000_03_01, 2000, 3, 1);
	assert_ymd(D_2000_02_29, 2000, 2, 29);
	assert_ymd(D_2012_02_29, 2012, 2, 29);
	assert_ymd(D_2012_02_29 + 1, 2012, 3, 1);
	assert_ymd(D_1900_01_01, 1900, 1, 1);
	assert_ymd(D_0001_01_01, 1, 1, 1);
	assert_ymd(D_9999_12_31, 9999, 12, 31);
	assert_ymd(D_2101_01_01, 2101, 1, 1);
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * Every day from 1900-01-01 to 2100-12-31, counted by this test's own
 * calendar: from_ymd gives consecutive numbers starting at -25567, to_ymd
 * gives the day back, and parse/format agree with the text of the day.
 */
static void test_round_trip_1900_2100(void **state)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	acg_date expect = D_1900_01_01;
	int y, m, d;
	char text[32], buf[ACG_DATE_BUFSIZE];

	(void)state;
	for (y = 1900; y <= 2100; y++) {
		for (m = 1; m <= 12; m++) {
			int n = m == 2 && leap(y) ? 29 : mdays[m - 1];

			for (d = 1; d <= n; d++) {
				acg_date got = acg_date_from_ymd(y, m, d), parsed = UNTOUCHED;
				int yy, mm, dd;

				if (got != expect)
					fail_msg("%04d-%02d-%02d: from_ymd %ld, expected %ld", y, m, d,
						 (long)got, (long)expect);
				acg_date_to_ymd(expect, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("to_ymd(%ld) = %d-%d-%d, expected %d-%d-%d",
						 (long)expect, yy, mm, dd, y, m, d);
				snprintf(text, sizeof(text), "%04d-%02d-%02d", y, m, d);
				if (acg_date_parse(text, &parsed) != ACG_DATE_OK || parsed != expect)
					fail_msg("parse(%s) = %ld, expected %ld", text, (long)parsed,
						 (long)expect);
				if (strcmp(acg_date_format(expect, buf), text))
					fail_msg("format(%ld) = \"%s\", expected \"%s\"", (long)expect, buf,
						 text);
				expect++;
			}
		}
	}
	/* 201 years, 49 leap days (1904..2096 are 49; 1900, 2100 not): the day
	 * after the last is 2101-01-01. */
	assert_int_equal(expect, D_2101_01_01);
	assert_int_equal(expect - D_1900_01_01, 201 * 365 + 49);
}

/* ---- acg_date_format ---------------------------------------------------- */

static void test_format(void **state)
{
	char buf[ACG_DATE_BUFSIZE];

	(void)state;
	assert_int_equal(ACG_DATE_BUFSIZE, 11); /* "YYYY-MM-DD" and the NUL */
	assert_string_equal(acg_date_format(D_1970_01_01, buf), "1970-01-01");
	assert_string_equal(acg_date_format(D_2013_04_01, buf), "2013-04-01");
	assert_string_equal(acg_date_format(D_2000_02_29, buf), "2000-02-29");
	assert_string_equal(acg_date_format(D_0001_01_01, buf), "0001-01-01");
	assert_string_equal(acg_date_format(D_9999_12_31, buf), "9999-12-31");
	assert_string_equal(acg_date_format(-1, buf), "1969-12-31");
	/* The return value is the buffer. */
	assert_ptr_equal(acg_date_format(D_2013_04_01, buf), buf);
}

static void test_format_none(void **state)
{
	char buf[ACG_DATE_BUFSIZE];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_ptr_equal(acg_date_format(ACG_DATE_NONE, buf), buf);
	assert_string_equal(buf, "");
}

/* ---- acg_date_in_interval ------------------------------------------------ */

static void test_in_interval_bounded(void **state)
{
	/* [2013-04-01, 2022-07-01): a CCG's lifetime. */
	acg_date from = D_2013_04_01, to = D_2022_07_01;

	(void)state;
	assert_false(acg_date_in_interval(from - 1, from, to));
	assert_true(acg_date_in_interval(from, from, to)); /* from is inclusive */
	assert_true(acg_date_in_interval(from + 1, from, to));
	assert_true(acg_date_in_interval(to - 1, from, to)); /* 2022-06-30: last day */
	assert_false(acg_date_in_interval(to, from, to));    /* to is exclusive */
	assert_false(acg_date_in_interval(to + 1, from, to));
	/* A one-day interval holds exactly that day. */
	assert_true(acg_date_in_interval(from, from, from + 1));
	assert_false(acg_date_in_interval(from + 1, from, from + 1));
	/* [d, d) holds no day. */
	assert_false(acg_date_in_interval(from, from, from));
	assert_false(acg_date_in_interval(from - 1, from, from));
	/* Negative day numbers (before 1970) compare as integers. */
	assert_true(acg_date_in_interval(-5, D_1900_01_01, 0));
	assert_false(acg_date_in_interval(0, D_1900_01_01, 0));
}

static void test_in_interval_unbounded(void **state)
{
	acg_date a = D_2013_04_01;

	(void)state;
	/* Unbounded start. */
	assert_true(acg_date_in_interval(D_0001_01_01, ACG_DATE_NONE, a));
	assert_true(acg_date_in_interval(a - 1, ACG_DATE_NONE, a));
	assert_false(acg_date_in_interval(a, ACG_DATE_NONE, a));
	/* Unbounded end. */
	assert_false(acg_date_in_interval(a - 1, a, ACG_DATE_NONE));
	assert_true(acg_date_in_interval(a, a, ACG_DATE_NONE));
	assert_true(acg_date_in_interval(D_9999_12_31, a, ACG_DATE_NONE));
	assert_true(acg_date_in_interval(INT32_MAX, a, ACG_DATE_NONE));
	/* Unbounded both ways: every day. */
	assert_true(acg_date_in_interval(D_0001_01_01, ACG_DATE_NONE, ACG_DATE_NONE));
	assert_true(acg_date_in_interval(0, ACG_DATE_NONE, ACG_DATE_NONE));
	assert_true(acg_date_in_interval(D_9999_12_31, ACG_DATE_NONE, ACG_DATE_NONE));
	/* ACG_DATE_NONE is smaller than any date (date.h). */
	assert_true(ACG_DATE_NONE < D_0001_01_01);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_malformed),
		cmocka_unit_test(test_parse_impossible),
		cmocka_unit_test(test_from_ymd_known),
		cmocka_unit_test(test_to_ymd_known),
		cmocka_unit_test(test_round_trip_1900_2100),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_none),
		cmocka_unit_test(test_in_interval_bounded),
		cmocka_unit_test(test_in_interval_unbounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

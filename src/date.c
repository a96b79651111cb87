/*
 * date.c - calendar dates; see accgraph/date.h.
 *
 * Conversions use Howard Hinnant's days_from_civil / civil_from_days
 * algorithms (public domain), exact over the proleptic Gregorian calendar.
 */
#include "accgraph/date.h"


static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

acg_date acg_date_from_ymd(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (acg_date)(era * 146097 + doe - 719468);
}

void acg_date_to_ymd(acg_date date, int *year, int *month, int *day)
{
	long z = (long)date + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	*year = (int)(yoe + era * 400 + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

static int digits(const char *s, int n, int *value)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return 0;
}

enum acg_date_parse acg_date_parse(const char *text, acg_date *out)
{
	int y, m, d;

	if (digits(text, 4, &y) || text[4] != '-' || digits(text + 5, 2, &m) ||
	    text[7] != '-' || digits(text + 8, 2, &d) || text[10] != '\0')
		return ACG_DATE_MALFORMED;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return ACG_DATE_IMPOSSIBLE;
	*out = acg_date_from_ymd(y, m, d);
	return ACG_DATE_OK;
}

/* Writes the n low decimal digits of v (v >= 0), zero-padded. */
static void put_digits(char *out, int n, int v)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

char *acg_date_format(acg_date date, char buf[ACG_DATE_BUFSIZE])
{
	int y, m, d;

	if (date == ACG_DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	acg_date_to_ymd(date, &y, &m, &d);
	put_digits(buf, 4, y);
	buf[4] = '-';
	put_digits(buf + 5, 2, m);
	buf[7] = '-';
	put_digits(buf + 8, 2, d);
	buf[10] = '\0';
	return buf;
}

int acg_date_in_interval(acg_date day, acg_date from, acg_date to)
{
	return (from == ACG_DATE_NONE || from <= day) && (to == ACG_DATE_NONE || day < to);
}

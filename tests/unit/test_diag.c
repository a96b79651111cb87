/*
 * test_diag.c - unit tests of accgraph/diag.h: the diagnostics list and the
 * status descriptions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accgraph/diag.h"

static void assert_diag(const struct acg_diag *d, enum acg_severity sev, enum acg_status st,
			const char *file, long line, long column, const char *pointer,
			const char *message)
{
	assert_int_equal(d->severity, sev);
	assert_int_equal(d->status, st);
	if (file)
		assert_string_equal(d->file, file);
	else
		assert_null(d->file);
	assert_int_equal(d->line, line);
	assert_int_equal(d->column, column);
	if (pointer)
		assert_string_equal(d->pointer, pointer);
	else
		assert_null(d->pointer);
	assert_string_equal(d->message, message);
}

static void test_init_is_empty(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;

	(void)state;
	assert_null(d.v);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.cap, 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	assert_int_equal(d.lost, 0);
	acg_diags_release(&d); /* releasing an unused list is fine */
	assert_null(d.v);
}

static void test_add_order_and_counts(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;

	(void)state;
	assert_int_equal(acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, "a.json", 0, 0, "/links/0/to",
				       "no organisation has id \"%s\"", "x"),
			 ACG_OK);
	assert_int_equal(acg_diags_add(&d, ACG_WARNING, ACG_OK, "a.json", 0, 0, "/extra",
				       "unknown member \"%s\" is ignored", "extra"),
			 ACG_OK);
	assert_int_equal(acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, "b.json", 3, 17, NULL,
				       "invalid token near '%s'", "tru"),
			 ACG_OK);
	assert_int_equal(acg_diags_add(&d, ACG_ERROR, ACG_EIO, "c.json", 0, 0, NULL,
				       "cannot read: %s", "No such file or directory"),
			 ACG_OK);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.lost, 0);
	assert_true(d.cap >= d.n);
	assert_diag(&d.v[0], ACG_ERROR, ACG_EINVAL, "a.json", 0, 0, "/links/0/to",
		    "no organisation has id \"x\"");
	assert_diag(&d.v[1], ACG_WARNING, ACG_OK, "a.json", 0, 0, "/extra",
		    "unknown member \"extra\" is ignored");
	assert_diag(&d.v[2], ACG_ERROR, ACG_EINVAL, "b.json", 3, 17, NULL,
		    "invalid token near 'tru'");
	assert_diag(&d.v[3], ACG_ERROR, ACG_EIO, "c.json", 0, 0, NULL,
		    "cannot read: No such file or directory");
	acg_diags_release(&d);
}

/* Many entries: the list grows and keeps them in order. */
static void test_add_many(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	char want[32];
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		assert_int_equal(acg_diags_add(&d, i % 3 ? ACG_ERROR : ACG_WARNING, ACG_EINVAL,
					       NULL, 0, 0, NULL, "entry %zu", i),
				 ACG_OK);
	assert_int_equal(d.n, 1000);
	/* i % 3 == 0 for i = 0, 3, ..., 999: 334 warnings; 666 errors. */
	assert_int_equal(d.warnings, 334);
	assert_int_equal(d.errors, 666);
	for (i = 0; i < 1000; i++) {
		snprintf(want, sizeof(want), "entry %zu", i);
		assert_string_equal(d.v[i].message, want);
	}
	acg_diags_release(&d);
}

static void test_formatting(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	char *big;
	size_t i;

	(void)state;
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL,
		      "%s=%d, %05.2f, %c, %x, %%, %lld, %zu", "k", -42, 3.14159, 'z', 255U,
		      -9000000000LL, (size_t)7);
	/* A message with no conversions, and one with a literal percent sign via %%. */
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL, "plain text");
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL, "%s", "100% sure");
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL, "%s", "");
	/* A long message (no fixed-size buffer may cut it). */
	big = malloc(10001);
	assert_non_null(big);
	for (i = 0; i < 10000; i++)
		big[i] = (char)('a' + i % 26);
	big[10000] = '\0';
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL, "<%s>", big);
	assert_int_equal(d.n, 5);
	/* 3.14159 in %05.2f: "3.14" padded to 5 with zeros: "03.14". */
	assert_string_equal(d.v[0].message, "k=-42, 03.14, z, ff, %, -9000000000, 7");
	assert_string_equal(d.v[1].message, "plain text");
	assert_string_equal(d.v[2].message, "100% sure");
	assert_string_equal(d.v[3].message, "");
	assert_int_equal(strlen(d.v[4].message), 10002);
	assert_int_equal(d.v[4].message[0], '<');
	assert_memory_equal(d.v[4].message + 1, big, 10000);
	assert_int_equal(d.v[4].message[10001], '>');
	free(big);
	acg_diags_release(&d);
}

/* A va_list caller of acg_diags_vadd(), as the loader has. */
static enum acg_status vadd_wrapper(struct acg_diags *d, const char *pointer, const char *fmt,
				    ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static enum acg_status vadd_wrapper(struct acg_diags *d, const char *pointer, const char *fmt,
				    ...)
{
	va_list ap;
	enum acg_status st;

	va_start(ap, fmt);
	st = acg_diags_vadd(d, ACG_WARNING, ACG_OK, "w.json", 0, 0, pointer, fmt, ap);
	va_end(ap);
	return st;
}

static void test_vadd(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;

	(void)state;
	assert_int_equal(vadd_wrapper(&d, "/a", "%s %d %s", "one", 2, "three"), ACG_OK);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.errors, 0);
	assert_diag(&d.v[0], ACG_WARNING, ACG_OK, "w.json", 0, 0, "/a", "one 2 three");
	assert_int_equal(vadd_wrapper(NULL, "/a", "%s", "ignored"), ACG_OK);
	acg_diags_release(&d);
}

static void test_null_file_and_pointer(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;

	(void)state;
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL, "m1");
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, "", "m2");  /* "" = whole document */
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, "", 0, 0, "/x", "m3");
	assert_int_equal(d.n, 3);
	assert_diag(&d.v[0], ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL, "m1");
	/* The empty pointer is kept as "", distinct from NULL. */
	assert_diag(&d.v[1], ACG_ERROR, ACG_EINVAL, NULL, 0, 0, "", "m2");
	assert_non_null(d.v[1].pointer);
	assert_diag(&d.v[2], ACG_ERROR, ACG_EINVAL, "", 0, 0, "/x", "m3");
	assert_non_null(d.v[2].file);
	acg_diags_release(&d);
}

/* The list owns copies: the caller's buffers may change or go away. */
static void test_strings_are_copied(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	char file[16], ptr[16], arg[16];

	(void)state;
	strcpy(file, "f.json");
	strcpy(ptr, "/links/3");
	strcpy(arg, "x");
	acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, file, 0, 0, ptr, "id %s", arg);
	assert_ptr_not_equal(d.v[0].file, file);
	assert_ptr_not_equal(d.v[0].pointer, ptr);
	memset(file, 'Z', sizeof(file) - 1);
	memset(ptr, 'Z', sizeof(ptr) - 1);
	memset(arg, 'Z', sizeof(arg) - 1);
	assert_diag(&d.v[0], ACG_ERROR, ACG_EINVAL, "f.json", 0, 0, "/links/3", "id x");
	acg_diags_release(&d);
}

static void test_null_list(void **state)
{
	(void)state;
	assert_int_equal(acg_diags_add(NULL, ACG_ERROR, ACG_EINVAL, "f", 1, 2, "/p", "%s", "m"),
			 ACG_OK);
	assert_int_equal(acg_diags_add(NULL, ACG_WARNING, ACG_OK, NULL, 0, 0, NULL, "m"), ACG_OK);
	acg_diags_release(NULL); /* NULL-safe */
}

static void test_release_and_reuse(void **state)
{
	struct acg_diags d = ACG_DIAGS_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < 20; i++)
		acg_diags_add(&d, i < 5 ? ACG_WARNING : ACG_ERROR, ACG_EINVAL, "f", 0, 0, "/p",
			      "m%zu", i);
	assert_int_equal(d.n, 20);
	acg_diags_release(&d);
	assert_null(d.v);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.cap, 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	assert_int_equal(d.lost, 0);
	/* Releasing twice is harmless. */
	acg_diags_release(&d);
	assert_int_equal(d.n, 0);
	/* The list is reusable. */
	assert_int_equal(acg_diags_add(&d, ACG_WARNING, ACG_OK, "g", 0, 0, NULL, "again"), ACG_OK);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.errors, 0);
	assert_diag(&d.v[0], ACG_WARNING, ACG_OK, "g", 0, 0, NULL, "again");
	acg_diags_release(&d);
	assert_int_equal(d.n, 0);
}

/* A zeroed list (rather than ACG_DIAGS_INIT) works too (diag.h: "or zero it"). */
static void test_zeroed_list(void **state)
{
	struct acg_diags d;

	(void)state;
	memset(&d, 0, sizeof(d));
	assert_int_equal(acg_diags_add(&d, ACG_ERROR, ACG_EINVAL, NULL, 0, 0, NULL, "z"), ACG_OK);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	acg_diags_release(&d);
}

static void test_status_values(void **state)
{
	(void)state;
	/* "The numeric values are stable." */
	assert_int_equal(ACG_OK, 0);
	assert_int_equal(ACG_EINVAL, 1);
	assert_int_equal(ACG_EUSAGE, 2);
	assert_int_equal(ACG_EIO, 3);
	assert_int_equal(ACG_ENOMEM, 4);
	assert_int_equal(ACG_ELIB, 5);
	assert_int_equal(ACG_ERROR, 0);
	assert_int_equal(ACG_WARNING, 1);
}

/*
 * acg_status_str: "a short, static, lowercase description".  The exact words
 * are not specified by diag.h; each status must have its own non-empty,
 * lowercase, short text, the same pointer every time (static).
 */
static void test_status_str(void **state)
{
	static const enum acg_status all[] = {ACG_OK, ACG_EINVAL, ACG_EUSAGE,
					      ACG_EIO, ACG_ENOMEM, ACG_ELIB};
	const char *s[6];
	size_t i, j;

	(void)state;
	for (i = 0; i < 6; i++) {
		const char *p;

		s[i] = acg_status_str(all[i]);
		assert_non_null(s[i]);
		assert_true(strlen(s[i]) > 0);
		assert_true(strlen(s[i]) < 40);
		for (p = s[i]; *p; p++)
			assert_false(isupper((unsigned char)*p));
		assert_false(s[i][strlen(s[i]) - 1] == '\n');
		assert_ptr_equal(acg_status_str(all[i]), s[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(s[i], s[j]);
	}
	/* A value out of range still gives a string, different from success. */
	assert_non_null(acg_status_str((enum acg_status)99));
	assert_string_not_equal(acg_status_str((enum acg_status)99), s[0]);
	/* The descriptions say which failure it is. */
	assert_non_null(strstr(acg_status_str(ACG_ENOMEM), "memory"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty),
		cmocka_unit_test(test_add_order_and_counts),
		cmocka_unit_test(test_add_many),
		cmocka_unit_test(test_formatting),
		cmocka_unit_test(test_vadd),
		cmocka_unit_test(test_null_file_and_pointer),
		cmocka_unit_test(test_strings_are_copied),
		cmocka_unit_test(test_null_list),
		cmocka_unit_test(test_release_and_reuse),
		cmocka_unit_test(test_zeroed_list),
		cmocka_unit_test(test_status_values),
		cmocka_unit_test(test_status_str),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

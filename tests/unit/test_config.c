/* test_config.c: the INI configuration: defaults, values, sizes, and refusals with a line number. */
#include "unit.h"

#include <stdio.h>
#include <unistd.h>

#include "core/config.h"
#include "core/sandbox.h"

static char path[64];

static int
write_conf(const char *text)
{
	FILE *f;
	int fd;

	strcpy(path, "/tmp/lectern-conf-XXXXXX");
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL)
		return -1;
	fputs(text, f);
	fclose(f);
	return 0;
}

static void
defaults(void **state)
{
	(void)state;
	config_defaults(&config);
	assert_str(config.bind, "127.0.0.1");
	assert_int_equal(config.port, 8888);
	assert_int_equal(config.public_read, 1);
	assert_null(config.tls_cert);
	assert_int_equal(config.seccomp, SANDBOX_KILL);
	config_release(&config);
}

static void
values(void **state)
{
	(void)state;
	assert_int_equal(write_conf("[server]\nport = 0\nmax_body = 2M\nbind = ::1\n"
	    "[data]\npublic_read = no\ndatabase = /var/lib/lectern/x.db\n"), 0);
	config_defaults(&config);
	assert_int_equal(config_load(&config, path), 0);
	assert_int_equal(config.port, 0);
	assert_int_equal(config.max_body, 2 * 1024 * 1024);
	assert_str(config.bind, "::1");
	assert_int_equal(config.public_read, 0);
	assert_str(config.db_path, "/var/lib/lectern/x.db");
	config_release(&config);
	unlink(path);
}

static void
refusals(void **state)
{
	static const char *bad[] = {
		"port = 70000\n", "port = abc\n", "nonsense = 1\n", "public_read = maybe\n",
		"tls_cert = /x.pem\n",	/* without its key */
		"seccomp = maybe\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(write_conf(bad[i]), 0);
		config_defaults(&config);
		assert_int_equal(config_load(&config, path), -1);
		config_release(&config);
		unlink(path);
	}
	config_defaults(&config);
	assert_int_equal(config_load(&config, "/nonexistent/lectern.conf"), -1);
	config_release(&config);
}

static void
seccomp_modes(void **state)
{
	static const struct {
		const char *text;
		int mode;
	} cases[] = {
		{ "seccomp = yes\n", SANDBOX_KILL },
		{ "seccomp = no\n", SANDBOX_OFF },
		{ "[server]\nseccomp = log\n", SANDBOX_LOG },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(write_conf(cases[i].text), 0);
		config_defaults(&config);
		assert_int_equal(config_load(&config, path), 0);
		assert_int_equal(config.seccomp, cases[i].mode);
		config_release(&config);
		unlink(path);
	}
}

static void
shipped_sample_loads(void **state)
{
	(void)state;
	config_defaults(&config);
	assert_int_equal(config_load(&config, "conf/lectern.conf"), 0);
	assert_int_equal(config.port, 8888);
	assert_int_equal(config.seccomp, SANDBOX_KILL);
	config_release(&config);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(values),
		cmocka_unit_test(refusals),
		cmocka_unit_test(seccomp_modes),
		cmocka_unit_test(shipped_sample_loads),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --confirm and --confirm-check of the changing commands, the refusal of a
 * second change while one is pending, and bondcfg confirm and revert. The
 * watchdog that reverts is in watchdog.c.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/confirm.h"
#include "engine/runlock.h"
#include "model/xalloc.h"

/* The longest window: a day. */
#define CONFIRM_MAX_S 86400

#define STR_(x) #x
#define STR(x) STR_(x)

struct confirm_options confirm_opt;
bool confirm_ending;

struct poptOption confirm_options[] = {
	{ "confirm", '\0', POPT_ARG_STRING, &confirm_opt.seconds, 0,
	  "Revert the change after SECONDS (default 120) unless 'bondcfg confirm' is run",
	  "SECONDS" },
	{ "confirm-check", '\0', POPT_ARG_STRING, &confirm_opt.check, 0,
	  "With --confirm: confirmed as soon as ADDR answers through the bond (ARP on its subnet, ICMP otherwise); reverted if it does not",
	  "ADDR" },
	POPT_TABLEEND
};

/* The command line, for show; the pending change being made. */
static char command[256];
static struct pending cur;
static bool begun;

/* The word confirm_prepare_argv() replaced, to put back. */
static const char **replaced_at;
static const char *replaced;

void confirm_prepare_argv(int argc, const char **argv, const char *prog)
{
	size_t len, i;
	int k;

	len = (size_t)snprintf(command, sizeof(command), "%s", prog);
	for (k = 1; k < argc && len < sizeof(command); k++)
		len += (size_t)snprintf(command + len, sizeof(command) - len,
					" %s", argv[k]);
	/* the command is shown: nothing but printable characters */
	for (i = 0; command[i]; i++)
		if (!isprint((unsigned char)command[i]))
			command[i] = '?';
	/* "--confirm 30" is popt's own; "--confirm bond0" is not */
	for (k = 1; k < argc && strcmp(argv[k], "--"); k++) {
		if (strcmp(argv[k], "--confirm"))
			continue;
		if (k + 1 < argc && *argv[k + 1] &&
		    strspn(argv[k + 1], "0123456789") == strlen(argv[k + 1]))
			break;
		replaced_at = &argv[k];
		replaced = argv[k];
		argv[k] = "--confirm=" STR(CONFIRM_DEFAULT_S);
		break;
	}
}

void confirm_restore_argv(void)
{
	if (replaced_at)
		*replaced_at = replaced;
	replaced_at = NULL;
}

int confirm_check_options(const char *cmd)
{
	unsigned char addr[sizeof(struct in6_addr)];
	char *end;
	long v;

	if (confirm_opt.check && !confirm_opt.seconds)
		confirm_opt.seconds = STR(CONFIRM_DEFAULT_S);
	if (!confirm_opt.seconds)
		return -1;
	v = strtol(confirm_opt.seconds, &end, 10);
	if (end == confirm_opt.seconds || *end || v < 1 || v > CONFIRM_MAX_S)
		return cli_usage_error(
			"%s: --confirm: '%s' is not a number of seconds from 1 to %d",
			cmd, confirm_opt.seconds, CONFIRM_MAX_S);
	confirm_opt.window = (int)v;
	if (confirm_opt.check &&
	    inet_pton(AF_INET, confirm_opt.check, addr) != 1 &&
	    inet_pton(AF_INET6, confirm_opt.check, addr) != 1)
		return cli_usage_error(
			"%s: --confirm-check: '%s' is not an IPv4 or IPv6 address",
			cmd, confirm_opt.check);
	return -1;
}

const char *confirm_clock(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(buf, size, "%H:%M:%S", &tm))
		snprintf(buf, size, "%lld", t);
	return buf;
}

static bool refuses(const char *cmd)
{
	struct pending p;
	struct diags d;
	char at[16];
	int rc;

	if (confirm_ending)
		return false;
	pending_init(&p);
	diags_init(&d);
	rc = pending_read(&p, &d);
	if (rc == -ENOENT) {
		diags_free(&d);
		return false;
	}
	if (rc)
		cli_error(
			"%s%srefused: a change is pending, and its saved state in %s/%s cannot be read (%s); run 'bondcfg confirm' to drop it",
			cmd ? cmd : "", cmd ? ": " : "", runlock_dir(),
			PENDING_FILE, strerror(-rc));
	else if (p.state == PENDING_FAILED)
		cli_error(
			"%s%srefused: the revert of the change made by '%s' failed and is pending; run 'bondcfg revert' to try it again, or 'bondcfg confirm' to keep the links as they are",
			cmd ? cmd : "", cmd ? ": " : "", p.command);
	else
		cli_error(
			"%s%srefused: the change made by '%s' is pending and reverts at %s unless confirmed; run 'bondcfg confirm' to keep it, or 'bondcfg revert' to undo it, first",
			cmd ? cmd : "", cmd ? ": " : "", p.command,
			confirm_clock(p.deadline, at, sizeof(at)));
	pending_free(&p);
	diags_free(&d);
	return true;
}

/*
 * The seconds of the window, from now: on both clocks, whole seconds
 * rounded up, so that the revert never comes before the time said.
 */
static void set_deadline(struct pending *p)
{
	p->made = (long long)time(NULL);
	p->deadline = p->made + 1 + confirm_opt.window;
	p->deadline_boot = pending_boot_now() + 1 + confirm_opt.window;
}

static int begin(struct session *s, const struct target *t, size_t n)
{
	const char *what = "save the state before the change";
	size_t i;
	int rc;

	if (!confirm_opt.window)
		return 0;
	pending_init(&cur);
	for (i = 0; i < n; i++)
		if (!t[i].skip)
			pending_add_plan(&cur, &s->ls, &t[i].plan);
	if (!cur.n)
		return 0;
	snprintf(cur.id, sizeof(cur.id), "%lld-%ld", (long long)time(NULL),
		 (long)getpid());
	snprintf(cur.check, sizeof(cur.check), "%s",
		 confirm_opt.check ? confirm_opt.check : "");
	snprintf(cur.command, sizeof(cur.command), "%s", command);
	/* counted from the change's start until it is made */
	set_deadline(&cur);
	rc = pending_write(&cur);
	if (!rc) {
		what = "start the watchdog that reverts the change";
		rc = watchdog_start(&cur);
	}
	if (!rc) {
		what = "save the watchdog's pid";
		rc = pending_write(&cur);
	}
	if (rc) {
		diags_add(&s->d, DIAG_ERROR, NULL,
			  "--confirm: cannot %s (%s): nothing was changed",
			  what, strerror(-rc));
		watchdog_stop(&cur);
		pending_remove();
		pending_free(&cur);
		session_fail(s, CLI_EXIT_FAILURE);
		return -1;
	}
	begun = true;
	return 0;
}

static void end(struct session *s, const struct target *t, size_t n)
{
	bool changed = false;
	char at[16];
	size_t i;

	if (!confirm_opt.window)
		return;
	for (i = 0; i < n; i++)
		changed |= !t[i].skip && t[i].plan.n &&
			   (!t[i].failed || t[i].left_different);
	if (!begun || !changed) {
		if (begun) {
			watchdog_stop(&cur);
			pending_remove();
		}
		if (!bondcfg.quiet)
			printf("nothing changed: nothing to confirm\n");
		goto out;
	}
	set_deadline(&cur);
	if (pending_write(&cur))
		diags_add(
			&s->d, DIAG_WARNING, NULL,
			"--confirm: the deadline could not be moved to the end of the change: it reverts up to a few seconds early");
	printf("the change reverts at %s (in %d s) unless confirmed: run 'bondcfg confirm' to keep it, 'bondcfg revert' to undo it now\n",
	       confirm_clock(cur.deadline, at, sizeof(at)), confirm_opt.window);
	if (*cur.check)
		printf("it is confirmed by itself as soon as %s answers through the bond\n",
		       cur.check);
	if (bondcfg.syslog)
		diags_add(&s->d, DIAG_NOTE, NULL,
			  "change pending: reverts at %s unless confirmed", at);
out:
	begun = false;
	pending_free(&cur);
}

void confirm_install(void)
{
	static const struct session_guard guard = { refuses, begin, end };

	session_guard = &guard;
}

int confirm_main(int argc, const char **argv, bool revert)
{
	const char *cmd = revert ? "revert" : "confirm";
	struct poptOption options[] = { CLI_STD_OPTIONS, POPT_TABLEEND };
	poptContext ctx = poptGetContext(cmd, argc, argv, options, 0);
	struct session s;
	struct pending p;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...]");
	rc = cli_parse_options(ctx, NULL);
	if (rc < 0 && poptPeekArg(ctx))
		rc = cli_usage_error("%s: unexpected argument '%s'", cmd,
				     poptPeekArg(ctx));
	poptFreeContext(ctx);
	if (rc >= 0)
		return rc;
	confirm_ending = true;
	rc = session_open(&s, cmd, false);
	if (rc >= 0)
		return rc;
	pending_init(&p);
	rc = pending_read(&p, &s.d);
	if (rc == -ENOENT) {
		printf("nothing to %s: no change is pending\n", cmd);
		session_fail(&s, CLI_EXIT_FAILURE);
	} else if (!revert) {
		/* a damaged file is dropped too: confirm ends it all */
		watchdog_stop(&p);
		rc = pending_remove();
		if (rc)
			diags_add(&s.d, DIAG_ERROR, NULL,
				  "cannot remove %s/%s: %s", runlock_dir(),
				  PENDING_FILE, strerror(-rc));
		else if (!bondcfg.quiet)
			printf("confirmed: the change made by '%s' stays\n",
			       p.command);
		if (rc)
			session_fail(&s, CLI_EXIT_FAILURE);
	} else if (!rc) {
		if (!watchdog_revert(&s, &p))
			watchdog_stop(&p);
	} else {
		session_fail(&s, CLI_EXIT_FAILURE);
	}
	pending_free(&p);
	return session_close(&s);
}

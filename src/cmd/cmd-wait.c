// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg wait: until bonds have settled (carrier, every slave up, a slave
 * active, and in 802.3ad one aggregator with a partner in sync), woken by
 * the kernel's link notifications. The kernel announces no change of a
 * partner's LACP state alone, so the links are also read once a second.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/bondcfg.h"
#include "cmd/bondview.h"
#include "cmd/cli.h"
#include "kernel/linkcache.h"
#include "kernel/nl.h"
#include "cmd/session.h"

#define RECHECK_MS 1000

static char *opt_timeout;

static struct poptOption options[] = {
	{ "timeout", 't', POPT_ARG_STRING, &opt_timeout, 0,
	  "Give up after SECS seconds (default 30)", "SECS" },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * The first of @names (every bond when NULL) that has not settled in
 * @ls, with why in @why; NULL when all have. A named bond that is gone
 * is reported as such.
 */
static const char *unsettled(const struct linkset *ls, const char **names,
			     char *why, size_t size)
{
	const struct link *b;
	size_t i;

	for (i = 0; names && names[i]; i++) {
		b = linkset_find(ls, names[i]);
		if (!b || !b->is_bond) {
			snprintf(why, size, "no such bond");
			return names[i];
		}
		if (bondview_unsettled(ls, b, why, size))
			return names[i];
	}
	for (i = 0; !names && i < ls->n; i++)
		if (ls->v[i].is_bond &&
		    bondview_unsettled(ls, &ls->v[i], why, size))
			return ls->v[i].name;
	return NULL;
}

int cmd_wait(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg wait", argc, argv, options, 0);
	long long start = now_ms(), deadline, left;
	struct linkset ls = { 0 };
	struct linkcache *lc = NULL;
	struct nl *nl = NULL;
	const char **names, *bond;
	char why[160], *end;
	struct pollfd pfd;
	long secs = 30;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...] [BOND...]");
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	if (opt_timeout) {
		errno = 0;
		secs = strtol(opt_timeout, &end, 10);
		if (errno || *end || end == opt_timeout || secs < 0 ||
		    secs > 86400) {
			rc = cli_usage_error(
				"wait: --timeout takes seconds, 0 to 86400, not '%s'",
				opt_timeout);
			goto out;
		}
	}
	names = poptGetArgs(ctx);
	rc = CLI_EXIT_FAILURE;
	if (session_read_bonds("wait", &nl, &ls, names))
		goto out;
	rc = linkcache_open(&lc, NULL, NULL);
	if (rc) {
		cli_error("wait: the link cache: %s", linkcache_strerror(rc));
		rc = CLI_EXIT_FAILURE;
		goto out;
	}
	pfd.fd = linkcache_fd(lc);
	pfd.events = POLLIN;
	deadline = start + secs * 1000;
	for (;;) {
		/* read after subscribing: no change is lost in between */
		linkset_free(&ls);
		rc = bnl_dump_links(nl, &ls);
		if (rc) {
			cli_error("wait: reading the links: %s", strerror(-rc));
			rc = CLI_EXIT_FAILURE;
			goto out;
		}
		bond = unsettled(&ls, names, why, sizeof(why));
		if (!bond)
			break;
		left = deadline - now_ms();
		if (left <= 0) {
			cli_error("wait: %s has not settled after %ld s: %s",
				  bondview_safe(bond), secs, why);
			rc = CLI_EXIT_FAILURE;
			goto out;
		}
		rc = poll(&pfd, 1,
			  (int)(left < RECHECK_MS ? left : RECHECK_MS));
		if (rc < 0 && errno != EINTR) {
			cli_error("wait: poll: %s", strerror(errno));
			rc = CLI_EXIT_FAILURE;
			goto out;
		}
		/* notifications lost (ENOBUFS): the next dump reads all */
		if (rc > 0 && linkcache_dispatch(lc) && linkcache_refresh(lc)) {
			cli_error("wait: the link cache cannot be read again");
			rc = CLI_EXIT_FAILURE;
			goto out;
		}
	}
	if (!bondcfg.quiet)
		printf("settled after %.1f s\n",
		       (double)(now_ms() - start) / 1000);
	rc = CLI_EXIT_OK;
out:
	linkcache_close(lc);
	linkset_free(&ls);
	bnl_close(nl);
	poptFreeContext(ctx);
	return rc;
}

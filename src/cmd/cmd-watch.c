// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg watch: bonds and their slaves live, with each link's traffic
 * rates and the failover events as they happen. The link cache (libnl)
 * says when a link changes and holds the counters; the bonding state it
 * does not decode is read again with bnl_dump_links() after each change.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/bondview.h"
#include "cmd/watch.h"
#include "cmd/cli.h"
#include "model/diag.h"

static const char *opt_count;
static const char *opt_interval;

static struct poptOption options[] = {
	{ "count", 'c', POPT_ARG_STRING, &opt_count, 0,
	  "Print N snapshots as plain lines, then exit", "N" },
	{ "interval", 'i', POPT_ARG_STRING, &opt_interval, 0,
	  "Seconds between snapshots (default 1, decimals allowed)", "S" },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

__attribute__((format(printf, 3, 4))) static void
event(struct watch *w, const char *bond, const char *fmt, ...)
{
	char ts[40], msg[128], *slot;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	watch_stamp(ts, sizeof(ts));
	slot = w->events[w->n_events++ % EVENT_KEEP];
	snprintf(slot, sizeof(w->events[0]), "%s %s: %s", ts, bond, msg);
	diag_mask(slot);
	printf("%s\n", slot);
	fflush(stdout);
}

/* The events between two readings of bond @nb. */
static void diff_bond(struct watch *w, const struct linkset *old,
		      const struct link *ob, const struct linkset *new,
		      const struct link *nb)
{
	const struct bond_conf *oc = ob->bond, *nc = nb->bond;
	const char *oa, *na;
	const struct link *os, *ns;
	size_t i;

	for (i = 0; i < oc->n_slaves; i++)
		if (!watch_slave_of(new, nb, oc->slaves[i].name))
			event(w, nb->name, "slave %s released",
			      oc->slaves[i].name);
	for (i = 0; i < nc->n_slaves; i++) {
		ns = watch_slave_of(new, nb, nc->slaves[i].name);
		if (!ns)
			continue;
		os = watch_slave_of(old, ob, ns->name);
		if (!os) {
			event(w, nb->name, "slave %s added, MII %s", ns->name,
			      bondview_mii_name(ns->slave.mii_status));
			continue;
		}
		if (os->slave.mii_status != ns->slave.mii_status)
			event(w, nb->name, "slave %s MII %s -> %s", ns->name,
			      bondview_mii_name(os->slave.mii_status),
			      bondview_mii_name(ns->slave.mii_status));
		if (os->slave.state != ns->slave.state)
			event(w, nb->name, "slave %s state %s -> %s", ns->name,
			      bondview_state_name(os->slave.state),
			      bondview_state_name(ns->slave.state));
	}
	oa = bond_conf_ifname_of(oc, BONDOPT_ACTIVE_SLAVE);
	na = bond_conf_ifname_of(nc, BONDOPT_ACTIVE_SLAVE);
	if (strcmp(oa, na))
		event(w, nb->name, "active slave %s -> %s", *oa ? oa : "none",
		      *na ? na : "none");
	if ((ob->flags ^ nb->flags) & BONDVIEW_IFF_LOWER_UP)
		event(w, nb->name, "carrier %s",
		      nb->flags & BONDVIEW_IFF_LOWER_UP ? "regained" : "lost");
}

/* Reads the links again and reports what changed for the bonds watched. */
static int reread(struct watch *w)
{
	struct linkset new;
	const struct link *o, *n;
	size_t i;
	int rc;

	rc = bnl_dump_links(w->nl, &new);
	if (rc) {
		linkset_free(&new);
		return rc;
	}
	for (i = 0; i < new.n; i++) {
		n = &new.v[i];
		if (!watch_watched(w, n))
			continue;
		o = linkset_find(&w->cur, n->name);
		if (o && o->is_bond)
			diff_bond(w, &w->cur, o, &new, n);
		else
			event(w, n->name, "bond created");
	}
	for (i = 0; i < w->cur.n; i++) {
		o = &w->cur.v[i];
		n = linkset_find(&new, o->name);
		if (watch_watched(w, o) && !(n && n->is_bond))
			event(w, o->name, "bond deleted");
	}
	linkset_free(&w->cur);
	w->cur = new;
	w->dirty = false;
	return 0;
}

static void on_change(enum linkcache_action action,
		      const struct linkcache_link *l, void *data)
{
	struct watch *w = data;
	const struct link *known = linkset_find_index(&w->cur, l->ifindex);

	(void)action;
	if (!strcmp(l->kind, "bond") || l->master ||
	    (known && (known->is_bond || known->is_bond_slave)))
		w->dirty = true;
}

/* --- the command ------------------------------------------------------ */

static int parse_args(poptContext ctx, struct watch *w, long *count)
{
	const char *arg;
	char *end;

	*count = -1;
	w->interval = 1;
	if (opt_count) {
		errno = 0;
		*count = strtol(opt_count, &end, 10);
		if (errno || end == opt_count || *end || *count < 1)
			return cli_usage_error(
				"watch: --count: '%s' is not a whole number of 1 or more",
				opt_count);
	}
	if (opt_interval) {
		errno = 0;
		w->interval = strtod(opt_interval, &end);
		if (errno || end == opt_interval || *end ||
		    !isfinite(w->interval) || w->interval <= 0 ||
		    w->interval > 86400)
			return cli_usage_error(
				"watch: --interval: '%s' is not a number of seconds above 0 (up to 86400)",
				opt_interval);
	}
	w->only = poptGetArg(ctx);
	arg = poptGetArg(ctx);
	if (arg)
		return cli_usage_error("watch: unexpected argument '%s'", arg);
	return -1;
}

static int run(struct watch *w, long count)
{
	double next, left;
	struct pollfd pfd;
	unsigned int snapshots = 0;
	int rc;

	next = watch_now() + w->interval;
	for (;;) {
		left = next - watch_now();
		pfd.fd = linkcache_fd(w->lc);
		pfd.events = POLLIN;
		pfd.revents = 0;
		rc = poll(&pfd, 1, left > 0 ? (int)(left * 1000) + 1 : 0);
		if (rc < 0 && errno != EINTR) {
			cli_error("watch: poll: %s", strerror(errno));
			return CLI_EXIT_FAILURE;
		}
		if (rc > 0 && linkcache_dispatch(w->lc)) {
			/* notifications lost (a full socket buffer): read all */
			rc = linkcache_refresh(w->lc);
			if (rc) {
				cli_error("watch: reading the links: %s",
					  linkcache_strerror(rc));
				return CLI_EXIT_FAILURE;
			}
			w->dirty = true;
		}
		if (watch_now() < next) {
			if (w->dirty && (rc = reread(w))) {
				cli_error("watch: reading the links: %s",
					  strerror(-rc));
				return CLI_EXIT_FAILURE;
			}
			continue;
		}
		/* an interval is over: everything read again for the view */
		rc = linkcache_refresh(w->lc);
		if (rc) {
			cli_error("watch: reading the counters: %s",
				  linkcache_strerror(rc));
			return CLI_EXIT_FAILURE;
		}
		rc = reread(w);
		if (rc) {
			cli_error("watch: reading the links: %s",
				  strerror(-rc));
			return CLI_EXIT_FAILURE;
		}
		watch_view(w, ++snapshots);
		if (count > 0 && snapshots >= (unsigned long)count)
			return CLI_EXIT_OK;
		next += w->interval;
		if (next < watch_now())
			next = watch_now() + w->interval;
	}
}

int cmd_watch(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg watch", argc, argv, options, 0);
	struct watch w = { 0 };
	long count;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...] [BOND]");
	rc = cli_parse_options(ctx, NULL);
	if (rc >= 0)
		goto out;
	rc = parse_args(ctx, &w, &count);
	if (rc >= 0)
		goto out;
	w.tty = count < 0 && isatty(STDOUT_FILENO);
	rc = CLI_EXIT_FAILURE;
	if (session_read_links("watch", &w.nl, &w.cur) ||
	    (w.only && !session_bond("watch", &w.cur, w.only)))
		goto out;
	rc = linkcache_open(&w.lc, on_change, &w);
	if (rc) {
		cli_error("watch: the link cache: %s", linkcache_strerror(rc));
		rc = CLI_EXIT_FAILURE;
		goto out;
	}
	/* what changed while the cache was being filled */
	rc = reread(&w);
	if (rc) {
		cli_error("watch: reading the links: %s", strerror(-rc));
		rc = CLI_EXIT_FAILURE;
		goto out;
	}
	watch_baseline(&w);
	rc = run(&w, count);
out:
	free(w.samples);
	linkcache_close(w.lc);
	linkset_free(&w.cur);
	bnl_close(w.nl);
	poptFreeContext(ctx);
	return rc;
}

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
#include <net/if.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/bondview.h"
#include "cmd/cli.h"
#include "model/diag.h"
#include "kernel/linkcache.h"
#include "kernel/nl.h"
#include "model/xalloc.h"

/* Events kept to show under the view on a terminal. */
#define EVENT_KEEP 10

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

struct sample {
	char name[IF_NAMESIZE];
	struct linkcache_stats st;
};

struct watch {
	struct nl *nl;
	struct linkcache *lc;
	const char *only; /* the bond watched, or NULL for all */
	struct linkset cur;
	bool dirty; /* a bond or a slave changed since cur was read */
	bool tty;
	double interval;
	struct sample *samples; /* counters at the last snapshot */
	size_t n_samples;
	double sampled_at;
	char events[EVENT_KEEP][200];
	unsigned int n_events;
};

static double now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "2026-11-21T10:15:02.123", local time. */
static void stamp(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	size_t len;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	len = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + len, size - len, ".%03ld", ts.tv_nsec / 1000000);
}

static bool watched(const struct watch *w, const struct link *l)
{
	return l && l->is_bond && (!w->only || !strcmp(w->only, l->name));
}

__attribute__((format(printf, 3, 4))) static void
event(struct watch *w, const char *bond, const char *fmt, ...)
{
	char ts[40], msg[128], *slot;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	stamp(ts, sizeof(ts));
	slot = w->events[w->n_events++ % EVENT_KEEP];
	snprintf(slot, sizeof(w->events[0]), "%s %s: %s", ts, bond, msg);
	diag_mask(slot);
	printf("%s\n", slot);
	fflush(stdout);
}

static const struct link *slave_of(const struct linkset *ls,
				   const struct link *bond, const char *name)
{
	const struct link *s;

	if (!bond_conf_find_slave(bond->bond, name))
		return NULL;
	s = linkset_find(ls, name);
	return s && s->is_bond_slave ? s : NULL;
}

/* The events between two readings of bond @nb. */
static void diff_bond(struct watch *w, const struct linkset *old,
		      const struct link *ob, const struct linkset *new,
		      const struct link *nb)
{
	const struct bond_conf *oc = ob->bond, *nc = nb->bond;
	const struct link *os, *ns;
	size_t i;

	for (i = 0; i < oc->n_slaves; i++)
		if (!slave_of(new, nb, oc->slaves[i].name))
			event(w, nb->name, "slave %s released",
			      oc->slaves[i].name);
	for (i = 0; i < nc->n_slaves; i++) {
		ns = slave_of(new, nb, nc->slaves[i].name);
		if (!ns)
			continue;
		os = slave_of(old, ob, ns->name);
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
	if (strcmp(oc->active_slave, nc->active_slave))
		event(w, nb->name, "active slave %s -> %s",
		      *oc->active_slave ? oc->active_slave : "none",
		      *nc->active_slave ? nc->active_slave : "none");
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
		if (!watched(w, n))
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
		if (watched(w, o) && !(n && n->is_bond))
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

/* --- the view ---------------------------------------------------------- */

static const struct sample *sample_find(const struct watch *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->n_samples; i++)
		if (!strcmp(w->samples[i].name, name))
			return &w->samples[i];
	return NULL;
}

/* Counter movement per second, or -1 when there is nothing to compare. */
static double rate(uint64_t now, uint64_t before, double dt)
{
	if (dt <= 0 || now < before)
		return -1;
	return (double)(now - before) / dt;
}

static void print_rate(double r)
{
	if (r < 0)
		printf(" %12s", "-");
	else
		printf(" %12.0f", r);
}

/* One line of the view: the link's counters, rates, and @info. */
static void view_line(struct watch *w, struct sample *out, size_t *n_out,
		      const char *label, const char *name, const char *info,
		      double dt)
{
	const struct sample *prev = sample_find(w, name);
	struct linkcache_stats st;
	bool have = !linkcache_stats(w->lc, name, &st);
	char shown_label[32], shown_info[128];

	snprintf(shown_label, sizeof(shown_label), "%s", label);
	snprintf(shown_info, sizeof(shown_info), "%s", info);
	diag_mask(shown_label);
	diag_mask(shown_info);
	printf("%-18s %-42s", shown_label, shown_info);
	if (have && prev) {
		print_rate(rate(st.rx_bytes, prev->st.rx_bytes, dt));
		print_rate(rate(st.rx_packets, prev->st.rx_packets, dt));
		print_rate(rate(st.tx_bytes, prev->st.tx_bytes, dt));
		print_rate(rate(st.tx_packets, prev->st.tx_packets, dt));
	} else {
		printf(" %12s %12s %12s %12s", "-", "-", "-", "-");
	}
	putchar('\n');
	if (have) {
		snprintf(out[*n_out].name, sizeof(out[0].name), "%s", name);
		out[(*n_out)++].st = st;
	}
}

static void view(struct watch *w, unsigned int number)
{
	const struct linkset *ls = &w->cur;
	double t = now_mono(), dt = t - w->sampled_at;
	struct sample *next = xcalloc(ls->n + 1, sizeof(*next));
	const struct link *b, *s;
	size_t n_next = 0, i, k;
	unsigned int shown = 0;
	char ts[40], info[128], label[32];

	stamp(ts, sizeof(ts));
	if (w->tty)
		printf("\033[H\033[2J%s bondcfg watch, every %gs (Ctrl-C quits)\n",
		       ts, w->interval);
	else
		printf("%s snapshot %u\n", ts, number);
	printf("%-18s %-42s %12s %12s %12s %12s\n", "LINK", "STATE",
	       "RX_BYTES/S", "RX_PKTS/S", "TX_BYTES/S", "TX_PKTS/S");
	for (i = 0; i < ls->n; i++) {
		b = &ls->v[i];
		if (!watched(w, b))
			continue;
		shown++;
		snprintf(info, sizeof(info), "%s %s%s active=%s",
			 bond_mode_name(bond_conf_effective(b->bond, NULL,
							    BONDOPT_MODE)),
			 b->flags & IFF_UP ? "up" : "down",
			 b->flags & BONDVIEW_IFF_LOWER_UP ? " carrier" :
							    " no-carrier",
			 *b->bond->active_slave ? b->bond->active_slave :
						  "none");
		view_line(w, next, &n_next, b->name, b->name, info, dt);
		for (k = 0; k < b->bond->n_slaves; k++) {
			s = slave_of(ls, b, b->bond->slaves[k].name);
			if (!s)
				continue;
			snprintf(info, sizeof(info),
				 "mii=%s state=%s failures=%u",
				 bondview_mii_name(s->slave.mii_status),
				 bondview_state_name(s->slave.state),
				 s->slave.link_failure_count);
			snprintf(label, sizeof(label), "  %s", s->name);
			view_line(w, next, &n_next, label, s->name, info, dt);
		}
	}
	if (!shown)
		printf("no bonds\n");
	if (w->tty && w->n_events) {
		unsigned int first =
			w->n_events > EVENT_KEEP ? w->n_events - EVENT_KEEP : 0;

		printf("\nEvents:\n");
		for (; first < w->n_events; first++)
			printf("%s\n", w->events[first % EVENT_KEEP]);
	}
	fflush(stdout);
	free(w->samples);
	w->samples = next;
	w->n_samples = n_next;
	w->sampled_at = t;
}

/* Counters of every link, without printing, to compute the first rates. */
static void baseline(struct watch *w)
{
	size_t i;

	w->samples = xcalloc(w->cur.n + 1, sizeof(*w->samples));
	w->n_samples = 0;
	for (i = 0; i < w->cur.n; i++) {
		struct sample *s = &w->samples[w->n_samples];

		if (!linkcache_stats(w->lc, w->cur.v[i].name, &s->st)) {
			snprintf(s->name, sizeof(s->name), "%s",
				 w->cur.v[i].name);
			w->n_samples++;
		}
	}
	w->sampled_at = now_mono();
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

	next = now_mono() + w->interval;
	for (;;) {
		left = next - now_mono();
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
		if (now_mono() < next) {
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
		view(w, ++snapshots);
		if (count > 0 && snapshots >= (unsigned long)count)
			return CLI_EXIT_OK;
		next += w->interval;
		if (next < now_mono())
			next = now_mono() + w->interval;
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
	if (bondcfg_read_links("watch", &w.nl, &w.cur) ||
	    (w.only && !bondcfg_bond("watch", &w.cur, w.only)))
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
	baseline(&w);
	rc = run(&w, count);
out:
	free(w.samples);
	linkcache_close(w.lc);
	linkset_free(&w.cur);
	bnl_close(w.nl);
	poptFreeContext(ctx);
	return rc;
}

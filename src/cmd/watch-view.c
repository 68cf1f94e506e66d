// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg watch's view: each bond and slave with its traffic rates since
 * the last snapshot, and the latest events on a terminal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/bondview.h"
#include "cmd/watch.h"
#include "model/xalloc.h"

double watch_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "2026-11-21T10:15:02.123", local time. */
void watch_stamp(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	size_t len;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	len = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + len, size - len, ".%03ld", ts.tv_nsec / 1000000);
}

bool watch_watched(const struct watch *w, const struct link *l)
{
	return l && l->is_bond && (!w->only || !strcmp(w->only, l->name));
}

const struct link *watch_slave_of(const struct linkset *ls,
				  const struct link *bond, const char *name)
{
	const struct link *s;

	if (!bond_conf_find_slave(bond->bond, name))
		return NULL;
	s = linkset_find(ls, name);
	return s && s->is_bond_slave ? s : NULL;
}

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

void watch_view(struct watch *w, unsigned int number)
{
	const struct linkset *ls = &w->cur;
	double t = watch_now(), dt = t - w->sampled_at;
	struct sample *next = xcalloc(ls->n + 1, sizeof(*next));
	const struct link *b, *s;
	size_t n_next = 0, i, k;
	unsigned int shown = 0;
	const char *active;
	char ts[40], info[128], label[32];

	watch_stamp(ts, sizeof(ts));
	if (w->tty)
		printf("\033[H\033[2J%s bondcfg watch, every %gs (Ctrl-C quits)\n",
		       ts, w->interval);
	else
		printf("%s snapshot %u\n", ts, number);
	printf("%-18s %-42s %12s %12s %12s %12s\n", "LINK", "STATE",
	       "RX_BYTES/S", "RX_PKTS/S", "TX_BYTES/S", "TX_PKTS/S");
	for (i = 0; i < ls->n; i++) {
		b = &ls->v[i];
		if (!watch_watched(w, b))
			continue;
		shown++;
		active = bond_conf_ifname_of(b->bond, BONDOPT_ACTIVE_SLAVE);
		snprintf(info, sizeof(info), "%s %s%s active=%s",
			 bondopt_mode_name(bond_conf_effective(b->bond, NULL,
							       BONDOPT_MODE)),
			 b->flags & IFF_UP ? "up" : "down",
			 b->flags & BONDVIEW_IFF_LOWER_UP ? " carrier" :
							    " no-carrier",
			 *active ? active : "none");
		view_line(w, next, &n_next, b->name, b->name, info, dt);
		for (k = 0; k < b->bond->n_slaves; k++) {
			s = watch_slave_of(ls, b, b->bond->slaves[k].name);
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
void watch_baseline(struct watch *w)
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
	w->sampled_at = watch_now();
}

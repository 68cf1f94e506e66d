// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg check --live: the configuration, merged as up merges it,
 * compared with the kernel's bonds (engine/drift.h), one line per
 * difference and the command that ends it, or one JSON array.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/bondview.h"
#include "cmd/check.h"
#include "cmd/show.h"
#include "engine/drift.h"
#include "kernel/nl.h"
#include "model/xalloc.h"

/* KEY: the string @s, or null when @s is NULL or empty. */
static void key_text(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (s && *s)
		json_string(j, s);
	else
		json_null(j);
}

static bool named(const char *const *names, const char *name)
{
	size_t i;

	for (i = 0; names && names[i]; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

/* The differences of every bond, or of those @names names. */
static int collect(const struct host_conf *h, const struct linkset *ls,
		   const char *const *names, struct drifts *x)
{
	const struct host_bond *hb;
	const struct link *live;
	bool all = !names || !names[0];
	size_t i;
	int rc = 0;

	for (i = 0; i < h->n_bonds; i++) {
		hb = h->bonds[i];
		if (!all && !named(names, hb->conf.name))
			continue;
		live = linkset_find(ls, hb->conf.name);
		drift_bond(x, &hb->conf, hb->onboot || !all, live, ls);
	}
	for (i = 0; i < ls->n; i++) {
		live = &ls->v[i];
		if (!live->is_bond || host_conf_find(h, live->name) ||
		    (!all && !named(names, live->name)))
			continue;
		drift_bond(x, NULL, false, live, ls);
	}
	for (i = 0; !all && names[i]; i++) {
		live = linkset_find(ls, names[i]);
		if (!host_conf_find(h, names[i]) && (!live || !live->is_bond)) {
			cli_error(
				"check: %s: no configuration and no such bond",
				names[i]);
			rc = -1;
		}
	}
	return rc;
}

/* Each command that ends a difference, once, in the order first needed. */
static char **fixes(const struct drifts *x, size_t *n)
{
	char **v = xcalloc(x->n ? x->n : 1, sizeof(*v));
	char buf[256];
	size_t i, k;

	*n = 0;
	for (i = 0; i < x->n; i++) {
		drift_fix(&x->v[i], buf, sizeof(buf));
		if (!buf[0])
			continue;
		for (k = 0; k < *n && strcmp(v[k], buf); k++)
			;
		if (k == *n)
			v[(*n)++] = xstrdup(buf);
	}
	return v;
}

static void print_text(const struct drifts *x)
{
	char line[DIAG_MESSAGE_MAX];
	size_t i, n;
	char **fix;

	for (i = 0; i < x->n; i++) {
		drift_describe(&x->v[i], line, sizeof(line));
		printf("%s\n", line);
	}
	fix = fixes(x, &n);
	for (i = 0; i < n; i++) {
		printf("to converge: %s\n", fix[i]);
		free(fix[i]);
	}
	free(fix);
	if (!x->n && !bondcfg.quiet)
		printf("live: in sync with the files\n");
}

static void print_json(struct json *j, const struct drifts *x)
{
	char buf[DIAG_MESSAGE_MAX];
	const struct drift *d;
	size_t i;

	json_key(j, "in_sync");
	json_bool(j, x->n == 0);
	json_key(j, "differences");
	json_array_begin(j);
	for (i = 0; i < x->n; i++) {
		d = &x->v[i];
		json_object_begin(j);
		json_key(j, "bond");
		json_string(j, d->bond);
		json_key(j, "kind");
		json_string(j, drift_code(d->kind));
		key_text(j, "slave", d->slave);
		key_text(j, "option",
			 d->opt >= 0 ? bondopt_get(d->opt)->name : NULL);
		key_text(j, "live", d->have);
		key_text(j, "configured", d->want);
		key_text(j, "file", d->where.source);
		json_key(j, "line");
		if (d->where.source && d->where.line)
			json_int(j, d->where.line);
		else
			json_null(j);
		drift_describe(d, buf, sizeof(buf));
		json_key(j, "message");
		json_string(j, buf);
		drift_fix(d, buf, sizeof(buf));
		key_text(j, "fix", buf);
		json_object_end(j);
	}
	json_array_end(j);
}

/*
 * What is wrong with the live bonds compared, whatever their files say:
 * show's warnings (LACP not aggregating, a slave down), to stdout or as
 * "warnings" of @j. They do not change the exit status.
 */
static void health(const struct linkset *ls, const char *const *names,
		   struct json *j)
{
	struct bondview_warning w[BONDVIEW_MAX_WARNINGS];
	bool all = !names || !names[0];
	const struct link *b;
	size_t i, k, nw;

	if (j) {
		json_key(j, "warnings");
		json_array_begin(j);
	}
	for (i = 0; i < ls->n; i++) {
		b = &ls->v[i];
		if (!b->is_bond || (!all && !named(names, b->name)))
			continue;
		nw = bondview_warnings(ls, b, NULL, w, BONDVIEW_MAX_WARNINGS);
		for (k = 0; k < nw; k++) {
			if (!j) {
				printf("%s: warning: %s\n",
				       bondview_safe(b->name), w[k].msg);
				if (w[k].hint[0])
					printf("  likely: %s\n", w[k].hint);
				continue;
			}
			json_object_begin(j);
			json_key(j, "bond");
			json_string(j, b->name);
			show_warning_json(j, &w[k]);
			json_object_end(j);
		}
	}
	if (j)
		json_array_end(j);
}

int check_live(const struct host_conf *h, const char *const *names,
	       struct json *j)
{
	struct linkset ls = { 0 };
	struct nl *nl = NULL;
	struct drifts x;
	int rc;

	drifts_init(&x);
	if (session_read_links("check", &nl, &ls)) {
		rc = -1;
		goto out;
	}
	rc = collect(h, &ls, names, &x);
	if (j) {
		json_key(j, "live");
		json_object_begin(j);
		print_json(j, &x);
		health(&ls, names, j);
		json_object_end(j);
	} else {
		print_text(&x);
		health(&ls, names, NULL);
	}
	if (!rc)
		rc = x.n ? 1 : 0;
out:
	drifts_free(&x);
	linkset_free(&ls);
	bnl_close(nl);
	return rc;
}

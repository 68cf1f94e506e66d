/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bondcfg show's two forms of a bond, and what they share.
 */
#ifndef BONDCFG_CMD_SHOW_H
#define BONDCFG_CMD_SHOW_H

#include <stdbool.h>
#include <stdint.h>

#include <stdio.h>

#include "kernel/linkset.h"
#include "model/host.h"
#include "model/json.h"

/* Option @id of @c, as the kernel reports it or its default. */
int64_t show_num(const struct bond_conf *c, enum bondopt_id id);

/* Its value as text ("layer3+4"). */
void show_value(const struct bond_conf *c, enum bondopt_id id, char *buf,
		size_t size);

/* Whether the mode of @c uses option @id. */
bool show_mode_uses(const struct bond_conf *c, enum bondopt_id id);

/* Bond @b of @ls as text, for people. */
void show_bond_text(const struct linkset *ls, const struct link *b);

/* Bond @b of @ls as one JSON object, every option of the table in it. */
void show_bond_json(struct json *j, const struct linkset *ls,
		    const struct link *b);

struct bondview_warning;

/*
 * The members of a warning's JSON object: code, slave, message, hint,
 * source (null for an empty slave or hint).
 */
void show_warning_json(struct json *j, const struct bondview_warning *w);

/*
 * Every bond of @ls and every bond @h configures, in the Prometheus text
 * format: state, slaves, LACP, drift from the files, warnings, options;
 * @d the diagnostics of reading @h (counted).
 */
void show_prometheus(FILE *out, const struct linkset *ls,
		     const struct host_conf *h, const struct diags *d);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Output shared by the front ends: diagnostics on stderr, and the JSON
 * forms of the option table, of a bond's desired state and of diagnostics.
 */
#ifndef BONDCFG_OUTPUT_H
#define BONDCFG_OUTPUT_H

#include <stdio.h>

#include "model/bondconf.h"
#include "model/diag.h"
#include "model/json.h"

/* Prints @diag in the stable one-line format. */
void output_diag(const struct diag *diag, FILE *out);

/* Prints every diagnostic, one per line. */
void output_diags(const struct diags *d, FILE *out);

/* "diagnostics": [...], "errors": N, "warnings": N (inside an object). */
void output_diags_json(struct json *j, const struct diags *d);

/* "options": {...}, "slaves": [...] (inside an object). */
void output_conf_json(struct json *j, const struct bond_conf *c);

struct plan;

/* Each step of @p on a line, marked when it disrupts traffic. */
void output_plan(const struct plan *p, FILE *out);

/* The option table as text, one option per line. */
void output_table_text(FILE *out);

/* The option table as a JSON array. */
void output_table_json(struct json *j);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One option's value read from text into the desired state of a bond,
 * by the option's kind (optvalue.c); option strings (optstr.h) are words
 * of these.
 */
#ifndef BONDCFG_MODEL_OPTVALUE_H
#define BONDCFG_MODEL_OPTVALUE_H

#include "model/bondconf.h"
#include "model/diag.h"

/* Where an option string comes from: which values and keywords it takes. */
enum optstr_context {
	OPTSTR_BONDING_OPTS, /* sysfs-style option words for one bond */
	OPTSTR_MODULE, /* module parameters (modprobe.d options) */
};

/*
 * Sets bond option @opt of @c from the text @value, its kind's reader
 * choosing; a value given twice is a warning. Returns 0, or -EINVAL after
 * adding an error to @d. Leaves @c->present and @c->where to the caller.
 */
int optvalue_set(struct bond_conf *c, const struct bondopt *opt,
		 const char *value, enum optstr_context ctx,
		 const struct diag_loc *loc, struct diags *d);

/*
 * Sets per-slave option @opt from "SLAVE:VALUE", as the kernel's
 * queue_id file takes it. Returns 0, or -EINVAL after adding an error.
 */
int optvalue_set_slave(struct bond_conf *c, const struct bondopt *opt,
		       const char *value, const struct diag_loc *loc,
		       struct diags *d);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Option strings as admins write them: BONDING_OPTS ("mode=1 miimon=100
 * arp_ip_target=a,b"), module parameters ("options bonding mode=4"), and
 * single key=value settings from the other formats.
 */
#ifndef BONDCFG_OPTSTR_H
#define BONDCFG_OPTSTR_H

#include "model/bondconf.h"
#include "model/diag.h"
#include "model/optvalue.h"

/*
 * Parses the words of @str into @c. @loc says where the string came from.
 * Every problem is added to @d; parsing goes on after an error so that all
 * are reported. Returns 0, or -EINVAL if an error was added.
 */
int optstr_parse(struct bond_conf *c, const char *str, enum optstr_context ctx,
		 const struct diag_loc *loc, struct diags *d);

/*
 * Sets option @opt of @c from the text @value, as one key=value word would.
 * Returns 0, or -EINVAL after adding an error to @d.
 */
int optstr_set(struct bond_conf *c, const struct bondopt *opt,
	       const char *value, enum optstr_context ctx,
	       const struct diag_loc *loc, struct diags *d);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the unit tests that parse option strings and look at the
 * diagnostics.
 */
#ifndef BONDCFG_TEST_HELPERS_H
#define BONDCFG_TEST_HELPERS_H

#include <string.h>

#include "model/bondconf.h"
#include "model/optstr.h"

static const struct diag_loc test_loc = { "ifcfg-bond0", 7 };

/* Parses @str as BONDING_OPTS into a fresh @c and @d, then validates. */
static inline void test_parse_validate(const char *str, struct bond_conf *c,
				       struct diags *d)
{
	bond_conf_init(c, "bond0");
	diags_init(d);
	if (!optstr_parse(c, str, OPTSTR_BONDING_OPTS, &test_loc, d))
		bond_conf_validate(c, NULL, d);
}

/* Whether a diagnostic of @sev contains @text. */
static inline bool test_has_diag(const struct diags *d, enum diag_severity sev,
				 const char *text)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].severity == sev && strstr(d->v[i].message, text))
			return true;
	return false;
}

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the unit tests that parse option strings and look at the
 * diagnostics.
 */
#ifndef BONDCFG_TEST_HELPERS_H
#define BONDCFG_TEST_HELPERS_H

#include <stdio.h>
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

/*
 * Bond @name from the BONDING_OPTS @opts (read at @loc, may be NULL) and
 * the comma-separated @slaves (listed at @listed), into a fresh @c.
 */
static inline void test_make_bond(struct bond_conf *c, const char *name,
				  const char *opts, const struct diag_loc *loc,
				  const char *slaves,
				  const struct diag_loc *listed)
{
	char list[64], *save = NULL, *dev;
	struct diags d;

	bond_conf_init(c, name);
	diags_init(&d);
	if (optstr_parse(c, opts, OPTSTR_BONDING_OPTS, loc, &d))
		printf("# %s: %s\n", opts, d.n ? d.v[0].message : "");
	diags_free(&d);
	snprintf(list, sizeof(list), "%s", slaves);
	for (dev = strtok_r(list, ",", &save); dev;
	     dev = strtok_r(NULL, ",", &save))
		bond_conf_add_member(c, dev, listed);
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

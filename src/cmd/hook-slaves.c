// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg ifup --print-slaves: the slave stanzas that Debian's pre-up hook
 * brings up through ifup with their bond, from the auto and allow- lines
 * and the bond-master keys read once with the rest of the configuration,
 * so that the hook needs no ifquery per stanza.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/change.h"
#include "model/host.h"
#include "model/ifname.h"

/* Whether ifupdown is bringing @name up already: IFUPDOWN_<name> is set. */
static bool ifupdown_under_way(const char *name)
{
	char env[IF_NAMESIZE + 16], *p;

	snprintf(env, sizeof(env), "IFUPDOWN_%s", name);
	for (p = env; *p; p++)
		if (*p == '=') /* as ifupdown names it */
			*p = '_';
	return getenv(env) != NULL;
}

/* Whether one of the first @end uplines is @name in class @cls. */
static bool listed_before(const struct host_conf *h, size_t end,
			  const char *cls, const char *name)
{
	size_t i;

	for (i = 0; i < end; i++)
		if (!strcmp(h->uplines[i].cls, cls) &&
		    !strcmp(h->uplines[i].name, name))
			return true;
	return false;
}

/* The bond that @name's first interfaces stanza names by bond-master. */
static const char *stanza_master(const struct host_conf *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n_claims; i++)
		if (h->claims[i]->format == HOST_INTERFACES &&
		    !strcmp(h->claims[i]->slave.name, name))
			return h->claims[i]->master;
	return NULL;
}

void change_print_slaves(FILE *out, const struct host_conf *h, const char *bond)
{
	static const char *const kinds[] = { "allow", "auto" };
	const struct host_upline *u;
	const char *master;
	size_t k, i;

	for (k = 0; k < 2; k++)
		for (i = 0; i < h->n_uplines; i++) {
			u = &h->uplines[i];
			if (strcmp(u->cls, k ? "auto" : bond) ||
			    !strcmp(u->name, bond) || ifname_check(u->name))
				continue;
			master = k ? stanza_master(h, u->name) : bond;
			if (master && !strcmp(master, bond) &&
			    !listed_before(h, i, u->cls, u->name) &&
			    !ifupdown_under_way(u->name))
				fprintf(out, "%s %s\n", kinds[k], u->name);
		}
}

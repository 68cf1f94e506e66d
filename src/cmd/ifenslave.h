/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ifenslave's changes other than enslaving (enslave.h), for its main.
 */
#ifndef BONDCFG_CMD_IFENSLAVE_H
#define BONDCFG_CMD_IFENSLAVE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * ifenslave -d MASTER SLAVE...: releases the slaves, each given back as
 * it was before it was enslaved. Returns the exit status.
 */
int ifenslave_detach(const char *master, const char *const *names, size_t n,
		     bool verbose);

/* ifenslave -c MASTER SLAVE: makes SLAVE the active slave. */
int ifenslave_change_active(const char *master, const char *name, bool verbose);

/* ifenslave MASTER, or with NULL ifenslave -a: the exit status. */
int ifenslave_show(const char *master);

#endif

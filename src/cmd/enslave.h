/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Enslaving as ifenslave does it, shared with bondcfg's ifup hook.
 */
#ifndef BONDCFG_ENSLAVE_H
#define BONDCFG_ENSLAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/session.h"

/*
 * Enslaves @names to bond @master, in one run: each slave is checked first,
 * and any problem changes nothing. A @master that does not exist, or that
 * has no slaves, gets the options of the host's configuration (read under
 * bondcfg.root), and with @announce a line on stdout says so. @force
 * enslaves devices that are not Ethernet. With @degrade (ifup from the
 * hooks at boot), errors in the configuration leave out what they name,
 * as up does, instead of changing nothing. Returns the exit status, after
 * reporting.
 */
int enslave_run(const char *master, const char *const *names, size_t n,
		bool force, bool announce, bool degrade);

/* How enslave_with() runs: enslave_run()'s flags, and for the hooks more. */
struct enslave_how {
	bool force, announce, degrade;
	/* a slave enslaved to @master already: nothing to do, nothing said */
	bool quiet_if_enslaved;
	/* the host's configuration read already, with its diagnostics */
	struct host_conf *conf;
	const struct diags *conf_diags;
};

/* enslave_run(), as @how says. */
int enslave_with(const char *master, const char *const *names, size_t n,
		 const struct enslave_how *how);

/* The bond @master in the session; otherwise says why not. */
const struct link *enslave_live_bond(struct session *s, const char *master);

/* Says that @dev cannot be @what-ed: it belongs to another master. */
void enslave_say_other_master(struct session *s, const char *master,
			      const char *what, const struct link *dev);

/* Whether @names[i] appeared before @i. */
bool enslave_listed_before(const char *const *names, size_t i);

#endif

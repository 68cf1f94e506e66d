/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What only /proc/net/bonding/BOND tells of an 802.3ad bond's slaves
 * (rtnetlink has no attribute for it): the churn machines' state and
 * counts, and the last LACPDU details of actor and partner per port.
 */
#ifndef BONDCFG_PROCBOND_H
#define BONDCFG_PROCBOND_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

enum procbond_churn {
	PROCBOND_CHURN_UNKNOWN, /* not reported */
	PROCBOND_CHURN_NONE,
	PROCBOND_CHURN_MONITORING,
	PROCBOND_CHURN_CHURNED,
};

struct procbond_lacp {
	bool present; /* "details ... lacp pdu" was read */
	uint16_t system_priority;
	uint8_t system[6];
	uint16_t key; /* the actor's port key, the partner's oper key */
	uint16_t port_priority;
	uint16_t port;
	uint8_t state;
};

struct procbond_slave {
	char name[IF_NAMESIZE];
	enum procbond_churn actor_churn, partner_churn;
	bool has_churned_counts;
	uint32_t actor_churned, partner_churned;
	struct procbond_lacp actor, partner;
};

struct procbond {
	char path[64]; /* the file read */
	struct procbond_slave *slaves;
	size_t n_slaves;
};

/*
 * Reads /proc/net/bonding/@bond (under @proc, "/proc" when NULL) into
 * @pb. Returns 0, or -errno (-ENOENT for a bond the file does not exist
 * for); @pb is empty then.
 */
int procbond_read(const char *proc, const char *bond, struct procbond *pb);

/* Parses the text of such a file; for the tests. */
void procbond_parse(const char *text, struct procbond *pb);

const struct procbond_slave *procbond_slave(const struct procbond *pb,
					    const char *name);

void procbond_free(struct procbond *pb);

/* "none", "monitoring", "churned" or "unknown". */
const char *procbond_churn_name(enum procbond_churn c);

#endif

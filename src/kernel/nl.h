/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel boundary: rtnetlink requests for links and bonds. This is the
 * only module that includes libmnl; everything else sees the plain structs
 * of linkset.h and bondconf.h (the attribute numbers are the option
 * table's, model/bondnla.h). Functions return 0 or -errno. Its names begin
 * with bnl_, not nl_, which is libnl's (the link cache links libnl-route).
 */
#ifndef BONDCFG_NL_H
#define BONDCFG_NL_H

#include <stdbool.h>
#include <stdint.h>

#include "model/bondconf.h"
#include "kernel/linkset.h"

struct nl;

/* The kernel's answer to a refused request. */
struct nl_error {
	int err; /* -errno */
	char msg[256]; /* the extended-ack text, or "" */
};

int bnl_open(struct nl **nl);
void bnl_close(struct nl *nl);

/* Requests sent so far that change something (dumps not counted). */
unsigned int bnl_changes(const struct nl *nl);

/*
 * For the fault-injection tests (tests/bond-engine) only: the @n-th
 * change request from the opening of @nl (1 for the first, refused ones
 * counted) is not sent, and fails with @err and the message "refused by
 * the test", as a refusal of the kernel would. @slot 0 or 1: two may be
 * armed, to refuse a step of the rollback too. No command calls it.
 */
void bnl_test_refuse(struct nl *nl, int slot, unsigned int n, int err);

/*
 * The same for every handle bnl_open() opens after the call: for the test
 * builds of the commands (tests/faulty.c), which open theirs inside.
 */
void bnl_test_refuse_opened(int slot, unsigned int n, int err);

/* The change requests of every handle of the process so far, refused too. */
unsigned int bnl_test_changes_total(void);

/* Messages exchanged with the kernel so far: each request, batch or dump. */
unsigned int bnl_round_trips(const struct nl *nl);

/*
 * Between bnl_batch_begin() and bnl_batch_end(), change requests are queued
 * (they return 0) and then sent in one message; the kernel runs each of
 * them, also after one that fails. bnl_batch_end() fills @errs, one per
 * queued request in order (err 0 for success). At most BNL_BATCH_MAX
 * requests: the kernel's answers to all of them must fit in the socket's
 * receive buffer before they are read.
 */
#define BNL_BATCH_MAX 64

void bnl_batch_begin(struct nl *nl);
int bnl_batch_end(struct nl *nl, struct nl_error *errs);

/*
 * A handle that receives the kernel's link notifications: poll its
 * descriptor for POLLIN, then bnl_watch_drain() reads what is waiting
 * (without blocking) and returns how many arrived, or -errno. The links
 * are read again with a dump; the notifications only say when.
 */
int bnl_watch_open(struct nl **nl);
int bnl_watch_fd(const struct nl *nl);
int bnl_watch_drain(struct nl *nl);

/* Reads every link, with bonds and slaves read back into the model. */
int bnl_dump_links(struct nl *nl, struct linkset *ls);

/*
 * Reads the bonds only (the kernel filters them), without their slaves'
 * names: for learning the ifindexes of new bonds cheaply.
 */
int bnl_dump_bonds(struct nl *nl, struct linkset *ls);

/*
 * Creates bond @c->name, or changes bond @ifindex, sending the options in
 * @opts (BONDOPT_BIT()s) in one request. Interface names are turned into
 * ifindexes through @ls.
 */
int bnl_bond_create(struct nl *nl, const struct bond_conf *c, uint64_t opts,
		    const struct linkset *ls, struct nl_error *e);
int bnl_bond_change(struct nl *nl, int ifindex, const struct bond_conf *c,
		    uint64_t opts, const struct linkset *ls,
		    struct nl_error *e);

/* Sets the options @opts of the bond slave @ifindex. */
int bnl_slave_change(struct nl *nl, int ifindex,
		     const struct bond_slave_conf *s, uint64_t opts,
		     struct nl_error *e);

/* Enslaves @ifindex to @master, or releases it when @master is 0. */
int bnl_link_set_master(struct nl *nl, int ifindex, int master,
			struct nl_error *e);
int bnl_link_set_up(struct nl *nl, int ifindex, bool up, struct nl_error *e);
int bnl_link_set_mtu(struct nl *nl, int ifindex, unsigned int mtu,
		     struct nl_error *e);
int bnl_link_delete(struct nl *nl, int ifindex, struct nl_error *e);

/* Puts link @ifindex in the link group @group (IFLA_GROUP). */
int bnl_link_set_group(struct nl *nl, int ifindex, uint32_t group,
		       struct nl_error *e);

/*
 * Deletes every link of the link group @group in one request (RTM_DELLINK
 * by IFLA_GROUP, as `ip link delete group N`): the kernel unregisters them
 * together, with one wait for its readers instead of one a link.
 * -EOPNOTSUPP if a link of the group cannot be deleted (then none is),
 * -ENODEV if no link is in it.
 */
int bnl_group_delete(struct nl *nl, uint32_t group, struct nl_error *e);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the ifcfg reader (ifcfg.c, ifcfg-links.c): a file as read, and
 * how the files name each other.
 */
#ifndef BONDCFG_FORMATS_IFCFG_INT_H
#define BONDCFG_FORMATS_IFCFG_INT_H

#include <net/if.h>
#include <stdbool.h>

#include "formats/keyindex.h"
#include "formats/shfile.h"
#include "model/diag.h"
#include "model/host.h"

struct ifcfg {
	const char *path;
	const char *suffix; /* the file name after "ifcfg-" */
	struct shfile sh;
	bool readable;
	bool duplicate; /* another file configures the same device */
	char device[IF_NAMESIZE];
	struct diag_loc device_loc;
	bool bond;
	/* looked up once: every file is compared with every other */
	const char *uuid;
	const char *master;
	const char *master_uuid;
};

/* The value of KEY= in @f, if it is not empty. */
static inline const struct shvar *get(const struct ifcfg *f, const char *name)
{
	const struct shvar *v = shfile_get(&f->sh, name);

	return v && *v->value ? v : NULL;
}

static inline const char *value(const struct ifcfg *f, const char *name)
{
	const struct shvar *v = get(f, name);

	return v ? v->value : NULL;
}

/* The files in use, by UUID=, MASTER= and MASTER_UUID= (O(log n) lookups). */
struct ifcfg_index {
	struct keyindex uuid, master, master_uuid;
};

/* Indexes the files of @files[0..n) in use (readable, no duplicate). */
void ifcfg_index_build(struct ifcfg_index *ix, struct ifcfg *files, size_t n);
void ifcfg_index_free(struct ifcfg_index *ix);

/*
 * The bond @f names: MASTER=, or the device of the file whose UUID=
 * MASTER_UUID= gives (both: they must agree); *@where is the line that
 * says it. NULL for none.
 */
const char *ifcfg_master_of(const struct ifcfg_index *ix, struct ifcfg *f,
			    struct diag_loc *where, struct diags *d);

/* Two files for one device: the first (in name order) is used. */
void ifcfg_find_duplicates(struct ifcfg *files, size_t n, struct diags *d);

/* The first file, other than @f, that names @f's device (or UUID) as its bond. */
const struct ifcfg *ifcfg_named_as_master(const struct ifcfg_index *ix,
					  const struct ifcfg *f);

/* IPADDR, IPADDR0 ... with PREFIXn or NETMASKn: into the list @v. */
void ifcfg_read_addresses(char ***v, size_t *n, const struct ifcfg *f,
			  struct diags *d);

/*
 * ifcfg-ip.c: the network of the interface of @f (a bond, or what sits
 * on one) beside its IPv4 addresses: gateways, DNS, IPv6 addresses (into
 * @addrs), its route- and route6- files.
 */
void ifcfg_read_net(struct host_conf *h, struct host_ip *ip, char ***addrs,
		    size_t *n_addrs, const struct ifcfg *f, struct diags *d);

/* ifcfg-upper.c: BRIDGE= in bond @b's file @f: the bridge over it. */
void ifcfg_read_bridge_port(struct host_conf *h, struct host_bond *b,
			    const struct ifcfg *f, struct diags *d);

/*
 * Once the bonds are declared: the VLAN files on them (or on a bridge
 * over them), and the files of the bridges they are ports of.
 */
void ifcfg_read_uppers(struct host_conf *h, struct ifcfg *files, size_t n,
		       struct diags *d);

/* An alias file, ifcfg-BOND:N: its address, one more of BOND's. */
void ifcfg_read_alias(struct host_conf *h, const char *path, struct diags *d);

#endif

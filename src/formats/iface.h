/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Debian's interfaces format: the stanzas as interfaces.c reads them, and
 * what iface.c makes of them.
 */
#ifndef BONDCFG_FORMATS_IFACE_H
#define BONDCFG_FORMATS_IFACE_H

#include <limits.h>
#include <net/if.h>
#include <stdbool.h>
#include <stdio.h>

#include "formats/conv.h"
#include "model/host.h"

/* more stanzas and auto names than any host has: the rest is refused */
#define MAX_IFACES 10000

struct ifopt {
	char *key;
	char *value;
	struct diag_loc loc;
};

struct iface {
	char name[IF_NAMESIZE];
	char family[16];
	char method[16]; /* static, manual, dhcp...; "" for none */
	char inherits[IF_NAMESIZE]; /* the template, whose options come first */
	struct diag_loc loc;
	struct ifopt *opts;
	size_t n_opts;
	size_t n_inherited; /* the first @opts, the template's */
	bool inherited; /* a later stanza inherits it */
};

struct ifaces {
	struct host_conf *h;
	struct diags *d;
	struct iface *v;
	size_t n;
	char **names; /* the stanzas' names, sorted (iface_index()) */
	char **up; /* named by auto or allow-* but allow-hotplug */
	size_t n_up;
	char **hot; /* named by allow-hotplug */
	size_t n_hot;
	char **seen; /* real paths read, against loops */
	size_t n_seen;
	const char *chain[16]; /* real paths of the files being read, nested */
	unsigned int n_chain;
	unsigned int files;
	bool full; /* MAX_IFACES reached */
	bool mako; /* a Mako template line was said */
	/* read as ifupdown2 reads it (iface_dialect()), and why */
	bool ifupdown2;
	char dialect_why[96];
	struct diag_loc dialect_loc;
	char root_real[PATH_MAX]; /* the --root tree, resolved; "" for none */
	char **proc; /* the links of /proc/net/dev, for ifupdown2's regex */
	size_t n_proc;
	bool proc_read;
};

/*
 * @name is brought up at boot: line @kw (auto or allow-*) names it; an
 * allow-hotplug line is kept apart (the bond of that line is said,
 * iface_read()). Each is kept in order in the host's uplines too.
 */
void iface_add_up(struct ifaces *s, const char *kw, const char *name);

/*
 * Once every file is read: the auto and allow- lists and the stanzas'
 * names sorted, so that iface_read() looks a name up in O(log n).
 */
void iface_index(struct ifaces *s);

/*
 * ifupdown2.c: whether the stanzas of @s are in ifupdown2's dialect: the
 * tree has /etc/network/ifupdown2 (the package's folder), or the files use
 * what only ifupdown2 reads (an iface with no address family, bond-ports,
 * es-sys-mac and ifupdown2's older bond- keys, glob or regex slave lists).
 */
void iface_dialect(struct ifaces *s);

/*
 * ifupdown2's glob word expanded (swp1-4.100, swp[1-4], ...): the count;
 * @cut when it made more names than are kept (1024).
 */
size_t ifupdown2_glob(const char *word, char ***names, bool *cut);

/*
 * The names that ifupdown2's regex word @expr matches (as Python's
 * re.search(expr + '$')), as ifupdown2 takes them: the links of
 * /proc/net/dev first (under the root: the live links when it is /), then
 * the stanzas'; @err the regcomp() error, 0 if none.
 */
size_t ifupdown2_regex(struct ifaces *s, const char *expr, char ***names,
		       int *err);

/* bond-lacp-rate and bond_lacp_rate: the same key. */
bool iface_same_key(const char *a, const char *b);

/* A slave list's key: bond-slaves, the hooks' slaves, ifupdown2's bond-ports. */
bool iface_slaves_key(const char *key);

/*
 * Key @i of stanza @f given again (an earlier one has it, or @f's
 * template): said, and true; ifupdown hands the hooks the values joined
 * by newlines, of which the driver reads the first line and the hook's
 * loop over bond-slaves every word (false: both lists count); ifupdown2
 * reads the first.
 */
bool iface_given_again(const struct ifaces *s, const struct iface *f, size_t i);

/* Sets @opt of @b to @v from @o (ifupdown2's booleans in its files). */
void iface_set_option(struct ifaces *s, struct host_bond *b,
		      const struct bondopt *opt, const struct ifopt *o,
		      const char *v);

/* ifupdown2's booleans: yes, on, fast are "1"; no, off, slow "0"; else @v. */
const char *ifupdown2_bool(const char *v);

/* The option that @key is ifupdown2's other name for, or NULL. */
const struct bondopt *ifupdown2_option(const char *key);

/*
 * ifupdown2's other keys in stanza @f (es-sys-mac, bond-ad-sys-mac-addr,
 * ...): each sets its option unless the option's own key did, the one
 * earlier in the row's list over a later one, as ifupdown2 has them.
 */
void ifupdown2_options(struct ifaces *s, struct host_bond *b,
		       const struct iface *f);

/* Adds to @s->h what stanza @f declares: a bond, or a slave of one. */
void iface_read(struct ifaces *s, const struct iface *f);

/* An auto or allow-* line names @name (allow-hotplug too). */
bool iface_is_up(const struct ifaces *s, const char *name);

/*
 * Stanza @f is a template only: a later one inherits it and no auto or
 * allow-* line names it, so ifupdown brings it up only when asked.
 */
bool iface_template_only(const struct ifaces *s, const struct iface *f);

/*
 * iface-ip.c: option @o of stanza @f of interface @dev (a bond or what
 * sits on it), if it is of its network (gateway, dns-*, commands): read
 * into @ip, and true.
 */
bool iface_ip_option(struct ifaces *s, struct host_ip *ip, const char *dev,
		     const struct iface *f, const struct ifopt *o);

/*
 * iface-upper.c: once every stanza is read, what sits on the bonds: their
 * VLANs (BOND.VID, or vlan-raw-device), the bridges whose bridge_ports
 * name a bond or one of its VLANs, and VLANs on those bridges, each with
 * its stanzas' addresses and network.
 */
void iface_read_stacked(struct ifaces *s);

/* The @k-th address of family @v6 in @v (from 0), or NULL. */
const char *iface_nth_address(char *const *v, size_t n, bool v6, size_t k);

/*
 * Debian's ifupdown sets one address per stanza (a second address line
 * is joined to the first and breaks the command): a stanza of @name for
 * each further address of family @v6 in @v, as interfaces(5) says.
 */
void iface_more_stanzas(FILE *out, const char *name, char *const *v, size_t n,
			bool v6);

/*
 * The gateway, DNS and routes @ip of interface @name, whose addresses are
 * @addrs, in its stanza of family @v6; @both: it has a stanza of each
 * family (DNS in the first, the inet one).
 */
void iface_write_ip(struct conv *cv, FILE *out, const char *name,
		    char *const *addrs, size_t n_addrs,
		    const struct host_ip *ip, bool v6, bool both);

/* iface-upper.c: a stanza for each upper of @b, in order, after @b's. */
void iface_write_uppers(struct conv *cv, FILE *out, const struct host_bond *b);

#endif

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What sits on a bond in RHEL's network scripts: VLAN files on it
 * (ifcfg-bond0.100 with VLAN=yes, or PHYSDEV= and VLAN_ID= as
 * NetworkManager writes them) and the bridge it, or a VLAN on it, is a
 * port of (BRIDGE=br0, and ifcfg-br0 with TYPE=Bridge); and their writer.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/conv.h"
#include "formats/ifcfg-int.h"
#include "formats/values.h"
#include "formats/writers.h"
#include "model/ifname.h"
#include "model/xalloc.h"

#define IFCFG_DIR "/etc/sysconfig/network-scripts"

/* The network of @u from its file @f: addresses, gateways, DNS, routes. */
static void upper_net(struct host_conf *h, struct host_upper *u,
		      const struct ifcfg *f, struct diags *d)
{
	/* keys the network scripts act on that the model has no place for */
	static const char *const others[] = { "MTU",
					      "MACADDR",
					      "BRIDGING_OPTS",
					      "VLAN_EGRESS_PRIORITY_MAP",
					      "VLAN_INGRESS_PRIORITY_MAP",
					      NULL };
	const struct shvar *v, *boot = get(f, "BOOTPROTO"),
			       *on = get(f, "ONBOOT");
	size_t i;

	/* the network service skips only ONBOOT=no */
	u->onboot = !on || values_bool_word(on->value) != 0;
	ifcfg_read_addresses(&u->addresses, &u->n_addresses, f, d);
	ifcfg_read_net(h, &u->ip, &u->addresses, &u->n_addresses, f, d);
	if (boot && strcasecmp(boot->value, "none") &&
	    strcasecmp(boot->value, "static"))
		host_ip_add_extra(&u->ip, &boot->loc, "BOOTPROTO=%s",
				  boot->value);
	for (i = 0; others[i]; i++)
		if ((v = get(f, others[i])))
			host_ip_add_extra(&u->ip, &v->loc, "%s=%s", v->name,
					  v->value);
}

/*
 * The bond (declared by an ifcfg file) that @name is or sits on; *@u the
 * upper when @name is one.
 */
static struct host_bond *bond_of(struct host_conf *h, const char *name,
				 struct host_upper **u)
{
	struct host_bond *b = values_declared(h, HOST_IFCFG, name);

	*u = NULL;
	if (b)
		return b;
	*u = values_upper(h, HOST_IFCFG, name, &b);
	return *u ? b : NULL;
}

/* BRIDGE= in the file of @lower, on bond @b or on an upper of it. */
static void bridge_port(struct host_conf *h, struct host_bond *b,
			const char *lower, const struct ifcfg *f,
			struct diags *d)
{
	const struct shvar *v = get(f, "BRIDGE");
	struct host_bond *owner;
	struct host_upper *u;

	if (!v)
		return;
	if (ifname_check(v->value)) {
		diags_add(d, DIAG_ERROR, &v->loc,
			  "BRIDGE=%s is not a valid interface name", v->value);
		return;
	}
	owner = bond_of(h, v->value, &u);
	if (owner && !u) {
		diags_add(d, DIAG_WARNING, &v->loc,
			  "BRIDGE=%s: %s is a bond, not a bridge; ignored",
			  v->value, v->value);
		return;
	}
	if (u) {
		/* one bridge, kept on the first bond that is its port */
		if (u->kind != HOST_UPPER_BRIDGE || strcmp(u->lower, lower))
			host_ip_add_extra(
				&u->ip, &v->loc,
				"%s, a second port of %s (%s is kept)", lower,
				v->value, u->lower);
		return;
	}
	host_ip_upper(&b->ip, HOST_UPPER_BRIDGE, v->value, lower, &v->loc);
}

void ifcfg_read_bridge_port(struct host_conf *h, struct host_bond *b,
			    const struct ifcfg *f, struct diags *d)
{
	bridge_port(h, b, b->conf.name, f, d);
}

/* A number of 1 to 4 digits, or -1. */
static long vid_of(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n && n <= 4 && !s[n] ? strtol(s, NULL, 10) : -1;
}

/*
 * A VLAN file: the interface it sits on (PHYSDEV=, or the name before the
 * dot of DEVICE) and its id (VLAN_ID=, or the number after the dot or
 * after "vlan"), as the network scripts' ifup-vlan and NetworkManager
 * take them. False if @f is no VLAN.
 */
static bool vlan_of(const struct ifcfg *f, char *parent, long *vid,
		    struct diags *d)
{
	const struct shvar *phys = get(f, "PHYSDEV"), *id = get(f, "VLAN_ID"),
			   *vlan = get(f, "VLAN"), *type = get(f, "TYPE");
	const char *dot = strrchr(f->device, '.');

	if (!(vlan && values_bool_word(vlan->value) == 1) &&
	    !(type && !strcasecmp(type->value, "vlan")))
		return false;
	if (phys)
		snprintf(parent, IF_NAMESIZE, "%s", phys->value);
	else if (dot)
		snprintf(parent, IF_NAMESIZE, "%.*s", (int)(dot - f->device),
			 f->device);
	else
		return false; /* vlanN with no PHYSDEV: on nothing */
	if (id)
		*vid = vid_of(id->value);
	else if (dot)
		*vid = vid_of(dot + 1);
	else if (!strncmp(f->device, "vlan", 4))
		*vid = vid_of(f->device + 4);
	else
		*vid = -1;
	if (*vid < 1 || *vid > 4094) {
		diags_add(
			d, DIAG_WARNING, id ? &id->loc : &f->device_loc,
			"%s: no VLAN id of 1 to 4094 (%s); the VLAN is not read (write VLAN_ID=N)",
			f->device, id ? id->value : f->device);
		return false;
	}
	return true;
}

static void read_vlan(struct host_conf *h, const struct ifcfg *f,
		      struct diags *d)
{
	char parent[IF_NAMESIZE];
	struct host_upper *u, *lower;
	struct host_bond *b;
	long vid;

	if (!vlan_of(f, parent, &vid, d) || !(b = bond_of(h, parent, &lower)))
		return;
	u = host_ip_upper(&b->ip, HOST_UPPER_VLAN, f->device, parent,
			  &f->device_loc);
	if (!u)
		return;
	u->vid = (unsigned int)vid;
	upper_net(h, u, f, d);
	bridge_port(h, b, f->device, f, d);
}

static void read_bridge(struct host_conf *h, const struct ifcfg *f,
			struct diags *d)
{
	const struct shvar *stp = get(f, "STP"), *delay = get(f, "DELAY");
	struct host_upper *u;
	char *end;
	double fd;

	if (!bond_of(h, f->device, &u) || !u || u->kind != HOST_UPPER_BRIDGE)
		return;
	u->loc = f->device_loc;
	upper_net(h, u, f, d);
	if (stp && values_bool_word(stp->value) >= 0)
		u->stp = values_bool_word(stp->value);
	else if (stp)
		diags_add(d, DIAG_WARNING, &stp->loc,
			  "STP=%s: write yes or no; not read", stp->value);
	if (!delay)
		return;
	fd = strtod(delay->value, &end);
	if (*end || end == delay->value || fd < 0 || fd > 30 || fd != (int)fd)
		diags_add(
			d, DIAG_WARNING, &delay->loc,
			"DELAY=%s: not a whole number of seconds from 0 to 30; not carried",
			delay->value);
	else
		u->fd = (int)fd;
}

void ifcfg_read_uppers(struct host_conf *h, struct ifcfg *files, size_t n,
		       struct diags *d)
{
	struct host_upper *u;
	const struct shvar *v;
	size_t i;

	for (i = 0; i < n; i++)
		if (files[i].readable && !files[i].duplicate && !files[i].bond)
			read_vlan(h, &files[i], d);
	for (i = 0; i < n; i++) {
		const struct ifcfg *f = &files[i];

		if (!f->readable || f->duplicate || f->bond)
			continue;
		if ((v = get(f, "TYPE")) && !strcasecmp(v->value, "bridge")) {
			read_bridge(h, f, d);
			continue;
		}
		/* another port of a bridge over a bond: not carried */
		if ((v = get(f, "BRIDGE")) && bond_of(h, v->value, &u) && u &&
		    u->kind == HOST_UPPER_BRIDGE && strcmp(u->lower, f->device))
			host_ip_add_extra(&u->ip, &v->loc,
					  "%s, another port of %s", f->device,
					  v->value);
	}
}

/* --- the writer ----------------------------------------------------------- */

/* BRIDGE= in the file of @name, if a bridge of @ip sits on it. */
void ifcfg_write_bridge(FILE *out, const struct host_ip *ip, const char *name)
{
	size_t i;

	for (i = 0; i < ip->n_uppers; i++)
		if (ip->uppers[i]->kind == HOST_UPPER_BRIDGE &&
		    !strcmp(ip->uppers[i]->lower, name)) {
			conv_sh_assign(out, "BRIDGE", ip->uppers[i]->name);
			return;
		}
}

void ifcfg_write_uppers(struct conv *cv, const struct host_bond *b)
{
	const struct host_upper *u;
	char num[16];
	FILE *out;
	size_t i;

	for (i = 0; i < b->ip.n_uppers; i++) {
		u = b->ip.uppers[i];
		out = conv_file_open(cv,
				     xasprintf(IFCFG_DIR "/ifcfg-%s", u->name));
		conv_sh_assign(out, "DEVICE", u->name);
		if (u->kind == HOST_UPPER_VLAN) {
			conv_sh_assign(out, "VLAN", "yes");
			conv_sh_assign(out, "PHYSDEV", u->lower);
			snprintf(num, sizeof(num), "%u", u->vid);
			conv_sh_assign(out, "VLAN_ID", num);
		} else {
			conv_sh_assign(out, "TYPE", "Bridge");
			if (u->stp >= 0)
				conv_sh_assign(out, "STP",
					       u->stp ? "yes" : "no");
			if (u->fd >= 0) {
				snprintf(num, sizeof(num), "%d", u->fd);
				conv_sh_assign(out, "DELAY", num);
			}
		}
		conv_sh_assign(out, "ONBOOT", u->onboot ? "yes" : "no");
		conv_sh_assign(out, "BOOTPROTO", "none");
		ifcfg_write_addresses(out, u->addresses, u->n_addresses);
		ifcfg_write_bridge(out, &b->ip, u->name);
		ifcfg_write_ip(out, &u->ip,
			       conv_addresses_have(u->addresses, u->n_addresses,
						   true));
		conv_file_close(cv);
		ifcfg_write_routes(cv, u->name, &u->ip);
	}
}

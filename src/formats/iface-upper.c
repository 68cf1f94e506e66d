// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What sits on a bond in Debian's interfaces: its VLANs (ifupdown's
 * BOND.VID stanzas, the vlan package's vlanVID with vlan-raw-device,
 * ifupdown2's vlan-raw-device and vlan-id), the bridges whose ports
 * (bridge-utils' bridge_ports, ifupdown2's bridge-ports) are the bond or
 * one of its VLANs, and VLANs on those bridges; each with its stanzas'
 * addresses and network. And their writer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/conv.h"
#include "formats/iface.h"
#include "formats/values.h"
#include "model/ifname.h"
#include "model/xalloc.h"

/* vlan-raw-device or vlan_raw_device: ifupdown and ifupdown2 take both. */
static bool key_is(const char *key, const char *name)
{
	for (; *key && *name; key++, name++)
		if (*key != *name && !(*key == '_' && *name == '-'))
			return false;
	return !*key && !*name;
}

static bool is_bridge_key(const char *key)
{
	return !strncmp(key, "bridge_", 7) || !strncmp(key, "bridge-", 7);
}

/* The first option @name of stanza @f, or NULL. */
static const struct ifopt *option(const struct iface *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n_opts; i++)
		if (key_is(f->opts[i].key, name))
			return &f->opts[i];
	return NULL;
}

/* A VLAN id in decimal, leading zeros as ifupdown strips them: 0 if none. */
static unsigned int vid_value(const char *s)
{
	size_t len = strlen(s);

	if (!len || len > 8 || strspn(s, "0123456789") != len)
		return 0;
	len = strtoul(s, NULL, 10);
	return len >= 1 && len <= 4094 ? (unsigned int)len : 0;
}

static struct host_bond *bond_of(struct ifaces *s, const char *name)
{
	return values_declared(s->h, HOST_INTERFACES, name);
}

/* The upper called @name on a bond of these files, and that bond. */
static struct host_upper *upper_of(const struct ifaces *s, const char *name,
				   struct host_bond **owner)
{
	return values_upper(s->h, HOST_INTERFACES, name, owner);
}

/* Stanza @f is read for an upper: no template, no bond, none made yet. */
static bool candidate(struct ifaces *s, const struct iface *f)
{
	return !iface_template_only(s, f) && !bond_of(s, f->name) &&
	       !upper_of(s, f->name, NULL) && !strchr(f->name, ':');
}

/* --- VLANs ----------------------------------------------------------------- */

/* What a stanza says of a VLAN: what it sits on, its id, where. */
struct vlan_say {
	char lower[IF_NAMESIZE];
	const char *id; /* its text; NULL when none can be had (@why) */
	const struct diag_loc *loc;
	char why[400]; /* why there is no id, or what else is said */
	const struct diag_loc *why_loc; /* where that is */
};

/* A dotted name: BOND.VID (ifupdown's link method, ifupdown2's vlan addon). */
static void dotted(const struct ifaces *s, const struct iface *f,
		   struct vlan_say *v)
{
	const struct ifopt *raw = option(f, "vlan-raw-device"),
			   *vid = option(f, "vlan-id");
	const char *dot = strchr(f->name, '.'), *last = strrchr(f->name, '.');

	snprintf(v->lower, sizeof(v->lower), "%.*s", (int)(last - f->name),
		 f->name);
	v->id = last + 1;
	if (dot != last && !s->ifupdown2) {
		snprintf(v->lower, sizeof(v->lower), "%.*s",
			 (int)(dot - f->name), f->name);
		snprintf(
			v->why, sizeof(v->why),
			"%s has several dots: Debian's ifupdown makes a VLAN of the id after the first on %s, under that name, which is not what it says; no VLAN is made of it here (give it one dot, or write it for ifupdown2)",
			f->name, v->lower);
		v->id = NULL;
		return;
	}
	if (raw && strcmp(raw->value, v->lower)) {
		if (s->ifupdown2 && strlen(raw->value) < IF_NAMESIZE) {
			snprintf(v->lower, sizeof(v->lower), "%s", raw->value);
			v->loc = &raw->loc;
		} else if (!s->ifupdown2) {
			snprintf(
				v->why, sizeof(v->why),
				"%s %s: ifupdown makes %s on %s, the name's, and so does this reader (name it %s.ID)",
				raw->key, raw->value, f->name, v->lower,
				raw->value);
			v->why_loc = &raw->loc;
		}
	}
	if (vid && s->ifupdown2) {
		v->id = vid->value;
		v->loc = &vid->loc;
	} else if (vid && vid_value(vid->value) != vid_value(v->id)) {
		snprintf(
			v->why, sizeof(v->why),
			"%s %s: Debian's ifupdown and vlan package take the id from the name, %s, and so does this reader",
			vid->key, vid->value, v->id);
		v->why_loc = &vid->loc;
	}
}

/*
 * Whether stanza @f is in the form of a VLAN: @v says on what, and its id
 * (or why there is none). vlan-raw-device names the raw device of any
 * name; the id is in the name (Debian's vlan package: vlanNNN, vlan0NNN,
 * RAW.NNN) or, for ifupdown2, in vlan-id first.
 */
static bool vlan_of(const struct ifaces *s, const struct iface *f,
		    struct vlan_say *v)
{
	const struct ifopt *raw = option(f, "vlan-raw-device"),
			   *vid = option(f, "vlan-id");

	memset(v, 0, sizeof(*v));
	v->loc = &f->loc;
	if (strchr(f->name, '.')) {
		dotted(s, f, v);
		return true;
	}
	if (!raw || strlen(raw->value) >= IF_NAMESIZE)
		return false;
	snprintf(v->lower, sizeof(v->lower), "%s", raw->value);
	v->loc = &raw->loc;
	if (vid && s->ifupdown2) {
		v->id = vid->value;
		v->loc = &vid->loc;
	} else if (!strncmp(f->name, "vlan", 4)) {
		v->id = f->name + 4;
		if (vid && vid_value(vid->value) != vid_value(v->id))
			snprintf(
				v->why, sizeof(v->why),
				"%s %s: Debian's vlan package takes the id from the name, %s, and so does this reader",
				vid->key, vid->value, v->id);
		if (v->why[0])
			v->why_loc = &vid->loc;
	} else if (s->ifupdown2) {
		snprintf(
			v->why, sizeof(v->why),
			"%s: no vlan-id, and the name carries no id (vlanNNN or RAW.NNN): ifupdown2 makes no VLAN of it, nor does this reader (add vlan-id)",
			f->name);
	} else {
		snprintf(
			v->why, sizeof(v->why),
			"%s: Debian's vlan package takes a VLAN's id from its name (vlanNNN, vlan0NNN or RAW.NNN), which %s does not carry%s, and makes no VLAN of it, nor does this reader (name it %s.ID)",
			f->name, f->name,
			vid ? " (it does not read vlan-id)" : "", raw->value);
	}
	return true;
}

/* A VLAN of @f's name on @lower of bond @b, unless its id is bad (said). */
static struct host_upper *vlan_new(struct ifaces *s, struct host_bond *b,
				   const char *name, const char *lower,
				   const char *id, const struct diag_loc *loc)
{
	unsigned int vid = vid_value(id);
	struct host_upper *u;

	if (!vid) {
		diags_add(
			s->d, DIAG_WARNING, loc,
			"%s: VLAN id '%s' is not a number from 1 to 4094; no VLAN is made of it",
			name, id);
		return NULL;
	}
	u = host_ip_upper(&b->ip, HOST_UPPER_VLAN, name, lower, loc);
	if (u)
		u->vid = vid;
	return u;
}

/*
 * The VLANs of the stanzas: on a bond (@on_upper false), or on a bridge
 * or VLAN over one.
 */
static void vlans(struct ifaces *s, bool on_upper)
{
	struct host_bond *b;
	struct host_upper *u;
	struct vlan_say v;
	size_t i;

	for (i = 0; i < s->n; i++) {
		const struct iface *f = &s->v[i];

		if (!candidate(s, f) || !vlan_of(s, f, &v))
			continue;
		if (on_upper ? !upper_of(s, v.lower, &b) :
			       !(b = bond_of(s, v.lower)))
			continue;
		if (v.why[0])
			diags_add(s->d, DIAG_WARNING,
				  v.why_loc ? v.why_loc : v.loc, "%s", v.why);
		if (!v.id)
			continue;
		u = vlan_new(s, b, f->name, v.lower, v.id, v.loc);
		if (u) {
			u->loc = f->loc;
			u->onboot = iface_is_up(s, f->name);
		}
	}
}

/* --- bridges --------------------------------------------------------------- */

/* Whether a stanza is called @name. */
static bool has_stanza(const struct ifaces *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].name, name))
			return true;
	return false;
}

/* Port @port of a bridge: a bond, or a VLAN on one; its bond, or NULL. */
static struct host_bond *port_bond(struct ifaces *s, const char *port)
{
	struct host_bond *b = bond_of(s, port);
	struct host_upper *u;

	if (b)
		return b;
	u = upper_of(s, port, &b);
	return u && u->kind == HOST_UPPER_VLAN ? b : NULL;
}

/*
 * Port BOND.VID of bridge @f with no stanza of its own: bridge-utils'
 * hook makes the VLAN as it adds the port, and ifupdown2 a link its name
 * says; up with the bridge.
 */
static struct host_bond *port_vlan(struct ifaces *s, const char *port,
				   const struct iface *f, const struct ifopt *o)
{
	const char *dot = strrchr(port, '.');
	char lower[IF_NAMESIZE];
	struct host_bond *b;
	struct host_upper *u;

	if (!dot || (size_t)(dot - port) >= sizeof(lower) ||
	    ifname_check(port) || has_stanza(s, port))
		return NULL;
	snprintf(lower, sizeof(lower), "%.*s", (int)(dot - port), port);
	if (!(b = bond_of(s, lower)))
		return NULL;
	u = vlan_new(s, b, port, lower, dot + 1, &o->loc);
	if (!u)
		return NULL;
	u->onboot = iface_is_up(s, f->name);
	return b;
}

/* Bridge @f, if a port of its bridge_ports @o is a bond or one of its VLANs. */
static void bridge(struct ifaces *s, const struct iface *f,
		   const struct ifopt *o)
{
	struct host_bond *b = NULL, *other;
	struct host_upper *u;
	size_t n, i, first = 0;
	char **w = values_words(o->value, &n);

	for (i = 0; i < n && !b; i++)
		if ((b = port_bond(s, w[i])) || (b = port_vlan(s, w[i], f, o)))
			first = i;
	u = b ? host_ip_upper(&b->ip, HOST_UPPER_BRIDGE, f->name, w[first],
			      &f->loc) :
		NULL;
	for (i = 0; u && i < n; i++) {
		if (i == first)
			continue;
		other = port_bond(s, w[i]);
		if (other)
			host_ip_add_extra(
				&u->ip, &o->loc,
				"port %s of the bridge (on %s too: the bridge is kept on its first, %s)",
				w[i], other->conf.name, w[first]);
		else
			host_ip_add_extra(&u->ip, &o->loc,
					  "port %s of the bridge", w[i]);
	}
	if (u)
		u->onboot = iface_is_up(s, f->name);
	values_words_free(w, n);
}

static void bridges(struct ifaces *s)
{
	const struct ifopt *o;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (candidate(s, &s->v[i]) &&
		    (o = option(&s->v[i], "bridge-ports")))
			bridge(s, &s->v[i], o);
}

/* --- each upper's stanzas -------------------------------------------------- */

/* bridge_stp, bridge_fd; other bridge_ keys are not carried. */
static void bridge_option(struct ifaces *s, struct host_upper *u,
			  const struct iface *f, const struct ifopt *o)
{
	const char *v = o->value;
	size_t i, n, len = strlen(v);
	char **w;

	if (key_is(o->key, "bridge-ports")) {
		/* another stanza's list: ifupdown adds its ports too */
		if (f->loc.line == u->loc.line &&
		    f->loc.source == u->loc.source)
			return;
		w = values_words(v, &n);
		for (i = 0; i < n; i++)
			if (strcmp(w[i], u->lower))
				host_ip_add_extra(&u->ip, &o->loc,
						  "port %s of the bridge",
						  w[i]);
		values_words_free(w, n);
	} else if (key_is(o->key, "bridge-stp")) {
		if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "1"))
			u->stp = 1;
		else if (!strcmp(v, "off") || !strcmp(v, "no") ||
			 !strcmp(v, "0"))
			u->stp = 0;
		else
			diags_add(s->d, DIAG_WARNING, &o->loc,
				  "%s %s: expected on or off; not set", o->key,
				  v);
	} else if (key_is(o->key, "bridge-fd")) {
		n = strspn(v, "0123456789");
		if (len && n == len && len <= 3 &&
		    strtoul(v, NULL, 10) <= 255) {
			u->fd = (int)strtoul(v, NULL, 10);
			return;
		}
		if (n && v[n] == '.' && strspn(v + n + 1, "0123456789") &&
		    !v[n + 1 + strspn(v + n + 1, "0123456789")]) {
			/* bridge-utils' brctl takes it; the model does not */
			diags_add(
				s->d, DIAG_WARNING, &o->loc,
				"%s %s: a forward delay with a fraction of a second, which is kept in whole seconds here; not set",
				o->key, v);
			host_ip_add_extra(&u->ip, &o->loc, "%s %s", o->key, v);
		} else {
			diags_add(
				s->d, DIAG_WARNING, &o->loc,
				"%s %s: expected a number of seconds from 0 to 255; not set",
				o->key, v);
		}
	} else {
		host_ip_add_extra(&u->ip, &o->loc, "%s%s%s", o->key,
				  *v ? " " : "", v);
	}
}

/* Stanza @f of upper @u: its addresses, network, and what is not carried. */
static void upper_stanza(struct ifaces *s, struct host_upper *u,
			 const struct iface *f)
{
	const struct ifopt *mask = NULL;
	char **addrs = NULL, *a;
	size_t i, n = 0;

	if (f->method[0] && strcmp(f->method, "static") &&
	    strcmp(f->method, "manual"))
		host_ip_add_extra(&u->ip, &f->loc, "iface %s %s %s", f->name,
				  f->family, f->method);
	for (i = 0; i < f->n_opts; i++) {
		const struct ifopt *o = &f->opts[i];

		if (!strcmp(o->key, "address")) {
			if (values_valid_address(o->value))
				host_addresses_add(&addrs, &n, o->value);
			else
				diags_add(s->d, DIAG_ERROR, &o->loc,
					  "address %s: not an IP address",
					  o->value);
		} else if (!strcmp(o->key, "netmask")) {
			mask = o;
		} else if (iface_ip_option(s, &u->ip, u->name, f, o)) {
			continue;
		} else if (u->kind == HOST_UPPER_VLAN &&
			   (key_is(o->key, "vlan-raw-device") ||
			    key_is(o->key, "vlan-id"))) {
			continue; /* read by vlan_of() */
		} else if (u->kind == HOST_UPPER_BRIDGE &&
			   is_bridge_key(o->key)) {
			bridge_option(s, u, f, o);
		} else {
			host_ip_add_extra(&u->ip, &o->loc, "%s%s%s", o->key,
					  *o->value ? " " : "", o->value);
		}
	}
	/* address 192.0.2.1 with netmask 255.255.255.0, as for a bond */
	if (n == 1 && mask && !strchr(addrs[0], '/')) {
		a = values_address(addrs[0], NULL, mask->value);
		free(addrs[0]);
		addrs[0] = a;
	}
	for (i = 0; i < n; i++) {
		host_addresses_add(&u->addresses, &u->n_addresses, addrs[i]);
		free(addrs[i]);
	}
	free(addrs);
}

void iface_read_stacked(struct ifaces *s)
{
	struct host_upper *u;
	size_t i;

	if (!s->h->n_decls)
		return;
	vlans(s, false);
	bridges(s);
	vlans(s, true);
	for (i = 0; i < s->n; i++)
		if (!iface_template_only(s, &s->v[i]) &&
		    !bond_of(s, s->v[i].name) &&
		    (u = upper_of(s, s->v[i].name, NULL)))
			upper_stanza(s, u, &s->v[i]);
}

/* --- the writer ------------------------------------------------------------ */

/* VLAN @u is called LOWER.VID, which ifupdown reads alone. */
static bool named_by_id(const struct host_upper *u)
{
	size_t len = strlen(u->lower);

	return !strncmp(u->name, u->lower, len) && u->name[len] == '.' &&
	       vid_value(u->name + len + 1) == u->vid;
}

static void vlan_lines(struct conv *cv, FILE *out, const struct host_upper *u)
{
	/* Debian's ifupdown makes BOND.VID.VID2 on BOND */
	if (named_by_id(u) && (cv->ifupdown2 || !strchr(u->lower, '.')))
		return;
	fprintf(out, "    vlan-raw-device %s\n", u->lower);
	if (cv->ifupdown2)
		fprintf(out, "    vlan-id %u\n", u->vid);
	else if (strncmp(u->name, "vlan", 4) ||
		 vid_value(u->name + 4) != u->vid)
		conv_lost_at(
			cv, out, "interfaces", &u->loc,
			"%s: VLAN %u on %s (Debian's ifupdown and vlan package take the id from the name, %s.%u or vlan%u; ifupdown2 reads vlan-id)",
			u->name, u->vid, u->lower, u->lower, u->vid, u->vid);
}

static void bridge_lines(struct conv *cv, FILE *out, const struct host_upper *u)
{
	const char *sep = cv->ifupdown2 ? "-" : "_";

	fprintf(out, "    bridge%sports %s\n", sep, u->lower);
	if (u->stp >= 0)
		fprintf(out, "    bridge%sstp %s\n", sep,
			u->stp ? "on" : "off");
	if (u->fd >= 0)
		fprintf(out, "    bridge%sfd %d\n", sep, u->fd);
}

static void write_upper(struct conv *cv, FILE *out, const struct host_upper *u)
{
	char *const *v = u->addresses;
	size_t n = u->n_addresses;
	bool v4 = conv_addresses_have(v, n, false),
	     v6 = conv_addresses_have(v, n, true), first6 = v6 && !v4;
	const char *a = iface_nth_address(v, n, first6, 0);

	fputc('\n', out);
	if (u->onboot)
		fprintf(out, "auto %s\n", u->name);
	fprintf(out, "iface %s %s %s\n", u->name, first6 ? "inet6" : "inet",
		a ? "static" : "manual");
	if (a)
		fprintf(out, "    address %s\n", a);
	iface_write_ip(cv, out, u->name, v, n, &u->ip, first6, v4 && v6);
	if (u->kind == HOST_UPPER_VLAN)
		vlan_lines(cv, out, u);
	else
		bridge_lines(cv, out, u);
	iface_more_stanzas(out, u->name, v, n, first6);
	if (v4 && v6) {
		fprintf(out, "\niface %s inet6 static\n    address %s\n",
			u->name, iface_nth_address(v, n, true, 0));
		iface_write_ip(cv, out, u->name, v, n, &u->ip, true, true);
		iface_more_stanzas(out, u->name, v, n, true);
	}
}

void iface_write_uppers(struct conv *cv, FILE *out, const struct host_bond *b)
{
	size_t i;

	for (i = 0; i < b->ip.n_uppers; i++)
		write_upper(cv, out, b->ip.uppers[i]);
}

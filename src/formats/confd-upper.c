// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What sits on a bond in Gentoo's conf.d/net, as netifrc's vlan.sh and
 * bridge.sh read it.
 *
 * VLANs: vlans_X="100 200" makes a VLAN of each id on interface X (the
 * bond, or what sits on it), called ${IFVAR}_vlan100_name, else
 * vlan100_name, else X.100; then its own variables are those of that name
 * (config_bond0_100, routes_bond0_100, ...). vlan.sh's options of it
 * (flags, ingress, egress, txqueuelen, mac, broadcast, mtu) are not
 * carried.
 *
 * When a VLAN comes up: vlan.sh creates the VLANs of X when net.X starts
 * and, unless vlan_start_X says no, starts each right there (marking
 * net.VLAN started). So a VLAN is up at boot when X is; a runlevel link of
 * its own counts for nothing. With vlan_start_X="no" it is only created,
 * and its own service (net.example: with rc_net_VLAN_need="net.X") starts
 * it: then its runlevel link says.
 *
 * Bridges: bridge_BR="PORT ..." (ports added when net.BR starts) or
 * bridge_add_PORT="BR" (added when net.PORT starts). Either way the
 * bridge's own address and network are given only when net.BR starts
 * (net.example: "when the bridge is explicitly started"): its runlevel
 * link says whether at boot. Its options are the sysfs files of
 * /sys/class/net/BR/bridge, as bridge_OPT_BR or the older OPT_BR (the
 * prefixed one written last), forward_delay in hundredths of a second as
 * the kernel reads it; before them the commands of brctl_BR, when brctl is
 * installed (stp, setfd in seconds).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/confd-int.h"
#include "model/ifname.h"
#include "model/xalloc.h"

struct rd {
	struct host_conf *h;
	struct host_bond *b;
	const struct shfile *sh;
	struct confd_services *sv;
	struct diags *d;
};

/* The variable called as @fmt says, if it is set to something. */
__attribute__((format(printf, 2, 3))) static const struct shvar *
get(const struct shfile *sh, const char *fmt, ...)
{
	const struct shvar *v;
	char name[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	v = shfile_get(sh, name);
	return v && *v->value ? v : NULL;
}

/* netifrc's yesno: only these are yes; anything else is no. */
static bool yes(const char *s)
{
	return !strcasecmp(s, "yes") || !strcasecmp(s, "true") ||
	       !strcasecmp(s, "on") || !strcmp(s, "1");
}

/* A whole number, 0 or more, or -1. */
static long number(const char *s)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9' || strlen(s) > 9)
		return -1;
	n = strtol(s, &end, 10);
	return *end ? -1 : n;
}

/* A VLAN id as ip(8) takes it meaning what it says: 1 to 4094, no 0 first. */
static int vlan_id(const char *s)
{
	long n = number(s);

	return n < 1 || n > 4094 || *s == '0' ? -1 : (int)n;
}

/* The options vlan.sh gives a VLAN beside its id: not carried. */
static void vlan_options(const struct rd *r, struct host_upper *u,
			 const char *lvar, int id)
{
	static const char *const after[] = { "flags", "ingress", "egress",
					     NULL };
	static const char *const before[] = { "txqueuelen", "mac", "broadcast",
					      "mtu", NULL };
	const char *const *o;
	const struct shvar *v;

	for (o = after; *o; o++)
		if ((v = get(r->sh, "%s_vlan%d_%s", lvar, id, *o)) ||
		    (v = get(r->sh, "vlan%d_%s", id, *o)))
			host_ip_add_extra(&u->ip, &v->loc, "%s=%s", v->name,
					  v->value);
	for (o = before; *o; o++)
		if ((v = get(r->sh, "%s_%s_vlan%d", *o, lvar, id)) ||
		    (v = get(r->sh, "%s_vlan%d", *o, id)))
			host_ip_add_extra(&u->ip, &v->loc, "%s=%s", v->name,
					  v->value);
}

/* vlans_@lvar: the VLANs on @lower, which comes up at boot if @onboot. */
static void vlans(const struct rd *r, const char *lower, const char *lvar,
		  bool onboot)
{
	const struct shvar *v = get(r->sh, "vlans_%s", lvar), *nv, *s;
	struct host_upper *u;
	char name[64], **w;
	size_t n, k;
	bool start;
	int id;

	if (!v)
		return;
	s = get(r->sh, "vlan_start_%s", lvar);
	start = !s || yes(s->value);
	w = confd_words(v, &n);
	for (k = 0; k < n; k++) {
		if ((id = vlan_id(w[k])) < 0) {
			diags_add(
				r->d, DIAG_WARNING, &v->loc,
				"%s: '%s' is not a VLAN id (1 to 4094, not zero-padded); no VLAN made",
				v->name, w[k]);
			continue;
		}
		if ((nv = get(r->sh, "%s_vlan%d_name", lvar, id)) ||
		    (nv = get(r->sh, "vlan%d_name", id)))
			snprintf(name, sizeof(name), "%s", nv->value);
		else
			snprintf(name, sizeof(name), "%s.%d", lower, id);
		if (ifname_check(name)) {
			diags_add(
				r->d, DIAG_WARNING, nv ? &nv->loc : &v->loc,
				"%s: VLAN %d: '%s' is not an interface name; no VLAN made",
				v->name, id, name);
			continue;
		}
		if (!strcmp(name, r->b->conf.name) ||
		    host_ip_find_upper(&r->b->ip, name)) {
			diags_add(r->d, DIAG_WARNING, &v->loc,
				  "%s: VLAN %d: %s is there already; ignored",
				  v->name, id, name);
			continue;
		}
		u = host_ip_upper(&r->b->ip, HOST_UPPER_VLAN, name, lower,
				  &v->loc);
		u->vid = (unsigned int)id;
		u->onboot = start ? onboot : confd_at_boot(r->h, r->sv, name);
		vlan_options(r, u, lvar, id);
	}
	confd_words_free(w, n);
}

/* The bond declared before ours whose uppers have bridge @name. */
static const char *kept_with(const struct rd *r, const char *name)
{
	const struct host_upper *u;
	size_t i;

	for (i = 0; i < r->h->n_decls; i++) {
		if (r->h->decls[i] == r->b ||
		    !(r->h->decls[i]->formats & HOST_FORMAT_BIT(HOST_CONFD)))
			continue;
		u = host_ip_find_upper(&r->h->decls[i]->ip, name);
		if (u && u->kind == HOST_UPPER_BRIDGE)
			return r->h->decls[i]->conf.name;
	}
	return NULL;
}

/* Bridge @name with @port among its ports, as variable @v says. */
static void bridge(const struct rd *r, const char *name, const char *port,
		   const struct shvar *v)
{
	const struct host_upper *had;
	struct host_upper *u;
	const char *other;

	if (ifname_check(name)) {
		diags_add(r->d, DIAG_WARNING, &v->loc,
			  "%s: '%s' is not an interface name; no bridge made",
			  v->name, name);
		return;
	}
	if ((other = kept_with(r, name))) {
		host_ip_add_extra(&r->b->ip, &v->loc,
				  "a port of bridge %s, which is kept with %s",
				  name, other);
		return;
	}
	had = host_ip_find_upper(&r->b->ip, name);
	if (had && had->kind == HOST_UPPER_BRIDGE)
		return; /* a second port of it: said with its ports */
	if (had || !strcmp(name, r->b->conf.name)) {
		diags_add(r->d, DIAG_WARNING, &v->loc,
			  "%s: %s is no bridge but the %s; ignored", v->name,
			  name, had ? "VLAN of that name" : "bond");
		return;
	}
	u = host_ip_upper(&r->b->ip, HOST_UPPER_BRIDGE, name, port, &v->loc);
	u->onboot = confd_at_boot(r->h, r->sv, name);
}

/* The bridges @port (variables @pvar) is a port of, in either syntax. */
static void bridges(const struct rd *r, const char *port, const char *pvar)
{
	const struct shvar *v;
	size_t i, k, n;
	char **w;

	for (i = 0; i < r->sh->n_vars; i++) {
		v = &r->sh->vars[i];
		if (!strncmp(v->name, "bridge_add_", 11)) {
			if (strcmp(v->name + 11, pvar))
				continue;
			w = confd_words(v, &n);
			if (n == 1)
				bridge(r, w[0], port, v);
			else if (n)
				diags_add(
					r->d, DIAG_WARNING, &v->loc,
					"%s: '%s' is not one bridge's name; ignored",
					v->name, v->value);
			confd_words_free(w, n);
			continue;
		}
		if (strncmp(v->name, "bridge_", 7))
			continue;
		w = confd_words(v, &n);
		for (k = 0; k < n && strcmp(w[k], port); k++)
			;
		if (k < n)
			bridge(r,
			       confd_service_name(r->h, r->sv, v->name + 7,
						  &v->loc, r->d),
			       port, v);
		confd_words_free(w, n);
	}
}

/* Whether @name is the bond or sits on it; its variables' end too. */
static bool ours(const struct rd *r, const char *name, bool var)
{
	char x[IF_NAMESIZE];
	size_t i;

	confd_ifvar(r->b->conf.name, x, sizeof(x));
	if (!strcmp(var ? x : r->b->conf.name, name))
		return true;
	for (i = 0; i < r->b->ip.n_uppers; i++) {
		confd_ifvar(r->b->ip.uppers[i]->name, x, sizeof(x));
		if (!strcmp(var ? x : r->b->ip.uppers[i]->name, name))
			return true;
	}
	return false;
}

/* A port of bridge @u besides its lower: not carried. */
static void other_port(const struct rd *r, struct host_upper *u,
		       const char *port, bool var, const struct shvar *v)
{
	if (ours(r, port, var))
		host_ip_add_extra(&u->ip, &v->loc,
				  "a second port on %s, %s (%s)",
				  r->b->conf.name, port, v->name);
	else
		host_ip_add_extra(&u->ip, &v->loc, "port %s (%s)", port,
				  v->name);
}

static void bridge_ports(const struct rd *r, struct host_upper *u,
			 const char *var)
{
	const struct shvar *v = get(r->sh, "bridge_%s", var);
	char lvar[IF_NAMESIZE], **w;
	size_t i, n;

	if (v) {
		w = confd_words(v, &n);
		for (i = 0; i < n; i++)
			if (strcmp(w[i], u->lower))
				other_port(r, u, w[i], false, v);
		confd_words_free(w, n);
	}
	confd_ifvar(u->lower, lvar, sizeof(lvar));
	for (i = 0; i < r->sh->n_vars; i++) {
		v = &r->sh->vars[i];
		w = confd_words(v, &n);
		if (!strncmp(v->name, "bridge_add_", 11) &&
		    strcmp(v->name + 11, lvar) && n == 1 &&
		    !strcmp(w[0], u->name))
			other_port(r, u, v->name + 11, true, v);
		confd_words_free(w, n);
	}
}

/* brctl_BR's commands: stp and setfd kept, the others not carried. */
static void brctl(const struct rd *r, struct host_upper *u, const char *var)
{
	const struct shvar *v = get(r->sh, "brctl_%s", var);
	char *copy, *line, *save = NULL, **w;
	size_t i, n, n_lines;
	long fd;

	if (!v)
		return;
	n_lines = v->array ? v->n_elems : 1;
	for (i = 0; i < n_lines; i++) {
		/* _get_array: an element, or a line of the string */
		copy = xstrdup(v->array ? v->elems[i] : v->value);
		for (line = strtok_r(copy, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			struct shvar one = { .value = line };

			w = confd_words(&one, &n);
			if (n == 2 && !strcmp(w[0], "stp"))
				/* brctl: on, yes or 1 is on, anything else off */
				u->stp = !strcmp(w[1], "on") ||
					 !strcmp(w[1], "yes") ||
					 !strcmp(w[1], "1");
			else if (n == 2 && !strcmp(w[0], "setfd") &&
				 (fd = number(w[1])) >= 0)
				u->fd = (int)fd;
			else if (n)
				host_ip_add_extra(&u->ip, &v->loc,
						  "brctl %s (%s)", line,
						  v->name);
			confd_words_free(w, n);
		}
		free(copy);
	}
}

static void stp_fd(const struct rd *r, struct host_upper *u, const char *var)
{
	static const char *const prefixes[] = { "", "bridge_" };
	const struct shvar *v;
	size_t i;
	long n;

	for (i = 0; i < 2; i++) {
		if ((v = get(r->sh, "%sstp_state_%s", prefixes[i], var))) {
			if ((n = number(v->value)) >= 0)
				u->stp = n != 0;
			else
				diags_add(
					r->d, DIAG_WARNING, &v->loc,
					"%s: '%s' is not a number (0 for no spanning tree); ignored",
					v->name, v->value);
		}
		if (!(v = get(r->sh, "%sforward_delay_%s", prefixes[i], var)))
			continue;
		n = number(v->value);
		if (n < 0) {
			diags_add(
				r->d, DIAG_WARNING, &v->loc,
				"%s: '%s' is not a number (hundredths of a second); ignored",
				v->name, v->value);
			continue;
		}
		/* what it says wins over brctl's setfd, carried or not */
		u->fd = n % 100 ? -1 : (int)(n / 100);
		if (n % 100)
			host_ip_add_extra(
				&u->ip, &v->loc,
				"%s=%s (%ld.%02ld s: the kernel reads hundredths of a second, the model keeps whole seconds)",
				v->name, v->value, n / 100, n % 100);
	}
}

/* What is read of @u elsewhere here, or is no interface's. */
static bool handled(const char *p, size_t len)
{
	static const char *const v[] = { "config", "routes", "dns_servers",
					 "dns_search", "dns_domain", "metric",
					 "vlans", "vlan_start", "bridge",
					 "bridge_add", "brctl", "stp_state",
					 "bridge_stp_state", "forward_delay",
					 "bridge_forward_delay", "slaves",
					 /* a bridge with no port exists */
					 "bridge_force", NULL };
	size_t i;

	for (i = 0; v[i]; i++)
		if (strlen(v[i]) == len && !strncmp(v[i], p, len))
			return true;
	return false;
}

/* Other variables netifrc reads for an interface (or a bridge's sysfs). */
static bool used(const char *p, size_t len, bool bridge)
{
	static const char *const any[] = {
		"mtu",	      "mac",	   "dns_options",    "dhcp",
		"dhcpcd",     "fallback",  "fallback_route", "modules",
		"iproute2",   "ifconfig",  "link",	     "auto",
		"txqueuelen", "broadcast", "arping",	     NULL
	};
	static const char *const br[] = {
		"ageing_time",	     "hello_time",
		"max_age",	     "priority",
		"group_fwd_mask",    "group_addr",
		"vlan_filtering",    "vlan_protocol",
		"default_pvid",	     "multicast_snooping",
		"multicast_querier", "multicast_router",
		"nf_call_iptables",  "nf_call_ip6tables",
		"bridge_force",	     NULL
	};
	size_t i;

	if (len > 7 && !strncmp(p, "brport_", 7))
		return true;
	if (bridge && len > 7 && !strncmp(p, "bridge_", 7))
		return true;
	for (i = 0; any[i]; i++)
		if (strlen(any[i]) == len && !strncmp(any[i], p, len))
			return true;
	for (i = 0; bridge && br[i]; i++)
		if (strlen(br[i]) == len && !strncmp(br[i], p, len))
			return true;
	return false;
}

/* brport_OPT_@var: a setting of a bridge's port, not carried. */
static void brport(const struct rd *r, struct host_ip *ip, const char *var)
{
	const struct shvar *v;
	size_t i, len, vlen = strlen(var);

	for (i = 0; i < r->sh->n_vars; i++) {
		v = &r->sh->vars[i];
		len = strlen(v->name);
		if (!strncmp(v->name, "brport_", 7) && len > vlen + 8 &&
		    !strcmp(v->name + len - vlen, var) &&
		    v->name[len - vlen - 1] == '_' && *v->value)
			host_ip_add_extra(ip, &v->loc, "%s=%s", v->name,
					  v->value);
	}
}

/* Upper @u's addresses, network and options, from its variables @var. */
static void configure(const struct rd *r, struct host_upper *u)
{
	bool is_bridge = u->kind == HOST_UPPER_BRIDGE;
	char var[IF_NAMESIZE];
	const struct shvar *v;
	size_t i, len, vlen;

	confd_ifvar(u->name, var, sizeof(var));
	vlen = strlen(var);
	if ((v = get(r->sh, "config_%s", var)))
		confd_addresses(&u->addresses, &u->n_addresses, v, r->d);
	confd_read_ip(&u->ip, u->name, r->sh, var, r->d);
	if (is_bridge) {
		brctl(r, u, var);
		stp_fd(r, u, var);
		bridge_ports(r, u, var);
	}
	for (i = 0; i < r->sh->n_vars; i++) {
		v = &r->sh->vars[i];
		len = strlen(v->name);
		if (len <= vlen + 1 || strcmp(v->name + len - vlen, var) ||
		    v->name[len - vlen - 1] != '_' || !*v->value)
			continue;
		len -= vlen + 1;
		if (!handled(v->name, len) && used(v->name, len, is_bridge))
			host_ip_add_extra(&u->ip, &v->loc, "%s=%s", v->name,
					  v->value);
	}
}

void confd_read_uppers(struct host_conf *h, struct host_bond *b,
		       const struct shfile *sh, struct confd_services *sv,
		       struct diags *d)
{
	const struct rd r = { h, b, sh, sv, d };
	char var[IF_NAMESIZE];
	struct host_upper *u;
	size_t i;

	confd_ifvar(b->conf.name, var, sizeof(var));
	brport(&r, &b->ip, var);
	vlans(&r, b->conf.name, var, b->onboot);
	bridges(&r, b->conf.name, var);
	/* each upper in turn, with what sits on it after the list's end */
	for (i = 0; i < b->ip.n_uppers; i++) {
		u = b->ip.uppers[i];
		confd_ifvar(u->name, var, sizeof(var));
		vlans(&r, u->name, var, u->onboot);
		/* a bridge is no port of another (the kernel refuses) */
		if (u->kind == HOST_UPPER_VLAN)
			bridges(&r, u->name, var);
		configure(&r, b->ip.uppers[i]);
	}
}

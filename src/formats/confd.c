// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reader for Gentoo's /etc/conf.d/net (netifrc): slaves_X declares bond X,
 * and <option>_X sets its options, one variable per sysfs option file, as
 * netifrc's bonding module writes them. Functions are kept as text and
 * looked at, never run.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "formats/cfgfile.h"
#include "formats/confd-int.h"
#include "model/ifname.h"
#include "model/optstr.h"
#include "formats/readers.h"
#include "formats/writers.h"
#include "formats/values.h"
#include "formats/shfile.h"

#define CONFD_NET "/etc/conf.d/net"

/* Other netifrc variables that end in _X, not bonding options. */
static const char *const netifrc_vars[] = { "config",
					    "routes",
					    "dns_servers",
					    "dns_domain",
					    "dns_search",
					    "dns_options",
					    "mtu",
					    "mac",
					    "fallback",
					    "fallback_route",
					    "modules",
					    "slaves",
					    "vlans",
					    "bridge",
					    "brctl",
					    "dhcp",
					    "dhcpcd",
					    "metric",
					    "link",
					    "iproute2",
					    "ifconfig",
					    "auto",
					    "wpa_supplicant",
					    "vlan_start",
					    "bridge_add",
					    "bridge_force",
					    "txqueuelen",
					    "broadcast",
					    NULL };

static bool is_netifrc_var(const char *prefix, size_t len)
{
	const char *const *v;

	for (v = netifrc_vars; *v; v++)
		if (strlen(*v) == len && !strncmp(*v, prefix, len))
			return true;
	return false;
}

/* netifrc's IFVAR: every character outside [A-Za-z0-9_] becomes '_'. */
void confd_ifvar(const char *name, char *out, size_t size)
{
	size_t i;

	for (i = 0; name[i] && i + 1 < size; i++)
		out[i] = (name[i] >= 'a' && name[i] <= 'z') ||
					 (name[i] >= 'A' && name[i] <= 'Z') ||
					 (name[i] >= '0' && name[i] <= '9') ?
				 name[i] :
				 '_';
	out[i] = '\0';
}

/* The words of a value: an array's elements, or a string split at blanks. */
char **confd_words(const struct shvar *v, size_t *n)
{
	char **out = NULL, *copy, *w, *save = NULL;
	size_t i;

	*n = 0;
	for (i = 0; i < (v->array ? v->n_elems : 1); i++) {
		copy = xstrdup(v->array ? v->elems[i] : v->value);
		for (w = strtok_r(copy, " \t\r\n", &save); w;
		     w = strtok_r(NULL, " \t\r\n", &save)) {
			out = xreallocarray(out, *n + 1, sizeof(char *));
			out[(*n)++] = xstrdup(w);
		}
		free(copy);
	}
	return out;
}

void confd_words_free(char **w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

static void set_option(struct host_bond *b, const struct bondopt *opt,
		       const struct shvar *v, struct diags *d)
{
	size_t n, i;
	char **w;

	if (opt->flags &
	    (BONDOPT_F_READONLY | BONDOPT_F_MODONLY | BONDOPT_F_SLAVE)) {
		diags_add(d, DIAG_WARNING, &v->loc,
			  "%s: netifrc does not set %s on a bond; ignored",
			  v->name, opt->name);
		return;
	}
	w = confd_words(v, &n);
	if (opt->kind == BONDOPT_IPV4S || opt->kind == BONDOPT_IPV6S) {
		/* one address per word, "+" before it or not ("+${i#+}") */
		for (i = 0; i < n; i++)
			optstr_set(&b->conf, opt, w[i] + (w[i][0] == '+'),
				   OPTSTR_BONDING_OPTS, &v->loc, d);
	} else if (n == 1 && bondopt_id(opt) == BONDOPT_MODE &&
		   !strcmp(w[0], "round-robin")) {
		/*
		 * net.example's spelling: netifrc writes it to sysfs as it
		 * is, the driver refuses it and the bond keeps its default,
		 * balance-rr, which is what the word means.
		 */
		diags_add(
			d, DIAG_WARNING, &v->loc,
			"%s: the driver refuses 'round-robin' (net.example's spelling): the bond stays in its default mode, balance-rr, as meant; write balance-rr",
			v->name);
		optstr_set(&b->conf, opt, "balance-rr", OPTSTR_BONDING_OPTS,
			   &v->loc, d);
	} else if (n == 1) {
		optstr_set(&b->conf, opt, w[0], OPTSTR_BONDING_OPTS, &v->loc,
			   d);
	} else {
		diags_add(d, DIAG_ERROR, &v->loc,
			  "%s: %s takes one value, not %zu", v->name, opt->name,
			  n);
	}
	confd_words_free(w, n);
}

void confd_addresses(char ***list, size_t *n_list, const struct shvar *v,
		     struct diags *d)
{
	size_t i, n = v->array ? v->n_elems : 1;

	for (i = 0; i < n; i++) {
		const char *e = v->array ? v->elems[i] : v->value;
		size_t len = strcspn(e, " \t");
		const char *mask;
		char *a, *full, *word;

		if (!len || !strpbrk(e, ".:") ||
		    (size_t)(strpbrk(e, ".:") - e) > len)
			continue; /* null, dhcp, noop */
		a = xasprintf("%.*s", (int)len, e);
		mask = strstr(e + len, "netmask");
		if (mask && !strchr(a, '/')) {
			/* "ADDR netmask MASK": netifrc's older form */
			mask += strlen("netmask");
			mask += strspn(mask, " \t");
			word = xasprintf("%.*s", (int)strcspn(mask, " \t"),
					 mask);
			full = values_address(a, NULL, word);
			free(word);
			free(a);
			a = full;
		}
		if (values_valid_address(a))
			host_addresses_add(list, n_list, a);
		else
			diags_add(d, DIAG_ERROR, &v->loc,
				  "%s: '%s' is not an IP address", v->name, a);
		free(a);
	}
}

/*
 * The services net.X: the link is what counts, whatever it points to
 * (rc-update makes it absolute, which under --root points out of the tree).
 */
static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct service *)a)->name,
		      ((const struct service *)b)->name);
}

static int by_var(const void *a, const void *b)
{
	const struct service *x = a, *y = b;
	int c = strcmp(x->var, y->var);

	return c ? c : strcmp(x->name, y->name);
}

static void services_read(struct host_conf *h, struct confd_services *sv)
{
	static const char *const dirs[] = { "etc/init.d",
					    "etc/runlevels/sysinit",
					    "etc/runlevels/boot",
					    "etc/runlevels/default", NULL };
	const char *const *dir;
	char *path, **names;
	struct diags quiet; /* an unreadable folder: no service there */
	size_t n, i, k;
	int err;

	sv->read = true;
	for (dir = dirs; *dir; dir++) {
		path = xasprintf("%s/%s", h->root, *dir);
		diags_init(&quiet);
		err = cfgfile_list(path, &names, &n, &quiet);
		diags_free(&quiet);
		free(path);
		if (err)
			continue;
		for (i = 0; i < n; i++) {
			const char *x = names[i] + 4;
			struct service *v;

			if (strncmp(names[i], "net.", 4) || !strcmp(x, "lo") ||
			    strlen(x) >= IF_NAMESIZE)
				continue;
			sv->v = xreallocarray(sv->v, sv->n + 1, sizeof(*v));
			v = &sv->v[sv->n++];
			snprintf(v->name, sizeof(v->name), "%s", x);
			confd_ifvar(x, v->var, sizeof(v->var));
			v->boot = dir != dirs; /* a runlevel */
		}
		cfgfile_list_free(names, n);
	}
	if (!sv->n)
		return; /* qsort() is not given a null array */
	/* a service in /etc/init.d and in runlevels: once, at boot if any */
	qsort(sv->v, sv->n, sizeof(*sv->v), by_name);
	for (i = k = 0; i < sv->n; i++) {
		if (k && !strcmp(sv->v[k - 1].name, sv->v[i].name))
			sv->v[k - 1].boot |= sv->v[i].boot;
		else
			sv->v[k++] = sv->v[i];
	}
	sv->n = k;
	qsort(sv->v, sv->n, sizeof(*sv->v), by_var);
}

/* The first service whose variables end in @var, or sv->n. */
static size_t first_of(const struct confd_services *sv, const char *var)
{
	size_t lo = 0, hi = sv->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(sv->v[mid].var, var) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool confd_at_boot(struct host_conf *h, struct confd_services *sv,
		   const char *name)
{
	char var[IF_NAMESIZE];
	size_t i;

	if (!sv->read)
		services_read(h, sv);
	confd_ifvar(name, var, sizeof(var));
	for (i = first_of(sv, var); i < sv->n && !strcmp(sv->v[i].var, var);
	     i++)
		if (!strcmp(sv->v[i].name, name))
			return sv->v[i].boot;
	return false;
}

/*
 * The interface whose variables end in @var: the service net.X whose X
 * netifrc maps to @var (bond-lan for slaves_bond_lan), else @var itself.
 * Two such services: said, the first.
 */
const char *confd_service_name(struct host_conf *h, struct confd_services *sv,
			       const char *var, const struct diag_loc *loc,
			       struct diags *d)
{
	const char *found = NULL;
	size_t i;

	if (!sv->read)
		services_read(h, sv);
	for (i = first_of(sv, var); i < sv->n && !strcmp(sv->v[i].var, var);
	     i++) {
		if (!strcmp(sv->v[i].name, var))
			continue;
		if (!found)
			found = host_conf_keep(h, xstrdup(sv->v[i].name));
		else
			diags_add(
				d, DIAG_WARNING, loc,
				"services net.%s and net.%s both read the variables of %s; the bond is taken to be %s (remove one)",
				found, sv->v[i].name, var, found);
	}
	return found ? found : var;
}

/* slaves_X="a b": bond X and its slaves, then every <option>_X. */
static void declare_bond(struct host_conf *h, const struct shfile *sh,
			 const struct shvar *slaves, struct confd_services *sv,
			 struct diags *d)
{
	const char *name = confd_service_name(
		h, sv, slaves->name + strlen("slaves_"), &slaves->loc, d);
	char var[IF_NAMESIZE], **w;
	size_t i, n, plen, vlen = strlen(name);
	struct host_bond *b;
	const struct bondopt *opt;
	const char *near;

	if (ifname_check(name)) {
		diags_add(d, DIAG_ERROR, &slaves->loc,
			  "%s: '%s' is not an interface name", slaves->name,
			  name);
		return;
	}
	b = host_conf_declare(h, HOST_CONFD, name, &slaves->loc);
	b->list_given = true;
	b->list_loc = slaves->loc;
	w = confd_words(slaves, &n);
	for (i = 0; i < n; i++) {
		if (ifname_check(w[i]))
			diags_add(d, DIAG_ERROR, &slaves->loc,
				  "%s: '%s' is not an interface name",
				  slaves->name, w[i]);
		else
			host_bond_add_slave(b, w[i], &slaves->loc, d);
	}
	confd_words_free(w, n);

	confd_ifvar(name, var, sizeof(var));
	for (i = 0; i < sh->n_vars; i++) {
		const struct shvar *v = &sh->vars[i];
		size_t len = strlen(v->name);
		char *prefix;

		if (len <= vlen + 1 || strcmp(v->name + len - vlen, var) ||
		    v->name[len - vlen - 1] != '_')
			continue;
		plen = len - vlen - 1;
		if (is_netifrc_var(v->name, plen))
			continue;
		prefix = xasprintf("%.*s", (int)plen, v->name);
		opt = bondopt_find(prefix, plen);
		if (opt) {
			set_option(b, opt, v, d);
		} else if ((near = bondopt_suggest(prefix))) {
			diags_add(
				d, DIAG_WARNING, &v->loc,
				"%s: %s is not a bonding option, so netifrc ignores it; did you mean %s_%s?",
				v->name, prefix, near, var);
		}
		free(prefix);
	}
	for (i = 0; i < sh->n_vars; i++) {
		const struct shvar *v = &sh->vars[i];

		if (!strncmp(v->name, "config_", 7) &&
		    !strcmp(v->name + 7, var))
			confd_addresses(&b->addresses, &b->n_addresses, v, d);
		if (!strncmp(v->name, "mtu_", 4) && !strcmp(v->name + 4, var))
			values_mtu(b, v->name, "=", v->value, &v->loc, d);
		if (!strncmp(v->name, "mac_", 4) && !strcmp(v->name + 4, var)) {
			if (values_valid_mac(v->value))
				b->hwaddr = xstrdup(v->value);
			else
				diags_add(
					d, DIAG_ERROR, &v->loc,
					"%s: '%s' is not a MAC address (write xx:xx:xx:xx:xx:xx)",
					v->name, v->value);
		}
	}
	confd_read_ip(&b->ip, b->conf.name, sh, var, d);
	b->onboot = confd_at_boot(h, sv, name);
	confd_read_uppers(h, b, sh, sv, d);
}

/*
 * A function that writes /sys/class/net/IF/bonding/OPTION does what the
 * variables are for, and only when netifrc runs it; say which variables.
 */
static void look_at_function(const struct shfunc *fn, struct diags *d)
{
	const char *p = fn->body, *dev, *opt;
	struct strbuf opts = { 0 }, vars = { 0 };
	char devname[64] = "X";
	size_t dlen, olen;

	while ((p = strstr(p, "/sys/class/net/"))) {
		dev = p + strlen("/sys/class/net/");
		dlen = strcspn(dev, "/ \t\n\"'");
		if (dev[dlen] != '/' || strncmp(dev + dlen, "/bonding/", 9)) {
			p = dev;
			continue;
		}
		opt = dev + dlen + 9;
		olen = strspn(opt, "abcdefghijklmnopqrstuvwxyz_0123456789");
		if (dlen < sizeof(devname) && !memchr(dev, '$', dlen))
			snprintf(devname, sizeof(devname), "%.*s", (int)dlen,
				 dev);
		if (olen) {
			if (opts.len)
				strbuf_addn(&opts, ", ", 2);
			strbuf_addn(&opts, "bonding/", 8);
			strbuf_addn(&opts, opt, olen);
			if (vars.len)
				strbuf_addc(&vars, ' ');
			strbuf_addn(&vars, opt, olen);
			strbuf_addc(&vars, '_');
			strbuf_addn(&vars, devname, strlen(devname));
			strbuf_addc(&vars, '=');
		}
		p = opt;
	}
	if (opts.len)
		diags_add(
			d, DIAG_WARNING, &fn->loc,
			"%s() writes %s; functions are not run when the file is read as data, so set the variables instead: %s",
			fn->name, strbuf_str(&opts), strbuf_str(&vars));
	strbuf_free(&opts);
	strbuf_free(&vars);
}

int confd_read_file(struct host_conf *h, const char *path, struct diags *d)
{
	unsigned int errors = d->errors;
	struct confd_services sv = { 0 };
	struct shfile sh;
	size_t len, i;
	char *buf;
	int err;

	err = cfgfile_read(h->root, path, &buf, &len, d);
	if (err)
		return err;
	h->files_read++;
	shfile_parse(&sh, buf, len, path, d);
	free(buf);
	for (i = 0; i < sh.n_vars; i++)
		if (!strncmp(sh.vars[i].name, "slaves_", 7))
			declare_bond(h, &sh, &sh.vars[i], &sv, d);
	for (i = 0; i < sh.n_funcs; i++)
		look_at_function(&sh.funcs[i], d);
	free(sv.v);
	shfile_free(&sh);
	return d->errors > errors ? -EINVAL : 0;
}

int confd_read_host(struct host_conf *h, struct diags *d)
{
	int err = confd_read_file(h, host_conf_path(h, CONFD_NET), d);

	return err == -ENOENT ? 0 : err;
}

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One option's value read from text, by the option's kind: numbers and
 * named values within the table's bounds, address lists, MAC addresses,
 * interface names; "SLAVE:VALUE" for the per-slave options. One setter
 * per kind, chosen from a table.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/ifname.h"
#include "model/optvalue.h"
#include "model/xalloc.h"

#define NUM_LIMIT (INT64_C(1) << 40)

/* Decimal only, as the kernel's own option parser. */
static int parse_number(const char *s, bool is_signed, int64_t *out)
{
	bool neg = false;
	int64_t v = 0;

	if (is_signed && *s == '-') {
		neg = true;
		s++;
	}
	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		v = v * 10 + (*s - '0');
		if (v > NUM_LIMIT)
			return -ERANGE;
	}
	*out = neg ? -v : v;
	return 0;
}

/*
 * Integer module parameters are read by the kernel's kstrtoint(s, 0): an
 * optional sign, then decimal, 0x hexadecimal or 0 octal.
 */
static int parse_module_number(const char *s, int64_t *out)
{
	bool neg = false;
	unsigned int base = 10, digit;
	int64_t v = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
		s++;
	}
	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = (unsigned int)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			digit = (unsigned int)(*s - 'a' + 10);
		else if (*s >= 'A' && *s <= 'F')
			digit = (unsigned int)(*s - 'A' + 10);
		else
			return -EINVAL;
		if (digit >= base)
			return -EINVAL;
		v = v * base + digit;
		if (v > NUM_LIMIT)
			return -ERANGE;
	}
	*out = neg ? -v : v;
	return 0;
}

/*
 * The names the kernel's value tables give some numbers in the sysfs
 * spelling: off (0), minval and maxval (the range's ends).
 */
static bool range_keyword(const struct bondopt *opt, const char *value,
			  int64_t *out)
{
	if (!strcmp(value, "maxval"))
		*out = opt->max;
	else if (!strcmp(value, "minval"))
		*out = opt->min;
	else if (!strcmp(value, "off") && opt->min == 0)
		*out = 0;
	else
		return false;
	return true;
}

static void unit_suffix(const struct bondopt *opt, char *buf, size_t size)
{
	if (opt->unit)
		snprintf(buf, size, " (%s)", opt->unit);
	else
		buf[0] = '\0';
}

/* "balance-rr (0), active-backup (1), ..." */
static char *accepted_names(const struct bondopt *opt)
{
	char *s = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < opt->nvalues; i++) {
		next = xasprintf("%s%s%s (%u)", s, i ? ", " : "",
				 opt->values[i].name, opt->values[i].value);
		free(s);
		s = next;
	}
	return s;
}

static int bad_value(const struct bondopt *opt, const char *value,
		     const struct diag_loc *loc, struct diags *d)
{
	char unit[16];

	unit_suffix(opt, unit, sizeof(unit));
	switch (opt->kind) {
	case BONDOPT_ENUM: {
		const char *near = bondopt_value_suggest(opt, value);
		char *names = accepted_names(opt);

		if (near)
			diags_add(
				d, DIAG_ERROR, loc,
				"%s: invalid value '%s'; did you mean %s? (accepted: %s)",
				opt->name, value, near, names);
		else
			diags_add(d, DIAG_ERROR, loc,
				  "%s: invalid value '%s'; accepted: %s",
				  opt->name, value, names);
		free(names);
		break;
	}
	case BONDOPT_BOOL:
		diags_add(d, DIAG_ERROR, loc,
			  "%s: invalid value '%s'; accepted: 0 (off) or 1 (on)",
			  opt->name, value);
		break;
	default:
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: invalid value '%s'; expected a number from %lld to %lld%s",
			opt->name, value, (long long)opt->min,
			(long long)opt->max, unit);
		break;
	}
	return -EINVAL;
}

static int parse_num_value(const struct bondopt *opt, const char *value,
			   enum optstr_context ctx, const struct diag_loc *loc,
			   struct diags *d, int64_t *out)
{
	const struct bondopt_value *named;
	char unit[16];
	int err;

	/* integer module parameters: numbers only, as the kernel reads them */
	if (ctx == OPTSTR_MODULE &&
	    (opt->kind == BONDOPT_UINT || opt->kind == BONDOPT_BOOL)) {
		err = parse_module_number(value, out);
		if (err == -EINVAL)
			return bad_value(opt, value, loc, d);
		goto range;
	}
	if (!strcmp(value, "default")) {
		if (opt->flags & BONDOPT_F_NODEFAULT) {
			diags_add(
				d, DIAG_ERROR, loc,
				"%s: the kernel has no 'default' for this option; give the value",
				opt->name);
			return -EINVAL;
		}
		*out = opt->def;
		return 0;
	}
	if (opt->kind == BONDOPT_ENUM) {
		named = bondopt_value_find(opt, value);
		if (named) {
			*out = named->value;
			return 0;
		}
		if (parse_number(value, false, out) ||
		    !bondopt_value_name(opt, (uint32_t)*out))
			return bad_value(opt, value, loc, d);
		return 0;
	}
	if (opt->kind == BONDOPT_BOOL) {
		if (!strcmp(value, "off") || !strcmp(value, "0"))
			*out = 0;
		else if (!strcmp(value, "on") || !strcmp(value, "1"))
			*out = 1;
		else
			return bad_value(opt, value, loc, d);
		return 0;
	}
	if (opt->kind == BONDOPT_UINT && range_keyword(opt, value, out))
		return 0;
	err = parse_number(value, opt->kind == BONDOPT_INT, out);
	if (err == -EINVAL)
		return bad_value(opt, value, loc, d);
range:
	if (err || *out < opt->min || *out > opt->max) {
		unit_suffix(opt, unit, sizeof(unit));
		diags_add(d, DIAG_ERROR, loc,
			  "%s: %s is out of range; accepted: %lld to %lld%s",
			  opt->name, value, (long long)opt->min,
			  (long long)opt->max, unit);
		return -EINVAL;
	}
	return 0;
}

/* The kernel refuses 0.0.0.0/8 and the limited broadcast address. */
static bool ipv4_target_ok(struct in_addr a)
{
	uint32_t h = ntohl(a.s_addr);

	return (h >> 24) != 0 && h != 0xffffffffu;
}

/* The kernel refuses ::, ::1 and multicast. */
static bool ipv6_target_ok(const struct in6_addr *a)
{
	return !IN6_IS_ADDR_UNSPECIFIED(a) && !IN6_IS_ADDR_LOOPBACK(a) &&
	       !IN6_IS_ADDR_MULTICAST(a);
}

/*
 * One address of a target list. Plain and "+" addresses are added (repeated
 * keys accumulate, as the initscripts do); "-" removes.
 */
static int target_item(struct bond_conf *c, const struct bondopt *opt,
		       const char *item, const struct diag_loc *loc,
		       struct diags *d)
{
	bool v6 = opt->kind == BONDOPT_IPV6S;
	size_t addr_size = v6 ? sizeof(struct in6_addr) :
				sizeof(struct in_addr);
	unsigned int *n = v6 ? &c->n_ns_targets : &c->n_arp_targets;
	uint8_t *list = v6 ? (uint8_t *)c->ns_targets :
			     (uint8_t *)c->arp_targets;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} a;
	char sign = *item;
	unsigned int i;

	if (sign == '+' || sign == '-')
		item++;
	if (inet_pton(v6 ? AF_INET6 : AF_INET, item, &a) != 1) {
		diags_add(d, DIAG_ERROR, loc, "%s: '%s' is not an %s address",
			  opt->name, item, v6 ? "IPv6" : "IPv4");
		return -EINVAL;
	}
	if (v6 ? !ipv6_target_ok(&a.v6) : !ipv4_target_ok(a.v4)) {
		diags_add(
			d, DIAG_ERROR, loc,
			v6 ? "%s: the kernel refuses %s as a target (unspecified, loopback or multicast)" :
			     "%s: the kernel refuses %s as a target (0.0.0.0/8 or 255.255.255.255)",
			opt->name, item);
		return -EINVAL;
	}
	for (i = 0; i < *n; i++)
		if (!memcmp(list + i * addr_size, &a, addr_size))
			break;
	if (sign == '-') {
		if (i == *n) {
			diags_add(
				d, DIAG_WARNING, loc,
				"%s: -%s removes an address that is not in the list",
				opt->name, item);
			return 0;
		}
		memmove(list + i * addr_size, list + (i + 1) * addr_size,
			(*n - i - 1) * addr_size);
		(*n)--;
		return 0;
	}
	if (i < *n) {
		diags_add(d, DIAG_ERROR, loc, "%s: duplicate address %s",
			  opt->name, item);
		return -EINVAL;
	}
	if (*n == BOND_MAX_TARGETS) {
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: more than %d addresses; the kernel takes at most %d",
			opt->name, BOND_MAX_TARGETS, BOND_MAX_TARGETS);
		return -EINVAL;
	}
	memcpy(list + (*n)++ * addr_size, &a, addr_size);
	return 0;
}

static int parse_targets(struct bond_conf *c, const struct bondopt *opt,
			 const char *value, const struct diag_loc *loc,
			 struct diags *d)
{
	char *copy = xstrdup(value), *item, *save = NULL;
	int err = 0;

	for (item = strtok_r(copy, ",", &save); item;
	     item = strtok_r(NULL, ",", &save))
		if (target_item(c, opt, item, loc, d))
			err = -EINVAL;
	free(copy);
	return err;
}

/* Exactly xx:xx:xx:xx:xx:xx, as the kernel's mac_pton() takes it. */
static int parse_mac(const struct bondopt *opt, const char *value,
		     const struct diag_loc *loc, struct diags *d,
		     uint8_t mac[6])
{
	int i, hi, lo;

	for (i = 0; i < 6; i++) {
		const char *p = value + 3 * i;

		if (strlen(value) != 17)
			break;
		hi = str_hex_digit(p[0]);
		lo = str_hex_digit(p[1]);
		if (hi < 0 || lo < 0 || (i < 5 && p[2] != ':'))
			break;
		mac[i] = (uint8_t)(hi << 4 | lo);
	}
	if (i < 6) {
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: '%s' is not a MAC address (write xx:xx:xx:xx:xx:xx)",
			opt->name, value);
		return -EINVAL;
	}
	if (mac[0] & 1) {
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: %s is a multicast address; the kernel needs a unicast one",
			opt->name, value);
		return -EINVAL;
	}
	return 0;
}

static int parse_ifname(const struct bondopt *opt, const char *value,
			const struct diag_loc *loc, struct diags *d)
{
	int err = ifname_check(value);

	if (err == -ENAMETOOLONG)
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: '%s' is too long for an interface name (at most %d characters)",
			opt->name, value, IF_NAMESIZE - 1);
	else if (err == -EILSEQ)
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: '%s' is not a valid interface name: it is not UTF-8",
			opt->name, value);
	else if (err)
		diags_add(d, DIAG_ERROR, loc,
			  "%s: '%s' is not a valid interface name", opt->name,
			  value);
	return err ? -EINVAL : 0;
}

int optvalue_set_slave(struct bond_conf *c, const struct bondopt *opt,
		       const char *value, const struct diag_loc *loc,
		       struct diags *d)
{
	enum bondopt_id id = bondopt_id(opt);
	const char *colon = strrchr(value, ':');
	struct bond_slave_conf *s;
	char name[IF_NAMESIZE + 1];
	int64_t num;

	if (!colon || colon == value || (size_t)(colon - value) > IF_NAMESIZE) {
		diags_add(d, DIAG_ERROR, loc,
			  "%s: '%s' should be SLAVE:VALUE, e.g. %s=eth1:2",
			  opt->name, value, opt->name);
		return -EINVAL;
	}
	snprintf(name, sizeof(name), "%.*s", (int)(colon - value), value);
	if (parse_ifname(opt, name, loc, d) ||
	    parse_num_value(opt, colon + 1, OPTSTR_BONDING_OPTS, loc, d, &num))
		return -EINVAL;
	s = bond_conf_slave(c, name);
	if (s->present & BONDOPT_BIT(id)) {
		char prev[512];

		diag_loc_format(&s->where[id], prev, sizeof(prev));
		diags_add(d, DIAG_WARNING, loc,
			  "%s of %s given twice: %s here replaces %lld from %s",
			  opt->name, name, colon + 1, (long long)s->num[id],
			  prev);
	}
	s->present |= BONDOPT_BIT(id);
	s->num[id] = num;
	if (loc)
		s->where[id] = *loc;
	return 0;
}

static void warn_repeated(const struct bond_conf *c, enum bondopt_id id,
			  const char *value, const struct diag_loc *loc,
			  struct diags *d)
{
	char prev_loc[512], prev[64];

	diag_loc_format(&c->where[id], prev_loc, sizeof(prev_loc));
	bond_conf_format_value(c, id, prev, sizeof(prev));
	diags_add(d, DIAG_WARNING, loc,
		  "%s given twice: %s here replaces %s from %s",
		  bondopt_get(id)->name, value, prev, prev_loc);
}

/* --- one setter per kind --------------------------------------------------- */

typedef int setter_fn(struct bond_conf *c, const struct bondopt *opt,
		      const char *value, enum optstr_context ctx,
		      const struct diag_loc *loc, struct diags *d);

static int set_targets(struct bond_conf *c, const struct bondopt *opt,
		       const char *value, enum optstr_context ctx,
		       const struct diag_loc *loc, struct diags *d)
{
	return parse_targets(c, opt, value, loc, d) ? -EINVAL : 0;
}

static int set_ifname(struct bond_conf *c, const struct bondopt *opt,
		      const char *value, enum optstr_context ctx,
		      const struct diag_loc *loc, struct diags *d)
{
	enum bondopt_id id = bondopt_id(opt);

	if (*value && parse_ifname(opt, value, loc, d))
		return -EINVAL;
	if (bond_conf_has(c, id))
		warn_repeated(c, id, value, loc, d);
	snprintf(bond_conf_ifname(c, id), IF_NAMESIZE, "%s", value);
	return 0;
}

static int set_mac(struct bond_conf *c, const struct bondopt *opt,
		   const char *value, enum optstr_context ctx,
		   const struct diag_loc *loc, struct diags *d)
{
	enum bondopt_id id = bondopt_id(opt);
	uint8_t mac[6];

	if (parse_mac(opt, value, loc, d, mac))
		return -EINVAL;
	if (bond_conf_has(c, id))
		warn_repeated(c, id, value, loc, d);
	memcpy(c->ad_actor_system, mac, sizeof(mac));
	return 0;
}

static int set_num(struct bond_conf *c, const struct bondopt *opt,
		   const char *value, enum optstr_context ctx,
		   const struct diag_loc *loc, struct diags *d)
{
	enum bondopt_id id = bondopt_id(opt);
	int64_t num;

	if (parse_num_value(opt, value, ctx, loc, d, &num))
		return -EINVAL;
	if (bond_conf_has(c, id))
		warn_repeated(c, id, value, loc, d);
	c->num[id] = num;
	return 0;
}

/* A read-only nested attribute is never set. */
static int set_none(struct bond_conf *c, const struct bondopt *opt,
		    const char *value, enum optstr_context ctx,
		    const struct diag_loc *loc, struct diags *d)
{
	return -EINVAL;
}

static setter_fn *const setters[] = {
	[BONDOPT_ENUM] = set_num,      [BONDOPT_BOOL] = set_num,
	[BONDOPT_UINT] = set_num,      [BONDOPT_INT] = set_num,
	[BONDOPT_IFNAME] = set_ifname, [BONDOPT_IPV4S] = set_targets,
	[BONDOPT_IPV6S] = set_targets, [BONDOPT_MAC] = set_mac,
	[BONDOPT_NESTED] = set_none,
};

int optvalue_set(struct bond_conf *c, const struct bondopt *opt,
		 const char *value, enum optstr_context ctx,
		 const struct diag_loc *loc, struct diags *d)
{
	return setters[opt->kind](c, opt, value, ctx, loc, d);
}

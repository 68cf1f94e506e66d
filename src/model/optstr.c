// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Parser for option strings into the desired state of a bond.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/ifname.h"
#include "model/optstr.h"
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

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
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
		hi = hex_digit(p[0]);
		lo = hex_digit(p[1]);
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
	else if (err)
		diags_add(d, DIAG_ERROR, loc,
			  "%s: '%s' is not a valid interface name", opt->name,
			  value);
	return err ? -EINVAL : 0;
}

/* "SLAVE:VALUE", as the kernel's queue_id file takes it. */
static int parse_slave_option(struct bond_conf *c, const struct bondopt *opt,
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

int optstr_set(struct bond_conf *c, const struct bondopt *opt,
	       const char *value, enum optstr_context ctx,
	       const struct diag_loc *loc, struct diags *d)
{
	enum bondopt_id id = bondopt_id(opt);
	uint8_t mac[6];
	int64_t num;

	if (opt->flags & BONDOPT_F_READONLY) {
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: read-only; the kernel reports it, it cannot be set",
			opt->name);
		return -EINVAL;
	}
	if (ctx == OPTSTR_BONDING_OPTS && (opt->flags & BONDOPT_F_MODONLY)) {
		diags_add(
			d, DIAG_WARNING, loc,
			"%s: a module parameter, ignored here; set it with 'options bonding %s=%s' in /etc/modprobe.d",
			opt->name, opt->name, value);
		return 0;
	}
	if (ctx == OPTSTR_MODULE && !(opt->flags & BONDOPT_F_MODPARAM)) {
		diags_add(
			d, DIAG_WARNING, loc,
			"%s: not a module parameter of bonding; the kernel ignores it here",
			opt->name);
		return 0;
	}
	if (opt->flags & BONDOPT_F_SLAVE)
		return parse_slave_option(c, opt, value, loc, d);

	switch (opt->kind) {
	case BONDOPT_IPV4S:
	case BONDOPT_IPV6S:
		if (parse_targets(c, opt, value, loc, d))
			return -EINVAL;
		break;
	case BONDOPT_IFNAME:
		if (*value && parse_ifname(opt, value, loc, d))
			return -EINVAL;
		if (bond_conf_has(c, id))
			warn_repeated(c, id, value, loc, d);
		snprintf(bond_conf_ifname(c, id), IF_NAMESIZE, "%s", value);
		break;
	case BONDOPT_MAC:
		if (parse_mac(opt, value, loc, d, mac))
			return -EINVAL;
		if (bond_conf_has(c, id))
			warn_repeated(c, id, value, loc, d);
		memcpy(c->ad_actor_system, mac, sizeof(mac));
		break;
	case BONDOPT_NESTED:
		return -EINVAL;
	case BONDOPT_ENUM:
	case BONDOPT_BOOL:
	case BONDOPT_UINT:
	case BONDOPT_INT:
		if (parse_num_value(opt, value, ctx, loc, d, &num))
			return -EINVAL;
		if (bond_conf_has(c, id))
			warn_repeated(c, id, value, loc, d);
		c->num[id] = num;
		break;
	}
	c->present |= BONDOPT_BIT(id);
	if (loc)
		c->where[id] = *loc;
	return 0;
}

/*
 * Splits @str into words at white space; quotes group and are removed.
 * Returns the number of words, or -1 for an unterminated quote.
 */
static int split_words(char *str, char **words, int max)
{
	char *r = str, *w = str, quote = 0;
	int n = 0;
	bool in_word = false;

	for (; *r; r++) {
		if (quote) {
			if (*r == quote)
				quote = 0;
			else
				*w++ = *r;
			continue;
		}
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			if (in_word) {
				*w++ = '\0';
				in_word = false;
			}
			continue;
		}
		if (!in_word) {
			if (n == max)
				return -2;
			words[n++] = w;
			in_word = true;
		}
		if (*r == '"' || *r == '\'')
			quote = *r;
		else
			*w++ = *r;
	}
	*w = '\0';
	return quote ? -1 : n;
}

/*
 * A whole string in one pair of quotes, as BONDING_OPTS="..." copied with
 * its quotes, loses them.
 */
static char *strip_outer_quotes(char *s)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && strchr(" \t\r\n", s[len - 1]))
		s[--len] = '\0';
	if (len >= 2 && (*s == '"' || *s == '\'') && s[len - 1] == *s &&
	    !memchr(s + 1, *s, len - 2)) {
		s[len - 1] = '\0';
		return s + 1;
	}
	return s;
}

/* Module parameter names treat '-' and '_' alike, as the kernel does. */
static void module_key(char *key)
{
	for (; *key; key++)
		if (*key == '-')
			*key = '_';
}

int optstr_parse(struct bond_conf *c, const char *str, enum optstr_context ctx,
		 const struct diag_loc *loc, struct diags *d)
{
	char *copy = xstrdup(str), *words[256], *eq, key[64];
	const struct bondopt *opt;
	const char *near;
	int n, i, err = 0;

	n = split_words(strip_outer_quotes(copy), words, 256);
	if (n == -1) {
		diags_add(d, DIAG_ERROR, loc,
			  "unterminated quote in option string");
		err = -EINVAL;
		n = 0;
	} else if (n == -2) {
		diags_add(d, DIAG_ERROR, loc,
			  "too many words in option string (at most 256)");
		err = -EINVAL;
		n = 0;
	}
	for (i = 0; i < n; i++) {
		eq = strchr(words[i], '=');
		if (eq == words[i]) {
			diags_add(d, DIAG_ERROR, loc,
				  "'%s': missing option name before '='",
				  words[i]);
			err = -EINVAL;
			continue;
		}
		if (eq)
			*eq = '\0';
		/* messages quote the key as written, lookups take it as modprobe does */
		snprintf(key, sizeof(key), "%s", words[i]);
		if (ctx == OPTSTR_MODULE)
			module_key(key);
		opt = bondopt_find(key, strlen(key));
		if (!opt) {
			near = bondopt_suggest(key);
			if (near)
				diags_add(
					d, DIAG_ERROR, loc,
					"%s: unknown option; did you mean %s?",
					words[i], near);
			else
				diags_add(d, DIAG_ERROR, loc,
					  "%s: unknown option", words[i]);
			err = -EINVAL;
			continue;
		}
		if (!eq) {
			diags_add(d, DIAG_ERROR, loc,
				  "%s: no value; write %s=VALUE", words[i],
				  opt->name);
			err = -EINVAL;
			continue;
		}
		if (optstr_set(c, opt, eq + 1, ctx, loc, d))
			err = -EINVAL;
	}
	free(copy);
	return err;
}

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The desired state of one bond, and its normalized text form.
 */
#include "config.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bondconf.h"
#include "model/json.h"
#include "model/xalloc.h"

void bond_conf_init(struct bond_conf *c, const char *name)
{
	memset(c, 0, sizeof(*c));
	if (name)
		str_copy(c->name, sizeof(c->name), name);
}

void bond_conf_init_defaults(struct bond_conf *c, const char *name)
{
	int id;

	bond_conf_init(c, name);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (opt->flags & BONDOPT_F_NOT_BOND_ATTR ||
		    opt->kind == BONDOPT_NESTED)
			continue;
		c->num[id] = opt->def;
		c->present |= BONDOPT_BIT(id);
	}
}

void bond_conf_free(struct bond_conf *c)
{
	free(c->slaves);
	bond_conf_init(c, NULL);
}

void bond_conf_copy(struct bond_conf *dst, const struct bond_conf *src)
{
	*dst = *src;
	dst->slaves = NULL;
	if (src->n_slaves) {
		dst->slaves = xcalloc(src->n_slaves, sizeof(*dst->slaves));
		memcpy(dst->slaves, src->slaves,
		       src->n_slaves * sizeof(*dst->slaves));
	}
}

void bond_conf_remove_slave(struct bond_conf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_slaves; i++) {
		if (strcmp(c->slaves[i].name, name))
			continue;
		memmove(&c->slaves[i], &c->slaves[i + 1],
			(c->n_slaves - i - 1) * sizeof(c->slaves[0]));
		c->n_slaves--;
		return;
	}
}

int64_t bond_conf_effective(const struct bond_conf *c,
			    const struct bond_conf *base, enum bondopt_id id)
{
	if (bond_conf_has(c, id))
		return c->num[id];
	if (base && bond_conf_has(base, id))
		return base->num[id];
	return bondopt_get(id)->def;
}

struct bond_slave_conf *bond_conf_find_slave(const struct bond_conf *c,
					     const char *name)
{
	size_t i;

	for (i = 0; i < c->n_slaves; i++)
		if (!strcmp(c->slaves[i].name, name))
			return &c->slaves[i];
	return NULL;
}

struct bond_slave_conf *bond_conf_slave(struct bond_conf *c, const char *name)
{
	struct bond_slave_conf *s = bond_conf_find_slave(c, name);

	if (s)
		return s;
	c->slaves =
		xreallocarray(c->slaves, c->n_slaves + 1, sizeof(*c->slaves));
	s = &c->slaves[c->n_slaves++];
	memset(s, 0, sizeof(*s));
	str_copy(s->name, sizeof(s->name), name);
	return s;
}

struct bond_slave_conf *bond_conf_add_member(struct bond_conf *c,
					     const char *name,
					     const struct diag_loc *loc)
{
	struct bond_slave_conf *s = bond_conf_slave(c, name);

	s->member = true;
	if (loc)
		s->listed = *loc;
	return s;
}

unsigned int bond_conf_n_targets(const struct bond_conf *c,
				 enum bondopt_kind kind)
{
	return kind == BONDOPT_IPV4S ? c->n_arp_targets : c->n_ns_targets;
}

void bond_conf_target(const struct bond_conf *c, enum bondopt_kind kind,
		      unsigned int i, char *buf)
{
	if (kind == BONDOPT_IPV4S)
		inet_ntop(AF_INET, &c->arp_targets[i], buf, INET6_ADDRSTRLEN);
	else
		inet_ntop(AF_INET6, &c->ns_targets[i], buf, INET6_ADDRSTRLEN);
}

/*
 * The kinds of value: how each is copied, formatted, compared and written
 * as JSON, one function per kind (their readers from text are optvalue.c's
 * setters).
 */

static void copy_none(struct bond_conf *dst, const struct bond_conf *src,
		      enum bondopt_id id)
{
	/* numbers are in num[], which every kind copies */
}

static void copy_ifname(struct bond_conf *dst, const struct bond_conf *src,
			enum bondopt_id id)
{
	memcpy(bond_conf_ifname(dst, id), bond_conf_ifname_of(src, id),
	       IF_NAMESIZE);
}

static void copy_ipv4s(struct bond_conf *dst, const struct bond_conf *src,
		       enum bondopt_id id)
{
	memcpy(dst->arp_targets, src->arp_targets, sizeof(dst->arp_targets));
	dst->n_arp_targets = src->n_arp_targets;
}

static void copy_ipv6s(struct bond_conf *dst, const struct bond_conf *src,
		       enum bondopt_id id)
{
	memcpy(dst->ns_targets, src->ns_targets, sizeof(dst->ns_targets));
	dst->n_ns_targets = src->n_ns_targets;
}

static void copy_mac(struct bond_conf *dst, const struct bond_conf *src,
		     enum bondopt_id id)
{
	memcpy(dst->ad_actor_system, src->ad_actor_system,
	       sizeof(dst->ad_actor_system));
}

/* A number, or the name of a named value. */
static void format_number(const struct bondopt *opt, int64_t num, char *buf,
			  size_t size)
{
	const char *name = opt->kind == BONDOPT_ENUM ?
				   bondopt_value_name(opt, (uint32_t)num) :
				   NULL;

	/* the engine formats every option it checks: no printf */
	char digits[24], *p = digits + sizeof(digits);
	uint64_t u = num < 0 ? -(uint64_t)num : (uint64_t)num;

	if (name) {
		str_copy(buf, size, name);
		return;
	}
	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (num < 0)
		*--p = '-';
	str_copy(buf, size, p);
}

static void format_num(const struct bond_conf *c, enum bondopt_id id, char *buf,
		       size_t size)
{
	format_number(bondopt_get(id), c->num[id], buf, size);
}

static void format_ifname(const struct bond_conf *c, enum bondopt_id id,
			  char *buf, size_t size)
{
	str_copy(buf, size, bond_conf_ifname_of(c, id));
}

static void format_targets(const struct bond_conf *c, enum bondopt_id id,
			   char *buf, size_t size)
{
	enum bondopt_kind kind = bondopt_get(id)->kind;
	char addr[INET6_ADDRSTRLEN];
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < bond_conf_n_targets(c, kind) && len < size; i++) {
		bond_conf_target(c, kind, i, addr);
		len += snprintf(buf + len, size - len, "%s%s", i ? "," : "",
				addr);
	}
}

static void format_mac(const struct bond_conf *c, enum bondopt_id id, char *buf,
		       size_t size)
{
	const uint8_t *m = c->ad_actor_system;

	snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2],
		 m[3], m[4], m[5]);
}

static void format_none(const struct bond_conf *c, enum bondopt_id id,
			char *buf, size_t size)
{
}

static bool same_num(const struct bond_conf *want, const struct bond_conf *have,
		     enum bondopt_id id)
{
	return bond_conf_has(have, id) &&
	       bond_conf_kept_value(want, have, id) == have->num[id];
}

static bool same_ifname(const struct bond_conf *want,
			const struct bond_conf *have, enum bondopt_id id)
{
	/* the kernel leaves out an unset name */
	return !strcmp(bond_conf_ifname_of(want, id),
		       bond_conf_has(have, id) ? bond_conf_ifname_of(have, id) :
						 "");
}

static bool same_ipv4s(const struct bond_conf *want,
		       const struct bond_conf *have, enum bondopt_id id)
{
	return want->n_arp_targets == have->n_arp_targets &&
	       !memcmp(want->arp_targets, have->arp_targets,
		       want->n_arp_targets * sizeof(want->arp_targets[0]));
}

static bool same_ipv6s(const struct bond_conf *want,
		       const struct bond_conf *have, enum bondopt_id id)
{
	return want->n_ns_targets == have->n_ns_targets &&
	       !memcmp(want->ns_targets, have->ns_targets,
		       want->n_ns_targets * sizeof(want->ns_targets[0]));
}

static bool same_mac(const struct bond_conf *want, const struct bond_conf *have,
		     enum bondopt_id id)
{
	return bond_conf_has(have, id) &&
	       !memcmp(want->ad_actor_system, have->ad_actor_system,
		       sizeof(want->ad_actor_system));
}

static bool same_always(const struct bond_conf *want,
			const struct bond_conf *have, enum bondopt_id id)
{
	return true;
}

void bond_conf_number_json(struct json *j, const struct bondopt *opt,
			   int64_t num)
{
	const char *name = opt->kind == BONDOPT_ENUM ?
				   bondopt_value_name(opt, (uint32_t)num) :
				   NULL;

	if (name)
		json_string(j, name);
	else
		json_int(j, num);
}

static void json_num(struct json *j, const struct bond_conf *c,
		     enum bondopt_id id)
{
	bond_conf_number_json(j, bondopt_get(id), c->num[id]);
}

static void json_text(struct json *j, const struct bond_conf *c,
		      enum bondopt_id id)
{
	char text[64];

	bond_conf_format_value(c, id, text, sizeof(text));
	json_string(j, text);
}

static void json_targets(struct json *j, const struct bond_conf *c,
			 enum bondopt_id id)
{
	enum bondopt_kind kind = bondopt_get(id)->kind;
	char addr[INET6_ADDRSTRLEN];
	unsigned int i;

	json_array_begin(j);
	for (i = 0; i < bond_conf_n_targets(c, kind); i++) {
		bond_conf_target(c, kind, i, addr);
		json_string(j, addr);
	}
	json_array_end(j);
}

static const struct kind_ops {
	void (*copy)(struct bond_conf *dst, const struct bond_conf *src,
		     enum bondopt_id id);
	void (*format)(const struct bond_conf *c, enum bondopt_id id, char *buf,
		       size_t size);
	bool (*same)(const struct bond_conf *want, const struct bond_conf *have,
		     enum bondopt_id id);
	void (*json)(struct json *j, const struct bond_conf *c,
		     enum bondopt_id id);
} kinds[] = {
	[BONDOPT_ENUM] = { copy_none, format_num, same_num, json_num },
	[BONDOPT_BOOL] = { copy_none, format_num, same_num, json_num },
	[BONDOPT_UINT] = { copy_none, format_num, same_num, json_num },
	[BONDOPT_INT] = { copy_none, format_num, same_num, json_num },
	[BONDOPT_IFNAME] = { copy_ifname, format_ifname, same_ifname,
			     json_text },
	[BONDOPT_IPV4S] = { copy_ipv4s, format_targets, same_ipv4s,
			    json_targets },
	[BONDOPT_IPV6S] = { copy_ipv6s, format_targets, same_ipv6s,
			    json_targets },
	[BONDOPT_MAC] = { copy_mac, format_mac, same_mac, json_text },
	[BONDOPT_NESTED] = { copy_none, format_none, same_always, json_text },
};

static const struct kind_ops *kind_of(enum bondopt_id id)
{
	return &kinds[bondopt_get(id)->kind];
}

void bond_conf_copy_option(struct bond_conf *dst, const struct bond_conf *src,
			   enum bondopt_id id)
{
	kind_of(id)->copy(dst, src, id);
	dst->num[id] = src->num[id];
	dst->where[id] = src->where[id];
	dst->present |= BONDOPT_BIT(id);
}

void bond_conf_format_value(const struct bond_conf *c, enum bondopt_id id,
			    char *buf, size_t size)
{
	buf[0] = '\0';
	kind_of(id)->format(c, id, buf, size);
}

bool bond_conf_same_value(const struct bond_conf *want,
			  const struct bond_conf *have, enum bondopt_id id)
{
	return kind_of(id)->same(want, have, id);
}

void bond_conf_value_json(struct json *j, const struct bond_conf *c,
			  enum bondopt_id id)
{
	kind_of(id)->json(j, c, id);
}

/* Appends " key=value" (without the space first) to the growing string. */
static void append(char **s, size_t *len, const char *key, const char *value)
{
	char *item = xasprintf("%s%s=%s", *len ? " " : "", key, value);
	size_t n = strlen(item);

	*s = xreallocarray(*s, *len + n + 1, 1);
	memcpy(*s + *len, item, n + 1);
	*len += n;
	free(item);
}

char *bond_conf_format(const struct bond_conf *c)
{
	char value[16 * (INET6_ADDRSTRLEN + 1)];
	char num[24], slave_value[IF_NAMESIZE + sizeof(num) + 1];
	char *s = xstrdup("");
	size_t len = 0, i;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!bond_conf_has(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		append(&s, &len, bondopt_get(id)->name, value);
	}
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *sl = &c->slaves[i];

		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(sl->present & BONDOPT_BIT(id)))
				continue;
			format_number(bondopt_get(id), sl->num[id], num,
				      sizeof(num));
			snprintf(slave_value, sizeof(slave_value), "%s:%s",
				 sl->name, num);
			append(&s, &len, bondopt_get(id)->name, slave_value);
		}
	}
	return s;
}

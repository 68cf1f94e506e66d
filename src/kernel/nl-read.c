// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The link dumps of rtnetlink decoded into the bond model: every link,
 * its bond or slave attributes by the option table's numbers and types,
 * the 802.3ad information. Part of the netlink module with nl.c.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/utsname.h>

#include "kernel/nl-int.h"
#include "model/xalloc.h"

static const struct bondopt *opt_by_attr(uint16_t type, bool slave)
{
	return bondopt_by_nla(type, slave);
}

static bool attr_fits(const struct nlattr *a, enum bondopt_nla type)
{
	static const size_t need[] = {
		[BONDOPT_NLA_U8] = 1,
		[BONDOPT_NLA_U16] = 2,
		[BONDOPT_NLA_U32] = 4,
		[BONDOPT_NLA_S32] = 4,
	};

	return type > BONDOPT_NLA_S32 ||
	       mnl_attr_get_payload_len(a) >= need[type];
}

static int64_t attr_num(const struct nlattr *a, enum bondopt_nla type)
{
	switch (type) {
	case BONDOPT_NLA_U8:
		return mnl_attr_get_u8(a);
	case BONDOPT_NLA_U16:
		return mnl_attr_get_u16(a);
	case BONDOPT_NLA_S32:
		return (int32_t)mnl_attr_get_u32(a);
	default:
		return mnl_attr_get_u32(a);
	}
}

static void read_targets(struct bond_conf *c, const struct nlattr *nest,
			 bool v6)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest)
	{
		if (v6 && mnl_attr_get_payload_len(a) >= 16 &&
		    c->n_ns_targets < BOND_MAX_TARGETS)
			memcpy(&c->ns_targets[c->n_ns_targets++],
			       mnl_attr_get_payload(a), 16);
		else if (!v6 && mnl_attr_get_payload_len(a) >= 4 &&
			 c->n_arp_targets < BOND_MAX_TARGETS)
			memcpy(&c->arp_targets[c->n_arp_targets++],
			       mnl_attr_get_payload(a), 4);
	}
}

static void read_ad_info(struct bond_ad_info *ad, const struct nlattr *nest)
{
	const struct nlattr *a;

	ad->present = true;
	mnl_attr_for_each_nested(a, nest)
	{
		switch (mnl_attr_get_type(a)) {
		case IFLA_BOND_AD_INFO_AGGREGATOR:
			ad->aggregator = mnl_attr_get_u16(a);
			break;
		case IFLA_BOND_AD_INFO_NUM_PORTS:
			ad->num_ports = mnl_attr_get_u16(a);
			break;
		case IFLA_BOND_AD_INFO_ACTOR_KEY:
			ad->actor_key = mnl_attr_get_u16(a);
			break;
		case IFLA_BOND_AD_INFO_PARTNER_KEY:
			ad->partner_key = mnl_attr_get_u16(a);
			break;
		case IFLA_BOND_AD_INFO_PARTNER_MAC:
			if (mnl_attr_get_payload_len(a) >= 6)
				memcpy(ad->partner_mac, mnl_attr_get_payload(a),
				       6);
			break;
		}
	}
}

/*
 * One function per kind of value: the bond attribute @a of option @id into
 * @l. Returns false for an attribute that is not kept as an option.
 */
typedef bool read_fn(struct link *l, const struct nlattr *a,
		     enum bondopt_id id);

static bool read_nested(struct link *l, const struct nlattr *a,
			enum bondopt_id id)
{
	read_ad_info(&l->ad, a);
	return false;
}

static bool read_addresses(struct link *l, const struct nlattr *a,
			   enum bondopt_id id)
{
	read_targets(l->bond, a, bondopt_get(id)->kind == BONDOPT_IPV6S);
	return true;
}

static bool read_mac(struct link *l, const struct nlattr *a, enum bondopt_id id)
{
	if (mnl_attr_get_payload_len(a) < sizeof(l->bond->ad_actor_system))
		return false;
	memcpy(l->bond->ad_actor_system, mnl_attr_get_payload(a),
	       sizeof(l->bond->ad_actor_system));
	return true;
}

/* Numbers; interface names are ifindexes until resolve_names(). */
static bool read_number(struct link *l, const struct nlattr *a,
			enum bondopt_id id)
{
	l->bond->num[id] = attr_num(a, bondopt_get(id)->nla_type);
	return true;
}

static read_fn *const reads_by_kind[] = {
	[BONDOPT_ENUM] = read_number,	  [BONDOPT_BOOL] = read_number,
	[BONDOPT_UINT] = read_number,	  [BONDOPT_INT] = read_number,
	[BONDOPT_IFNAME] = read_number,	  [BONDOPT_IPV4S] = read_addresses,
	[BONDOPT_IPV6S] = read_addresses, [BONDOPT_MAC] = read_mac,
	[BONDOPT_NESTED] = read_nested,
};

static void read_bond(struct link *l, const struct nlattr *data)
{
	struct bond_conf *c = xcalloc(1, sizeof(*c));
	const struct bondopt *opt;
	const struct nlattr *a;
	enum bondopt_id id;

	bond_conf_init(c, l->name);
	l->bond = c;
	if (!data)
		return;
	mnl_attr_for_each_nested(a, data)
	{
		opt = opt_by_attr(mnl_attr_get_type(a), false);
		if (!opt || !attr_fits(a, opt->nla_type))
			continue;
		id = bondopt_id(opt);
		if (reads_by_kind[opt->kind](l, a, id))
			c->present |= BONDOPT_BIT(id);
	}
}

static void read_slave(struct link *l, const struct nlattr *data)
{
	struct slave_status *st = &l->slave;
	const struct bondopt *opt;
	const struct nlattr *a;

	l->is_bond_slave = true;
	str_copy(l->slave_opts.name, sizeof(l->slave_opts.name), l->name);
	mnl_attr_for_each_nested(a, data)
	{
		uint16_t type = mnl_attr_get_type(a);

		opt = opt_by_attr(type, true);
		if (opt && attr_fits(a, opt->nla_type)) {
			l->slave_opts.num[bondopt_id(opt)] =
				attr_num(a, opt->nla_type);
			l->slave_opts.present |= BONDOPT_BIT(bondopt_id(opt));
			continue;
		}
		switch (type) {
		case IFLA_BOND_SLAVE_STATE:
			st->state = mnl_attr_get_u8(a);
			break;
		case IFLA_BOND_SLAVE_MII_STATUS:
			st->mii_status = mnl_attr_get_u8(a);
			break;
		case IFLA_BOND_SLAVE_LINK_FAILURE_COUNT:
			st->link_failure_count = mnl_attr_get_u32(a);
			break;
		case IFLA_BOND_SLAVE_PERM_HWADDR:
			if (mnl_attr_get_payload_len(a) >= 6)
				memcpy(st->perm_hwaddr, mnl_attr_get_payload(a),
				       6);
			break;
		case IFLA_BOND_SLAVE_AD_AGGREGATOR_ID:
			st->ad_aggregator_id = mnl_attr_get_u16(a);
			break;
		case IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE:
			st->ad_actor_oper_port_state = mnl_attr_get_u8(a);
			break;
		case IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE:
			st->ad_partner_oper_port_state = mnl_attr_get_u16(a);
			break;
		}
	}
}

static void read_linkinfo(struct link *l, const struct nlattr *info)
{
	const struct nlattr *a, *data = NULL, *slave_data = NULL;

	mnl_attr_for_each_nested(a, info)
	{
		switch (mnl_attr_get_type(a)) {
		case IFLA_INFO_KIND:
			str_copy(l->kind, sizeof(l->kind), mnl_attr_get_str(a));
			break;
		case IFLA_INFO_SLAVE_KIND:
			str_copy(l->slave_kind, sizeof(l->slave_kind),
				 mnl_attr_get_str(a));
			break;
		case IFLA_INFO_DATA:
			data = a;
			break;
		case IFLA_INFO_SLAVE_DATA:
			slave_data = a;
			break;
		}
	}
	l->is_bond = !strcmp(l->kind, "bond");
	if (l->is_bond)
		read_bond(l, data);
	if (!strcmp(l->slave_kind, "bond") && slave_data)
		read_slave(l, slave_data);
}

static int link_cb(const struct nlmsghdr *nlh, void *data)
{
	struct linkset *ls = data;
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a, *info = NULL;
	struct link *l;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return MNL_CB_OK;
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? 2 * ls->cap : 64;
		ls->v = xreallocarray(ls->v, ls->cap, sizeof(*ls->v));
	}
	l = &ls->v[ls->n++];
	memset(l, 0, sizeof(*l));
	l->ifindex = ifi->ifi_index;
	l->flags = ifi->ifi_flags;
	l->type = ifi->ifi_type;
	mnl_attr_for_each(a, nlh, sizeof(*ifi))
	{
		switch (mnl_attr_get_type(a)) {
		case IFLA_IFNAME:
			str_copy(l->name, sizeof(l->name), mnl_attr_get_str(a));
			break;
		case IFLA_MTU:
			l->mtu = mnl_attr_get_u32(a);
			break;
		case IFLA_MASTER:
			l->master = (int)mnl_attr_get_u32(a);
			break;
		case IFLA_GROUP:
			l->group = mnl_attr_get_u32(a);
			break;
		case IFLA_ADDRESS:
			if (mnl_attr_get_payload_len(a) > sizeof(l->addr))
				break;
			l->addr_len = (uint8_t)mnl_attr_get_payload_len(a);
			memcpy(l->addr, mnl_attr_get_payload(a), l->addr_len);
			break;
		case IFLA_LINKINFO:
			info = a;
			break;
		}
	}
	if (info)
		read_linkinfo(l, info);
	return MNL_CB_OK;
}

/* The kernel reports the options that name an interface as ifindexes. */
static void resolve_names(struct linkset *ls)
{
	struct bond_conf *c;
	struct link *dev;
	size_t i;
	int id;

	for (i = 0; i < ls->n; i++) {
		c = ls->v[i].bond;
		if (!c)
			continue;
		str_copy(c->name, sizeof(c->name), ls->v[i].name);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (bondopt_get(id)->kind != BONDOPT_IFNAME ||
			    !bond_conf_has(c, id))
				continue;
			dev = linkset_find_index(ls, (int)c->num[id]);
			str_copy(bond_conf_ifname(c, id), IF_NAMESIZE,
				 dev ? dev->name : "");
		}
	}
}

static int dump(struct nl *nl, struct linkset *ls, const char *kind)
{
	struct nlmsghdr *nlh;
	struct nlattr *info;
	struct utsname u;
	unsigned int seq;
	ssize_t len;
	int rc;

	memset(ls, 0, sizeof(*ls));
	if (!uname(&u)) {
		str_copy(ls->kernel, sizeof(ls->kernel), u.release);
		bondopt_kver_parse(u.release, u.version, &ls->kver);
	}
	nlh = bnl_link_request(nl->buf, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP,
			       0);
	if (kind) {
		/* the kernel leaves out the links of other kinds */
		info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
		mnl_attr_put_strz(nlh, IFLA_INFO_KIND, kind);
		mnl_attr_nest_end(nlh, info);
	}
	nlh->nlmsg_seq = seq = ++nl->seq;
	nl->round_trips++;
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		len = bnl_recv_answer(nl);
		if (len < 0)
			return (int)len;
		rc = mnl_cb_run(nl->buf, (size_t)len, seq, nl->portid, link_cb,
				ls);
	} while (rc > MNL_CB_STOP);
	if (rc < 0)
		return -errno;
	linkset_index(ls);
	resolve_names(ls);
	linkset_finish(ls);
	return 0;
}

int bnl_dump_links(struct nl *nl, struct linkset *ls)
{
	return dump(nl, ls, NULL);
}

int bnl_dump_bonds(struct nl *nl, struct linkset *ls)
{
	return dump(nl, ls, "bond");
}

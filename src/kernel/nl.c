// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rtnetlink over libmnl: link dumps decoded into the bond model, and the
 * requests that create, change, enslave, release and delete. Attribute
 * numbers and types come from the option table, so attributes newer than
 * the build host's headers need nothing here.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>

#include "kernel/nl.h"
#include "model/xalloc.h"

/* Large enough for one part of a link dump (the kernel fills up to 32 KiB). */
#define NL_BUF_SIZE 32768

#define NL_BATCH_MAX BNL_BATCH_MAX

/*
 * The socket's receive buffer: the answers to a whole batch must fit in it,
 * since the kernel runs the batch before we read; what does not fit is
 * dropped. Asked for, not needed: BNL_BATCH_MAX answers fit the default.
 */
#define NL_RCVBUF (4 << 20)

/* A request the kernel has not answered in this time is given up. */
#define NL_TIMEOUT_S 30

struct nl {
	struct mnl_socket *sock;
	uint32_t portid;
	unsigned int seq;
	unsigned int changes;
	unsigned int round_trips;
	bool batching;
	char *batch; /* queued requests, back to back */
	size_t batch_len;
	unsigned int batch_n;
	unsigned int batch_seq[NL_BATCH_MAX];
	char buf[NL_BUF_SIZE];
};

/* The next message from the kernel: its length, or -errno. */
static ssize_t recv_answer(struct nl *nl)
{
	ssize_t len = mnl_socket_recvfrom(nl->sock, nl->buf, sizeof(nl->buf));

	if (len >= 0)
		return len;
	/* SO_RCVTIMEO ran out: the kernel dropped or never sent an answer */
	return errno == EAGAIN || errno == EWOULDBLOCK ? -ETIMEDOUT : -errno;
}

int bnl_open(struct nl **out)
{
	struct nl *nl = xcalloc(1, sizeof(*nl));
	struct timeval timeout = { .tv_sec = NL_TIMEOUT_S };
	int one = 1, rcvbuf = NL_RCVBUF, fd;

	nl->sock = mnl_socket_open(NETLINK_ROUTE);
	if (!nl->sock)
		goto fail;
	fd = mnl_socket_get_fd(nl->sock);
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
	/* Extended-ack messages, and no copy of our request in errors. */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0)
		goto fail;
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = (unsigned int)time(NULL);
	*out = nl;
	return 0;
fail:
	one = -errno;
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl);
	return one;
}

void bnl_close(struct nl *nl)
{
	if (!nl)
		return;
	mnl_socket_close(nl->sock);
	free(nl->batch);
	free(nl);
}

unsigned int bnl_changes(const struct nl *nl)
{
	return nl->changes;
}

unsigned int bnl_round_trips(const struct nl *nl)
{
	return nl->round_trips;
}

static int ext_ack_cb(const struct nlattr *attr, void *data)
{
	struct nl_error *e = data;

	if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
	    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		snprintf(e->msg, sizeof(e->msg), "%s", mnl_attr_get_str(attr));
	return MNL_CB_OK;
}

/* Reads the acknowledgement of request @seq; fills @e on error. */
static int read_ack(struct nl *nl, unsigned int seq, struct nl_error *e)
{
	const struct nlmsghdr *nlh;
	const struct nlmsgerr *err;
	ssize_t len;

	for (;;) {
		len = recv_answer(nl);
		if (len < 0)
			return e->err = (int)len;
		for (nlh = (const struct nlmsghdr *)nl->buf;
		     mnl_nlmsg_ok(nlh, (int)len);
		     nlh = mnl_nlmsg_next(nlh, (int *)&len)) {
			if (nlh->nlmsg_seq != seq ||
			    nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			err = mnl_nlmsg_get_payload(nlh);
			e->err = err->error;
			if (err->error && (nlh->nlmsg_flags & NLM_F_ACK_TLVS))
				mnl_attr_parse(nlh, sizeof(*err), ext_ack_cb,
					       e);
			return err->error;
		}
	}
}

/* Sends a change request and waits for its acknowledgement. */
static int talk(struct nl *nl, struct nlmsghdr *nlh, struct nl_error *e)
{
	struct nl_error ignored;

	if (!e)
		e = &ignored;
	memset(e, 0, sizeof(*e));
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	nl->changes++;
	if (nl->batching) {
		if (nl->batch_n == NL_BATCH_MAX)
			return e->err = -ENOBUFS;
		nl->batch = xreallocarray(nl->batch,
					  nl->batch_len + nlh->nlmsg_len, 1);
		memcpy(nl->batch + nl->batch_len, nlh, nlh->nlmsg_len);
		nl->batch_len += nlh->nlmsg_len;
		nl->batch_seq[nl->batch_n++] = nlh->nlmsg_seq;
		return 0;
	}
	nl->round_trips++;
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return e->err = -errno;
	return read_ack(nl, nlh->nlmsg_seq, e);
}

void bnl_batch_begin(struct nl *nl)
{
	nl->batching = true;
	nl->batch_len = 0;
	nl->batch_n = 0;
}

static int batch_index(const struct nl *nl, unsigned int seq)
{
	unsigned int i;

	for (i = 0; i < nl->batch_n; i++)
		if (nl->batch_seq[i] == seq)
			return (int)i;
	return -1;
}

int bnl_batch_end(struct nl *nl, struct nl_error *errs)
{
	unsigned int answered = 0, n = nl->batch_n, i;
	const struct nlmsghdr *nlh;
	const struct nlmsgerr *err;
	ssize_t len;
	int idx;

	nl->batching = false;
	for (i = 0; i < n; i++)
		memset(&errs[i], 0, sizeof(errs[i]));
	if (!n)
		return 0;
	nl->round_trips++;
	if (mnl_socket_sendto(nl->sock, nl->batch, nl->batch_len) < 0) {
		for (i = 0; i < n; i++)
			errs[i].err = -errno;
		return -errno;
	}
	/* The kernel answers every request of the batch, in order. */
	while (answered < n) {
		len = recv_answer(nl);
		if (len < 0) {
			for (i = 0; i < n; i++)
				if (!errs[i].err)
					errs[i].err = (int)len;
			return (int)len;
		}
		for (nlh = (const struct nlmsghdr *)nl->buf;
		     mnl_nlmsg_ok(nlh, (int)len);
		     nlh = mnl_nlmsg_next(nlh, (int *)&len)) {
			idx = batch_index(nl, nlh->nlmsg_seq);
			if (idx < 0 || nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			err = mnl_nlmsg_get_payload(nlh);
			errs[idx].err = err->error;
			if (err->error && (nlh->nlmsg_flags & NLM_F_ACK_TLVS))
				mnl_attr_parse(nlh, sizeof(*err), ext_ack_cb,
					       &errs[idx]);
			answered++;
		}
	}
	return 0;
}

static struct nlmsghdr *link_request(char *buf, uint16_t type, uint16_t flags,
				     int ifindex)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifinfomsg *ifi;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = ifindex;
	return nlh;
}

/* --- reading ---------------------------------------------------------- */

static const struct bondopt *opt_by_attr(uint16_t type, bool slave)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (opt->nla_type != BONDOPT_NLA_NONE && opt->nla == type &&
		    !!(opt->flags & BONDOPT_F_SLAVE) == slave)
			return opt;
	}
	return NULL;
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
		switch (opt->kind) {
		case BONDOPT_NESTED:
			read_ad_info(&l->ad, a);
			continue;
		case BONDOPT_IPV4S:
		case BONDOPT_IPV6S:
			read_targets(c, a, opt->kind == BONDOPT_IPV6S);
			break;
		case BONDOPT_MAC:
			if (mnl_attr_get_payload_len(a) < 6)
				continue;
			memcpy(c->ad_actor_system, mnl_attr_get_payload(a), 6);
			break;
		default:
			/* interface names are ifindexes until resolve_names() */
			c->num[id] = attr_num(a, opt->nla_type);
			break;
		}
		c->present |= BONDOPT_BIT(id);
	}
}

static void read_slave(struct link *l, const struct nlattr *data)
{
	struct slave_status *st = &l->slave;
	const struct bondopt *opt;
	const struct nlattr *a;

	l->is_bond_slave = true;
	snprintf(l->slave_opts.name, sizeof(l->slave_opts.name), "%s", l->name);
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
			snprintf(l->kind, sizeof(l->kind), "%s",
				 mnl_attr_get_str(a));
			break;
		case IFLA_INFO_SLAVE_KIND:
			snprintf(l->slave_kind, sizeof(l->slave_kind), "%s",
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
			snprintf(l->name, sizeof(l->name), "%s",
				 mnl_attr_get_str(a));
			break;
		case IFLA_MTU:
			l->mtu = mnl_attr_get_u32(a);
			break;
		case IFLA_MASTER:
			l->master = (int)mnl_attr_get_u32(a);
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

/* The kernel reports primary and active_slave as ifindexes. */
static void resolve_names(struct linkset *ls)
{
	static const enum bondopt_id ids[] = { BONDOPT_PRIMARY,
					       BONDOPT_ACTIVE_SLAVE };
	struct bond_conf *c;
	struct link *dev;
	size_t i, k;

	for (i = 0; i < ls->n; i++) {
		c = ls->v[i].bond;
		if (!c)
			continue;
		snprintf(c->name, sizeof(c->name), "%s", ls->v[i].name);
		for (k = 0; k < 2; k++) {
			char *name = bond_conf_ifname(c, ids[k]);

			if (!bond_conf_has(c, ids[k]))
				continue;
			dev = linkset_find_index(ls, (int)c->num[ids[k]]);
			snprintf(name, IF_NAMESIZE, "%s", dev ? dev->name : "");
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
		snprintf(ls->kernel, sizeof(ls->kernel), "%s", u.release);
		bondopt_kver_parse(u.release, u.version, &ls->kver);
	}
	nlh = link_request(nl->buf, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 0);
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
		len = recv_answer(nl);
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

/* --- changing --------------------------------------------------------- */

static int put_ifindex(struct nlmsghdr *nlh, const struct bondopt *opt,
		       const char *name, const struct linkset *ls,
		       struct nl_error *e)
{
	const struct link *dev = *name ? linkset_find(ls, name) : NULL;

	if (*name && !dev) {
		e->err = -ENODEV;
		snprintf(e->msg, sizeof(e->msg), "%s: no device %s", opt->name,
			 name);
		return -ENODEV;
	}
	mnl_attr_put_u32(nlh, opt->nla, dev ? (uint32_t)dev->ifindex : 0);
	return 0;
}

static void put_num(struct nlmsghdr *nlh, const struct bondopt *opt,
		    int64_t num)
{
	switch (opt->nla_type) {
	case BONDOPT_NLA_U8:
		mnl_attr_put_u8(nlh, opt->nla, (uint8_t)num);
		break;
	case BONDOPT_NLA_U16:
		mnl_attr_put_u16(nlh, opt->nla, (uint16_t)num);
		break;
	default:
		mnl_attr_put_u32(nlh, opt->nla, (uint32_t)num);
		break;
	}
}

static int put_bond_options(struct nlmsghdr *nlh, const struct bond_conf *c,
			    uint64_t opts, const struct linkset *ls,
			    struct nl_error *e)
{
	struct nlattr *nest;
	unsigned int i;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (!(opts & BONDOPT_BIT(id)) ||
		    opt->flags & BONDOPT_F_NOT_BOND_ATTR)
			continue;
		switch (opt->kind) {
		case BONDOPT_IFNAME:
			if (put_ifindex(nlh, opt, bond_conf_ifname_of(c, id),
					ls, e))
				return e->err;
			break;
		case BONDOPT_IPV4S:
			nest = mnl_attr_nest_start(nlh, opt->nla);
			for (i = 0; i < c->n_arp_targets; i++)
				mnl_attr_put(nlh, (uint16_t)i, 4,
					     &c->arp_targets[i]);
			mnl_attr_nest_end(nlh, nest);
			break;
		case BONDOPT_IPV6S:
			nest = mnl_attr_nest_start(nlh, opt->nla);
			for (i = 0; i < c->n_ns_targets; i++)
				mnl_attr_put(nlh, (uint16_t)i, 16,
					     &c->ns_targets[i]);
			mnl_attr_nest_end(nlh, nest);
			break;
		case BONDOPT_MAC:
			mnl_attr_put(nlh, opt->nla, 6, c->ad_actor_system);
			break;
		default:
			put_num(nlh, opt, c->num[id]);
			break;
		}
	}
	return 0;
}

static int bond_request(struct nl *nl, struct nlmsghdr *nlh,
			const struct bond_conf *c, uint64_t opts,
			const struct linkset *ls, struct nl_error *e)
{
	struct nlattr *info, *data;
	int rc;

	info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "bond");
	data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
	rc = put_bond_options(nlh, c, opts, ls, e);
	if (rc)
		return rc;
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, info);
	return talk(nl, nlh, e);
}

int bnl_bond_create(struct nl *nl, const struct bond_conf *c, uint64_t opts,
		    const struct linkset *ls, struct nl_error *e)
{
	struct nlmsghdr *nlh = link_request(nl->buf, RTM_NEWLINK,
					    NLM_F_CREATE | NLM_F_EXCL, 0);

	memset(e, 0, sizeof(*e));
	mnl_attr_put_strz(nlh, IFLA_IFNAME, c->name);
	return bond_request(nl, nlh, c, opts, ls, e);
}

int bnl_bond_change(struct nl *nl, int ifindex, const struct bond_conf *c,
		    uint64_t opts, const struct linkset *ls, struct nl_error *e)
{
	struct nlmsghdr *nlh = link_request(nl->buf, RTM_NEWLINK, 0, ifindex);

	memset(e, 0, sizeof(*e));
	return bond_request(nl, nlh, c, opts, ls, e);
}

int bnl_slave_change(struct nl *nl, int ifindex,
		     const struct bond_slave_conf *s, uint64_t opts,
		     struct nl_error *e)
{
	struct nlmsghdr *nlh = link_request(nl->buf, RTM_NEWLINK, 0, ifindex);
	struct nlattr *info, *data;
	int id;

	info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_SLAVE_KIND, "bond");
	data = mnl_attr_nest_start(nlh, IFLA_INFO_SLAVE_DATA);
	for (id = 0; id < BONDOPT_COUNT; id++)
		if ((opts & BONDOPT_BIT(id)) &&
		    (bondopt_get(id)->flags & BONDOPT_F_SLAVE))
			put_num(nlh, bondopt_get(id), s->num[id]);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, info);
	return talk(nl, nlh, e);
}

int bnl_link_set_master(struct nl *nl, int ifindex, int master,
			struct nl_error *e)
{
	struct nlmsghdr *nlh = link_request(nl->buf, RTM_NEWLINK, 0, ifindex);

	mnl_attr_put_u32(nlh, IFLA_MASTER, (uint32_t)master);
	return talk(nl, nlh, e);
}

int bnl_link_set_up(struct nl *nl, int ifindex, bool up, struct nl_error *e)
{
	struct nlmsghdr *nlh = link_request(nl->buf, RTM_NEWLINK, 0, ifindex);
	struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);

	ifi->ifi_change = IFF_UP;
	ifi->ifi_flags = up ? IFF_UP : 0;
	return talk(nl, nlh, e);
}

int bnl_link_set_mtu(struct nl *nl, int ifindex, unsigned int mtu,
		     struct nl_error *e)
{
	struct nlmsghdr *nlh = link_request(nl->buf, RTM_NEWLINK, 0, ifindex);

	mnl_attr_put_u32(nlh, IFLA_MTU, mtu);
	return talk(nl, nlh, e);
}

int bnl_link_delete(struct nl *nl, int ifindex, struct nl_error *e)
{
	struct nlmsghdr *nlh = link_request(nl->buf, RTM_DELLINK, 0, ifindex);

	return talk(nl, nlh, e);
}

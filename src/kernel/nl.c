// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rtnetlink over libmnl: the socket, batches of requests and their
 * answers, and the requests that create, change, enslave, release and
 * delete; nl-read.c decodes the link dumps. Attribute numbers and types
 * come from the option table, so attributes newer than the build host's
 * headers need nothing here.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

#include "kernel/nl-int.h"
#include "model/xalloc.h"

/* The next message from the kernel: its length, or -errno. */
ssize_t bnl_recv_answer(struct nl *nl)
{
	ssize_t len = mnl_socket_recvfrom(nl->sock, nl->buf, sizeof(nl->buf));

	if (len >= 0)
		return len;
	/* SO_RCVTIMEO ran out: the kernel dropped or never sent an answer */
	return errno == EAGAIN || errno == EWOULDBLOCK ? -ETIMEDOUT : -errno;
}

/* bnl_test_refuse_opened(): what each handle opened from then on refuses */
static unsigned int opened_refuse_at[2];
static int opened_refuse_err[2];
static unsigned int changes_total; /* bnl_test_changes_total() */

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
	memcpy(nl->refuse_at, opened_refuse_at, sizeof(nl->refuse_at));
	memcpy(nl->refuse_err, opened_refuse_err, sizeof(nl->refuse_err));
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
		len = bnl_recv_answer(nl);
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
	int i;

	if (!e)
		e = &ignored;
	memset(e, 0, sizeof(*e));
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	nl->changes++;
	changes_total++;
	for (i = 0; i < 2; i++)
		if (nl->refuse_at[i] == nl->changes) {
			snprintf(e->msg, sizeof(e->msg), "refused by the test");
			return e->err = nl->refuse_err[i];
		}
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

void bnl_test_refuse(struct nl *nl, int slot, unsigned int n, int err)
{
	nl->refuse_at[slot & 1] = n;
	nl->refuse_err[slot & 1] = err;
}

void bnl_test_refuse_opened(int slot, unsigned int n, int err)
{
	opened_refuse_at[slot & 1] = n;
	opened_refuse_err[slot & 1] = err;
}

unsigned int bnl_test_changes_total(void)
{
	return changes_total;
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
		len = bnl_recv_answer(nl);
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

struct nlmsghdr *bnl_link_request(char *buf, uint16_t type, uint16_t flags,
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

/* One function per kind of value: its attribute in a bond request. */
typedef int put_fn(struct nlmsghdr *nlh, const struct bond_conf *c,
		   enum bondopt_id id, const struct linkset *ls,
		   struct nl_error *e);

static int put_name(struct nlmsghdr *nlh, const struct bond_conf *c,
		    enum bondopt_id id, const struct linkset *ls,
		    struct nl_error *e)
{
	return put_ifindex(nlh, bondopt_get(id), bond_conf_ifname_of(c, id), ls,
			   e);
}

static int put_targets(struct nlmsghdr *nlh, const struct bond_conf *c,
		       enum bondopt_id id, const struct linkset *ls,
		       struct nl_error *e)
{
	bool v6 = bondopt_get(id)->kind == BONDOPT_IPV6S;
	struct nlattr *nest = mnl_attr_nest_start(nlh, bondopt_get(id)->nla);
	unsigned int i, n = v6 ? c->n_ns_targets : c->n_arp_targets;

	for (i = 0; i < n; i++)
		mnl_attr_put(nlh, (uint16_t)i, v6 ? 16 : 4,
			     v6 ? (const void *)&c->ns_targets[i] :
				  (const void *)&c->arp_targets[i]);
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

static int put_mac(struct nlmsghdr *nlh, const struct bond_conf *c,
		   enum bondopt_id id, const struct linkset *ls,
		   struct nl_error *e)
{
	mnl_attr_put(nlh, bondopt_get(id)->nla, sizeof(c->ad_actor_system),
		     c->ad_actor_system);
	return 0;
}

static int put_number(struct nlmsghdr *nlh, const struct bond_conf *c,
		      enum bondopt_id id, const struct linkset *ls,
		      struct nl_error *e)
{
	put_num(nlh, bondopt_get(id), c->num[id]);
	return 0;
}

static put_fn *const puts_by_kind[] = {
	[BONDOPT_ENUM] = put_number,   [BONDOPT_BOOL] = put_number,
	[BONDOPT_UINT] = put_number,   [BONDOPT_INT] = put_number,
	[BONDOPT_IFNAME] = put_name,   [BONDOPT_IPV4S] = put_targets,
	[BONDOPT_IPV6S] = put_targets, [BONDOPT_MAC] = put_mac,
	[BONDOPT_NESTED] = NULL, /* read-only */
};

static int put_bond_options(struct nlmsghdr *nlh, const struct bond_conf *c,
			    uint64_t opts, const struct linkset *ls,
			    struct nl_error *e)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (!(opts & BONDOPT_BIT(id)) ||
		    opt->flags & BONDOPT_F_NOT_BOND_ATTR ||
		    !puts_by_kind[opt->kind])
			continue;
		if (puts_by_kind[opt->kind](nlh, c, id, ls, e))
			return e->err;
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
	struct nlmsghdr *nlh = bnl_link_request(nl->buf, RTM_NEWLINK,
						NLM_F_CREATE | NLM_F_EXCL, 0);

	memset(e, 0, sizeof(*e));
	mnl_attr_put_strz(nlh, IFLA_IFNAME, c->name);
	return bond_request(nl, nlh, c, opts, ls, e);
}

int bnl_bond_change(struct nl *nl, int ifindex, const struct bond_conf *c,
		    uint64_t opts, const struct linkset *ls, struct nl_error *e)
{
	struct nlmsghdr *nlh =
		bnl_link_request(nl->buf, RTM_NEWLINK, 0, ifindex);

	memset(e, 0, sizeof(*e));
	return bond_request(nl, nlh, c, opts, ls, e);
}

int bnl_slave_change(struct nl *nl, int ifindex,
		     const struct bond_slave_conf *s, uint64_t opts,
		     struct nl_error *e)
{
	struct nlmsghdr *nlh =
		bnl_link_request(nl->buf, RTM_NEWLINK, 0, ifindex);
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

/* A request of @type for link @ifindex (0: none) with one u32 attribute. */
static int link_u32(struct nl *nl, uint16_t type, int ifindex, uint16_t attr,
		    uint32_t value, struct nl_error *e)
{
	struct nlmsghdr *nlh = bnl_link_request(nl->buf, type, 0, ifindex);

	mnl_attr_put_u32(nlh, attr, value);
	return talk(nl, nlh, e);
}

int bnl_link_set_master(struct nl *nl, int ifindex, int master,
			struct nl_error *e)
{
	return link_u32(nl, RTM_NEWLINK, ifindex, IFLA_MASTER, (uint32_t)master,
			e);
}

int bnl_link_set_up(struct nl *nl, int ifindex, bool up, struct nl_error *e)
{
	struct nlmsghdr *nlh =
		bnl_link_request(nl->buf, RTM_NEWLINK, 0, ifindex);
	struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);

	ifi->ifi_change = IFF_UP;
	ifi->ifi_flags = up ? IFF_UP : 0;
	return talk(nl, nlh, e);
}

int bnl_link_set_mtu(struct nl *nl, int ifindex, unsigned int mtu,
		     struct nl_error *e)
{
	return link_u32(nl, RTM_NEWLINK, ifindex, IFLA_MTU, mtu, e);
}

int bnl_link_delete(struct nl *nl, int ifindex, struct nl_error *e)
{
	struct nlmsghdr *nlh =
		bnl_link_request(nl->buf, RTM_DELLINK, 0, ifindex);

	return talk(nl, nlh, e);
}

int bnl_link_set_group(struct nl *nl, int ifindex, uint32_t group,
		       struct nl_error *e)
{
	return link_u32(nl, RTM_NEWLINK, ifindex, IFLA_GROUP, group, e);
}

int bnl_group_delete(struct nl *nl, uint32_t group, struct nl_error *e)
{
	return link_u32(nl, RTM_DELLINK, 0, IFLA_GROUP, group, e);
}

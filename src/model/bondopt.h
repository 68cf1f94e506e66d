/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel's bonding options as data: one row per bond attribute
 * (IFLA_BOND_*), per settable slave attribute (IFLA_BOND_SLAVE_*) and per
 * module-only parameter. Every reader, writer and command works from this
 * table; option names appear nowhere else.
 */
#ifndef BONDCFG_BONDOPT_H
#define BONDCFG_BONDOPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bond options in kernel attribute order, then slave and module options. */
enum bondopt_id {
	BONDOPT_MODE,
	BONDOPT_ACTIVE_SLAVE,
	BONDOPT_MIIMON,
	BONDOPT_UPDELAY,
	BONDOPT_DOWNDELAY,
	BONDOPT_USE_CARRIER,
	BONDOPT_ARP_INTERVAL,
	BONDOPT_ARP_IP_TARGET,
	BONDOPT_ARP_VALIDATE,
	BONDOPT_ARP_ALL_TARGETS,
	BONDOPT_PRIMARY,
	BONDOPT_PRIMARY_RESELECT,
	BONDOPT_FAIL_OVER_MAC,
	BONDOPT_XMIT_HASH_POLICY,
	BONDOPT_RESEND_IGMP,
	BONDOPT_NUM_PEER_NOTIF,
	BONDOPT_ALL_SLAVES_ACTIVE,
	BONDOPT_MIN_LINKS,
	BONDOPT_LP_INTERVAL,
	BONDOPT_PACKETS_PER_SLAVE,
	BONDOPT_AD_LACP_RATE,
	BONDOPT_AD_SELECT,
	BONDOPT_AD_INFO,
	BONDOPT_AD_ACTOR_SYS_PRIO,
	BONDOPT_AD_USER_PORT_KEY,
	BONDOPT_AD_ACTOR_SYSTEM,
	BONDOPT_TLB_DYNAMIC_LB,
	BONDOPT_PEER_NOTIF_DELAY,
	BONDOPT_AD_LACP_ACTIVE,
	BONDOPT_MISSED_MAX,
	BONDOPT_NS_IP6_TARGET,
	BONDOPT_COUPLED_CONTROL,
	BONDOPT_BROADCAST_NEIGH,
	BONDOPT_LACP_STRICT,
	/* per slave */
	BONDOPT_SLAVE_QUEUE_ID,
	BONDOPT_SLAVE_PRIO,
	BONDOPT_SLAVE_ACTOR_PORT_PRIO,
	/* module parameters only */
	BONDOPT_MAX_BONDS,
	BONDOPT_TX_QUEUES,
	BONDOPT_COUNT
};

/* Bond modes, as the kernel numbers them. */
enum bond_mode {
	BOND_MODE_ROUNDROBIN,
	BOND_MODE_ACTIVEBACKUP,
	BOND_MODE_XOR,
	BOND_MODE_BROADCAST,
	BOND_MODE_8023AD,
	BOND_MODE_TLB,
	BOND_MODE_ALB,
	BOND_MODE_COUNT
};

#define BOND_MODE_BIT(m) (1u << (m))
#define BOND_MODES_ALL ((1u << BOND_MODE_COUNT) - 1)

/* The options that name an interface (BONDOPT_IFNAME). */
#define BONDOPT_IFNAMES 2

/* The kernel's limit on ARP and NS targets. */
#define BOND_MAX_TARGETS 16

enum bondopt_kind {
	BONDOPT_ENUM, /* named values; numbers of those names accepted */
	BONDOPT_BOOL, /* 0 or 1 (also off, on) */
	BONDOPT_UINT, /* a number in [min, max] */
	BONDOPT_INT, /* a signed 32-bit number */
	BONDOPT_IFNAME, /* an interface name; empty clears */
	BONDOPT_IPV4S, /* up to BOND_MAX_TARGETS IPv4 addresses */
	BONDOPT_IPV6S, /* up to BOND_MAX_TARGETS IPv6 addresses */
	BONDOPT_MAC, /* an Ethernet address */
	BONDOPT_NESTED, /* read-only nested attribute */
};

/* The netlink attribute's type. */
enum bondopt_nla {
	BONDOPT_NLA_NONE, /* module parameter, no attribute */
	BONDOPT_NLA_U8,
	BONDOPT_NLA_U16,
	BONDOPT_NLA_U32,
	BONDOPT_NLA_S32,
	BONDOPT_NLA_BINARY,
	BONDOPT_NLA_NESTED,
};

enum bondopt_flags {
	BONDOPT_F_DOWN = 1u << 0, /* the bond must be down (EBUSY) */
	BONDOPT_F_NOSLAVES = 1u << 1, /* the bond must have no slaves */
	BONDOPT_F_NLONLY = 1u << 2, /* no sysfs file: netlink only */
	BONDOPT_F_SLAVE = 1u << 3, /* a per-slave option */
	BONDOPT_F_READONLY = 1u << 4, /* reported by the kernel, not set */
	BONDOPT_F_MODPARAM = 1u << 5, /* also a module parameter */
	BONDOPT_F_MODONLY = 1u << 6, /* only a module parameter */
	BONDOPT_F_NODEFAULT = 1u << 7, /* the kernel refuses "default" */
	BONDOPT_F_LIST = 1u << 8, /* repeated keys add to the value */
	/* the kernel accepts it in any mode; it only acts in @modes */
	BONDOPT_F_SOFTMODES = 1u << 9,
	BONDOPT_F_NEEDS_MIIMON = 1u << 10, /* EPERM while miimon is 0 */
	/* names a slave: set once the slaves are enslaved */
	BONDOPT_F_NAMES_SLAVE = 1u << 11,
	/* the kernel keeps a name that is no slave yet, until it is one */
	BONDOPT_F_PENDING = 1u << 12,
	/*
	 * The switch sees it: a value that cannot be read refuses the whole
	 * bond at boot, where another option's bad value only leaves that
	 * option out (a bond in the wrong mode can disturb the switch).
	 */
	BONDOPT_F_SWITCH = 1u << 13,
	/* ifupdown2 reads it as a boolean: yes, on, fast are 1; no, off, slow 0 */
	BONDOPT_F_IFUPDOWN2_BOOL = 1u << 14,
	/*
	 * The driver changes it by itself (a failover): a live value that
	 * differs from the files' is no drift
	 */
	BONDOPT_F_STATE = 1u << 15,
	/*
	 * NetworkManager refuses it without arp_interval (its verify()),
	 * where the kernel takes it and does nothing with it
	 */
	BONDOPT_F_NM_NEEDS_ARP = 1u << 16,
	/* ifupdown2 (3.0)'s bond addon sets it; it ignores the other bond- keys */
	BONDOPT_F_IFUPDOWN2 = 1u << 17,
};

/* Options that no request to a bond carries. */
#define BONDOPT_F_NOT_BOND_ATTR \
	(BONDOPT_F_SLAVE | BONDOPT_F_MODONLY | BONDOPT_F_READONLY)

/*
 * A kernel release: the mainline major.minor that first had a feature, or
 * a stable series (major.minor) and its first sublevel that has it.
 */
struct bondopt_kver {
	unsigned short major, minor, sub;
};

#define BONDOPT_MAX_BACKPORTS 3

/* nm_since of an option no NetworkManager release takes */
#define BONDOPT_NM_NEVER 0xffff

struct bondopt_value {
	const char *name;
	uint32_t value;
	struct bondopt_kver since; /* first mainline kernel with it; 0: any */
};

/* How systemd-networkd writes an option in systemd.netdev(5)'s [Bond]. */
enum bondopt_nd_form {
	BONDOPT_ND_NONE, /* networkd has no key for it */
	BONDOPT_ND_NAME, /* the value's name */
	BONDOPT_ND_NUM,
	BONDOPT_ND_BOOL, /* yes or no */
	BONDOPT_ND_MSEC, /* milliseconds: "100ms" */
	BONDOPT_ND_SEC, /* seconds: "1s" */
	BONDOPT_ND_LIST, /* addresses separated by blanks */
	BONDOPT_ND_TEXT, /* as written */
	BONDOPT_ND_SLAVE, /* KEY=yes in the named slave's .network */
};

struct bondopt_networkd {
	const char *key; /* NULL: networkd has no key for the option */
	enum bondopt_nd_form form;
	const char *const *values; /* the names networkd takes; NULL: all */
};

struct bondopt {
	const char *name;
	const char *const *aliases; /* NULL-terminated, or NULL */
	uint16_t nla; /* IFLA_BOND_* or IFLA_BOND_SLAVE_* number */
	enum bondopt_nla nla_type;
	enum bondopt_kind kind;
	const struct bondopt_value *values; /* BONDOPT_ENUM, in kernel order */
	size_t nvalues;
	int64_t min, max; /* BONDOPT_UINT and BONDOPT_INT */
	int64_t def; /* a new bond's value (numeric kinds) */
	uint32_t modes; /* BOND_MODE_BIT()s where it is valid */
	uint32_t flags;
	const char *unit; /* "ms", "s" or NULL */
	const char *ip_name; /* iproute2's keyword, where not @name */
	struct bondopt_networkd networkd; /* its [Bond] key */
	const char *ifcfg_port; /* a slave's ifcfg key (BOND_PORT_*), or NULL */
	const char *nmcli_port; /* nmcli's bond-port property, or NULL */
	/*
	 * The first NetworkManager release that takes it (in bond.options, or
	 * as @nmcli_port); 0.0 for every release convert writes for (1.30
	 * on), BONDOPT_NM_NEVER for none
	 */
	struct bondopt_kver nm_since;
	/* ifupdown2's other keys for it (bond-ad-sys-priority), or NULL */
	const char *const *ifupdown2;
	unsigned int slot; /* BONDOPT_IFNAME: its name buffer in a bond_conf */
	const char *summary;
	struct bondopt_kver since; /* first mainline kernel with it; 0: any */
	/* older stable series that have it, from the sublevel given */
	struct bondopt_kver backports[BONDOPT_MAX_BACKPORTS];
};

extern const struct bondopt bondopt_table[BONDOPT_COUNT];

static inline const struct bondopt *bondopt_get(enum bondopt_id id)
{
	return &bondopt_table[id];
}

/* The option called @name (canonical name or alias, exact match), or NULL. */
const struct bondopt *bondopt_find(const char *name, size_t len);
/*
 * The option whose netlink attribute is number @type: of a slave
 * (IFLA_BOND_SLAVE_*) with @slave, else of a bond (IFLA_BOND_*); or NULL.
 */
const struct bondopt *bondopt_by_nla(uint16_t type, bool slave);

/* Whether @opt's value is a number in bond_conf's num[] (enum, bool, int). */
static inline bool bondopt_numeric(const struct bondopt *opt)
{
	return opt->kind == BONDOPT_ENUM || opt->kind == BONDOPT_BOOL ||
	       opt->kind == BONDOPT_UINT || opt->kind == BONDOPT_INT;
}

static inline enum bondopt_id bondopt_id(const struct bondopt *opt)
{
	return (enum bondopt_id)(opt - bondopt_table);
}

/* BONDOPT_BIT()s of the options with any of @flags. */
uint64_t bondopt_with_flags(uint32_t flags);

/*
 * BONDOPT_BIT()s of the options the kernel takes in mode @mode: those
 * valid there, and those it accepts in any mode (BONDOPT_F_SOFTMODES).
 * It refuses the others with EACCES.
 */
uint64_t bondopt_in_mode(unsigned int mode);

/* The option name nearest to @name, for "did you mean", or NULL. */
const char *bondopt_suggest(const char *name);

/* The value name of @num for an enum option, or NULL. */
const char *bondopt_value_name(const struct bondopt *opt, uint32_t num);

/* The value called @name (exact), or NULL. */
const struct bondopt_value *bondopt_value_find(const struct bondopt *opt,
					       const char *name);

/* The value name nearest to @name, for "did you mean", or NULL. */
const char *bondopt_value_suggest(const struct bondopt *opt, const char *name);

/* The mode's name ("802.3ad"). */
const char *bondopt_mode_name(unsigned int mode);

/* Writes the names of the modes in @modes, "a, b or c", into @buf. */
void bondopt_modes_format(uint32_t modes, char *buf, size_t size);

/* The same as "a, b and c". */
void bondopt_modes_format_all(uint32_t modes, char *buf, size_t size);

/*
 * The running kernel's release from uname(2)'s @release ("6.1.0-50-amd64")
 * and @version ("#1 SMP ... Debian 6.1.176-1 (...)"): distributions that
 * keep the sublevel out of the release (Debian's ABI names) give it in the
 * version. Another distribution's ABI name (5.14.0-427.el9) leaves @k
 * unknown (major 0), as such kernels carry options of later releases.
 * Returns 0, or -EINVAL when @release has no major.minor.
 */
int bondopt_kver_parse(const char *release, const char *version,
		       struct bondopt_kver *k);

/*
 * Whether kernel @k lacks option @opt, or its value @value (an enum's
 * number, or -1 for none). Returns the release that @opt (or the value)
 * needs, or NULL when @k has it or is unknown (major 0).
 */
const struct bondopt_kver *bondopt_kernel_lacks(const struct bondopt *opt,
						int64_t value,
						const struct bondopt_kver *k);

/* "6.9", or "6.9 (6.1.149, 6.6.103 in those series)" with the backports. */
void bondopt_kver_format(const struct bondopt *opt, char *buf, size_t size);

/* Edit distance (insertions, deletions, substitutions, transpositions). */
unsigned int bondopt_distance(const char *a, const char *b);

#endif

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/net/bonding/BOND read for what rtnetlink lacks (kernel/procbond.h):
 * churn state and counts, each port's actor and partner details, by the
 * labels of drivers/net/bonding/bond_procfs.c; the bond's own lines and
 * unknown lines skipped; an older file without churn lines.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "kernel/procbond.h"
#include "tap.h"

static const char text[] =
	"Ethernet Channel Bonding Driver: v6.1.0\n"
	"\n"
	"Bonding Mode: IEEE 802.3ad Dynamic link aggregation\n"
	"MII Status: up\n"
	"\n"
	"802.3ad info\n"
	"LACP active: on\n"
	"LACP rate: fast\n"
	"System priority: 65535\n"
	"System MAC address: 02:00:00:00:00:01\n"
	"Active Aggregator Info:\n"
	"\tAggregator ID: 1\n"
	"\tPartner Mac Address: 02:00:00:00:00:99\n"
	"\n"
	"Slave Interface: e1\n"
	"MII Status: up\n"
	"Aggregator ID: 1\n"
	"Actor Churn State: none\n"
	"Partner Churn State: monitoring\n"
	"Actor Churned Count: 0\n"
	"Partner Churned Count: 3\n"
	"details actor lacp pdu:\n"
	"    system priority: 65535\n"
	"    system mac address: 02:00:00:00:00:01\n"
	"    port key: 15\n"
	"    port priority: 255\n"
	"    port number: 1\n"
	"    port state: 63\n"
	"details partner lacp pdu:\n"
	"    system priority: 65535\n"
	"    system mac address: 02:00:00:00:00:99\n"
	"    oper key: 15\n"
	"    port priority: 255\n"
	"    port number: 2\n"
	"    port state: 61\n"
	"\n"
	"Slave Interface: e2\n"
	"MII Status: down\n"
	"Some Future Line: 7\n"
	"Actor Churn State: churned\n"
	"Partner Churn State: churned\n"
	"Actor Churned Count: 1\n"
	"Partner Churned Count: 2\n"
	"details partner lacp pdu:\n"
	"    system mac address: 00:00:00:00:00:00\n"
	"    oper key: 1\n"
	"    port state: 1\n";

static const uint8_t partner[6] = { 2, 0, 0, 0, 0, 0x99 };

/* A file larger than the first read buffer, under a /proc of our own. */
static void read_large(void)
{
	char dir[] = "/tmp/test-procbond-XXXXXX", path[128];
	struct procbond pb;
	FILE *f;
	int i;

	if (!mkdtemp(dir)) {
		tap_ok(0, "a temporary folder");
		return;
	}
	snprintf(path, sizeof(path), "%s/net", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/net/bonding", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/net/bonding/bx", dir);
	f = fopen(path, "w");
	for (i = 0; f && i < 200; i++)
		fprintf(f, "Slave Interface: s%d\n%s\n", i, text);
	if (f)
		fclose(f);
	tap_is_int(procbond_read(dir, "bx", &pb), 0,
		   "a file of 200 slaves' details is read");
	/* each block of @text names e1 and e2 after the slave */
	tap_is_int(pb.n_slaves, 600,
		   "every slave of it, past the first 16 KiB");
	tap_ok(!strcmp(pb.slaves[597].name, "s199"),
	       "the last block's own slave");
	procbond_free(&pb);
	unlink(path);
	snprintf(path, sizeof(path), "%s/net/bonding", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/net", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	const struct procbond_slave *s;
	struct procbond pb = { 0 };

	procbond_parse(text, &pb);
	tap_is_int(pb.n_slaves, 2, "two slaves");
	s = procbond_slave(&pb, "e1");
	tap_ok(s && s->actor_churn == PROCBOND_CHURN_NONE &&
		       s->partner_churn == PROCBOND_CHURN_MONITORING,
	       "e1: churn states none and monitoring");
	tap_ok(s && s->has_churned_counts && s->actor_churned == 0 &&
		       s->partner_churned == 3,
	       "e1: churned counts");
	tap_ok(s && s->actor.present && s->actor.key == 15 &&
		       s->actor.port == 1 && s->actor.state == 63,
	       "e1: the actor's details");
	tap_ok(s && s->partner.present && s->partner.key == 15 &&
		       s->partner.state == 61 &&
		       !memcmp(s->partner.system, partner, 6),
	       "e1: the partner's system and oper key");
	s = procbond_slave(&pb, "e2");
	tap_ok(s && s->actor_churn == PROCBOND_CHURN_CHURNED &&
		       s->partner_churned == 2 && !s->actor.present &&
		       s->partner.present && s->partner.key == 1 &&
		       s->partner.system[5] == 0,
	       "e2: churned, a partner of zeros, no actor details, an unknown line skipped");
	tap_ok(!procbond_slave(&pb, "e3"), "no e3");
	tap_ok(!strcmp(procbond_churn_name(PROCBOND_CHURN_CHURNED), "churned"),
	       "churn names");
	procbond_free(&pb);

	procbond_parse(
		"Slave Interface: eth0\nMII Status: up\nAggregator ID: 2\n",
		&pb);
	s = procbond_slave(&pb, "eth0");
	tap_ok(s && s->actor_churn == PROCBOND_CHURN_UNKNOWN &&
		       !s->has_churned_counts && !s->partner.present,
	       "an older file without churn lines: unknown, not none");
	procbond_free(&pb);
	tap_is_int(procbond_read(NULL, "../etc", &pb), -EINVAL,
		   "a name with a slash is refused, not opened");
	tap_is_int(procbond_read(NULL, "bcfg-none9", &pb), -ENOENT,
		   "no such bond: -ENOENT");
	read_large();
	return tap_done();
}

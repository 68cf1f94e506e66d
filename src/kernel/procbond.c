// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/net/bonding/BOND read for what rtnetlink lacks: the lines of
 * drivers/net/bonding/bond_procfs.c after each "Slave Interface:", by
 * their labels; unknown lines are skipped, so that older and newer
 * kernels read alike.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernel/procbond.h"
#include "model/xalloc.h"

/* A file this long holds more slaves than a bond can have. */
#define PROCBOND_MAX (1024 * 1024)

static enum procbond_churn churn(const char *v)
{
	if (!strcmp(v, "none"))
		return PROCBOND_CHURN_NONE;
	if (!strcmp(v, "monitoring"))
		return PROCBOND_CHURN_MONITORING;
	if (!strcmp(v, "churned"))
		return PROCBOND_CHURN_CHURNED;
	return PROCBOND_CHURN_UNKNOWN;
}

const char *procbond_churn_name(enum procbond_churn c)
{
	static const char *const names[] = { "unknown", "none", "monitoring",
					     "churned" };

	return c <= PROCBOND_CHURN_CHURNED ? names[c] : "unknown";
}

static unsigned long num(const char *v)
{
	return strtoul(v, NULL, 10);
}

static void mac(const char *v, uint8_t out[6])
{
	unsigned int b[6];
	int i;

	if (sscanf(v, "%2x:%2x:%2x:%2x:%2x:%2x", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5]) != 6)
		return;
	for (i = 0; i < 6; i++)
		out[i] = (uint8_t)b[i];
}

static void lacp_line(struct procbond_lacp *l, const char *key, const char *v)
{
	l->present = true;
	if (!strcmp(key, "system priority"))
		l->system_priority = (uint16_t)num(v);
	else if (!strcmp(key, "system mac address"))
		mac(v, l->system);
	else if (!strcmp(key, "port key") || !strcmp(key, "oper key"))
		l->key = (uint16_t)num(v);
	else if (!strcmp(key, "port priority"))
		l->port_priority = (uint16_t)num(v);
	else if (!strcmp(key, "port number"))
		l->port = (uint16_t)num(v);
	else if (!strcmp(key, "port state"))
		l->state = (uint8_t)num(v);
}

static void slave_line(struct procbond_slave *s, struct procbond_lacp **details,
		       const char *key, const char *v)
{
	if (!strcmp(key, "Actor Churn State")) {
		s->actor_churn = churn(v);
	} else if (!strcmp(key, "Partner Churn State")) {
		s->partner_churn = churn(v);
	} else if (!strcmp(key, "Actor Churned Count")) {
		s->actor_churned = (uint32_t)num(v);
		s->has_churned_counts = true;
	} else if (!strcmp(key, "Partner Churned Count")) {
		s->partner_churned = (uint32_t)num(v);
		s->has_churned_counts = true;
	} else if (!strcmp(key, "details actor lacp pdu")) {
		*details = &s->actor;
	} else if (!strcmp(key, "details partner lacp pdu")) {
		*details = &s->partner;
	} else if (*details) {
		lacp_line(*details, key, v);
	}
}

void procbond_parse(const char *text, struct procbond *pb)
{
	struct procbond_lacp *details = NULL;
	struct procbond_slave *s = NULL;
	const char *line = text, *end;
	char buf[256], *colon, *key, *v;
	size_t len;

	for (; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		len = (size_t)(end - line);
		if (len >= sizeof(buf))
			continue;
		memcpy(buf, line, len);
		buf[len] = '\0';
		colon = strchr(buf, ':');
		if (!colon)
			continue;
		*colon = '\0';
		for (key = buf; *key == ' ' || *key == '\t'; key++)
			;
		for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
			;
		if (!strcmp(key, "Slave Interface")) {
			pb->slaves = xreallocarray(pb->slaves, pb->n_slaves + 1,
						   sizeof(*pb->slaves));
			s = &pb->slaves[pb->n_slaves++];
			memset(s, 0, sizeof(*s));
			snprintf(s->name, sizeof(s->name), "%s", v);
			details = NULL;
		} else if (s) {
			slave_line(s, &details, key, v);
		}
	}
}

int procbond_read(const char *proc, const char *bond, struct procbond *pb)
{
	size_t len = 0, cap = 16384;
	char *text;
	ssize_t n;
	int fd, err;

	memset(pb, 0, sizeof(*pb));
	if (!*bond || strchr(bond, '/') || !strcmp(bond, ".") ||
	    !strcmp(bond, ".."))
		return -EINVAL;
	snprintf(pb->path, sizeof(pb->path), "%s/net/bonding/%s",
		 proc ? proc : "/proc", bond);
	fd = open(pb->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	/* a few KiB per slave: grown as needed, up to PROCBOND_MAX */
	text = xreallocarray(NULL, cap + 1, 1);
	for (;;) {
		if (len == cap && cap < PROCBOND_MAX) {
			cap *= 2;
			text = xreallocarray(text, cap + 1, 1);
		}
		n = len < cap ? read(fd, text + len, cap - len) : 0;
		if (n > 0)
			len += (size_t)n;
		else if (!(n < 0 && errno == EINTR))
			break;
	}
	err = n < 0 ? -errno : 0;
	close(fd);
	text[len] = '\0';
	if (!err)
		procbond_parse(text, pb);
	free(text);
	return err;
}

const struct procbond_slave *procbond_slave(const struct procbond *pb,
					    const char *name)
{
	size_t i;

	for (i = 0; i < pb->n_slaves; i++)
		if (!strcmp(pb->slaves[i].name, name))
			return &pb->slaves[i];
	return NULL;
}

void procbond_free(struct procbond *pb)
{
	free(pb->slaves);
	pb->slaves = NULL;
	pb->n_slaves = 0;
}

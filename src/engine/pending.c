// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The change waiting to be confirmed, and the state the links it touches
 * had before it: saved from the links read before the change, written to
 * and read from <run dir>/pending.
 *
 *   bondcfg-pending 1
 *   id 1765012345-4242
 *   made 1765012345
 *   deadline 1765012465 8123
 *   watchdog 4243 812345
 *   check 192.0.2.1
 *   state waiting
 *   command bondcfg apply --confirm=120 bond0
 *   bond bond0 up mtu 1500 slaves eth0,eth1
 *   options bond0 mode=active-backup miimon=100 ...
 *   link eth2 up mtu 1500 master -
 *   link bond1 absent
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine/pending.h"
#include "engine/runlock.h"
#include "model/optstr.h"
#include "model/xalloc.h"

#define PENDING_MAX_SIZE (1024 * 1024)

void pending_init(struct pending *p)
{
	memset(p, 0, sizeof(*p));
}

void pending_free(struct pending *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].bond) {
			bond_conf_free(p->v[i].bond);
			free(p->v[i].bond);
		}
	free(p->v);
	pending_init(p);
}

const struct saved_link *pending_find(const struct pending *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].name, name))
			return &p->v[i];
	return NULL;
}

static struct saved_link *add(struct pending *p, const char *name)
{
	struct saved_link *s;

	p->v = xreallocarray(p->v, p->n + 1, sizeof(*p->v));
	s = &p->v[p->n++];
	memset(s, 0, sizeof(*s));
	snprintf(s->name, sizeof(s->name), "%s", name);
	return s;
}

void pending_add_link(struct pending *p, const struct linkset *ls,
		      const char *name)
{
	const struct link *l, *m;
	struct saved_link *s;

	if (!*name || pending_find(p, name))
		return;
	s = add(p, name);
	l = linkset_find(ls, name);
	if (!l)
		return;
	s->present = true;
	s->up = l->flags & IFF_UP;
	s->mtu = l->mtu;
	m = l->master ? linkset_find_index(ls, l->master) : NULL;
	if (m && m->is_bond)
		snprintf(s->master, sizeof(s->master), "%s", m->name);
	if (l->is_bond && l->bond) {
		s->bond = xcalloc(1, sizeof(*s->bond));
		bond_conf_copy(s->bond, l->bond);
	}
}

void pending_add_plan(struct pending *p, const struct linkset *ls,
		      const struct plan *pl)
{
	size_t i, k;

	for (i = 0; i < pl->n; i++) {
		const struct step *s = &pl->v[i];
		const struct link *b = linkset_find(ls, s->bond);

		pending_add_link(p, ls, s->bond);
		pending_add_link(p, ls, s->dev);
		pending_add_link(p, ls, s->from);
		/* a bond's slaves follow its MTU, its MAC address, its mode */
		for (k = 0; b && b->bond && k < b->bond->n_slaves; k++)
			pending_add_link(p, ls, b->bond->slaves[k].name);
	}
}

/* --- the file ------------------------------------------------------------- */

struct text {
	char *s;
	size_t len;
};

__attribute__((format(printf, 2, 3))) static void put(struct text *t,
						      const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	t->s = xreallocarray(t->s, t->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

char *pending_format(const struct pending *p)
{
	struct text t = { xstrdup(""), 0 };
	size_t i, k;

	put(&t, "bondcfg-pending 1\nid %s\nmade %lld\ndeadline %lld %lld\n",
	    p->id, p->made, p->deadline, p->deadline_boot);
	put(&t, "watchdog %ld %llu\n", (long)p->watchdog, p->watchdog_start);
	if (*p->check)
		put(&t, "check %s\n", p->check);
	put(&t, "state %s\n",
	    p->state == PENDING_FAILED ? "failed" : "waiting");
	/* one line: what a command line holds past its end is cut */
	put(&t, "command %.*s\n", (int)strcspn(p->command, "\n"), p->command);
	for (i = 0; i < p->n; i++) {
		const struct saved_link *s = &p->v[i];
		char *opts;

		if (!s->present) {
			put(&t, "link %s absent\n", s->name);
			continue;
		}
		if (!s->bond) {
			put(&t, "link %s %s mtu %u master %s\n", s->name,
			    s->up ? "up" : "down", s->mtu,
			    *s->master ? s->master : "-");
			continue;
		}
		put(&t, "bond %s %s mtu %u slaves ", s->name,
		    s->up ? "up" : "down", s->mtu);
		for (k = 0; k < s->bond->n_slaves; k++)
			put(&t, "%s%s", k ? "," : "", s->bond->slaves[k].name);
		put(&t, "%s\n", s->bond->n_slaves ? "" : "-");
		opts = bond_conf_format(s->bond);
		put(&t, "options %s %s\n", s->name, opts);
		free(opts);
	}
	return t.s;
}

/* Whether @word is a link name as the file keeps it. */
static bool link_name(const char *word)
{
	return *word && strlen(word) < IF_NAMESIZE && !strpbrk(word, "/,");
}

static int parse_link(struct pending *p, char *rest, bool bond)
{
	char name[IF_NAMESIZE + 1], state[8], other[600];
	struct saved_link *s;
	unsigned int mtu;
	char *save = NULL, *dev;

	if (sscanf(rest, "%16s %7s", name, state) == 2 && !bond &&
	    !strcmp(state, "absent") && link_name(name)) {
		if (pending_find(p, name))
			return -EINVAL;
		add(p, name);
		return 0;
	}
	if (sscanf(rest,
		   bond ? "%16s %7s mtu %u slaves %599s" :
			  "%16s %7s mtu %u master %16s",
		   name, state, &mtu, other) != 4 ||
	    !link_name(name) || pending_find(p, name) ||
	    (strcmp(state, "up") && strcmp(state, "down")))
		return -EINVAL;
	s = add(p, name);
	s->present = true;
	s->up = !strcmp(state, "up");
	s->mtu = mtu;
	if (!bond) {
		if (strcmp(other, "-") && !link_name(other))
			return -EINVAL;
		if (strcmp(other, "-"))
			snprintf(s->master, sizeof(s->master), "%.*s",
				 IF_NAMESIZE - 1, other);
		return 0;
	}
	s->bond = xcalloc(1, sizeof(*s->bond));
	bond_conf_init(s->bond, name);
	if (!strcmp(other, "-"))
		return 0;
	for (dev = strtok_r(other, ",", &save); dev;
	     dev = strtok_r(NULL, ",", &save)) {
		if (!link_name(dev))
			return -EINVAL;
		bond_conf_add_member(s->bond, dev, NULL);
	}
	return 0;
}

static int parse_options(struct pending *p, char *rest, struct diags *d)
{
	size_t len = strcspn(rest, " ");
	struct saved_link *s;
	size_t i;

	for (i = 0, s = NULL; i < p->n; i++)
		if (strlen(p->v[i].name) == len &&
		    !strncmp(p->v[i].name, rest, len))
			s = &p->v[i];
	if (!s || !s->bond || s->bond->present)
		return -EINVAL;
	return optstr_parse(s->bond, rest + len + (rest[len] == ' '),
			    OPTSTR_BONDING_OPTS, NULL, d) ?
		       -EINVAL :
		       0;
}

static int parse_line(struct pending *p, char *line, struct diags *d)
{
	char *rest = strchr(line, ' ');
	long pid;

	if (!rest)
		return -EINVAL;
	*rest++ = '\0';
	if (!strcmp(line, "bondcfg-pending"))
		return strcmp(rest, "1") ? -EINVAL : 0;
	if (!strcmp(line, "id"))
		return snprintf(p->id, sizeof(p->id), "%s", rest) >=
				       (int)sizeof(p->id) ?
			       -EINVAL :
			       0;
	if (!strcmp(line, "made"))
		return sscanf(rest, "%lld", &p->made) == 1 ? 0 : -EINVAL;
	if (!strcmp(line, "deadline"))
		return sscanf(rest, "%lld %lld", &p->deadline,
			      &p->deadline_boot) == 2 ?
			       0 :
			       -EINVAL;
	if (!strcmp(line, "watchdog")) {
		if (sscanf(rest, "%ld %llu", &pid, &p->watchdog_start) != 2 ||
		    pid < 0)
			return -EINVAL;
		p->watchdog = (pid_t)pid;
		return 0;
	}
	if (!strcmp(line, "check"))
		return snprintf(p->check, sizeof(p->check), "%s", rest) >=
				       (int)sizeof(p->check) ?
			       -EINVAL :
			       0;
	if (!strcmp(line, "state")) {
		if (strcmp(rest, "waiting") && strcmp(rest, "failed"))
			return -EINVAL;
		p->state = strcmp(rest, "failed") ? PENDING_WAITING :
						    PENDING_FAILED;
		return 0;
	}
	if (!strcmp(line, "command")) {
		snprintf(p->command, sizeof(p->command), "%s", rest);
		return 0;
	}
	if (!strcmp(line, "link") || !strcmp(line, "bond"))
		return parse_link(p, rest, *line == 'b');
	if (!strcmp(line, "options"))
		return parse_options(p, rest, d);
	return -EINVAL;
}

int pending_parse(struct pending *p, const char *text, struct diags *d)
{
	char *buf = xstrdup(text), *line, *eol;
	unsigned int lineno = 0;
	int rc = 0;

	for (line = buf, eol = buf; eol && !rc; line = eol + 1) {
		eol = strchr(line, '\n');
		if (eol)
			*eol = '\0';
		lineno++;
		if (*line)
			rc = parse_line(p, line, d);
	}
	if (!rc && (!*p->id || !p->deadline_boot))
		rc = -EINVAL;
	if (rc)
		diags_add(
			d, DIAG_ERROR, NULL,
			"%s/%s: line %u cannot be read: the saved state is damaged; remove the file once the links are as they should be",
			runlock_dir(), PENDING_FILE, lineno);
	free(buf);
	return rc;
}

int pending_write(const struct pending *p)
{
	char *text = pending_format(p);
	int rc = runlock_replace(PENDING_FILE, text, strlen(text));

	free(text);
	return rc;
}

int pending_read(struct pending *p, struct diags *d)
{
	struct stat st;
	char *buf;
	ssize_t len;
	int fd = runlock_open(PENDING_FILE, O_RDONLY, PENDING_MAX_SIZE), rc;

	if (fd < 0)
		return fd;
	len = fstat(fd, &st) ? 0 : (ssize_t)st.st_size;
	buf = xcalloc((size_t)len + 1, 1);
	len = len ? read(fd, buf, (size_t)len) : 0;
	rc = len < 0 ? -errno : 0;
	close(fd);
	if (!rc)
		rc = pending_parse(p, buf, d);
	free(buf);
	return rc;
}

int pending_remove(void)
{
	return runlock_remove(PENDING_FILE);
}

long long pending_boot_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (long long)ts.tv_sec;
}

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The formats' table: each format's names, reader and writer; reading a
 * host's configuration with them, and writing it.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/formats.h"
#include "formats/readers.h"
#include "formats/writers.h"
#include "model/xalloc.h"

static bool ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);

	return a >= b && !strcmp(s + a - b, end);
}

static const char *base_name(const char *path)
{
	const char *base = strrchr(path, '/');

	return base ? base + 1 : path;
}

static bool names_ifcfg(const char *path)
{
	return !strncmp(base_name(path), "ifcfg-", 6);
}

static bool names_interfaces(const char *path)
{
	return !strcmp(base_name(path), "interfaces") ||
	       strstr(path, "interfaces.d/");
}

static bool names_confd(const char *path)
{
	return ends_with(path, "conf.d/net") || !strcmp(path, "net");
}

static bool names_modprobe(const char *path)
{
	return ends_with(base_name(path), ".conf") ||
	       strstr(path, "modprobe.d/");
}

/* In the order a file's name is tried against them. */
const struct format formats_table[] = {
	{ .name = "ifcfg",
	  .flags = FORMAT_READ | FORMAT_WRITE | FORMAT_UPPERS,
	  .host = HOST_IFCFG,
	  .read_host = ifcfg_read_host,
	  .read_files = ifcfg_read_files,
	  .names_file = names_ifcfg,
	  .write = ifcfg_write },
	{ .name = "interfaces",
	  .flags = FORMAT_READ | FORMAT_WRITE | FORMAT_UPPERS,
	  .host = HOST_INTERFACES,
	  .read_host = interfaces_read_host,
	  .read_file = interfaces_read_file,
	  .names_file = names_interfaces,
	  .write = iface_write,
	  .out = "/etc/network/interfaces" },
	{ .name = "confd",
	  .flags = FORMAT_READ | FORMAT_WRITE | FORMAT_UPPERS,
	  .host = HOST_CONFD,
	  .read_host = confd_read_host,
	  .read_file = confd_read_file,
	  .names_file = names_confd,
	  .write = confd_write,
	  .out = "/etc/conf.d/net",
	  .write_after = confd_write_links },
	{ .name = "modprobe",
	  .flags = FORMAT_READ,
	  .host = HOST_MODPROBE,
	  .read_host = modprobe_read_host,
	  .read_files = modprobe_read_files,
	  .names_file = names_modprobe },
	{ .name = "networkd",
	  .flags = FORMAT_WRITE | FORMAT_UPPERS,
	  .write = networkd_write },
	{ .name = "nmcli",
	  .flags = FORMAT_WRITE | FORMAT_COMMANDS | FORMAT_UPPERS,
	  .write = nmcli_write,
	  .out = "-" },
	{ .name = "ip", .flags = FORMAT_WRITE | FORMAT_COMMANDS },
};

const size_t formats_count = sizeof(formats_table) / sizeof(formats_table[0]);

const struct format *formats_find(const char *name, unsigned int flags)
{
	size_t i;

	for (i = 0; i < formats_count; i++) {
		const struct format *f = &formats_table[i];

		if (!(f->flags & flags))
			continue;
		if (!strcmp(name, f->name) ||
		    ((f->flags & FORMAT_READ) &&
		     !strcmp(name, host_format_name(f->host))))
			return f;
	}
	return NULL;
}

const struct format *formats_of_host(enum host_format h)
{
	size_t i;

	for (i = 0; i < formats_count; i++)
		if ((formats_table[i].flags & FORMAT_READ) &&
		    formats_table[i].host == h)
			return &formats_table[i];
	return NULL;
}

const struct format *formats_of_path(const char *path)
{
	size_t i;

	for (i = 0; i < formats_count; i++)
		if (formats_table[i].names_file &&
		    formats_table[i].names_file(path))
			return &formats_table[i];
	return NULL;
}

char *formats_list(unsigned int flags, const char *last)
{
	struct strbuf s = { 0 };
	size_t i, n = 0, k = 0;

	for (i = 0; i < formats_count; i++)
		n += !!(formats_table[i].flags & flags);
	for (i = 0; i < formats_count; i++) {
		if (!(formats_table[i].flags & flags))
			continue;
		if (k++)
			strbuf_addn(&s, k == n ? last : ", ",
				    strlen(k == n ? last : ", "));
		strbuf_addn(&s, formats_table[i].name,
			    strlen(formats_table[i].name));
	}
	return strbuf_take(&s);
}

int formats_read_files(struct host_conf *h, const struct format *f,
		       const char *const *paths, size_t n, struct diags *d)
{
	const char **kept = xcalloc(n, sizeof(*kept));
	int err = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		struct diag_loc loc;

		kept[i] = host_conf_keep(h, xstrdup(paths[i]));
		loc = (struct diag_loc){ .source = kept[i] };
		if (access(kept[i], F_OK)) {
			diags_add(d, DIAG_ERROR, &loc, "cannot read: %s",
				  strerror(errno));
			err = -ENOENT;
		}
	}
	if (err) {
		free(kept);
		return err;
	}
	if (f->read_files) {
		err = f->read_files(h, kept, n, d);
	} else if (f->read_file) {
		for (i = 0; i < n; i++)
			if (f->read_file(h, kept[i], d))
				err = -EINVAL;
	} else {
		err = -EINVAL;
	}
	free(kept);
	return err;
}

int formats_read_host(struct host_conf *h, unsigned int formats,
		      struct diags *d)
{
	int err = 0;
	size_t i;

	for (i = 0; i < formats_count; i++) {
		const struct format *f = &formats_table[i];

		if ((f->flags & FORMAT_READ) &&
		    (formats & HOST_FORMAT_BIT(f->host)) && f->read_host(h, d))
			err = -EINVAL;
	}
	if (host_conf_merge(h, d))
		err = -EINVAL;
	return err;
}

static void extras_lost(struct conv *cv, const char *name,
			const struct host_ip *ip)
{
	size_t i;

	for (i = 0; i < ip->n_extras; i++)
		diags_add(&cv->lost, DIAG_WARNING, &ip->extras[i].loc,
			  "%s: %s: convert does not carry it; left out", name,
			  ip->extras[i].value);
}

/* What the readers saw on the bond (or on its uppers) but do not carry. */
static void not_carried(struct conv *cv, const struct host_bond *b)
{
	size_t i;

	extras_lost(cv, b->conf.name, &b->ip);
	for (i = 0; i < b->ip.n_uppers; i++)
		extras_lost(cv, b->ip.uppers[i]->name, &b->ip.uppers[i]->ip);
}

/*
 * ip's commands build the bond only (ifcfg-bond-parse --format ip): its
 * network is named as left out.
 */
/* What sits on bond @b, for a writer that does not write it. */
static void uppers_lost(struct conv *cv, const char *format,
			const struct host_bond *b)
{
	const struct host_upper *u;
	size_t i;

	for (i = 0; i < b->ip.n_uppers; i++) {
		u = b->ip.uppers[i];
		conv_lost_at(cv, NULL, format, &u->loc, "%s: %s %s on %s",
			     b->conf.name, host_upper_kind_name(u->kind),
			     u->name, u->lower);
	}
}

static void network_lost(struct conv *cv, const char *format,
			 const struct host_bond *b)
{
	const struct host_ip *ip = &b->ip;
	const struct host_item *gw[] = { &ip->gateway, &ip->gateway6 };
	size_t i;

	for (i = 0; i < 2; i++)
		if (gw[i]->value)
			conv_lost_at(cv, NULL, format, &gw[i]->loc,
				     "%s: gateway %s", b->conf.name,
				     gw[i]->value);
	for (i = 0; i < ip->n_dns; i++)
		conv_lost_at(cv, NULL, format, &ip->dns[i].loc,
			     "%s: name server %s", b->conf.name,
			     ip->dns[i].value);
	for (i = 0; i < ip->n_search; i++)
		conv_lost_at(cv, NULL, format, &ip->search[i].loc,
			     "%s: search domain %s", b->conf.name,
			     ip->search[i].value);
	for (i = 0; i < ip->n_routes; i++)
		conv_lost_at(cv, NULL, format, &ip->routes[i].loc,
			     "%s: the route to %s", b->conf.name,
			     ip->routes[i].dest);
	uppers_lost(cv, format, b);
}

void formats_write(struct conv *cv, const struct format *f,
		   const struct host_conf *h, const bool *wanted)
{
	FILE *out = NULL;
	size_t i, n = 0;

	if (!f->write) {
		for (i = 0; i < h->n_bonds; i++) {
			if (wanted && !wanted[i])
				continue;
			cv->at = h->bonds[i]->loc;
			not_carried(cv, h->bonds[i]);
			network_lost(cv, f->name, h->bonds[i]);
		}
		return;
	}
	if (f->out)
		out = conv_file_open(cv, xstrdup(f->out));
	for (i = 0; i < h->n_bonds; i++) {
		if (wanted && !wanted[i])
			continue;
		/* a blank line between bonds in one file */
		if (n++ && out && !(f->flags & FORMAT_COMMANDS))
			fputc('\n', out);
		cv->at = h->bonds[i]->loc;
		not_carried(cv, h->bonds[i]);
		f->write(cv, out, h->bonds[i]);
		if (!(f->flags & FORMAT_UPPERS))
			uppers_lost(cv, f->name, h->bonds[i]);
	}
	if (out) {
		fclose(out);
		cv->files[0]->out = NULL;
	}
	if (f->write_after)
		for (i = 0; i < h->n_bonds; i++)
			if (!wanted || wanted[i])
				f->write_after(cv, h->bonds[i]);
}

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The output of the writers: its files and links, what a format cannot
 * express, and the value helpers every writer shares.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/conv.h"
#include "formats/shfile.h"

void conv_init(struct conv *cv)
{
	memset(cv, 0, sizeof(*cv));
	diags_init(&cv->lost);
	cv->nm_target.major = CONV_NM_DEFAULT_MAJOR;
	cv->nm_target.minor = CONV_NM_DEFAULT_MINOR;
}

void conv_free(struct conv *cv)
{
	size_t i;

	for (i = 0; i < cv->n_files; i++) {
		free(cv->files[i]->path);
		free(cv->files[i]->text);
		free(cv->files[i]->link);
		free(cv->files[i]);
	}
	free(cv->files);
	diags_free(&cv->lost);
	conv_init(cv);
}

struct conv_file *conv_add_file(struct conv *cv, char *path)
{
	struct conv_file *f = xcalloc(1, sizeof(*f));

	f->path = path;
	cv->files = xreallocarray(cv->files, cv->n_files + 1, sizeof(f));
	cv->files[cv->n_files++] = f;
	return f;
}

/* A new file at @path (taken over), open for writing. */
FILE *conv_file_open(struct conv *cv, char *path)
{
	struct conv_file *f = conv_add_file(cv, path);

	f->out = open_memstream(&f->text, &f->len);
	if (!f->out) {
		perror("open_memstream");
		exit(EXIT_FAILURE);
	}
	return f->out;
}

void conv_file_close(struct conv *cv)
{
	struct conv_file *f = cv->files[cv->n_files - 1];

	fclose(f->out);
	f->out = NULL;
}

void conv_add_link(struct conv *cv, char *path, const char *target)
{
	conv_add_file(cv, path)->link = xstrdup(target);
}

static void lost(struct conv *cv, FILE *out, const char *format,
		 const struct diag_loc *loc, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);

	if (out)
		fprintf(out, "# not converted: %s (%s cannot express it)\n",
			msg, format);
	/* an option set by no line (a default): the bond's declaration */
	diags_add(&cv->lost, DIAG_WARNING, loc->source ? loc : &cv->at,
		  "%s (%s cannot express it); left out", msg, format);
	free(msg);
}

void conv_lost(struct conv *cv, FILE *out, const char *format, const char *fmt,
	       ...)
{
	va_list ap;

	va_start(ap, fmt);
	lost(cv, out, format, &cv->at, fmt, ap);
	va_end(ap);
}

void conv_lost_at(struct conv *cv, FILE *out, const char *format,
		  const struct diag_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lost(cv, out, format, loc, fmt, ap);
	va_end(ap);
}

bool conv_addresses_have(char *const *v, size_t n, bool v6)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (conv_is_ipv6(v[i]) == v6)
			return true;
	return false;
}

bool conv_has_address(const struct host_bond *b, bool v6)
{
	return conv_addresses_have(b->addresses, b->n_addresses, v6);
}

const struct host_upper *conv_bridge_of(const struct host_ip *ip,
					const char *name)
{
	size_t i;

	for (i = 0; i < ip->n_uppers; i++)
		if (ip->uppers[i]->kind == HOST_UPPER_BRIDGE &&
		    !strcmp(ip->uppers[i]->lower, name))
			return ip->uppers[i];
	return NULL;
}

bool conv_route_ipv6(const struct host_route *r)
{
	return strchr(r->dest, ':') || (r->via && strchr(r->via, ':'));
}

void conv_route_words(FILE *out, const struct host_route *r)
{
	fputs(r->dest, out);
	if (r->via)
		fprintf(out, " via %s", r->via);
	if (r->metric >= 0)
		fprintf(out, " metric %ld", r->metric);
}

int conv_target(struct conv *cv, const char *format, const char *s)
{
	unsigned int major, minor;
	char end;

	if (!strcmp(format, "interfaces") &&
	    (!strcmp(s, "ifupdown") || !strcmp(s, "ifupdown2"))) {
		if (cv)
			cv->ifupdown2 = !strcmp(s, "ifupdown2");
		return 0;
	}
	if (strcmp(format, "nmcli") ||
	    sscanf(s, "%u.%u%c", &major, &minor, &end) != 2 || major != 1 ||
	    minor < CONV_NM_DEFAULT_MINOR || minor > 999)
		return -EINVAL;
	if (cv) {
		cv->nm_target.major = (unsigned short)major;
		cv->nm_target.minor = (unsigned short)minor;
	}
	return 0;
}

void conv_print(const struct conv *cv, FILE *out)
{
	size_t i;

	for (i = 0; i < cv->n_files; i++) {
		const struct conv_file *f = cv->files[i];

		if (i)
			fputc('\n', out);
		if (f->link) {
			fprintf(out, "# %s -> %s\n", f->path, f->link);
			continue;
		}
		fprintf(out, "# %s\n", f->path);
		fwrite(f->text, 1, f->len, out);
	}
}

void conv_lost_slave(struct conv *cv, FILE *out, const char *format,
		     const struct bond_conf *c, const struct bond_slave_conf *s,
		     uint64_t opts, const char *why)
{
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++)
		if (s->present & opts & BONDOPT_BIT(id))
			conv_lost_at(cv, out, format, &s->where[id],
				     "%s: %s=%s:%lld%s", c->name,
				     bondopt_get(id)->name, s->name,
				     (long long)s->num[id], why);
}

bool conv_is_ipv6(const char *addr)
{
	return strchr(addr, ':') != NULL;
}

/* Whether @id is written among the bond's options (not per slave). */
bool conv_bond_option(const struct bond_conf *c, int id)
{
	const struct bondopt *opt = bondopt_get(id);

	return bond_conf_has(c, id) && !(opt->flags & BONDOPT_F_NOT_BOND_ATTR);
}

size_t conv_n_members(const struct bond_conf *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->n_slaves; i++)
		n += c->slaves[i].member;
	return n;
}

/* Safe in a shell word and in every format's value: no quoting needed. */
bool conv_plain(const char *s)
{
	return *s &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789._:/+,=@%-") == strlen(s);
}

/* @value for a shell-style file: in double quotes, or single if need be. */
void conv_sh_value(FILE *out, const char *value, bool always)
{
	if (!always && conv_plain(value))
		fputs(value, out);
	else if (!strpbrk(value, "\"$`\\!"))
		fprintf(out, "\"%s\"", value);
	else
		shfile_write_quoted(out, value);
}

/* KEY=VALUE for a shell-style file: VALUE quoted when it needs it. */
void conv_sh_assign(FILE *out, const char *key, const char *value)
{
	fprintf(out, "%s=", key);
	conv_sh_value(out, value, false);
	fputc('\n', out);
}

/* Appends " name=value" words of the bond options into @b. */
void conv_option_words(struct strbuf *b, const struct bond_conf *c, char sep)
{
	char value[VALUE_MAX];
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		if (!conv_bond_option(c, id))
			continue;
		bond_conf_format_value(c, id, value, sizeof(value));
		if (b->len)
			strbuf_addc(b, sep);
		strbuf_addn(b, bondopt_get(id)->name,
			    strlen(bondopt_get(id)->name));
		strbuf_addc(b, '=');
		strbuf_addn(b, value, strlen(value));
	}
}

/* Appends "name=SLAVE:VALUE" for each per-slave option @keep says. */
void conv_slave_option_words(struct strbuf *b, const struct bond_conf *c,
			     bool (*keep)(const struct bond_slave_conf *,
					  int id))
{
	char word[128];
	size_t i;
	int id;

	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & BONDOPT_BIT(id)) || !keep(s, id))
				continue;
			snprintf(word, sizeof(word), "%s=%s:%lld",
				 bondopt_get(id)->name, s->name,
				 (long long)s->num[id]);
			if (b->len)
				strbuf_addc(b, ' ');
			strbuf_addn(b, word, strlen(word));
		}
	}
}

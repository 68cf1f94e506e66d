// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Parser for option strings into the desired state of a bond: the words,
 * the keys, and where an option may be given; each value is read by its
 * kind (optvalue.c).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/optstr.h"
#include "model/xalloc.h"

int optstr_set(struct bond_conf *c, const struct bondopt *opt,
	       const char *value, enum optstr_context ctx,
	       const struct diag_loc *loc, struct diags *d)
{
	enum bondopt_id id = bondopt_id(opt);

	if (opt->flags & BONDOPT_F_READONLY) {
		diags_add(
			d, DIAG_ERROR, loc,
			"%s: read-only; the kernel reports it, it cannot be set",
			opt->name);
		return -EINVAL;
	}
	if (ctx == OPTSTR_BONDING_OPTS && (opt->flags & BONDOPT_F_MODONLY)) {
		diags_add(
			d, DIAG_WARNING, loc,
			"%s: a module parameter, ignored here; set it with 'options bonding %s=%s' in /etc/modprobe.d",
			opt->name, opt->name, value);
		return 0;
	}
	if (ctx == OPTSTR_MODULE && !(opt->flags & BONDOPT_F_MODPARAM)) {
		diags_add(
			d, DIAG_WARNING, loc,
			"%s: not a module parameter of bonding; the kernel ignores it here",
			opt->name);
		return 0;
	}
	if (opt->flags & BONDOPT_F_SLAVE)
		return optvalue_set_slave(c, opt, value, loc, d);
	if (optvalue_set(c, opt, value, ctx, loc, d)) {
		c->refused |= BONDOPT_BIT(id);
		return -EINVAL;
	}
	c->present |= BONDOPT_BIT(id);
	if (loc)
		c->where[id] = *loc;
	return 0;
}

/*
 * Splits @str into words at white space; quotes group and are removed.
 * Returns the number of words, or -1 for an unterminated quote.
 */
static int split_words(char *str, char **words, int max)
{
	char *r = str, *w = str, quote = 0;
	int n = 0;
	bool in_word = false;

	for (; *r; r++) {
		if (quote) {
			if (*r == quote)
				quote = 0;
			else
				*w++ = *r;
			continue;
		}
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			if (in_word) {
				*w++ = '\0';
				in_word = false;
			}
			continue;
		}
		if (!in_word) {
			if (n == max)
				return -2;
			words[n++] = w;
			in_word = true;
		}
		if (*r == '"' || *r == '\'')
			quote = *r;
		else
			*w++ = *r;
	}
	*w = '\0';
	return quote ? -1 : n;
}

/*
 * A whole string in one pair of quotes, as BONDING_OPTS="..." copied with
 * its quotes, loses them.
 */
static char *strip_outer_quotes(char *s)
{
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && strchr(" \t\r\n", s[len - 1]))
		s[--len] = '\0';
	if (len >= 2 && (*s == '"' || *s == '\'') && s[len - 1] == *s &&
	    !memchr(s + 1, *s, len - 2)) {
		s[len - 1] = '\0';
		return s + 1;
	}
	return s;
}

/* Module parameter names treat '-' and '_' alike, as the kernel does. */
static void module_key(char *key)
{
	for (; *key; key++)
		if (*key == '-')
			*key = '_';
}

int optstr_parse(struct bond_conf *c, const char *str, enum optstr_context ctx,
		 const struct diag_loc *loc, struct diags *d)
{
	char *copy = xstrdup(str), *words[256], *eq, key[64];
	const struct bondopt *opt;
	const char *near;
	int n, i, err = 0;

	n = split_words(strip_outer_quotes(copy), words, 256);
	if (n == -1) {
		diags_add(d, DIAG_ERROR, loc,
			  "unterminated quote in option string");
		err = -EINVAL;
		n = 0;
	} else if (n == -2) {
		diags_add(d, DIAG_ERROR, loc,
			  "too many words in option string (at most 256)");
		err = -EINVAL;
		n = 0;
	}
	for (i = 0; i < n; i++) {
		eq = strchr(words[i], '=');
		if (eq == words[i]) {
			diags_add(d, DIAG_ERROR, loc,
				  "'%s': missing option name before '='",
				  words[i]);
			err = -EINVAL;
			continue;
		}
		if (eq)
			*eq = '\0';
		/* messages quote the key as written, lookups take it as modprobe does */
		str_copy(key, sizeof(key), words[i]);
		if (ctx == OPTSTR_MODULE)
			module_key(key);
		opt = bondopt_find(key, strlen(key));
		if (!opt) {
			near = bondopt_suggest(key);
			opt = near ? bondopt_find(near, strlen(near)) : NULL;
			if (opt)
				c->refused |= BONDOPT_BIT(bondopt_id(opt));
			if (near)
				diags_add(
					d, DIAG_ERROR, loc,
					"%s: unknown option; did you mean %s?",
					words[i], near);
			else
				diags_add(d, DIAG_ERROR, loc,
					  "%s: unknown option", words[i]);
			err = -EINVAL;
			continue;
		}
		if (!eq) {
			diags_add(d, DIAG_ERROR, loc,
				  "%s: no value; write %s=VALUE", words[i],
				  opt->name);
			err = -EINVAL;
			continue;
		}
		if (optstr_set(c, opt, eq + 1, ctx, loc, d))
			err = -EINVAL;
	}
	free(copy);
	return err;
}

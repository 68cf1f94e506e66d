// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Text and JSON output of diagnostics, desired states and the option table.
 */
#include "config.h"

#include <stdlib.h>

#include "cmd/output.h"
#include "engine/plan.h"
#include "model/xalloc.h"

void output_diag(const struct diag *diag, FILE *out)
{
	char *source;

	if (diag->loc.source) {
		/* a file name may hold anything but '/' and NUL */
		source = xstrdup(diag->loc.source);
		diag_mask(source);
		fputs(source, out);
		free(source);
		if (diag->loc.line)
			fprintf(out, ":%u", diag->loc.line);
		fputs(": ", out);
	}
	fprintf(out, "%s: %s\n", diag_severity_name(diag->severity),
		diag->message);
}

void output_diags(const struct diags *d, FILE *out)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		output_diag(&d->v[i], out);
	if (d->dropped)
		fprintf(out, "note: %u more diagnostics not shown\n",
			d->dropped);
}

void output_diags_json(struct json *j, const struct diags *d)
{
	size_t i;

	json_key(j, "diagnostics");
	json_array_begin(j);
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		json_object_begin(j);
		json_key(j, "severity");
		json_string(j, diag_severity_name(g->severity));
		json_key(j, "source");
		if (g->loc.source)
			json_string(j, g->loc.source);
		else
			json_null(j);
		json_key(j, "line");
		if (g->loc.line)
			json_int(j, g->loc.line);
		else
			json_null(j);
		json_key(j, "message");
		json_string(j, g->message);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "errors");
	json_int(j, d->errors);
	json_key(j, "warnings");
	json_int(j, d->warnings);
	json_key(j, "not_shown");
	json_int(j, d->dropped);
}

void output_conf_json(struct json *j, const struct bond_conf *c)
{
	size_t i;
	int id;

	json_key(j, "options");
	json_object_begin(j);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);

		if (!bond_conf_has(c, id))
			continue;
		json_key(j, opt->name);
		bond_conf_value_json(j, c, id);
	}
	json_object_end(j);
	json_key(j, "slaves");
	json_array_begin(j);
	for (i = 0; i < c->n_slaves; i++) {
		const struct bond_slave_conf *s = &c->slaves[i];

		json_object_begin(j);
		json_key(j, "name");
		json_string(j, s->name);
		for (id = 0; id < BONDOPT_COUNT; id++) {
			if (!(s->present & BONDOPT_BIT(id)))
				continue;
			json_key(j, bondopt_get(id)->name);
			bond_conf_number_json(j, bondopt_get(id), s->num[id]);
		}
		json_object_end(j);
	}
	json_array_end(j);
}

static const char *const kind_names[] = {
	[BONDOPT_ENUM] = "enum",       [BONDOPT_BOOL] = "bool",
	[BONDOPT_UINT] = "uint",       [BONDOPT_INT] = "int",
	[BONDOPT_IFNAME] = "ifname",   [BONDOPT_IPV4S] = "ipv4-list",
	[BONDOPT_IPV6S] = "ipv6-list", [BONDOPT_MAC] = "mac",
	[BONDOPT_NESTED] = "nested",
};

static const char *const nla_names[] = {
	[BONDOPT_NLA_NONE] = NULL,	 [BONDOPT_NLA_U8] = "u8",
	[BONDOPT_NLA_U16] = "u16",	 [BONDOPT_NLA_U32] = "u32",
	[BONDOPT_NLA_S32] = "s32",	 [BONDOPT_NLA_BINARY] = "binary",
	[BONDOPT_NLA_NESTED] = "nested",
};

static const struct {
	uint32_t flag;
	const char *name;
} flag_names[] = {
	{ BONDOPT_F_DOWN, "needs-down" },
	{ BONDOPT_F_NOSLAVES, "needs-no-slaves" },
	{ BONDOPT_F_NLONLY, "netlink-only" },
	{ BONDOPT_F_SLAVE, "slave" },
	{ BONDOPT_F_READONLY, "read-only" },
	{ BONDOPT_F_MODPARAM, "module-parameter" },
	{ BONDOPT_F_MODONLY, "module-only" },
	{ BONDOPT_F_NODEFAULT, "no-default-keyword" },
	{ BONDOPT_F_LIST, "list" },
	{ BONDOPT_F_SOFTMODES, "any-mode" },
	{ BONDOPT_F_NEEDS_MIIMON, "needs-miimon" },
};

void output_table_text(FILE *out)
{
	char modes[160];
	size_t v, f;
	int id;

	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);
		const char *const *alias;

		fprintf(out, "%s", opt->name);
		for (alias = opt->aliases; alias && *alias; alias++)
			fprintf(out, " (also %s)", *alias);
		fprintf(out, ": %s\n  ", opt->summary);
		if (opt->kind == BONDOPT_ENUM) {
			for (v = 0; v < opt->nvalues; v++)
				fprintf(out, "%s%s=%u", v ? " " : "values: ",
					opt->values[v].name,
					opt->values[v].value);
		} else if (opt->kind == BONDOPT_UINT ||
			   opt->kind == BONDOPT_INT) {
			fprintf(out, "range: %lld to %lld%s%s",
				(long long)opt->min, (long long)opt->max,
				opt->unit ? " " : "",
				opt->unit ? opt->unit : "");
		} else if (opt->kind == BONDOPT_BOOL) {
			fprintf(out, "values: 0 1");
		} else {
			fprintf(out, "type: %s", kind_names[opt->kind]);
		}
		if (bondopt_numeric(opt)) {
			char def[64];

			if (opt->kind == BONDOPT_ENUM &&
			    bondopt_value_name(opt, (uint32_t)opt->def))
				snprintf(def, sizeof(def), "%s",
					 bondopt_value_name(
						 opt, (uint32_t)opt->def));
			else
				snprintf(def, sizeof(def), "%lld",
					 (long long)opt->def);
			fprintf(out, "; default: %s", def);
		}
		bondopt_modes_format(opt->modes, modes, sizeof(modes));
		if (opt->modes != BOND_MODES_ALL)
			fprintf(out, "; modes: %s", modes);
		for (f = 0; f < sizeof(flag_names) / sizeof(flag_names[0]); f++)
			if (opt->flags & flag_names[f].flag)
				fprintf(out, "; %s", flag_names[f].name);
		fputc('\n', out);
	}
}

/* "6.9", "6.1.120", or null for none. */
static void kver_json(struct json *j, const char *key,
		      const struct bondopt_kver *k)
{
	char buf[24];

	if (key)
		json_key(j, key);
	if (!k->major) {
		json_null(j);
		return;
	}
	if (k->sub)
		snprintf(buf, sizeof(buf), "%u.%u.%u", k->major, k->minor,
			 k->sub);
	else
		snprintf(buf, sizeof(buf), "%u.%u", k->major, k->minor);
	json_string(j, buf);
}

void output_table_json(struct json *j)
{
	size_t v, f;
	unsigned int m;
	int id;

	json_array_begin(j);
	for (id = 0; id < BONDOPT_COUNT; id++) {
		const struct bondopt *opt = bondopt_get(id);
		const char *const *alias;

		json_object_begin(j);
		json_key(j, "name");
		json_string(j, opt->name);
		json_key(j, "aliases");
		json_array_begin(j);
		for (alias = opt->aliases; alias && *alias; alias++)
			json_string(j, *alias);
		json_array_end(j);
		json_key(j, "attribute");
		if (opt->nla_type == BONDOPT_NLA_NONE)
			json_null(j);
		else
			json_int(j, opt->nla);
		json_key(j, "attribute_type");
		if (nla_names[opt->nla_type])
			json_string(j, nla_names[opt->nla_type]);
		else
			json_null(j);
		json_key(j, "type");
		json_string(j, kind_names[opt->kind]);
		if (opt->kind == BONDOPT_ENUM) {
			json_key(j, "values");
			json_array_begin(j);
			for (v = 0; v < opt->nvalues; v++) {
				json_object_begin(j);
				json_key(j, "name");
				json_string(j, opt->values[v].name);
				json_key(j, "value");
				json_int(j, opt->values[v].value);
				kver_json(j, "since", &opt->values[v].since);
				json_object_end(j);
			}
			json_array_end(j);
		}
		if (opt->kind != BONDOPT_ENUM && bondopt_numeric(opt)) {
			json_key(j, "min");
			json_int(j, opt->min);
			json_key(j, "max");
			json_int(j, opt->max);
		}
		json_key(j, "default");
		if (bondopt_numeric(opt))
			bond_conf_number_json(j, opt, opt->def);
		else
			json_null(j);
		json_key(j, "unit");
		if (opt->unit)
			json_string(j, opt->unit);
		else
			json_null(j);
		json_key(j, "modes");
		json_array_begin(j);
		for (m = 0; m < BOND_MODE_COUNT; m++)
			if (opt->modes & BOND_MODE_BIT(m))
				json_string(j, bondopt_mode_name(m));
		json_array_end(j);
		json_key(j, "flags");
		json_array_begin(j);
		for (f = 0; f < sizeof(flag_names) / sizeof(flag_names[0]); f++)
			if (opt->flags & flag_names[f].flag)
				json_string(j, flag_names[f].name);
		json_array_end(j);
		kver_json(j, "since", &opt->since);
		json_key(j, "backports");
		json_array_begin(j);
		for (v = 0; v < BONDOPT_MAX_BACKPORTS; v++)
			if (opt->backports[v].major)
				kver_json(j, NULL, &opt->backports[v]);
		json_array_end(j);
		json_key(j, "summary");
		json_string(j, opt->summary);
		json_object_end(j);
	}
	json_array_end(j);
}

void output_plan(const struct plan *p, FILE *out)
{
	char line[2048];
	size_t i;

	if (!p->n)
		fputs("nothing to change\n", out);
	for (i = 0; i < p->n; i++) {
		const struct step *s = &p->v[i];

		plan_step_describe(s, line, sizeof(line));
		if (s->disruptive)
			fprintf(out, "%s  [disrupts traffic: %s]\n", line,
				s->why ? s->why : "the bond is reconfigured");
		else
			fprintf(out, "%s\n", line);
	}
}

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bondcfg test failover BOND: the failover drill (engine/drill.h) under
 * the run lock, its figures as text or JSON. On a terminal it asks for
 * --yes first: it takes a live slave out.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/bondcfg.h"
#include "cmd/bondview.h"
#include "cmd/cli.h"
#include "engine/drill.h"
#include "model/json.h"

static int opt_yes, opt_json;
static char *opt_ping, *opt_method, *opt_timeout, *opt_interval;

static struct poptOption options[] = {
	{ "ping", 'p', POPT_ARG_STRING, &opt_ping, 0,
	  "Probe ADDR with ICMP echo throughout, and count the probes lost",
	  "ADDR" },
	{ "method", 'm', POPT_ARG_STRING, &opt_method, 0,
	  "link-down (the default: the slave set down, as a pulled cable) or active-slave (the driver told to switch)",
	  "METHOD" },
	{ "timeout", 't', POPT_ARG_STRING, &opt_timeout, 0,
	  "Wait at most SECS seconds for the failover and for the restore (default 10)",
	  "SECS" },
	{ "interval", 'i', POPT_ARG_STRING, &opt_interval, 0,
	  "Milliseconds between probes (default 10)", "MS" },
	{ "yes", 'y', POPT_ARG_NONE, &opt_yes, 0,
	  "Run without asking: the drill takes a live slave out", NULL },
	{ "json", 'j', POPT_ARG_NONE, &opt_json, 0, "Print one JSON document",
	  NULL },
	CLI_STD_OPTIONS,
	POPT_TABLEEND
};

static int number(const char *opt, const char *s, double min, double max,
		  double *v)
{
	char *end;

	*v = strtod(s, &end);
	if (end == s || *end || *v < min || *v > max)
		return cli_usage_error(
			"test failover: %s '%s': give a number from %g to %g",
			opt, s, min, max);
	return -1;
}

static int parse(struct drill_opts *o)
{
	double v;
	int rc;

	o->method = DRILL_LINK_DOWN;
	o->timeout_ms = 10000;
	o->interval_ms = 10;
	o->ping = opt_ping;
	if (opt_method && !strcmp(opt_method, "active-slave"))
		o->method = DRILL_ACTIVE_SLAVE;
	else if (opt_method && strcmp(opt_method, "link-down"))
		return cli_usage_error(
			"test failover: --method '%s': give link-down or active-slave",
			opt_method);
	if (opt_timeout) {
		rc = number("--timeout", opt_timeout, 0.1, 600, &v);
		if (rc >= 0)
			return rc;
		o->timeout_ms = (unsigned int)(v * 1000);
	}
	if (opt_interval) {
		rc = number("--interval", opt_interval, 1, 1000, &v);
		if (rc >= 0)
			return rc;
		o->interval_ms = (unsigned int)v;
	}
	return -1;
}

static const char *const why[] = {
	[DRILL_LINK_DOWN] =
		"the active slave set down, as a pulled cable: the link monitor must notice it",
	[DRILL_ACTIVE_SLAVE] =
		"active_slave changed: the switch-over alone, without the link monitor's detection",
};

static void ms_json(struct json *j, const char *key, double ms)
{
	json_key(j, key);
	if (ms < 0)
		json_null(j);
	else
		json_int(j, (int64_t)(ms + 0.5));
}

static void print_json(const struct drill_result *r)
{
	struct json j;

	json_init(&j, stdout);
	json_object_begin(&j);
	json_key(&j, "bond");
	json_string(&j, r->bond);
	json_key(&j, "method");
	json_string(&j, drill_method_name(r->method));
	json_key(&j, "from");
	json_string(&j, r->from);
	json_key(&j, "to");
	if (r->to[0])
		json_string(&j, r->to);
	else
		json_null(&j);
	ms_json(&j, "failover_ms", r->failover_ms);
	json_key(&j, "probes_sent");
	if (r->pinged)
		json_int(&j, r->probes_sent);
	else
		json_null(&j);
	json_key(&j, "probes_lost");
	if (r->pinged)
		json_int(&j, r->probes_lost);
	else
		json_null(&j);
	ms_json(&j, "traffic_ms", r->traffic_ms);
	ms_json(&j, "restore_ms", r->restore_ms);
	json_key(&j, "restored");
	json_bool(&j, r->restored);
	json_key(&j, "left_different");
	if (r->restored)
		json_null(&j);
	else
		json_string(&j, r->left);
	json_object_end(&j);
	json_finish(&j);
}

static void print_text(const struct drill_result *r, const char *ping)
{
	printf("%s: method %s: %s\n", bondview_safe(r->bond),
	       drill_method_name(r->method), why[r->method]);
	if (r->failover_ms >= 0 && r->has_active)
		printf("%s: failover from %s to %s in %.0f ms\n",
		       bondview_safe(r->bond), bondview_safe(r->from),
		       bondview_safe(r->to), r->failover_ms);
	else if (r->failover_ms >= 0)
		printf("%s: %s out of the slaves sent on after %.0f ms; %s and the others carry on\n",
		       bondview_safe(r->bond), bondview_safe(r->from),
		       r->failover_ms, bondview_safe(r->to));
	else if (r->has_active)
		printf("%s: no other slave took over from %s\n",
		       bondview_safe(r->bond), bondview_safe(r->from));
	else
		printf("%s: the driver still sends on %s: its link down was not noticed\n",
		       bondview_safe(r->bond), bondview_safe(r->from));
	if (r->pinged && r->traffic_ms >= 0)
		printf("%s: %s answered again after %.0f ms; %u of %u probes lost\n",
		       bondview_safe(r->bond), ping, r->traffic_ms,
		       r->probes_lost, r->probes_sent);
	else if (r->pinged)
		printf("%s: %s did not answer again; %u of %u probes lost\n",
		       bondview_safe(r->bond), ping, r->probes_lost,
		       r->probes_sent);
	if (r->restored)
		printf("%s: restored: %s %s again after %.0f ms\n",
		       bondview_safe(r->bond), bondview_safe(r->from),
		       r->has_active ? "active" : "carrying traffic",
		       r->restore_ms);
}

static int run(const char *bond, const struct drill_opts *o)
{
	struct drill_result r;
	struct session s;
	sigset_t block, old;
	int rc;

	rc = session_open(&s, "test failover", false);
	if (rc >= 0)
		return rc;
	/* an interrupt waits for the restore */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	sigprocmask(SIG_BLOCK, &block, &old);
	rc = drill_failover(s.nl, bond, o, &r, &s.d);
	if (rc) {
		session_fail(&s, CLI_EXIT_FAILURE);
	} else {
		if (opt_json)
			print_json(&r);
		else if (!bondcfg.quiet)
			print_text(&r, o->ping);
		if (r.failover_ms < 0 || !r.restored ||
		    (r.pinged && r.traffic_ms < 0))
			session_fail(&s, CLI_EXIT_FAILURE);
	}
	rc = session_close(&s);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

int cmd_test(int argc, const char **argv)
{
	poptContext ctx =
		poptGetContext("bondcfg test", argc, argv, options, 0);
	const char **args;
	struct drill_opts o;
	int rc;

	poptSetOtherOptionHelp(ctx, "[OPTION...] failover BOND");
	rc = cli_parse_options(ctx, NULL);
	if (rc < 0)
		rc = parse(&o);
	if (rc >= 0)
		goto out;
	args = poptGetArgs(ctx);
	if (args && strcmp(args[0], "failover")) {
		rc = cli_usage_error(
			"test: unknown test '%s'; give failover BOND", args[0]);
		goto out;
	}
	if (!args || !args[1] || args[2]) {
		rc = cli_usage_error("test: give failover and one BOND");
		goto out;
	}
	if (isatty(STDIN_FILENO) && !opt_yes) {
		cli_error(
			"test failover: this takes %s's active slave out and puts it back; run again with --yes",
			args[1]);
		rc = CLI_EXIT_FAILURE;
		goto out;
	}
	rc = run(args[1], &o);
out:
	poptFreeContext(ctx);
	return rc;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The commands that change bonds, one file each (cmd-up.c, cmd-down.c,
 * cmd-set.c, cmd-hook.c), over the command lines of cmd-change.c.
 */
#ifndef BONDCFG_CMD_CHANGE_H
#define BONDCFG_CMD_CHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum change_cmd {
	CMD_UP,
	CMD_DOWN,
	CMD_APPLY,
	CMD_SET,
	CMD_ENSLAVE,
	CMD_RELEASE,
	CMD_IFUP,
	CMD_IFDOWN
};

/* The commands' names, for messages. */
extern const char *const change_names[];

/*
 * Present (under --root), it makes every up and ifup --strict: the
 * setting for the distributions' hooks, which pass no options.
 */
#define CHANGE_STRICT_FILE "/etc/bondcfg/strict"

/* The options of the command line. */
struct change_options {
	int dry_run;
	int all;
	int strict;
	int force;
	int keep;
	int no_slaves;
	int no_disrupt;
	int tolerate;
	int print_slaves; /* ifup --print-slaves */
	const char *wait;
};

extern struct change_options change_opt;

/*
 * Command @cmd's command line @argv: its options parsed and checked, then
 * the command run. Returns the exit status.
 */
int change_run(enum change_cmd cmd, int argc, const char **argv);

struct host_conf;
struct diags;

/*
 * up and apply of the bonds @names (@n; with --all, every bond), from the
 * host's configuration: @read_conf as read already (with diagnostics @read),
 * or NULL to read it.
 */
int change_converge(enum change_cmd cmd, const char *const *names, size_t n,
		    double wait, struct host_conf *read_conf,
		    const struct diags *read);

/* set, enslave or release (@cmd) of @args on live bond @bond. */
int change_direct(enum change_cmd cmd, const char *bond,
		  const char *const *args, size_t n);

/* down of the bonds @names (@n; with --all, every configured bond). */
int change_down(const char *const *names, size_t n);

/* ifup and ifdown of @arg, an interface or its ifcfg file. */
int change_ifup(const char *arg);
int change_ifdown(const char *arg);

struct linkset;
struct bond_conf;

/*
 * What ifup of bond @want enslaves, when /etc/network/interfaces declares
 * it: not the slaves that only their own stanza's bond-master names and
 * that are not enslaved yet (their own ifup enslaves them). Returns
 * whether it is such a bond, whose slaves ifup then leaves in place.
 */
bool change_hook_want(const struct host_conf *h, const struct linkset *ls,
		      struct bond_conf *want);

/*
 * ifup --print-slaves BOND: on @out, what the hook brings up through ifup
 * with the bond, a line each: "allow NAME" for each name of an allow-BOND
 * line, then "auto NAME" for each name of an auto line whose stanza's
 * (first) bond-master is BOND; in the files' order, each once, and none
 * whose ifup is under way already (IFUPDOWN_NAME in the environment, as
 * ifupdown sets it).
 */
void change_print_slaves(FILE *out, const struct host_conf *h,
			 const char *bond);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Changes that revert by themselves unless confirmed (--confirm), for
 * every command that changes bonds, bondcfg's and ifenslave's: the state
 * before saved (engine/pending.h), a watchdog process detached from the
 * terminal and the session that reverts at the deadline, or confirms when
 * an address answers (--confirm-check); bondcfg confirm and revert.
 */
#ifndef BONDCFG_CONFIRM_H
#define BONDCFG_CONFIRM_H

#include <popt.h>
#include <stdbool.h>
#include <stddef.h>

#include "cmd/session.h"
#include "engine/pending.h"

/* The window when --confirm gives no number of seconds. */
#define CONFIRM_DEFAULT_S 120

struct confirm_options {
	const char *seconds; /* --confirm[=SECONDS] */
	const char *check; /* --confirm-check ADDR */
	int window; /* the seconds, once checked */
};

extern struct confirm_options confirm_opt;

/* --confirm and --confirm-check, for the changing commands' tables. */
extern struct poptOption confirm_options[];

#define CONFIRM_OPTIONS                                                 \
	{                                                               \
		NULL, '\0', POPT_ARG_INCLUDE_TABLE, confirm_options, 0, \
			"Revert unless confirmed:", NULL                \
	}

/*
 * Before popt reads @argv (@argc words, @argv[0] the command): a bare
 * "--confirm" not followed by a number becomes "--confirm=SECONDS" with
 * the default, so that it never takes a bond's name as its value; once
 * popt is done, confirm_restore_argv() puts the word back (popt may own
 * it). Keeps the command line, joined, for what show says of the change.
 */
void confirm_prepare_argv(int argc, const char **argv, const char *prog);
void confirm_restore_argv(void);

/*
 * Checks --confirm and --confirm-check of command @cmd. Returns -1 to go
 * on, else the exit status after saying what is wrong.
 */
int confirm_check_options(const char *cmd);

/*
 * Guards the runs of this process (session.h): each refused while a
 * change is pending, and with --confirm, the state saved and the
 * watchdog started before, the deadline said after.
 */
void confirm_install(void);

/*
 * The time @t (seconds since the epoch) as the clock on the wall says it,
 * HH:MM:SS, in @buf; the number if it cannot be. Returns @buf.
 */
const char *confirm_clock(long long t, char *buf, size_t size);

/* bondcfg confirm and bondcfg revert. */
int confirm_main(int argc, const char **argv, bool revert);

/* --- watchdog.c ------------------------------------------------------------ */

/*
 * Starts the watchdog of pending change @p: a process of its own
 * session, with no terminal, that survives the command. Fills in its pid
 * and start time. Returns 0 or -errno.
 */
int watchdog_start(struct pending *p);

/* Stops the watchdog of @p if it is still the same process. */
void watchdog_stop(const struct pending *p);

/*
 * Reverts pending change @p in run @s (lock held, links read): planned,
 * run, read back. Removes the saved state when every link is back as it
 * was; otherwise keeps it, marked failed, and says what is different.
 * Returns 0 or -1.
 */
int watchdog_revert(struct session *s, struct pending *p);

/* While a run that ends a pending change is under way. */
extern bool confirm_ending;

#endif

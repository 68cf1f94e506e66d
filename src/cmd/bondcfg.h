/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bondcfg's commands; what they share with ifenslave is in session.h.
 */
#ifndef BONDCFG_BONDCFG_H
#define BONDCFG_BONDCFG_H

#include "cmd/session.h"

int cmd_check(int argc, const char **argv);
/* up, down, apply, set, enslave, release: the command is argv[0]. */
int cmd_up(int argc, const char **argv);
int cmd_apply(int argc, const char **argv);
int cmd_down(int argc, const char **argv);
int cmd_set(int argc, const char **argv);
int cmd_enslave(int argc, const char **argv);
int cmd_release(int argc, const char **argv);
int cmd_ifup(int argc, const char **argv);
int cmd_ifdown(int argc, const char **argv);
int cmd_plan(int argc, const char **argv);
int cmd_confirm(int argc, const char **argv);
int cmd_revert(int argc, const char **argv);
int cmd_convert(int argc, const char **argv);
int cmd_show(int argc, const char **argv);
int cmd_watch(int argc, const char **argv);
int cmd_wait(int argc, const char **argv);
int cmd_test(int argc, const char **argv);

#endif

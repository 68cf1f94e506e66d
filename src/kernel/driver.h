/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whether the bonding driver is in the running kernel now: for the exit
 * status that says it lacks one (5) where no request tells.
 */
#ifndef BONDCFG_KERNEL_DRIVER_H
#define BONDCFG_KERNEL_DRIVER_H

#include <stdbool.h>

/*
 * True if the bonding driver is loaded or built in (/sys/module/bonding,
 * which a built-in driver has for its parameters).
 */
bool driver_bonding_loaded(void);

#endif

// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Whether the bonding driver is in the running kernel now (driver.h).
 */
#include "config.h"

#include <unistd.h>

#include "kernel/driver.h"

bool driver_bonding_loaded(void)
{
	return access("/sys/module/bonding", F_OK) == 0;
}

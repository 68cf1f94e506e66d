/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interface names as the kernel accepts them.
 */
#ifndef BONDCFG_IFNAME_H
#define BONDCFG_IFNAME_H

/*
 * Returns 0 if @name is a name the kernel would accept for a link and that
 * can be printed as it is: -ENAMETOOLONG if it has IFNAMSIZ (16) or more
 * bytes, -EILSEQ if it is not UTF-8 (which the kernel would take),
 * -EINVAL otherwise (control characters are refused too).
 */
int ifname_check(const char *name);

#endif

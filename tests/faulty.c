// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The test build of a command (bondcfg or ifenslave, FAULTY_NAME), for the
 * fault-injection tests: the command's own main(), renamed faulty_main by
 * the build, behind one that arms the refusals first. Not installed.
 *
 *   bondcfg-faulty [--refuse N [--refuse-undo M]] [ARG...]
 *
 * --refuse N: the N-th change request of the run is refused as the kernel
 * would refuse it (bnl_test_refuse_opened()), "refused by the test";
 * --refuse-undo M: the M-th too, a request of the rollback. The ARGs are
 * the command's. At the end, "faulty: N change requests" on stderr: how
 * many the run made, the refused ones counted.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/nl.h"

#undef main
int faulty_main(int argc, const char **argv);

int main(int argc, const char **argv)
{
	static const char *const flags[2] = { "--refuse", "--refuse-undo" };
	static const int errs[2] = { -EINVAL, -EIO };
	int slot, rc;

	for (slot = 0; slot < 2; slot++)
		if (argc > 2 && !strcmp(argv[1], flags[slot])) {
			bnl_test_refuse_opened(
				slot, (unsigned int)atoi(argv[2]), errs[slot]);
			argv += 2;
			argc -= 2;
		}
	argv[0] = FAULTY_NAME;
	rc = faulty_main(argc, argv);
	fprintf(stderr, "faulty: %u change requests\n",
		bnl_test_changes_total());
	return rc;
}

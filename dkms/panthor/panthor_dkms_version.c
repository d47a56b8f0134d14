// SPDX-License-Identifier: GPL-2.0 or MIT
/*
 * Module version of the panthor.ko built by panthor-sparse-dkms: the in-tree
 * module of Debian's kernels has none. @VERSION@ is set by
 * scripts/dkms-package.sh.
 */
#include <linux/module.h>

MODULE_VERSION("@VERSION@");

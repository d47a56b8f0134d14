/* SPDX-License-Identifier: MIT */
/*
 * panthor_drm.h includes "drm.h" from its own directory, which the package
 * does not ship: panthor-sparse-info is built with -iquote info, so this
 * file stands in for it with the system's copy (linux-libc-dev).
 */
#include <drm/drm.h>

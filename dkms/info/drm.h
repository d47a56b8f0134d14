/* SPDX-License-Identifier: MIT */
/*
 * The part of the kernel's include/uapi/drm/drm.h that panthor_drm.h and
 * panthor-sparse-info use. panthor_drm.h includes "drm.h" from its own
 * directory, and Debian's linux-libc-dev leaves out the drm/ headers (they
 * come with libdrm-dev): the program is built with -iquote info, so that
 * this file answers, and needs nothing beyond linux-libc-dev and libc.
 */
#ifndef PANTHOR_SPARSE_INFO_DRM_H
#define PANTHOR_SPARSE_INFO_DRM_H

#include <linux/types.h>
#include <asm/ioctl.h>

struct drm_version {
	int version_major;
	int version_minor;
	int version_patchlevel;
	__kernel_size_t name_len;
	char *name;
	__kernel_size_t date_len;
	char *date;
	__kernel_size_t desc_len;
	char *desc;
};

#define DRM_IOCTL_BASE		'd'
#define DRM_IO(nr)		_IO(DRM_IOCTL_BASE, nr)
#define DRM_IOR(nr, type)	_IOR(DRM_IOCTL_BASE, nr, type)
#define DRM_IOW(nr, type)	_IOW(DRM_IOCTL_BASE, nr, type)
#define DRM_IOWR(nr, type)	_IOWR(DRM_IOCTL_BASE, nr, type)
#define DRM_IOCTL_VERSION	DRM_IOWR(0x00, struct drm_version)
#define DRM_COMMAND_BASE	0x40

#endif

// SPDX-License-Identifier: MIT
/*
 * panthor-sparse-info: is the sparse VM_BIND series active on this machine?
 *
 * Opens the first render node driven by panthor, prints the driver version,
 * queries DRM_PANTHOR_DEV_QUERY_MMU_INFO (the series' detection rule: the
 * query succeeds => DRM_PANTHOR_VM_BIND_OP_MAP_SPARSE is supported) and then
 * really binds and unbinds a sparse range in a new VM. Needs only read/write
 * access to the render node (group "render"), not root.
 *
 * Exit status: 0 sparse mappings work, 1 error, 2 no panthor device,
 * 3 the driver lacks MMU_INFO (not the series), 4 MMU_INFO works but
 * MAP_SPARSE does not.
 *
 * Build: make -C /usr/src/panthor-sparse-VERSION info (the package's uAPI
 * header include/uapi/drm/panthor_drm.h, info/drm.h, linux-libc-dev, libc).
 * The Makefile defines PANTHOR_SPARSE_VERSION and PANTHOR_SPARSE_BASE, the
 * package version and the Debian 6.12 version its sources come from.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "drm.h"			/* info/drm.h */
#include <drm/panthor_drm.h>	/* the package's, -I include/uapi */

#if !defined(PANTHOR_SPARSE_VERSION) || !defined(PANTHOR_SPARSE_BASE)
#error "build with the package's Makefile: make info"
#endif

enum { EXIT_SPARSE_OK, EXIT_ERROR, EXIT_NO_DEVICE, EXIT_NO_MMU_INFO, EXIT_NO_SPARSE };

/* A sparse range of 4 MiB at 4 GiB: inside any panthor VM's user VA range. */
#define SPARSE_VA	(4ull << 30)
#define SPARSE_SIZE	(4ull << 20)

static int xioctl(int fd, unsigned long req, void *arg)
{
	int ret;

	do
		ret = ioctl(fd, req, arg);
	while (ret == -1 && (errno == EINTR || errno == EAGAIN));
	return ret;
}

/* Returns an fd on a render node whose driver is panthor, or -1. */
static int open_panthor(char *path, size_t len, struct drm_version *ver, char *name,
			size_t name_len)
{
	struct dirent **ents;
	int n, i, fd = -1;

	n = scandir("/dev/dri", &ents, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (fd < 0 && strncmp(ents[i]->d_name, "renderD", 7) == 0) {
			snprintf(path, len, "/dev/dri/%s", ents[i]->d_name);
			fd = open(path, O_RDWR | O_CLOEXEC);
			if (fd >= 0) {
				memset(ver, 0, sizeof(*ver));
				memset(name, 0, name_len);
				ver->name = name;
				ver->name_len = name_len - 1;
				if (xioctl(fd, DRM_IOCTL_VERSION, ver) || strcmp(name, "panthor")) {
					close(fd);
					fd = -1;
				}
			}
		}
		free(ents[i]);
	}
	if (n >= 0)
		free(ents);
	return fd;
}

static int try_map_sparse(int fd)
{
	struct drm_panthor_vm_create create = { 0 };
	struct drm_panthor_vm_destroy destroy = { 0 };
	struct drm_panthor_vm_bind_op op = {
		.flags = DRM_PANTHOR_VM_BIND_OP_TYPE_MAP |
			 DRM_PANTHOR_VM_BIND_OP_MAP_SPARSE |
			 DRM_PANTHOR_VM_BIND_OP_MAP_NOEXEC,
		.bo_handle = 0,
		.bo_offset = 0,
		.va = SPARSE_VA,
		.size = SPARSE_SIZE,
	};
	struct drm_panthor_vm_bind bind = {
		.flags = 0,	/* synchronous */
		.ops = DRM_PANTHOR_OBJ_ARRAY(1, &op),
	};
	int ok = 0;

	if (xioctl(fd, DRM_IOCTL_PANTHOR_VM_CREATE, &create)) {
		perror("VM_CREATE");
		return -1;
	}
	bind.vm_id = create.id;
	if (xioctl(fd, DRM_IOCTL_PANTHOR_VM_BIND, &bind)) {
		printf("MAP_SPARSE:      failed (%s)\n", strerror(errno));
	} else {
		printf("MAP_SPARSE:      works (%llu KiB at 0x%llx mapped and unmapped)\n",
		       SPARSE_SIZE >> 10, SPARSE_VA);
		ok = 1;
		op.flags = DRM_PANTHOR_VM_BIND_OP_TYPE_UNMAP;
		if (xioctl(fd, DRM_IOCTL_PANTHOR_VM_BIND, &bind)) {
			perror("VM_BIND unmap");
			ok = -1;
		}
	}
	destroy.id = create.id;
	if (xioctl(fd, DRM_IOCTL_PANTHOR_VM_DESTROY, &destroy)) {
		perror("VM_DESTROY");
		ok = -1;
	}
	return ok;
}

int main(void)
{
	struct drm_panthor_mmu_info mmu = { 0 };
	struct drm_panthor_dev_query query = {
		.type = DRM_PANTHOR_DEV_QUERY_MMU_INFO,
		.size = sizeof(mmu),
		.pointer = (uintptr_t)&mmu,
	};
	struct drm_version ver;
	char path[280], name[64];
	int fd, bit, ret;

	printf("package:         panthor-sparse-dkms %s\n", PANTHOR_SPARSE_VERSION);
	printf("base:            Debian linux-source-6.12 %s\n", PANTHOR_SPARSE_BASE);
	fd = open_panthor(path, sizeof(path), &ver, name, sizeof(name));
	if (fd < 0) {
		printf("no panthor device (no /dev/dri/renderD* driven by panthor that this user can open)\n");
		return EXIT_NO_DEVICE;
	}
	printf("device:          %s\n", path);
	printf("driver version:  %s %d.%d.%d\n", name, ver.version_major, ver.version_minor,
	       ver.version_patchlevel);

	if (xioctl(fd, DRM_IOCTL_PANTHOR_DEV_QUERY, &query)) {
		printf("MMU_INFO:        not supported (%s): this panthor lacks the sparse series\n",
		       strerror(errno));
		close(fd);
		return EXIT_NO_MMU_INFO;
	}
	printf("MMU_INFO:        page sizes");
	for (bit = 0; bit < 64; bit++) {
		if (!(mmu.page_size_bitmap & (1ull << bit)))
			continue;
		if (bit >= 30)
			printf(" %lluG", 1ull << (bit - 30));
		else if (bit >= 20)
			printf(" %lluM", 1ull << (bit - 20));
		else if (bit >= 10)
			printf(" %lluK", 1ull << (bit - 10));
		else
			printf(" %lluB", 1ull << bit);
	}
	printf(" (bitmap 0x%llx)\n", (unsigned long long)mmu.page_size_bitmap);

	ret = try_map_sparse(fd);
	close(fd);
	if (ret < 0)
		return EXIT_ERROR;
	return ret ? EXIT_SPARSE_OK : EXIT_NO_SPARSE;
}

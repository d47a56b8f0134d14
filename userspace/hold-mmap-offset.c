// SPDX-License-Identifier: GPL-2.0
/*
 * Works around a bug of IGT 2.5's panthor_gem@bo_mmap_offset in the QEMU
 * userspace check: the test compares the 64-bit mmap offset of a BO with 0
 * through igt_assert_neq(), which truncates both to int. The first mmap
 * offset a DRM device hands out is DRM_FILE_PAGE_OFFSET_START, 4 GiB on
 * 64-bit, whose low 32 bits are 0, so the subtest fails on any device where
 * it is the first user of the mmap offset space (a fresh board as well as
 * the virtual device). A desktop running on the board hides it.
 *
 * This program takes that first offset, as such a desktop would: it opens
 * the render node given, creates a 4 KiB BO, gets its mmap offset, writes
 * the offset to the file given, and sleeps until killed.
 *
 * usage: hold-mmap-offset RENDER_NODE READY_FILE
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <drm/panthor_drm.h>

int main(int argc, char **argv)
{
	struct drm_panthor_bo_create bo = { .size = 4096 };
	struct drm_panthor_bo_mmap_offset off = {};
	FILE *ready;
	int fd;

	if (argc != 3)
		return 2;
	fd = open(argv[1], O_RDWR);
	if (fd < 0 || ioctl(fd, DRM_IOCTL_PANTHOR_BO_CREATE, &bo)) {
		perror("hold-mmap-offset: BO_CREATE");
		return 1;
	}
	off.handle = bo.handle;
	if (ioctl(fd, DRM_IOCTL_PANTHOR_BO_MMAP_OFFSET, &off)) {
		perror("hold-mmap-offset: BO_MMAP_OFFSET");
		return 1;
	}
	ready = fopen(argv[2], "w");
	if (!ready)
		return 1;
	fprintf(ready, "0x%llx\n", (unsigned long long)off.offset);
	fclose(ready);
	for (;;)
		pause();
}

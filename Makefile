# Entry points of the repository; the work is done by scripts/*.
#   make          main job: the tree (base + patches/series), its KUnit tests
#   make check    all checks of patches/ (what CI runs: .ci/run)
#   make tree     build/linux = base + patches/series (branch work)
#   make export   build/linux base..work -> patches/
#   make update-base  rebase the series onto Debian's newest 6.12, refresh every pin
#   make dkms     build/results/panthor-sparse-dkms_VERSION_all.deb (dkms/)
#   make clean    remove build outputs (keeps build/linux, build/dl, build/mainline/{linux,dl})
#   make mutants  plant each bug of mutants/ and check the KUnit suites catch it
#   make bench    benchmarks, non-debug kernels before/after the series and mainline 7.3: build/results/bench.md
#   make e2e      the package in Debian 13 arm64 under QEMU, as a user: build/results/e2e-*
# BUILD=dir moves the build directory (default: build/).

BUILD ?= $(CURDIR)/build
export BUILD

.PHONY: all deps tree export update-base check clean mutants dkms bench e2e

all: tree
	scripts/kunit.sh "$(BUILD)/linux"; rc=$$?; \
	scripts/kunit-summary.py "$(BUILD)/results/kunit.json" \
		"$(BUILD)/results/kunit-noncoherent.json" && exit $$rc

deps:
	scripts/install-deps.sh

tree: deps
	scripts/tree.sh

export:
	scripts/export.sh

update-base: deps
	scripts/update-base.sh

check:
	scripts/check.sh

mutants:
	scripts/mutants.sh

bench:
	scripts/bench.sh

dkms: deps
	scripts/dkms-package.sh

e2e: deps
	scripts/e2e.sh

clean:
	if [ -d "$(BUILD)/linux/.git" ]; then \
		for w in check nodebug nodebug-before; do git -C "$(BUILD)/linux" worktree remove --force \
			"$(BUILD)/$$w/linux" 2>/dev/null; done; \
		git -C "$(BUILD)/linux" worktree prune; fi; true
	rm -rf "$(BUILD)/check" "$(BUILD)/kunit" "$(BUILD)/kunit-check" "$(BUILD)/nodebug" "$(BUILD)/nodebug-before" \
		"$(BUILD)/x86" "$(BUILD)/arm64" "$(BUILD)/results" "$(BUILD)/userspace"	# kunit-check: old place
	rm -rf "$(BUILD)/mainline/kunit"	# keeps build/mainline/linux and its package

#!/bin/bash
# Print the kernel reports found in a console log, one line each with its
# line number, and exit 1 if there is any; exit 0 when the log is clean.
# Used on every test kernel's console (KUnit, QEMU boots): panic_on_warn
# catches WARN(), but lockdep, KASAN, UBSAN and kmemleak print their
# reports with pr_warn/pr_err and the kernel goes on.
#
# usage: scripts/console-reports.sh CONSOLE.log
set -euo pipefail

log=${1:?usage: console-reports.sh CONSOLE.log}
[ -r "$log" ] || { echo "error: no console log $log" >&2; exit 2; }

# A report's first line, after an optional printk timestamp. Lockdep's start
# with "WARNING: possible circular locking ...", "WARNING: inconsistent lock
# state", ...; KASAN's with "BUG: KASAN: ...".
reports='^(\[ *[0-9]+\.[0-9]+\] )?(WARNING:|BUG:|UBSAN:|Oops|Kernel panic|kernel BUG at|general protection fault|Unable to handle kernel|INFO: (task .* blocked|possible|suspicious|trying to register non-static key)|kmemleak: [0-9]+ new suspected memory leaks|unreferenced object 0x|------------\[ cut here \]------------)'

if grep -naE "$reports" "$log"; then
	exit 1
fi
exit 0

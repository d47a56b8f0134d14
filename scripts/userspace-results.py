#!/usr/bin/env python3
# Results of the QEMU userspace check (scripts/userspace.sh) from the guest
# console: one line per IGT subtest and per selftest case, compared with
# userspace/igt-expected.txt. Prints the result table; exits 1 when a result
# differs from what is expected (for the selftest: anything but PASS), when a
# subtest is missing or unlisted, when the guest did not finish, or when the
# kernel reported a problem (WARNING, BUG, Oops, KASAN, lockdep, panic).
#
# usage: userspace-results.py CONSOLE_LOG EXPECTED_FILE > RESULTS
import re
import sys

# Kernel reports only: IGT's own log lines contain "-WARNING:" too.
KERNEL_TROUBLE = re.compile(r'WARNING: CPU|cut here|\bBUG: |Oops|KASAN|possible circular locking|'
                            r'possible recursive locking|INFO: task .* blocked|'
                            r'Kernel panic|UBSAN|list_(add|del) corruption|Call Trace:')


def main():
    console, expected_file = sys.argv[1:3]
    lines = [l.rstrip('\r\n') for l in open(console, errors='replace')]

    expected = {}
    for l in open(expected_file):
        if l.startswith('#') or not l.strip():
            continue
        test, sub, result, *err = l.split(maxsplit=3)
        expected[(test, sub)] = (result, err[0].strip() if err else '')

    bad = []
    results = []		# (kind, test, case, result, note)
    output = {}		# (test, subtest) -> its output lines
    kind = test = sub = None
    exits = {}
    finished = False
    for l in lines:
        m = re.search(r'USERSPACE: run (igt|selftest) (\S+)', l)
        if m:
            kind, test, sub = m.group(1), m.group(2), None
            continue
        m = re.search(r'USERSPACE: exit (igt|selftest) (\S+) (\d+)', l)
        if m:
            exits[(m.group(1), m.group(2))] = int(m.group(3))
            kind = None
            continue
        if 'USERSPACE: end' in l:
            finished = True
        if KERNEL_TROUBLE.search(l):
            bad.append('kernel: ' + l.strip())
        if kind == 'igt':
            m = re.search(r'Starting subtest: (\S+)', l)
            if m:
                sub = m.group(1)
                output[(test, sub)] = []
            elif sub:
                output[(test, sub)].append(l)
            m = re.search(r'Subtest (\S+): (SUCCESS|FAIL|SKIP|CRASH|TIMEOUT)', l)
            if m:
                r = {'SUCCESS': 'PASS'}.get(m.group(2), m.group(2))
                results.append(('igt', test, m.group(1), r))
                sub = None
        elif kind == 'selftest':
            m = re.match(r'(not ok|ok) \d+ (\S+)(.*)', l.strip())
            if m:
                r = 'FAIL' if m.group(1) == 'not ok' else 'PASS'
                if '# SKIP' in m.group(3):
                    r = 'SKIP'
                results.append(('selftest', test, m.group(2), r))
            m = re.match(r'1\.\.(\d+)$', l.strip())
            if m:
                exits[('plan', test)] = int(m.group(1))

    if not finished:
        bad.append('guest did not reach "USERSPACE: end" (hang, crash or timeout)')

    seen = set()
    for kind, test, case, r in results:
        note = ''
        if kind == 'igt':
            seen.add((test, case))
            want, err = expected.get((test, case), (None, ''))
            if want is None:
                note = 'not in igt-expected.txt'
            elif r != want:
                note = 'expected ' + want
            elif err and not any(err in o for o in output.get((test, case), [])):
                note = 'expected error "%s" not in its output' % err
            elif err:
                note = 'expected: ' + err
            if note and not note.startswith('expected: '):
                bad.append('%s %s: %s, %s' % (test, case, r, note))
        elif r != 'PASS':
            note = 'every selftest case must pass'
            bad.append('%s %s: %s' % (test, case, r))
        print('%-8s %-14s %-45s %-4s %s' % (kind, test, case, r, note))

    for test, case in expected:
        if (test, case) not in seen:
            bad.append('%s %s: no result' % (test, case))
    selftests = {t for k, t, _, _ in results if k == 'selftest'}
    for (k, test), code in exits.items():
        if k == 'selftest' and code != 0:
            bad.append('selftest %s exited with %d' % (test, code))
        if k == 'plan':
            n = sum(1 for r in results if r[0] == 'selftest' and r[1] == test)
            if n != code:
                bad.append('selftest %s: %d results for a plan of %d' % (test, n, code))
    if not selftests:
        bad.append('no selftest result')

    # One summary line: per program, how many subtests passed out of how many.
    per = []
    for test in dict.fromkeys(r[1] for r in results):
        rs = [r for r in results if r[1] == test]
        ok = sum(1 for r in rs if r[3] == 'PASS')
        xfail = sum(1 for r in rs if r[3] != 'PASS' and
                    expected.get((r[1], r[2]), ('PASS',))[0] == r[3])
        per.append('%s %d/%d%s' % (test, ok, len(rs),
                                   ' (%d expected FAIL)' % xfail if xfail else ''))
    print('userspace: %s passed; %d unexpected' % (', '.join(per), len(bad)))
    for b in bad:
        print('UNEXPECTED: ' + b)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())

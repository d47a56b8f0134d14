#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Summarise a kunit.py run.

usage: kunit-summary.py RESULTS.json [RESULTS.json ...]

Each RESULTS.json is written by "kunit.py run|exec --json=FILE". It holds
test names and statuses only, so the lines that carry figures (those that
start with "bench: " or "demo: ", usually printed by the tests with
kunit_info(), which prefixes "# <test>: ") are read from the console log of
the test kernel: NAME-console.log next to NAME.json (scripts/kunit.sh copies
it there), or test.log in the build directory. With several files, each run
is printed under its name and the counts are added up.

Prints each suite with its cases and their status, the figure lines under
the case that printed them, then exactly one last line
"N passed, M failed" (", K skipped" when K > 0), counting test cases
(each parameter of a parameterised case counts). A crashed case counts as
failed (CRASH: no result, the kernel crashed or timed out), so does a
skipped case outside the benchmark suites (*_bench; SKIP!), and so do the
kernel reports of the console (lockdep, KASAN, UBSAN, WARNING, ...: found by
console-reports.sh), one failure each, named. Exits 1 when M > 0 or when
no test ran.
"""

import json
import os
import re
import subprocess
import sys

# A printk timestamp, when CONFIG_PRINTK_TIME is on.
TIME = re.compile(r'^\[\s*\d+\.\d+\] ?')
SUBTEST = re.compile(r'^( *)# Subtest: (.*)$')
RESULT = re.compile(r'^( *)(?:not ok|ok) \d+ (.*?)(?: # .*)?$')
# A figure line: "bench: ..." or "demo: ...", either as is or after the
# "# <test name>: " prefix that kunit_info() adds.
FIGURE = re.compile(r'^\s*(?:# \S+: )?((?:bench|demo):.*)$')


def read_console(path):
    """Return ({path tuple: [figure lines]}, {path tuple: order}) from the log.

    A figure line belongs to the next result line ("ok N name"), whatever
    its depth: kunit_info() output comes before the result of its test.
    Paths are (suite, case) or (suite, case, parameter).
    """
    figures, order, stack, pending = {}, {}, [], []
    if not path or not os.path.exists(path):
        return figures, order
    with open(path, errors='replace') as f:
        for line in f:
            line = TIME.sub('', line.rstrip('\n'))
            m = SUBTEST.match(line)
            if m:
                depth = len(m.group(1)) // 4
                stack = stack[:max(depth - 1, 0)] + [m.group(2).strip()]
                continue
            m = RESULT.match(line)
            if m:
                depth = len(m.group(1)) // 4
                key = tuple(stack[:depth]) + (m.group(2).strip(),)
                order.setdefault(key, len(order))
                if pending:
                    figures.setdefault(key, []).extend(pending)
                    pending = []
                continue
            m = FIGURE.match(line)
            if m:
                pending.append(m.group(1).strip())
    if pending:
        figures.setdefault((), []).extend(pending)
    return figures, order


def console_reports(path):
    """Return the report lines that console-reports.sh finds in the log."""
    if not path or not os.path.exists(path):
        return []
    scanner = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'console-reports.sh')
    run = subprocess.run([scanner, path], capture_output=True, text=True)
    return run.stdout.splitlines() if run.returncode == 1 else []


def squeeze(lines):
    """Yield (line, count) with runs of identical lines counted once."""
    prev, n = None, 0
    for line in lines:
        if line == prev:
            n += 1
            continue
        if n:
            yield prev, n
        prev, n = line, 1
    if n:
        yield prev, n


def summarise(json_path, counts):
    """Print one run; add its statuses to counts. Return False if unreadable."""
    try:
        with open(json_path) as f:
            root = json.load(f)
    except (OSError, ValueError) as e:
        print(f'error: no KUnit results: {e}')
        return False
    console = re.sub(r'\.json$', '', json_path) + '-console.log'
    if not os.path.exists(console):
        console = os.path.join(root.get('build_environment') or '', 'test.log')
    figures, order = read_console(console)
    out = []

    def show_figures(key, indent):
        out.extend(' ' * indent + line for line in figures.get(key, []))

    def walk(group, path, indent):
        """Append the lines of a group's children to out; return their statuses."""
        children = [(c['name'], c, True) for c in group.get('sub_groups', [])]
        children += [(c['name'], c, False) for c in group.get('test_cases', [])]
        children.sort(key=lambda c: order.get(path + (c[0],), len(order)))
        statuses = []
        for name, child, is_group in children:
            key = path + (name,)
            if is_group and not path:		# a suite
                out.append(name)
                statuses += walk(child, key, indent + 2)
                show_figures(key, indent + 2)
            elif is_group:			# a parameterised case
                at = len(out)
                sub = walk(child, key, indent + 2)
                out.insert(at, ' ' * indent + f'{group_status(sub):<5} {name}')
                statuses += sub
            else:				# a case or a parameter
                status = child.get('status')
                label = 'CRASH' if status == 'ERROR' else status
                status = status if status in counts else 'FAIL'
                # Only benchmarks may skip: a skipped test hides what it covers.
                if status == 'SKIP' and not path[0].endswith('_bench'):
                    label, status = 'SKIP!', 'FAIL'
                counts[status] += 1
                statuses.append(status)
                out.append(' ' * indent + f'{label:<5} {name or "(no result)"}')
                show_figures(key, indent + 6)
        return statuses

    def group_status(statuses):
        if 'FAIL' in statuses or not statuses:
            return 'FAIL'
        return 'SKIP' if all(s == 'SKIP' for s in statuses) else 'PASS'

    walk(root, (), 0)
    show_figures((), 0)
    for line, n in squeeze(out):
        print(line + (f' (x{n})' if n > 1 else ''))
    if any(line.lstrip().startswith('CRASH') for line in out):
        print(f'the test kernel crashed or timed out: see {console}')
    for report in console_reports(console):
        print(f'FAIL  kernel report in the console: {report}')
        counts['FAIL'] += 1
    return True


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    counts = {'PASS': 0, 'FAIL': 0, 'SKIP': 0}
    ok = True
    for json_path in sys.argv[1:]:
        if len(sys.argv) > 2:
            name = os.path.basename(re.sub(r'\.json$', '', json_path))
            print(f'== {name}')
        ok = summarise(json_path, counts) and ok
    total = sum(counts.values())
    if total == 0:
        print('error: no test ran')
    line = f"{counts['PASS']} passed, {counts['FAIL']} failed"
    if counts['SKIP']:
        line += f", {counts['SKIP']} skipped"
    print(line)
    return 1 if counts['FAIL'] or total == 0 or not ok else 0


if __name__ == '__main__':
    sys.exit(main())

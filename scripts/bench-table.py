#!/usr/bin/env python3
"""Turn the "bench:" lines of make bench's three runs into bench.md.

Each line is key=value pairs (tests/panthor_bench.h): suite, row, size, ops,
cold, bind_med/min/max, unbind_med/min/max (ns), rsvd (-1: not measured),
held, blocks, pages, floor (ns to write blocks + pages descriptors in a
plain loop, same run); or, for a row a kernel cannot run the same way,
suite, row, size and reason= followed by free text to the end of the line.
usage: bench-table.py --before LOG --tip LOG --mainline LOG
--before-commit S --tip-commit S --mainline-version S --config KCONFIG
"""
import argparse
import os
import platform
import re

LINE = re.compile(r'bench: (suite=.*)$')


def parse(path):
    rows = {}
    with open(path, errors='replace') as f:
        for line in f:
            m = LINE.search(line)
            if m:
                text, _, reason = m.group(1).partition(' reason=')
                kv = dict(p.split('=', 1) for p in text.split())
                rows[kv['row']] = {k: (v if k in ('suite', 'row') else int(v))
                                   for k, v in kv.items()}
                if reason:
                    rows[kv['row']]['reason'] = reason.strip()
    return rows


def t(ns):
    for unit, div in (('s', 1e9), ('ms', 1e6), ('us', 1e3)):
        if ns >= div:
            return f'{ns / div:.3g} {unit}'
    return f'{ns} ns'


def size(b):
    if b == 100003840:
        return '100e6 B'
    for unit, div in (('GiB', 1 << 30), ('MiB', 1 << 20), ('KiB', 1 << 10)):
        if b >= div and b % div == 0:
            return f'{b // div} {unit}'
    return f'{b / (1 << 30):.6g} GiB' if b > 1 << 30 else f'{b} B'


def ratio(a, b):
    if not b:
        return 'n/a'
    return f'{a / b:.0f}' if a >= 100 * b else f'{a / b:.3g}'


def warm(r):
    return f"{t(r['bind_med'])} ({t(r['bind_min'])}..{t(r['bind_max'])})"


def unbind(r):
    return f"{t(r['unbind_med'])} ({t(r['unbind_min'])}..{t(r['unbind_max'])})"


def pt(r):
    rsvd = '-' if r['rsvd'] < 0 else str(r['rsvd'])
    return f"{rsvd} / {r['held']}"


def descs(r):
    return f"{r['blocks']} / {r['pages']}"


def machine(config):
    cpu = 'unknown CPU'
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    opts = {}
    with open(config) as f:
        for line in f:
            m = re.match(r'# (CONFIG_\w+) is not set', line)
            if m:
                opts[m.group(1)] = 'n'
            elif '=' in line and line.startswith('CONFIG_'):
                k, v = line.strip().split('=', 1)
                opts[k] = v
    debug = ', '.join(f"{k[7:]}={opts.get(k, 'n')}" for k in
                      ('CONFIG_KASAN', 'CONFIG_PROVE_LOCKING', 'CONFIG_DEBUG_LIST',
                       'CONFIG_KCOV', 'CONFIG_DEBUG_KMEMLEAK', 'CONFIG_FAILSLAB',
                       'CONFIG_FAIL_PAGE_ALLOC'))
    return cpu, os.cpu_count(), platform.release(), debug


def preemption(config):
    """The preemption model a kernel configuration selects."""
    with open(config) as f:
        on = {line.strip()[7:-2] for line in f if line.strip().endswith('=y')}
    for m in ('PREEMPT_RT', 'PREEMPT_LAZY', 'PREEMPT_NONE', 'PREEMPT_VOLUNTARY', 'PREEMPT'):
        if m in on:
            return m
    return 'unknown'


def main():
    ap = argparse.ArgumentParser()
    for a in ('--before', '--tip', '--mainline', '--before-commit', '--tip-commit',
              '--mainline-version', '--config'):
        ap.add_argument(a, required=True)
    ap.add_argument('--config-diff', default='')
    ap.add_argument('--mainline-config', required=True)
    a = ap.parse_args()
    before, tip, main = parse(a.before), parse(a.tip), parse(a.mainline)
    cpu, ncpu, host, debug = machine(a.config)
    out = []
    p = out.append

    p('# make bench')
    p('')
    p(f'Machine: {cpu}, {ncpu} cores, host kernel {host}; the test kernel runs in '
      'QEMU x86_64 under TCG (no KVM), 1 vCPU, `-m 4096`, on a fake Panthor device (coherent), '
      'with `-icount shift=0,sleep=off`: guest time is the instruction count (one guest '
      'instruction, one nanosecond; an idle guest jumps to its next timer), so a figure is '
      'what the guest executes, the same whatever else the host runs. '
      f'Test kernels: non-debug KUnit builds ({debug}), booted with `panthor.bench_full=1`.')
    p(f'Before: `{a.before_commit}` (base + patches 1-2: no driver change). '
      f'Tip: `{a.tip_commit}`. Both from the tip\'s test configuration; only in the '
      f'tip: {a.config_diff.strip() or "nothing"}.')
    p('')
    p('Method: each row is one cold bind in a fresh VM and VA window, then warm '
      'bind + unbind pairs in the same window (5, or 31 for binds of 2 MiB or less); '
      'times are median (min..max) of the warm pairs. No stub is active and the '
      'KUnit test is hidden from the thread (`current->kunit_test = NULL`) around '
      'each timed call, so `KUNIT_STATIC_STUB_REDIRECT` does no lookup: the driver '
      'runs its real path, MMU commands included. "× floor": warm median over the '
      'time a plain loop takes to write the same number of descriptors into a '
      'page-aligned buffer, in the same run. "pt pages": page-table pages reserved '
      'at the op\'s peak (only visible for sync sparse ops, "-" elsewhere) / held '
      'after the cold bind. "descs": 2 MiB block / 4 KiB page descriptors '
      'written, every one checked against the BO or dummy page it must map.')
    p('')

    sizes = ['2M', '100e6', '1G', '16G', '64G', 'unaligned']
    p('## Sparse ranges: MAP_SPARSE (tip) against Mesa 26.2\'s emulation')
    p('')
    p('Mesa: one MAP of a 2 MiB dummy BO (512 scattered 4 KiB pages) per 2 MiB chunk, through the '
      'VM_BIND ioctl, asynchronous, 16 ops per ioctl, timed until the last op '
      'completed; unbind is one UNMAP. MAP_SPARSE dummies: one 2 MiB block '
      '("block"), 2 MiB contiguous but not 2 MiB aligned ("contig", 4 KiB '
      'descriptors), 32 scattered runs of 64 KiB ("64K": what a dummy built from '
      '64 KiB blocks would be, not what the driver makes today), 512 scattered '
      'pages ("scattered").')
    p('')
    p('| range | method | ops | cold | warm bind | × floor | unbind | pt pages | descs | floor |')
    p('|---|---|---|---|---|---|---|---|---|---|')
    for s in sizes:
        lines = [(f'MAP_SPARSE, {k} dummy', tip.get(f'sparse-{k}-{s}'))
                 for k in ('block', 'contig', '64K', 'scattered')]
        lines += [('Mesa emulation, before', before.get(f'mesa-{s}')),
                  ('Mesa emulation, tip', tip.get(f'mesa-{s}'))]
        for name, r in lines:
            if not r:
                continue
            rng = size(r['size'])
            if s == 'unaligned':
                rng += ' at +20 KiB'
            p(f"| {rng} | {name} | {r['ops']} | {t(r['cold'])} | {warm(r)} | "
              f"{ratio(r['bind_med'], r['floor'])} | {unbind(r)} | {pt(r)} | "
              f"{descs(r)} | {t(r['floor'])} |")
    p('')

    p('## One op per 4 KiB page or 64 KiB tile over 100e6 B (vkQueueBindSparse streams)')
    p('')
    p('16 ops per VM_BIND ioctl; sync: no ASYNC flag; async: ASYNC, timed until '
      'the last op completed.')
    p('')
    p('| row | ops | before: warm bind | tip: warm bind | tip/before | per op (tip) | × floor (tip) |')
    p('|---|---|---|---|---|---|---|')
    for k in ('per4K-100e6-sync', 'per4K-100e6-async', 'per64K-100e6-sync',
              'per64K-100e6-async'):
        b, r = before.get(k), tip.get(k)
        if not r:
            continue
        p(f"| {k} | {r['ops']} | {warm(b) if b else '-'} | {warm(r)} | "
          f"{ratio(r['bind_med'], b['bind_med']) if b else '-'} | "
          f"{t(r['bind_med'] // r['ops'])} | {ratio(r['bind_med'], r['floor'])} |")
    p('')

    p('## Ordinary BO binds, before and after the series')
    p('')
    p('One MAP op of a whole BO and one UNMAP, straight through the sync op path '
      '(no ioctl). The BO is 4 KiB pages scattered in memory (one segment per page, '
      'as shmem gives on a long-running system), or one 2 MiB-aligned block. '
      '"active": the VM holds an address space, so the tip issues LOCK before '
      'and FLUSH_MEM after each op (6.12: LOCK + FLUSH_PT per step); the fake '
      'register window completes every command at once, so the real MMU\'s '
      'command latency and TLB/cache flush cost are not in these figures.')
    p('')
    p('| row | before: bind | tip: bind | tip/before | before: unbind | tip: unbind | tip/before | × floor (tip) |')
    p('|---|---|---|---|---|---|---|---|')
    keys = [k for k in tip if k.startswith('bo-')] + ['mesa-100e6-active']
    for k in keys:
        b, r = before.get(k), tip.get(k)
        if not r or not b:
            continue
        p(f"| {k} | {warm(b)} | {warm(r)} | {ratio(r['bind_med'], b['bind_med'])} | "
          f"{unbind(b)} | {unbind(r)} | {ratio(r['unbind_med'], b['unbind_med'])} | "
          f"{ratio(r['bind_med'], r['floor'])} |")
    p('')

    p('## Active VM, MAP_SPARSE')
    p('')
    p('| row | cold | warm bind | × floor | unbind | pt pages | descs |')
    p('|---|---|---|---|---|---|---|')
    for k, r in tip.items():
        if k.startswith('sparse-') and k.endswith('-active'):
            p(f"| {k} | {t(r['cold'])} | {warm(r)} | {ratio(r['bind_med'], r['floor'])} | "
              f"{unbind(r)} | {pt(r)} | {descs(r)} |")
    p('')

    p('## Residency updates: tip against mainline 7.3')
    p('')
    p('What vkQueueBindSparse streams on a texture: a 64 MiB sparse range over the '
      'block dummy on an active VM; one BO of a tile (64 KiB or 4 KiB, scattered '
      'pages) bound on one tile per 256 KiB (256 ops, eight per 2 MiB block), then '
      'each tile made sparse again, 16 ops per VM_BIND ioctl; sync: no ASYNC flag; '
      'async: ASYNC, timed until the last op completed. "bind": the pass binding '
      'the BO; "to sparse": the pass back to sparse; per op: the pass over its ops, '
      'median (min..max) of the warm passes. Counted on one more untimed pair: '
      'page-table pages taken from / given back to the page-table cache per op, '
      'and MMU commands per ioctl. Figures as tip; 7.3.')
    p('')
    p('| row | ops per pass | tip: bind per op | 7.3: bind per op | tip/7.3 | '
      'tip: to sparse per op | 7.3: to sparse per op | tip/7.3 | floor tip/7.3 | '
      'pt pages alloc / free per op | MMU commands per ioctl |')
    p('|---|---|---|---|---|---|---|---|---|---|---|')

    def per_op(r, key):
        n = r['ops']
        return (f"{t(r[key + '_med'] // n)} ({t(r[key + '_min'] // n)}.."
                f"{t(r[key + '_max'] // n)})")

    def counts(c):
        if not c:
            return '-', '-'
        ops, ioctls = c['ops'], c['ioctls']
        pt = f"{c['pt_alloc'] / ops:.3g} / {c['pt_free'] / ops:.3g}"
        cmds = '-' if c['mmu_cmds'] < 0 else f"{c['mmu_cmds'] / ioctls:.3g}"
        return pt, cmds

    for k, r in tip.items():
        if r.get('suite') != 'res':
            continue
        m = main.get(k)
        tpt, tcmd = counts(tip.get(k + '-count'))
        mpt, mcmd = counts(main.get(k + '-count'))
        if not m or 'reason' in m:
            p(f"| {k} | {r['ops']} | {per_op(r, 'bind')} | - | - | {per_op(r, 'unbind')} | - | "
              f"- | - | {tpt}; - | {tcmd}; - |")
            continue
        p(f"| {k} | {r['ops']} | {per_op(r, 'bind')} | {per_op(m, 'bind')} | "
          f"{ratio(r['bind_med'], m['bind_med'])} | {per_op(r, 'unbind')} | "
          f"{per_op(m, 'unbind')} | {ratio(r['unbind_med'], m['unbind_med'])} | "
          f"{ratio(r['floor'], m['floor'])} | {tpt}; {mpt} | {tcmd}; {mcmd} |")
    p('')

    p('## Tip against mainline 7.3')
    p('')
    p(f'7.3: Debian\'s {a.mainline_version} with bench-mainline/ (the same fake device '
      'and rows, ported; 7.3\'s driver unchanged but for one line: its GPU cache flush, '
      'which waits for a GPU interrupt, returns at once on the fake device, which has '
      'no GPU block). Same test configuration, kernel arguments and method; the sparse '
      'rows are 7.3\'s MAP_SPARSE (uAPI 1.9) with the same dummy layouts, the Mesa rows '
      'the same ioctls. The whole kernel differs (7.3\'s io-pgtable, DRM scheduler, mm; '
      f'preemption: tip {preemption(a.config)}, 7.3 {preemption(a.mainline_config)}), '
      'not only the driver. "floor tip/7.3" is the ratio of the two runs\' floors for '
      'the same descriptor count (the same plain loop, about 1 when both compilers emit '
      'the same loop). '
      '"× floor" and "pt pages" (reserved / held) are given as tip; 7.3.')
    p('')
    p('| row | ops | tip: cold | 7.3: cold | tip: warm bind | 7.3: warm bind | tip/7.3 | '
      'tip: unbind | 7.3: unbind | tip/7.3 | floor tip/7.3 | × floor | pt pages | descs |')
    p('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for k, r in tip.items():
        m = main.get(k)
        if 'reason' in r or r.get('suite') == 'rescount':
            continue
        if not m or 'reason' in m:
            why = m['reason'] if m else 'no 7.3 figure (the run did not print this row)'
            p(f"| {k} | {r['ops']} | {t(r['cold'])} | - | {warm(r)} | not measured: {why} | "
              f"- | {unbind(r)} | - | - | - | {ratio(r['bind_med'], r['floor'])}; - | "
              f"{pt(r)}; - | {descs(r)} |")
            continue
        same = descs(r) == descs(m)
        p(f"| {k} | {r['ops']} | {t(r['cold'])} | {t(m['cold'])} | {warm(r)} | {warm(m)} | "
          f"{ratio(r['bind_med'], m['bind_med'])} | {unbind(r)} | {unbind(m)} | "
          f"{ratio(r['unbind_med'], m['unbind_med'])} | {ratio(r['floor'], m['floor'])} | "
          f"{ratio(r['bind_med'], r['floor'])}; {ratio(m['bind_med'], m['floor'])} | "
          f"{pt(r)}; {pt(m)} | "
          f"{descs(r) + (' (7.3 the same)' if same else '; 7.3: ' + descs(m))} |")
    print('\n'.join(out))


if __name__ == '__main__':
    main()

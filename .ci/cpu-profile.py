#!/usr/bin/env python3
"""Runs a command and reports its wall time and the CPU time of everything it started.

    python3 .ci/cpu-profile.py -- ./mvnw -B -o -pl conversation-service verify

CPU time is what tells whether a step could share the 2 cores with another one: a step that keeps
one core busy for its whole wall time leaves the other idle. It counts every process descended
from the command, and also the embedded PostgreSQL servers its test JVMs started (pg_ctl detaches
them, so they are not descendants): those whose port a test log under the current directory names
("Embedded PostgreSQL started on port N", so other builds' servers on the machine are not counted),
with their backends. Sampled every second (a process that lives less than a second is missed:
negligible here). Wall time depends on what else runs on the machine, CPU time much less (but idle
pollers keep adding to it while a slow run lasts: an upper bound then). Prints one line:
wall s, CPU s, CPU/wall (cores busy on average), and the load average at start and end.
"""
import glob
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def snapshot():
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        rest = stat[stat.rindex(")") + 2:].split()
        ppid = int(rest[1])
        cpu = (int(rest[11]) + int(rest[12])) / TICK  # utime + stime, own threads only
        reaped = (int(rest[13]) + int(rest[14])) / TICK  # cutime + cstime: children it has waited for
        start = int(rest[19])
        procs[(int(name), start)] = (ppid, cpu, cmd, reaped)
    return procs


def port_of(cmd):
    match = re.search(r" -p (\d+)", cmd)
    return match.group(1) if match else None


def main():
    args = sys.argv[1:]
    if args and args[0] == "--":
        args = args[1:]
    load_before = open("/proc/loadavg").read().split()[:3]
    preexisting = set(snapshot())
    started = time.time()
    child = subprocess.Popen(args)
    seen = {}  # (pid, start) -> (ppid, cpu, cmd, reaped), last sample
    mine = {child.pid}
    postmasters = {}  # pid -> port of every embedded PostgreSQL on the machine
    candidates = {}  # those postmasters, last sample
    last_children = {}  # postmaster pid -> its backends at that sample
    while True:
        snap = snapshot()
        for key, value in snap.items():
            if key in preexisting:
                continue
            pid, _ = key
            ppid, _, cmd, _ = value
            if "sellavie-test-pg" in cmd and " -D " in cmd:  # a postmaster, ours or not: see below
                postmasters[pid] = port_of(cmd)
                candidates[key] = value
                last_children[pid] = [v for v in snap.values() if v[0] == pid]
            elif ppid in postmasters:  # a backend: counted with its postmaster
                continue
            elif ppid in mine or pid == child.pid or key in seen:
                mine.add(pid)
                seen[key] = value
        if child.poll() is not None:
            break
        time.sleep(1)
    wall = time.time() - started
    ports = set()
    for log in glob.glob("**/target/*-reports/*-output.txt", recursive=True):
        with open(log, errors="replace") as f:
            ports.update(re.findall(r"Embedded PostgreSQL started on port (\d+)", f.read()))
    ours = {pid for pid, port in postmasters.items() if port in ports}
    # A postmaster's own time and its exited backends' (reaped), plus the backends still running at
    # its last sample (those that exit later are in the next sample's reaped time).
    pg = 0.0
    for (pid, _), v in candidates.items():
        if pid in ours:
            pg += v[1] + v[3] + sum(b[1] for b in last_children.get(pid, []))
    cpu = sum(v[1] for v in seen.values()) + pg
    load_after = open("/proc/loadavg").read().split()[:3]
    print(f"cpu-profile: wall {wall:.0f} s, CPU {cpu:.0f} s (PostgreSQL {pg:.0f} s), cores busy {cpu / wall:.2f}, "
          f"load {' '.join(load_before)} -> {' '.join(load_after)}, exit {child.returncode}", file=sys.stderr)
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()

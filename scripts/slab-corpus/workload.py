#!/usr/bin/env python3
"""Kernel-object workloads with known truth, for the real-workload leak corpus (see README.md beside this file).

Each scenario creates Linux kernel objects (socket pairs, pipes, inotify watches, eventfds, epoll instances, timerfds,
memfds) on a schedule and either holds them to the end (a leak) or gives them back (not a leak). `calibrate KIND`
creates a batch of one kind, prints which slab caches grew by about one object per object created, and releases it:
that mapping, measured on the running kernel, is the truth of which caches a scenario makes grow.

Usage: workload.py calibrate KIND        workload.py run SCENARIO        workload.py list
"""
import ctypes
import json
import os
import resource
import select
import socket
import sys
import time

LIBC = ctypes.CDLL(None, use_errno=True)
INOTIFY_DIR = os.environ.get("CORPUS_INOTIFY_DIR", "/tmp/pooltags-corpus-inotify")

# name: (kind, role, schedule), times in seconds from the start of the recording
SCENARIOS = {
    # leaks: objects created at a steady rate from an onset and held to the end
    "leak-socketpair-150": dict(kind="socketpair", leak=True, onset=5, rate=150, length=36, duration=50,
                                text="150 socket pairs a second for 36 s from 5 s, held (the socket-pair case of issue 12)"),
    "leak-socketpair-20": dict(kind="socketpair", leak=True, onset=30, rate=20, length=150, duration=180,
                               text="20 socket pairs a second from 30 s, held"),
    "leak-pipe-100": dict(kind="pipe", leak=True, onset=15, rate=100, length=60, duration=90,
                          text="100 pipes a second for 60 s from 15 s, held"),
    "leak-eventfd-250": dict(kind="eventfd", leak=True, onset=0, rate=250, length=60, duration=70,
                             text="250 eventfds a second from the first sample, held"),
    "leak-epoll-100": dict(kind="epoll", leak=True, onset=30, rate=100, length=70, duration=110,
                           text="100 epoll instances a second for 70 s from 30 s, held"),
    "leak-timerfd-40": dict(kind="timerfd", leak=True, onset=10, rate=40, length=110, duration=130,
                            text="40 timerfds a second from 10 s, held"),
    "leak-memfd-100": dict(kind="memfd", leak=True, onset=10, rate=100, length=60, duration=80,
                           text="100 memfds a second for 60 s from 10 s, held"),
    "leak-inotify-200": dict(kind="inotify", leak=True, onset=10, rate=200, length=50, duration=75,
                             text="200 inotify watches a second for 50 s from 10 s, held"),
    # not leaks
    "burst-hold-release": dict(kind="socketpair", leak=False, onset=20, burst=5000, hold=30, duration=90,
                               text="5,000 socket pairs at once at 20 s, held 30 s, then closed"),
    "ramp-release": dict(kind="socketpair", leak=False, onset=15, rate=100, length=40, hold=10, duration=100,
                         text="100 socket pairs a second for 40 s from 15 s, held 10 s, then all closed (a test that"
                              " cleans up)",
                         limit="created at a leak's pace for 40 s, longer than a fast leak needs to be called likely"
                               " (20 s), then given back: a likely leak while it ramps, by design"),
    "steady-churn": dict(kind="pipe", leak=False, onset=10, churn=400, life=0.2, duration=90,
                         text="400 pipes a second from 10 s, each closed after 0.2 s"),
    "periodic-burst": dict(kind="eventfd", leak=False, onset=5, burst=3000, every=15, hold=5, duration=120,
                           text="3,000 eventfds every 15 s from 5 s, each batch closed after 5 s"),
    "fs-walk": dict(kind="walk", leak=False, onset=10, duration=90,
                    text="dentry and inode caches dropped, then a walk of /usr from 10 s: the caches fill and settle"),
}


def raise_fd_limit():
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def slab():
    out = {}
    with open("/proc/slabinfo") as f:
        for line in f:
            if line.startswith("slabinfo") or line.startswith("#"):
                continue
            parts = line.split()
            out[parts[0]] = int(parts[1])
    return out


def prepare_inotify(n):
    os.makedirs(INOTIFY_DIR, exist_ok=True)
    for i in range(n):
        p = os.path.join(INOTIFY_DIR, "f%05d" % i)
        if not os.path.exists(p):
            open(p, "w").close()


class Maker:
    """Creates and releases objects of one kind; each object is a list of file descriptors or watches."""

    def __init__(self, kind):
        self.kind = kind
        self.inotify = LIBC.inotify_init() if kind == "inotify" else None
        self.next_watch = 0

    def make(self):
        k = self.kind
        if k == "socketpair":
            a, b = socket.socketpair()
            return [a, b]
        if k == "pipe":
            return list(os.pipe())
        if k == "eventfd":
            return [os.eventfd(0)]
        if k == "epoll":
            return [select.epoll()]
        if k == "timerfd":
            fd = LIBC.timerfd_create(1, 0)
            if fd < 0:
                raise OSError(ctypes.get_errno(), "timerfd_create")
            return [fd]
        if k == "memfd":
            return [os.memfd_create("pooltags-corpus")]
        if k == "inotify":
            p = os.path.join(INOTIFY_DIR, "f%05d" % self.next_watch).encode()
            self.next_watch += 1
            wd = LIBC.inotify_add_watch(self.inotify, p, 0x2)
            if wd < 0:
                raise OSError(ctypes.get_errno(), "inotify_add_watch")
            return [("watch", wd)]
        raise ValueError(k)

    def release(self, obj):
        for o in obj:
            if isinstance(o, tuple):
                LIBC.inotify_rm_watch(self.inotify, o[1])
            elif isinstance(o, int):
                os.close(o)
            else:
                o.close()


def calibrate(kind, n=3000, rounds=3):
    """The caches that grew by 0.8 to 3 objects per object created, and fell by at least 0.8 of that when they were
    released, in every one of three rounds (so the machine's other activity during one round is not taken for the
    workload's, and a cache the kernel keeps filled after the release is not taken for one that tracks the objects)."""
    if kind == "walk":
        print(json.dumps(["dentry", "ext4_inode_cache", "inode_cache", "lsm_inode_cache"]))
        return
    if kind == "inotify":
        prepare_inotify(n)
    m = Maker(kind)
    common = None
    for _ in range(rounds):
        before = slab()
        objs = [m.make() for _ in range(n)]
        time.sleep(0.3)
        after = slab()
        for o in objs:
            m.release(o)
        m.next_watch = 0
        time.sleep(0.5)
        released = slab()
        grew = {k for k in after if 0.8 * n <= after[k] - before.get(k, 0) <= 3 * n
                and after[k] - released.get(k, 0) >= 0.8 * (after[k] - before.get(k, 0))}
        common = grew if common is None else common & grew
    print(json.dumps(sorted(common)))


def run(name):
    s = SCENARIOS[name]
    m = Maker(s["kind"]) if s["kind"] != "walk" else None
    t0 = time.monotonic()
    print("%.3f" % time.time(), flush=True)  # the start, for the truth file
    held = []

    def until(t):
        d = t0 + t - time.monotonic()
        if d > 0:
            time.sleep(d)

    if s["kind"] == "walk":
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("2\n")
        until(s["onset"])
        for root, dirs, files in os.walk("/usr"):
            for x in files + dirs:
                try:
                    os.lstat(os.path.join(root, x))
                except OSError:
                    pass
        until(s["duration"])
        return
    until(s["onset"])
    if "rate" in s:
        # steady creation: the i-th object at onset + i/rate
        total = int(s["rate"] * s["length"])
        for i in range(total):
            until(s["onset"] + i / s["rate"])
            held.append(m.make())
        if not s["leak"]:
            until(s["onset"] + s["length"] + s.get("hold", 0))
            for o in held:
                m.release(o)
            held = []
    elif "churn" in s:
        live = []
        i = 0
        while time.monotonic() - t0 < s["duration"] - 1:
            now = time.monotonic() - t0
            until(s["onset"] + i / s["churn"])
            live.append((now + s["life"], m.make()))
            i += 1
            while live and live[0][0] <= time.monotonic() - t0:
                m.release(live.pop(0)[1])
        for _, o in live:
            m.release(o)
    elif "every" in s:
        t = s["onset"]
        while t + s["hold"] < s["duration"]:
            until(t)
            batch = [m.make() for _ in range(s["burst"])]
            until(t + s["hold"])
            for o in batch:
                m.release(o)
            t += s["every"]
    elif "burst" in s:
        batch = [m.make() for _ in range(s["burst"])]
        until(s["onset"] + s["hold"])
        for o in batch:
            m.release(o)
    until(s["duration"])
    for o in held:
        m.release(o)


def main():
    raise_fd_limit()
    if len(sys.argv) >= 2 and sys.argv[1] == "list":
        for k, v in SCENARIOS.items():
            print("%s\t%s\t%d\t%s\t%s\t%s\t%s" % (k, v["kind"], v["duration"], "leak" if v["leak"] else "no-leak",
                                                   v["onset"], v["text"], v.get("limit", "")))
    elif len(sys.argv) == 3 and sys.argv[1] == "calibrate":
        calibrate(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "run":
        if SCENARIOS[sys.argv[2]]["kind"] == "inotify":
            prepare_inotify(20000)
        run(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

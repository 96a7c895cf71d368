#!/usr/bin/env python3
"""tui.py VERDICT - the walk-through's cost per key press, and its peak memory.

verdict runs in a detached tmux session (100x30) with VERDICT_TUI_TIMING,
which logs per key the microseconds spent on the action (saving included)
and on the redraw (building the screen and writing it to the terminal).
Keys are sent one at a time, each once the last one's redraw shows on the
screen, so that no key arrives while a redraw is under way (curses would
cut it short).

For the default set and for generated sets of 100, 1,000 and 10,000
criteria x 8 options, two runs:
  walk     a new session: 200 keys on the criterion screens (a digit, which
           saves the weight, then Enter, which saves the step and goes on;
           two keys a criterion for the default set);
  results  a complete session (saved with verdict score --save), resumed:
           it opens on the results; 40 keys scrolling them, then back to the
           review of every weight and 40 keys moving down its list.
Prints the median and 99th percentile of the redraw per key and of the
action (in ms), the time from starting verdict to its first screen (polled
every 20 ms, so +-20 ms), and the peak RSS of each run (VmHWM of the
verdict process, read from /proc just before it quits).
"""
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

verdict = os.path.abspath(sys.argv[1])
here = os.path.dirname(os.path.abspath(__file__))
work = os.environ.get("BENCH_WORK") or tempfile.mkdtemp()
sock = "verdict-bench-%d" % os.getpid()
default_set = os.path.join(here, "..", "criteria", "node-vs-python.yaml")


def tm(*args, check=True):
    return subprocess.run(["tmux", "-L", sock, "-f", "/dev/null", *args], check=check,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout


def screen():
    return tm("capture-pane", "-p", "-t", "b", check=False) or ""


def wait_for(text, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in screen():
            return True
        time.sleep(0.02)
    raise SystemExit("tui.py: the screen never showed %r:\n%s" % (text, screen()))


def lines(path):
    try:
        with open(path) as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


class Run:
    def __init__(self, args, db):
        self.timing = os.path.join(work, "timing")
        if os.path.exists(self.timing):
            os.remove(self.timing)
        self.logged = 0
        cmd = ["env", "VERDICT_TUI_TIMING=" + self.timing, "VERDICT_DB=" + db,
               "HOME=" + work, "VERDICT_NOW=1700000000", verdict, *args]
        tm("new-session", "-d", "-s", "b", "-x", "100", "-y", "30",
           " ".join(shlex.quote(a) for a in cmd) + "; sleep 600")
        pane = tm("display-message", "-p", "-t", "b", "#{pane_pid}").strip()
        self.pid = None
        end = time.monotonic() + 10
        while not self.pid and time.monotonic() < end:
            kids = subprocess.run(["pgrep", "-P", pane], stdout=subprocess.PIPE,
                                  text=True).stdout.split()
            self.pid = kids[0] if kids else None
            time.sleep(0.01)

    def key(self, k):
        """Sends key K, then waits until the screen changes (the redraw has
        reached the terminal), or 0.3 s for a key that changes nothing. The
        timing log is written when verdict exits, a line per key."""
        before = screen()
        tm("send-keys", "-t", "b", k)
        end = time.monotonic() + 0.3
        while time.monotonic() < end and screen() == before:
            time.sleep(0.001)
        self.logged += 1

    def mark(self):
        return self.logged

    def quit(self):
        """Reads verdict's peak RSS (VmHWM, its own since exec), quits, and
        returns the timing rows and the peak in KiB."""
        kb = 0
        with open("/proc/%s/status" % self.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    kb = int(line.split()[1])
        tm("send-keys", "-t", "b", "q")
        end = time.monotonic() + 60
        while os.path.exists("/proc/%s" % self.pid):
            if time.monotonic() > end:
                raise SystemExit("tui.py: verdict did not quit:\n%s" % screen())
            time.sleep(0.01)
        tm("kill-session", "-t", "b", check=False)
        rows = [tuple(int(x) for x in l.split()) for l in lines(self.timing)]
        if len(rows) != self.logged:
            raise SystemExit("tui.py: %d keys sent, %d timed" % (self.logged, len(rows)))
        return rows, kb


def p99(values):
    v = sorted(values)
    return v[max(0, -(-99 * len(v) // 100) - 1)]


def summary(rows):
    """(median and p99 draw ms, median and p99 action ms) of timing rows."""
    draw = [r[1] for r in rows]
    act = [r[0] for r in rows]
    return (statistics.median(draw) / 1e3, p99(draw) / 1e3, statistics.median(act) / 1e3,
            p99(act) / 1e3)


def bench(label, path, n):
    db = os.path.join(work, "tui-%s.db" % label)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    out = {}
    # walk: a new session, 100 digits and 100 Enters on the criterion screens.
    t0 = time.monotonic()
    r = Run(["-c", path], db)
    wait_for("Start a new session")
    first = (time.monotonic() - t0) * 1e3
    while " of %d " % n not in screen().replace("──", " "):
        r.key("Enter")
        time.sleep(0.05)
    start = r.mark()
    for i in range(min(100, n - 1)):
        r.key(str(i % 6))
        r.key("Enter")
    rows, kb = r.quit()
    out["walk"] = summary(rows[start:]) + (first, kb)
    # results: a complete session, resumed on its results.
    none = os.path.join(work, "none.yaml")
    open(none, "w").write("{}\n")
    subprocess.run([verdict, "--db", db, "score", "-c", path, "-a", none, "--save"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ident = subprocess.run([verdict, "--db", db, "list", "--format", "json"], check=True,
                           stdout=subprocess.PIPE, text=True).stdout
    ident = str(__import__("json").loads(ident)[0]["id"])
    t0 = time.monotonic()
    r = Run(["--resume", ident], db)
    wait_for("── Results")
    first = (time.monotonic() - t0) * 1e3
    start = r.mark()
    for _ in range(40):
        r.key("Down")
    r.key("b")
    for _ in range(40):
        r.key("Down")
    rows, kb = r.quit()
    out["results"] = summary(rows[start:]) + (first, kb)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return out


def main():
    sets = [("default", default_set, 14)]
    for n in (100, 1000, 10000):
        p = os.path.join(work, "tui-set-%d.yaml" % n)
        with open(p, "w") as f:
            subprocess.run([sys.executable, os.path.join(here, "gen_criteria.py"), str(n), "8"],
                           check=True, stdout=f)
        sets.append((str(n), p, n))
    print("%-9s %-8s %8s %8s %8s %8s %9s %8s" % ("criteria", "run", "draw_med", "draw_p99",
                                                 "act_med", "act_p99", "first_ms", "rss_MB"))
    try:
        for label, path, n in sets:
            res = bench(label, path, n)
            for run in ("walk", "results"):
                d, dp, a, ap, first, kb = res[run]
                print("%-9s %-8s %8.3f %8.3f %8.3f %8.3f %9.0f %8.1f" % (
                    label if run == "walk" else "", run, d, dp, a, ap, first, kb / 1024))
            sys.stdout.flush()
    finally:
        tm("kill-server", check=False)
        path = os.path.join(os.environ.get("TMUX_TMPDIR", "/tmp"), "tmux-%d" % os.getuid(), sock)
        if os.path.exists(path):
            os.remove(path)


main()

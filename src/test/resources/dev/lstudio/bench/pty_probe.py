"""Drives an interactive program in a pseudo-terminal for the benchmark and prints JSON:

  prompt_ms   time from spawn to the first prompt
  lines       evaluations done (--evals N: line i is  var x<i> = "m" + "<i>k", answered once m<i>k shows)
  eval_ms     median time per evaluation
  tab_ms      time from TAB to the completion showing --tab-expect (with --tab TEXT)
  hwm_kib     peak resident memory (VmHWM) summed over the program's process tree, read before quitting

usage: pty_probe.py --prompt REGEX [--evals N] [--tab TEXT --tab-expect REGEX] [--quit TEXT] [--timeout S] -- CMD...
"""
import argparse
import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[=>()][0-9A-Za-z]?|\r")


class Pty:
    def __init__(self, cmd, timeout):
        self.timeout = timeout
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
            os.environ["TERM"] = "xterm-256color"
            os.environ.setdefault("COLUMNS", "160")
            try:
                os.execvp(cmd[0], cmd)
            finally:
                os._exit(127)
        # A pty starts at 0x0; line editors then misbehave (jshell never shows its prompt).
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        self.raw = b""

    def text(self, start=0):
        return ANSI.sub(b"", self.raw[start:]).decode("utf-8", "replace")

    def expect(self, pattern, start=0):
        regex = re.compile(pattern)
        deadline = time.monotonic() + self.timeout
        while not regex.search(self.text(start)):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {pattern!r} within {self.timeout}s; screen ends with: {self.text(start)[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise EOFError(f"program ended before {pattern!r}; screen: {self.text(start)[-400:]!r}")
                self.raw += chunk

    def send(self, text):
        data = text.encode()
        while data:
            _, writable, _ = select.select([self.fd], [self.fd], [], 1)
            if writable:
                n = os.write(self.fd, data)
                data = data[n:]
            else:
                self.drain()

    def drain(self):
        while select.select([self.fd], [], [], 0)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.raw += chunk


def tree(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def hwm_kib(pid):
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prompt", required=True)
    ap.add_argument("--evals", type=int, default=0)
    ap.add_argument("--tab")
    ap.add_argument("--tab-expect")
    ap.add_argument("--quit", default="\x04")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    t0 = time.monotonic()
    p = Pty(cmd, args.timeout)
    result = {}
    try:
        p.expect(args.prompt)
        result["prompt_ms"] = (time.monotonic() - t0) * 1000
        times = []
        for i in range(1, args.evals + 1):
            mark = len(p.raw)
            s = time.monotonic()
            p.send(f'var x{i} = "m" + "{i}k"\r')
            p.expect(rf"m{i}k", mark)
            times.append((time.monotonic() - s) * 1000)
        result["lines"] = len(times)
        if times:
            result["eval_ms"] = statistics.median(times)
        if args.tab:
            p.drain()
            p.send(args.tab)
            time.sleep(0.3)
            p.drain()
            mark = len(p.raw)
            s = time.monotonic()
            p.send("\t")
            p.expect(args.tab_expect, mark)
            result["tab_ms"] = (time.monotonic() - s) * 1000
            p.send("\x15")  # clear the line
        p.drain()
        result["hwm_kib"] = hwm_kib(p.pid)
        p.send(args.quit)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            p.drain()
            done, _ = os.waitpid(p.pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
    except (TimeoutError, EOFError) as e:
        result["error"] = str(e)
    finally:
        for victim in reversed(tree(p.pid)):
            try:
                os.kill(victim, signal.SIGKILL)
            except OSError:
                pass
        try:
            os.waitpid(p.pid, 0)
        except OSError:
            pass
    print(json.dumps(result))
    sys.exit(1 if "error" in result else 0)


if __name__ == "__main__":
    main()

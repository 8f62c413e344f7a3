#!/usr/bin/env python3
"""Run a command in a pseudo-terminal and relay it over plain pipes.

    python3 pty-relay.py [--rows R] [--cols C] -- COMMAND [ARG...]

The command sees a real terminal (isatty, raw mode, a window size of C x R, default 80 x 24,
and TERM=xterm-256color); our stdin is written to the terminal's master side and
everything the command draws comes out on our stdout, unchanged. We exit with the command's
status (128 + N if it died of signal N). Used by tests/e2e and bench/ui.ts, where node-pty
has no prebuilt binary and tmux may be missing: only the Python standard library is needed.
"""
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios


def parse(argv):
    rows, cols = 24, 80
    k = 0
    while k < len(argv) and argv[k] != "--":
        if argv[k] == "--rows":
            rows = int(argv[k + 1])
            k += 2
        elif argv[k] == "--cols":
            cols = int(argv[k + 1])
            k += 2
        else:
            sys.exit("pty-relay: unknown option %r" % argv[k])
    command = argv[k + 1 :]
    if not command:
        sys.exit("usage: pty-relay.py [--rows R] [--cols C] -- COMMAND [ARG...]")
    return rows, cols, command


def write_all(fd, data):
    while data:
        try:
            n = os.write(fd, data)
        except OSError as e:
            if e.errno in (errno.EAGAIN, errno.EINTR):
                select.select([], [fd], [], 0.05)
                continue
            raise
        data = data[n:]


def main():
    rows, cols, command = parse(sys.argv[1:])
    pid, master = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        try:
            os.execvp(command[0], command)
        except OSError as e:
            os.write(2, ("pty-relay: cannot run %s: %s\n" % (command[0], e)).encode())
            os._exit(127)

    # Also set it from this side, so it holds before the child reads it either way.
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    # If our reader goes away, keep going until the child is done (and reap it).
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)

    stdin = sys.stdin.fileno()
    stdout = sys.stdout.fileno()
    inputs = [master, stdin]
    status = None
    while True:
        try:
            ready, _, _ = select.select(inputs, [], [], 0.5)
        except InterruptedError:
            continue
        if status is not None and not ready:
            break  # the child is gone and its terminal has gone quiet
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError as e:
                # EIO: the child closed its side (exited); nothing more will come.
                if e.errno != errno.EIO:
                    raise
                data = b""
            if not data:
                break
            try:
                write_all(stdout, data)
            except OSError:
                pass
        if stdin in ready:
            data = os.read(stdin, 65536)
            if data:
                write_all(master, data)
            else:
                inputs.remove(stdin)  # our stdin closed; the child keeps its terminal
        if status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                # Drain what is left, then stop.
                inputs = [master]
    if status is None:
        _, status = os.waitpid(pid, 0)
    os.close(master)
    if os.WIFSIGNALED(status):
        sys.exit(128 + os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status))


if __name__ == "__main__":
    main()

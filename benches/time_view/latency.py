"""Time from a key written to the pty until the frame it causes is fully written back
(the explorer wraps each frame in synchronized-update markers; the end marker closes it)."""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

binary, path = sys.argv[1], sys.argv[2]
END = b"\x1b[?2026l"
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.environ["TERM"] = "xterm-256color"
    os.execv(binary, [binary, "--file", path])

buf = bytearray()
def read_until(pred, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.005)
        if r:
            try:
                data = os.read(fd, 1 << 20)
            except OSError:
                return False
            buf.extend(data)
            if pred():
                return True
    return False

t = time.monotonic()
ok = read_until(lambda: b"events" in buf and buf.rfind(END) > buf.find(b"events"), 600)
print(f"first frame after {time.monotonic() - t:.1f} s (ok={ok})", flush=True)
# Let it settle.
read_until(lambda: False, 1.0)

def measure(key, n):
    times = []
    for _ in range(n):
        buf.clear()
        t0 = time.monotonic()
        os.write(fd, key)
        if not read_until(lambda: END in buf, 5):
            print("no frame for", key)
        times.append((time.monotonic() - t0) * 1000)
        read_until(lambda: False, 0.05)
    return times

results = {}
for label, keys in [("v (open)", b"v")]:
    results[label] = measure(keys, 1)
os.write(fd, b"v"); read_until(lambda: False, 0.5)
# Alternate open/close to get more samples of v.
vs = []
for _ in range(5):
    vs += measure(b"v", 1)  # closes
    vs += measure(b"v", 1)  # opens (lanes built again only if the filter changed: it did not)
results["v (toggle)"] = vs
results["+"] = measure(b"+", 8)
results["-"] = measure(b"-", 8)
results["j"] = measure(b"j", 20)
# Close the view, clear nothing, filter by one actor (the picker's first), then open again:
# the lanes are built for the new filter result on this v.
os.write(fd, b"v"); read_until(lambda: False, 0.5)
os.write(fd, b"a"); read_until(lambda: False, 0.5)
os.write(fd, b" "); read_until(lambda: False, 0.5)
os.write(fd, b"\r"); read_until(lambda: False, 2.0)
results["v (after a filter change)"] = measure(b"v", 1)
for k, v in results.items():
    print(f"{k:26} median {statistics.median(v):6.1f} ms  max {max(v):6.1f} ms  n={len(v)}")
os.write(fd, b"q")
os.waitpid(pid, 0)

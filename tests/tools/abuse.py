#!/usr/bin/env python3
"""abuse.py: abuses a running Lectern while a well-behaved client measures its latency.

The abuse (a child process, asyncio): --idle connections held open, --per-addr from each loopback source
address from --first-addr on (the server limits connections per address; every other one makes one
request first, as a browser leaves a kept-alive connection); --slowloris clients sending a header line a
second and never the end of the head; --oversize requests a second (a 70 KB header, 8,000 headers, a
declared 2 MiB body, a chunked 2 MiB body, an urlencoded form of 90,000 fields); --logins failed logins a
second from --login-addrs addresses; --search broad searches a second from --search-addrs addresses (99
one-letter words, eight words every record holds, a common word on page 1000, each on a new connection);
--slow-exports clients that each ask for --export-path and read it at --export-rate bytes a second from
--export-addrs addresses. Connections the server closes are opened again after a second, so the pressure
stays on for the whole run.

The good client (this process, a thread per connection, blocking sockets): --good requests over
--good-conns keep-alive connections from 127.0.0.1, paced at --good-rate a second, alternating --paths.
A failure is a refused or reset connection, a 10 s timeout or any status but 200. --during runs a command
(wrk) beside it.

Prints one key=value per line (counts, latencies in ms, and with --pid the server's RSS in KiB and its
open descriptors, also two seconds after the abuse has left); the caller asserts on them. Standard library only. Exit status 0 unless the tool
itself could not run.
"""
import argparse
import asyncio
from concurrent.futures import ThreadPoolExecutor
import ipaddress
import multiprocessing as mp
import os
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.parse


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("url", help="http://127.0.0.1:PORT")
    p.add_argument("--idle", type=int, default=2000, help="idle connections held")
    p.add_argument("--idle-kind", choices=("mixed", "silent", "kept"), default="mixed",
                   help="silent: never send; kept: one request first; mixed: every other one kept")
    p.add_argument("--per-addr", type=int, default=90, help="idle connections per source address")
    p.add_argument("--first-addr", default="127.0.0.10", help="first source address of idle connections")
    p.add_argument("--slowloris", type=int, default=20, help="slowloris clients")
    p.add_argument("--slow-addr", default="127.0.0.2", help="source address of the slowloris clients")
    p.add_argument("--oversize", type=float, default=20, help="oversize requests per second")
    p.add_argument("--over-addr", default="127.0.0.3", help="source address of oversize requests")
    p.add_argument("--logins", type=float, default=100, help="login attempts per second")
    p.add_argument("--login-addr", default="127.0.0.4", help="(first) source address of the login flood")
    p.add_argument("--login-addrs", type=int, default=1, help="addresses the login flood comes from")
    p.add_argument("--search", type=float, default=0, help="broad searches per second")
    p.add_argument("--search-addr", default="127.0.0.5", help="(first) source address of the search flood")
    p.add_argument("--search-addrs", type=int, default=4, help="addresses the search flood comes from")
    p.add_argument("--slow-exports", type=int, default=0, help="clients reading an export slowly")
    p.add_argument("--export-path", default="/export/speakers.csv", help="what the slow readers ask for")
    p.add_argument("--export-rate", type=int, default=200, help="bytes a second each slow reader reads")
    p.add_argument("--export-addr", default="127.0.1.1", help="(first) source address of the slow readers")
    p.add_argument("--export-addrs", type=int, default=4, help="addresses the slow readers come from")
    p.add_argument("--good", type=int, default=2000, help="requests of the good client")
    p.add_argument("--good-conns", type=int, default=8, help="its keep-alive connections")
    p.add_argument("--good-rate", type=float, default=200, help="its requests per second (0: no pacing)")
    p.add_argument("--paths", default="/healthz,/orgs/spotify", help="paths it alternates")
    p.add_argument("--pid", type=int, default=0, help="server process: report RSS and descriptors")
    p.add_argument("--ramp", type=float, default=4, help="seconds at most to open the idle connections")
    p.add_argument("--no-abuse", action="store_true", help="measure the good client alone")
    p.add_argument("--during", default="", help="shell command run beside the good client (wrk), "
                   "once the abuse is in place, with the URL in $ABUSE_URL; its output is printed as during: lines")
    return p.parse_args()


def raise_fd_limit(need):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = need if hard == resource.RLIM_INFINITY else min(need, hard)
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def proc_status(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def proc_fds(pid, sockets=False):
    """Open descriptors of PID (only its sockets with sockets=True), -1 if it cannot be read."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
        if not sockets:
            return len(fds)
        n = 0
        for fd in fds:
            try:
                n += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
            except OSError:
                pass
        return n
    except OSError:
        return -1


# --- the abuse -----------------------------------------------------------------------------------

class Abuse:
    def __init__(self, a, host, port):
        self.a, self.host, self.port = a, host, port
        self.count = {}
        self.idle_open = 0
        self.slow_open = 0
        self.export_open = 0
        self.stop = False

    def inc(self, key, n=1):
        self.count[key] = self.count.get(key, 0) + n

    async def connect(self, src):
        return await asyncio.wait_for(
            asyncio.open_connection(self.host, self.port, local_addr=(src, 0)), 10)

    async def idle(self, i, src, ready):
        """Holds one connection; every other one first makes a request (a kept-alive connection)."""
        first = True
        while not self.stop:
            w = None
            try:
                r, w = await self.connect(src)
                if self.a.idle_kind == "kept" or (self.a.idle_kind == "mixed" and i % 2):
                    w.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    await w.drain()
                    head = await asyncio.wait_for(r.readuntil(b"\r\n\r\n"), 10)
                    length = [h for h in head.lower().split(b"\r\n") if h.startswith(b"content-length:")]
                    if not head.startswith(b"HTTP/1.1 200") or not length:
                        raise ConnectionError("idle request refused")
                    await asyncio.wait_for(r.readexactly(int(length[0].split(b":")[1])), 10)
                self.idle_open += 1
                if first:
                    ready.release()
                    first = False
                await r.read(1)	# returns on close
                self.idle_open -= 1
                self.inc("idle_closed")
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                self.inc("idle_refused")
                if first:
                    ready.release()
                    first = False
            finally:
                if w:
                    w.close()
            await asyncio.sleep(1)

    async def slowloris(self, i):
        while not self.stop:
            w = None
            try:
                r, w = await self.connect(self.a.slow_addr)
                w.write(b"GET / HTTP/1.1\r\nHost: x\r\n")
                self.slow_open += 1
                try:
                    k = 0
                    while not self.stop:
                        await asyncio.sleep(1)
                        w.write(b"X-Slow-%d: %d\r\n" % (k, i))
                        await w.drain()
                        k += 1
                        if r.at_eof():
                            break
                finally:
                    self.slow_open -= 1
                self.inc("slowloris_closed")
            except (OSError, asyncio.TimeoutError, ConnectionError):
                self.inc("slowloris_refused")
            finally:
                if w:
                    w.close()
            await asyncio.sleep(1)

    async def slow_export(self, i):
        """Asks for an export and reads it at --export-rate bytes a second until the server closes."""
        src = str(ipaddress.IPv4Address(self.a.export_addr) + i % self.a.export_addrs)
        while not self.stop:
            w = None
            t0 = time.monotonic()
            try:
                r, w = await self.connect(src)
                w.write(b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % self.a.export_path.encode())
                await w.drain()
                line = await asyncio.wait_for(r.readline(), 10)
                code = line.split()[1].decode() if line.startswith(b"HTTP/") else "closed"
                self.inc(f"export_{code}")
                if code == "200":
                    self.export_open += 1
                    try:
                        got = 0
                        while not self.stop:
                            d = await r.read(max(1, self.a.export_rate // 10))
                            if not d:
                                break
                            got += len(d)
                            await asyncio.sleep(0.1)
                    finally:
                        self.export_open -= 1
                    held = time.monotonic() - t0
                    self.count["export_longest_s"] = round(max(self.count.get("export_longest_s", 0), held), 1)
                    self.inc("export_read_kib", got // 1024)
            except (OSError, asyncio.TimeoutError, ConnectionError, IndexError):
                self.inc("export_closed")
            finally:
                if w:
                    w.close()
            await asyncio.sleep(1)

    async def one_request(self, src, data, key):
        """Sends DATA on a new connection; counts the status as KEY_<code> (KEY_closed if none)."""
        try:
            code = await asyncio.wait_for(self.exchange(src, data), 15)
        except asyncio.TimeoutError:
            code = "timeout"
        self.inc(f"{key}_{code}")

    async def exchange(self, src, data):
        w = None
        try:
            r, w = await self.connect(src)
            # Read while writing, as HTTP clients do: a server that refuses a body from its head
            # answers and closes at once, and the rest of the body makes the peer reset the
            # connection, which throws away an answer not read by then.
            reply = asyncio.ensure_future(r.readline())
            try:
                for i in range(0, len(data), 65536):
                    if reply.done():
                        break
                    w.write(data[i:i + 65536])
                    await w.drain()
            except OSError:
                pass	# the server may answer and close before the body is sent
            line = await asyncio.wait_for(reply, 10)
            code = line.split()[1].decode() if line.startswith(b"HTTP/") else "closed"
        except (OSError, asyncio.TimeoutError, IndexError):
            code = "closed"
        finally:
            if w:
                w.close()
        return code

    def oversize_requests(self):
        big = b"a" * 70000
        form = b"&".join(b"f%d=x" % i for i in range(90000))[:1000000]
        body = b"b" * (2 << 20)
        return [
            ("head", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + big + b"\r\n\r\n"),
            ("headers", b"GET / HTTP/1.1\r\nHost: x\r\n" +
             b"".join(b"X-H%d: v\r\n" % i for i in range(8000)) + b"\r\n"),
            ("declared", b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
             b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body),
            ("chunked", b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
             b"\r\nTransfer-Encoding: chunked\r\n\r\n" +
             b"".join(b"10000\r\n" + body[:65536] + b"\r\n" for _ in range(32)) + b"0\r\n\r\n"),
            ("fields", b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
             b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(form) + form),
        ]

    async def paced(self, rate, make, limit=16):
        """Starts make() RATE times a second, at most LIMIT at once."""
        if rate <= 0:
            return
        sem = asyncio.Semaphore(limit)
        tasks = set()
        t = time.monotonic()

        async def run(coro):
            try:
                await coro
            finally:
                sem.release()
        while not self.stop:
            t += 1 / rate
            await asyncio.sleep(max(0, t - time.monotonic()))
            if sem.locked():
                self.inc("skipped")	# the server is slower than the rate: do not pile up
                continue
            await sem.acquire()
            task = asyncio.ensure_future(run(make()))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        for task in list(tasks):
            task.cancel()

    async def run(self, report, stop_pipe):
        a = self.a
        loop = asyncio.get_running_loop()
        tasks = []
        ready = asyncio.Semaphore(0)
        first = ipaddress.IPv4Address(a.first_addr)
        step = max(0.0, a.ramp / max(1, a.idle) / 2)
        for i in range(a.idle):
            src = str(first + i // a.per_addr)
            tasks.append(asyncio.ensure_future(self.idle(i, src, ready)))
            if step:
                await asyncio.sleep(step)
        for i in range(a.slowloris):
            tasks.append(asyncio.ensure_future(self.slowloris(i)))
        for i in range(a.slow_exports):
            tasks.append(asyncio.ensure_future(self.slow_export(i)))
        deadline = time.monotonic() + a.ramp + 5
        for _ in range(a.idle):
            try:
                await asyncio.wait_for(ready.acquire(), max(0.1, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                break
        await asyncio.sleep(1.5)	# the slowloris clients have sent a line or two
        report.send({"idle_open": self.idle_open, "slowloris_open": self.slow_open,
                     "export_open": self.export_open, "idle_refused": self.count.get("idle_refused", 0)})
        over = self.oversize_requests()
        k = [0]

        def next_oversize():
            key, data = over[k[0] % len(over)]
            k[0] += 1
            return self.one_request(a.over_addr, data, "over_" + key)
        login = [0]

        def next_login():
            login[0] += 1
            src = str(ipaddress.IPv4Address(a.login_addr) + login[0] % a.login_addrs)
            body = urllib.parse.urlencode({"login": f"flood{login[0] % 50}",
                                           "password": "not-the-password"}).encode()
            return self.one_request(src, b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                    b"application/x-www-form-urlencoded\r\nContent-Length: %d\r\n"
                                    b"Connection: close\r\n\r\n" % len(body) + body, "login")
        broad = ["+".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(99)),
                 "we+describe+how+run+clusters+in+production+what", "works+on+cloud+native+infrastructure",
                 "kubernetes&page=1000", "scaling", "a+b+c+d+e+f+g+h", "service+meshes"]
        search = [0]

        def next_search():
            search[0] += 1
            src = str(ipaddress.IPv4Address(a.search_addr) + search[0] % a.search_addrs)
            q = broad[search[0] % len(broad)]
            return self.one_request(src, b"GET /search?q=%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                    % q.encode(), "search")
        tasks.append(asyncio.ensure_future(self.paced(a.oversize, next_oversize, 4)))
        tasks.append(asyncio.ensure_future(self.paced(a.search, next_search, 16)))
        tasks.append(asyncio.ensure_future(self.paced(a.logins, next_login, 16)))
        with ThreadPoolExecutor(1) as pool:	# before the descriptors run out
            await loop.run_in_executor(pool, stop_pipe.recv)
        self.count["idle_open_at_end"] = self.idle_open
        self.count["slowloris_open_at_end"] = self.slow_open
        self.count["export_open_at_end"] = self.export_open
        self.stop = True
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        report.send(self.count)


def abuse_main(a, host, port, report, stop_pipe):
    asyncio.run(Abuse(a, host, port).run(report, stop_pipe))


# --- the good client -----------------------------------------------------------------------------

class Good:
    def __init__(self, host, port, timeout=10):
        self.host, self.port, self.timeout = host, port, timeout
        self.sock = None
        self.buf = b""

    def close(self):
        if self.sock:
            self.sock.close()
        self.sock, self.buf = None, b""

    def read_until(self, sep):
        while sep not in self.buf:
            d = self.sock.recv(65536)
            if not d:
                raise ConnectionError("closed by the server")
            self.buf += d
        i = self.buf.index(sep) + len(sep)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def read_n(self, n):
        while len(self.buf) < n:
            d = self.sock.recv(65536)
            if not d:
                raise ConnectionError("closed by the server")
            self.buf += d
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def request(self, path):
        """One GET on the kept-alive connection (opened if needed); returns the status."""
        if self.sock is None:
            self.sock = socket.create_connection((self.host, self.port), self.timeout,
                                                 source_address=("127.0.0.1", 0))
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = self.read_until(b"\r\n\r\n").decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        hdr = {h.split(":", 1)[0].strip().lower(): h.split(":", 1)[1].strip() for h in head[1:] if ":" in h}
        if "content-length" in hdr:
            self.read_n(int(hdr["content-length"]))
        elif hdr.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int(self.read_until(b"\r\n").split(b";")[0], 16)
                self.read_n(size + 2)
                if size == 0:
                    break
        else:
            raise ConnectionError("no length")
        if hdr.get("connection", "").lower() == "close":
            self.close()
        return status


def good_client(a, host, port):
    paths = a.paths.split(",")
    lat = {p: [] for p in paths}
    fails = []
    lock = threading.Lock()
    interval = a.good_conns / a.good_rate if a.good_rate > 0 else 0

    def worker(w):
        g = Good(host, port)
        t = time.monotonic() + w * interval / a.good_conns
        for i in range(a.good // a.good_conns + (w < a.good % a.good_conns)):
            path = paths[(i + w) % len(paths)]
            if interval:
                time.sleep(max(0, t - time.monotonic()))
                t += interval
            t0 = time.perf_counter()
            try:
                code = g.request(path)
                err = None if code == 200 else f"status {code}"
            except (OSError, ValueError, ConnectionError) as e:
                err = f"{type(e).__name__}: {e}"
                g.close()
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                lat[path].append(ms)
                if err:
                    fails.append(f"{path} {err} after {ms:.0f} ms")
        g.close()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(a.good_conns)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat, fails, time.monotonic() - t0


def pct(v, p):
    if not v:
        return 0.0
    v = sorted(v)
    return v[min(len(v) - 1, int(len(v) * p / 100))]


def main():
    a = parse_args()
    u = urllib.parse.urlsplit(a.url)
    host, port = u.hostname, u.port
    out = {}
    others = a.slowloris + a.slow_exports + 200
    out["fd_limit"] = raise_fd_limit(a.idle + others)
    if a.idle + others > out["fd_limit"]:	# hold what the descriptor limit allows
        a.idle = max(0, out["fd_limit"] - others)
    out["idle_target"] = a.idle
    if a.pid:
        out["rss_start_kib"] = proc_status(a.pid, "VmRSS")
        out["server_fds_start"] = proc_fds(a.pid)
    child = None
    if a.no_abuse and a.pid:
        out["rss_idle_kib"] = proc_status(a.pid, "VmRSS")
    if not a.no_abuse:
        ready_r, ready_w = mp.Pipe(False)
        stop_r, stop_w = mp.Pipe(False)
        child = mp.get_context("fork").Process(target=abuse_main, args=(a, host, port, ready_w, stop_r))
        child.start()
        if not ready_r.poll(a.ramp + 30):
            print("abuse: the abuse did not get going", file=sys.stderr)
            child.kill()
            return 2
        out.update(ready_r.recv())
        if a.pid:
            out["rss_idle_kib"] = proc_status(a.pid, "VmRSS")
            out["server_fds"] = proc_fds(a.pid)
    during = subprocess.Popen(a.during, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, env=dict(os.environ, ABUSE_URL=a.url)) if a.during else None
    lat, fails, secs = good_client(a, host, port)
    during_out = during.communicate()[0] if during else ""
    if a.pid:
        out["server_fds_at_end"] = proc_fds(a.pid)
        out["rss_end_kib"] = proc_status(a.pid, "VmRSS")
        out["rss_peak_kib"] = proc_status(a.pid, "VmHWM")
    if child:
        stop_w.send(1)
        if ready_r.poll(30):
            out.update(sorted(ready_r.recv().items()))
        child.join(10)
        if child.is_alive():
            child.kill()
        if a.pid:	# what the abuse left behind once its connections are gone
            # A loaded machine (or ASan) closes the last ones late: wait for them up to 15 s;
            # a descriptor that stays open longer is a leak.
            deadline = time.monotonic() + 15
            time.sleep(2)
            while proc_fds(a.pid, sockets=True) > 1 and time.monotonic() < deadline:
                time.sleep(0.5)
            out["server_fds_after"] = proc_fds(a.pid)
            out["server_sockets_after"] = proc_fds(a.pid, sockets=True)
    every = [x for v in lat.values() for x in v]
    out["good_requests"] = len(every)
    out["good_failures"] = len(fails)
    out["good_seconds"] = round(secs, 2)
    for name, v in [("good", every)] + [(p, lat[p]) for p in lat]:
        key = "good" if name == "good" else "path" + name.replace("/", "_")
        out[key + "_p50_ms"] = round(pct(v, 50), 2)
        out[key + "_p99_ms"] = round(pct(v, 99), 2)
        out[key + "_max_ms"] = round(max(v) if v else 0, 2)
    try:
        out["alive_after"] = int(Good(host, port, 5).request("/healthz") == 200)
    except (OSError, ValueError, ConnectionError):
        out["alive_after"] = 0
    for k, v in out.items():
        print(f"{k}={v}")
    for line in during_out.splitlines():
        print(f"during: {line}")
    for f in fails[:10]:
        print(f"# failed: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

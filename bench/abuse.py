#!/usr/bin/env python3
"""Scenarios of bench/abuse.sh: a well-behaved reader's latency while other clients misbehave."""
import argparse
import http.client
import json
import os
import socket
import threading
import time
import urllib.parse
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("--base", required=True)
p.add_argument("--metrics", required=True)
p.add_argument("--out", required=True)
p.add_argument("--cores", default="?")
p.add_argument("--reads", type=int, default=500)
args = p.parse_args()
base = urllib.parse.urlparse(args.base)
HOST, PORT, PREFIX = base.hostname, base.port, base.path


def request(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, PREFIX + path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    return r.status, dict(r.getheaders()), data


def login(user, password):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    status, _, data = request(conn, "POST", "/auth/login", {"username": user, "password": password})
    conn.close()
    assert status == 200, (status, data)
    return json.loads(data)["token"]


def reads(token, client_id, n):
    """n sequential GETs on one keep-alive connection (10 ms apart); /health every 50."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    latencies, health = [], []
    for i in range(n):
        t = time.perf_counter()
        status, _, _ = request(conn, "GET", "/clients/%d" % client_id, token=token)
        latencies.append((time.perf_counter() - t) * 1000)
        assert status == 200, status
        if i % 50 == 0:
            status, _, data = request(conn, "GET", "/health")
            health.append((status, json.loads(data)))
        time.sleep(0.01)
    conn.close()
    latencies.sort()
    pct = lambda q: latencies[min(len(latencies) - 1, int(round(q * len(latencies) + 0.5)) - 1)]
    return {"p50": pct(0.50), "p99": pct(0.99), "max": latencies[-1],
            "health": "all %d UP" % len(health) if all(s == 200 and h["database"] == "UP" for s, h in health)
            else "NOT UP: %s" % health}


def slow_uploads(count, addresses):
    socks = []
    head = ("POST %s/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 5000\r\n\r\n{" % PREFIX).encode()
    for i in range(count):
        s = socket.socket()
        s.bind(("127.0.0.%d" % (10 + i % addresses), 0))
        s.connect((HOST, PORT))
        s.sendall(head)
        socks.append(s)
    return socks


def trickle(socks, stop):
    while not stop.wait(2):
        for s in socks:
            try:
                s.send(b" ")
            except OSError:
                pass


def open_count(socks):
    alive = 0
    for s in socks:
        s.setblocking(False)
        try:
            alive += 1 if s.recv(1, socket.MSG_PEEK) else 0  # data = an answer (408...): counted as open
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    return alive


def flood(stop, statuses, lock, n_clients):
    def client(c):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
        n = 0
        while not stop.is_set():
            try:
                status, headers, _ = request(conn, "POST", "/auth/login",
                                             {"username": "flood%dx%d" % (c, n), "password": "not the password at all"})
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
                status, headers = "error", {}
            n += 1
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
            if status == 503:
                stop.wait(int(headers.get("Retry-After", "1")))
        conn.close()
    threads = [threading.Thread(target=client, args=(c,), daemon=True) for c in range(n_clients)]
    for t in threads:
        t.start()
    return threads


def metric(name):
    text = urllib.request.urlopen(args.metrics, timeout=10).read().decode()
    return [line for line in text.splitlines() if line.startswith(name)]


token = login("sales1", "epic-events-demo")
conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
_, _, data = request(conn, "GET", "/clients?limit=1", token=token)
client_id = json.loads(data)["items"][0]["id"]
conn.close()
reads(token, client_id, 100)  # warm-up

rows = []
load_before = os.getloadavg()[0]
rows.append(("baseline", reads(token, client_id, args.reads), ""))

socks = slow_uploads(1000, 10)
stop = threading.Event()
t = threading.Thread(target=trickle, args=(socks, stop), daemon=True)
t.start()
time.sleep(1)
r = reads(token, client_id, args.reads)
held = open_count(socks)
stop.set()
for s in socks:
    s.close()
rows.append(("1,000 slow uploads", r, "%d of 1,000 still open during the reads" % held))

stop, statuses, lock = threading.Event(), {}, threading.Lock()
threads = flood(stop, statuses, lock, 200)
time.sleep(2)
r = reads(token, client_id, args.reads)
stop.set()
for th in threads:
    th.join(70)
hashing = metric("crm_password_hashing_refused_total") + metric("crm_password_hashing_threads")
rows.append(("200 parallel logins", r, "login answers %s; %s" % (
    dict(sorted(statuses.items(), key=str)), "; ".join(hashing))))

one = []
for i in range(300):
    s = socket.socket()
    s.bind(("127.0.0.9", 0))
    s.connect((HOST, PORT))
    one.append(s)
time.sleep(1)
closed = 300 - open_count(one)
r = reads(token, client_id, 100)
for s in one:
    s.close()
rows.append(("300 connections from one address", r, "%d closed by the server at once" % closed))
load_after = os.getloadavg()[0]

with open(args.out, "w") as f:
    f.write("# Abuse benchmark (issue 14): results\n\n")
    f.write("`bench/abuse.sh` on %s, %s cores, loopback; embedded PostgreSQL, small demo set; defaults "
            "(http.max-connections 2000, per address 256, body timeout 10 s; password hashing: cores - 1 "
            "threads, queue 4 per thread). A well-behaved client reads one record at a time with its token "
            "(GET /api/v1/clients/{id}, %d requests 10 ms apart; 100 in the last row) and checks /health "
            "every 50. Load average (1 min) before: %.1f, after: %.1f (the machine is shared).\n\n"
            % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), args.cores, args.reads, load_before, load_after))
    f.write("| scenario | reader p50 | reader p99 | reader max | /health | notes |\n|---|---:|---:|---:|---|---|\n")
    for name, r, note in rows:
        f.write("| %s | %.1f ms | %.1f ms | %.1f ms | %s | %s |\n" % (name, r["p50"], r["p99"], r["max"], r["health"], note))
print(open(args.out).read())

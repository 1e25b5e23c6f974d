#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output of the CRM server (bench/http.sh).

Two views of the same samples (JFR samples threads running Java code, so this is the server's
own CPU, not the time spent waiting for PostgreSQL):
  * by request phase: what the request was doing (the token check, the record's own query,
    opening/committing the transaction, writing JSON, ...), from the frames on the stack;
  * by component: which library the leaf-most recognised frame belongs to.
Plus the hottest leaf frames.
"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(", re.M)

# first match wins, looked for anywhere on the stack
PHASES = [
    ("token check (Guard.authenticate: session by token hash + collaborator re-read)", ("Guard.authenticate",)),
    ("the record / page query (repository call + row mapping)",
     ("MyBatisClientRepository.", "MyBatisEventRepository.", "MyBatisContractRepository.")),
    ("transaction open / commit / close (MyBatisTransactions)", ("MyBatisTransactions.",)),
    ("JSON response (Responses: Jackson + representations)", ("http.route.Responses.", "http.json.Representations")),
    ("problem response (errors)", ("ProblemMapper", "Responses.problem")),
    ("request parsing (token, path id, query)", ("http.route.Requests.", "http.route.QueryParams")),
    ("health check", ("ServiceRoutes", "DatabaseHealthCheck")),
]
# leaf-most recognised frame decides
COMPONENTS = [
    ("MyBatis result mapping", ("org.apache.ibatis.executor.resultset.",)),
    ("MyBatis other (binding, executor, session)", ("org.apache.ibatis.",)),
    ("JDBC driver (pgjdbc)", ("org.postgresql.",)),
    ("connection pool (HikariCP)", ("com.zaxxer.hikari.",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("CRM code (domain, application, adapters)", ("com.epicevents.crm.",)),
    ("HTTP server (Jetty, Javalin, Kotlin runtime)", ("org.eclipse.jetty.", "io.javalin.", "kotlin.", "jakarta.servlet.")),
    ("logging (SLF4J, Logback)", ("org.slf4j.", "ch.qos.logback.")),
]


def component_of(frames):
    """The leaf-most library frame's component; MyBatis helpers (MapUtil, TypeHandlerRegistry, ...)
    called from the result set handler count as result mapping."""
    for i, f in enumerate(frames):
        hit = next((name for name, keys in COMPONENTS if f.startswith(keys)), None)
        if hit is None:
            continue
        if f.startswith("org.apache.ibatis."):
            for g in frames[i:]:
                if g.startswith("org.apache.ibatis.executor.resultset."):
                    return COMPONENTS[0][0]
                if not g.startswith(("org.apache.ibatis.", "java.", "jdk.", "sun.")):
                    break
        return hit
    return "JDK only (no library frame)"


def main(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    stacks = [FRAME.findall(s) for s in text.split("jdk.ExecutionSample")[1:]]
    stacks = [s for s in stacks if s]
    n = len(stacks)
    if n == 0:
        print("no execution samples")
        return
    phases, components, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    for frames in stacks:
        leaves[frames[0]] += 1
        phase = next((name for name, keys in PHASES if any(k in f for f in frames for k in keys)),
                     "HTTP server and the rest (Jetty, Javalin routing, headers, socket I/O)")
        phases[phase] += 1
        components[component_of(frames)] += 1
    print("%d samples\n" % n)
    for title, counter in (("request phase", phases), ("component (leaf-most library frame)", components)):
        print("| %s | share |\n|---|---:|" % title)
        for name, count in counter.most_common():
            print("| %s | %.0f%% |" % (name, 100.0 * count / n))
        print()
    print("| hottest leaf frames | share |\n|---|---:|")
    for name, count in leaves.most_common(12):
        print("| `%s` | %.1f%% |" % (name, 100.0 * count / n))


if __name__ == "__main__":
    main(sys.argv[1])

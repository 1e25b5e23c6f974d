#!/usr/bin/env bash
# Scale benchmark of issue 3: loads the large demo set (100k clients, 300k contracts, 1M events)
# into a fresh embedded PostgreSQL (or the server named by CRM_TEST_JDBC_URL), then times the
# first and a deep page of every list filter through the MyBatis repositories and EXPLAINs them.
# Not part of ./mvnw verify. Results: bench/scale-results.md (or --out FILE).
#
#   bench/scale.sh [--runs 200] [--warmup 50] [--audit 20000] [--size large|small|C,K,E] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

# Compiles the module and its upstream modules from this checkout (nothing is installed), and
# writes the module's test class path; reactor modules resolve to their target/ directories.
./mvnw -q -B -ntp -pl crm-persistence-mybatis -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

module=crm-persistence-mybatis
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
exec java -Xmx2g -cp "$classpath" com.epicevents.crm.persistence.demo.ScaleBenchmark "$@"

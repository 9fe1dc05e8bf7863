#!/usr/bin/env bash
# JMH benchmarks of the fake in-process (see BENCHMARKS.md). Run from anywhere:
#   benchmarks/jmh.sh                      # all: LifecycleBench, ResetBench, RequestBench, ListBench
#   benchmarks/jmh.sh ListBench -p changefeeds=10000 -prof stack   # any JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
out="benchmarks/results/jmh-$(date -u +%Y%m%dT%H%M%SZ).txt"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp-all.txt)" org.openjdk.jmh.Main \
  -rf text -rff "$out" "$@"
echo "results: $out"

#!/usr/bin/env bash
# Storage ingest benchmark: records/s through the DuckDB and PostgreSQL consumers, beside the raw
# Appender and PreparedStatement batches. Usage: bench/storage-ingest.sh [quick]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
bench_run -Xmx6g io.tokenmaxx.bench.storage.StorageIngestBench "$@"

#!/usr/bin/env bash
# `npm run test:e2e`: the real-VS-Code end-to-end test (see run.mjs). Bounded: 15 minutes including the
# first-use install of code-server (about 2 minutes), 5 minutes for the UI part itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec timeout --kill-after=10 900 node test/e2e/run.mjs "$@"

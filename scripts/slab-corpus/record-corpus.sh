#!/usr/bin/env bash
# Records the real-workload leak corpus: /proc/slabinfo of this machine every second (pooltags record --source
# linux) while workload.py creates kernel objects with known truth. Writes NAME.rec and NAME.truth.json per scenario
# into the corpus folder (default: src/test/resources/dev/pooltags/leak/slab-corpus). Needs root (slabinfo and,
# for fs-walk, drop_caches) and python3. Usage: scripts/slab-corpus/record-corpus.sh [--out DIR] [SCENARIO...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/src/test/resources/dev/pooltags/leak/slab-corpus"
if [ "${1:-}" = "--out" ]; then out="$2"; shift 2; fi
if [ "$(id -u)" != 0 ] || [ ! -r /proc/slabinfo ]; then
  echo "record-corpus.sh: needs root and a readable /proc/slabinfo" >&2; exit 2
fi
mkdir -p "$out"
if [ $# -eq 0 ]; then
  mapfile -t names < <(python3 "$here/workload.py" list | cut -f1)
else
  names=("$@")
fi
"$root/pooltags" --version >/dev/null   # builds the jar first, so no recording waits for a build
# record with a copy of the jar, so a rebuild of the checkout during the run cannot pull it away
jar="$(mktemp -d)/pooltags.jar"
cp "$root/target/pooltags.jar" "$jar"
trap 'rm -rf "$(dirname "$jar")"' EXIT
for name in "${names[@]}"; do
  line="$(python3 "$here/workload.py" list | awk -F'\t' -v n="$name" '$1 == n')"
  if [ -z "$line" ]; then echo "record-corpus.sh: no scenario named '$name'" >&2; exit 2; fi
  IFS=$'\t' read -r _ kind duration truth onset text limit <<<"$line"
  caches="$(python3 "$here/workload.py" calibrate "$kind")"
  echo "$name: $text; caches it moves: $caches" >&2
  rm -f "$out/$name.rec"
  java -jar "$jar" record --source linux --interval 1s --duration "$((duration + 2))s" -o "$out/$name.rec" \
      >/dev/null 2>"$out/$name.record.log" &
  recorder=$!
  sleep 1.5   # the recorder's first sample comes before the workload starts
  start="$(python3 "$here/workload.py" run "$name" | head -1)"
  wait "$recorder"
  rm -f "$out/$name.record.log"
  python3 - "$out/$name.truth.json" "$name" "$truth" "$onset" "$start" "$caches" "$text" "$limit" <<'PY'
import json, sys, datetime, platform
path, name, truth, onset, start, caches, text, limit = sys.argv[1:]
t = datetime.datetime.fromtimestamp(float(start) + float(onset), datetime.timezone.utc)
d = {"scenario": name, "description": text, "truth": truth, "caches": json.loads(caches),
     "onset": t.isoformat().replace("+00:00", "Z"), "kernel": platform.release(),
     "recordedBy": "scripts/slab-corpus/record-corpus.sh"}
if limit:
    d["limit"] = limit
json.dump(d, open(path, "w"), indent=1)
open(path, "a").write("\n")
PY
  echo "$name: $(stat -c %s "$out/$name.rec") bytes" >&2
done

#!/usr/bin/env bash
# Brings up a real single-node Slurm on this machine (slurmctld, slurmd and munge from Debian's
# packages, installed when missing), narrates 4 texts with the job array of
# scripts/scale/langdu-array.sbatch (one size-balanced shard per task) into one shared folder,
# checks that the files equal those of one local run byte for byte, and tears everything down on
# every exit path. Needs root (exit 77, "skipped", without). Takes about 20 s on 2 cores once the
# packages are there. CTest runs it as SlurmArraySlow.
#
#   scripts/scale/slurm-local-test.sh [LANGDU_BINARY]     (default: build/src/cli/langdu)
set -euo pipefail
cd "$(dirname "$0")/../.."
root_dir=$PWD
langdu=$(realpath "${1:-build/src/cli/langdu}")
[ -x "$langdu" ] || { echo "slurm-local-test: no binary at $langdu (scripts/build.sh)" >&2; exit 1; }
if [ "$(id -u)" -ne 0 ]; then
  echo "slurm-local-test: skipped: needs root (slurmd, munged)" >&2
  exit 77  # CTest's SKIP_RETURN_CODE
fi

missing=()
for tool in slurmctld slurmd sbatch munged mungekey; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    slurmctld slurmd slurm-client munge >/dev/null
fi

# Inherited Slurm variables would point the clients elsewhere.
for name in $(env | sed -n 's/^\(SLURM_[A-Z_]*\|SBATCH_[A-Z_]*\)=.*/\1/p'); do unset "$name"; done

work=$(mktemp -d /tmp/langdu-slurm.XXXXXX)
chmod 755 "$work"  # munged wants its socket folder executable by all
mkdir -m 700 "$work/key"
mkdir -p "$work/spool" "$work/state" "$work/log"
marker="LANGDU_SLURM_TEST=$work"
pids=()

fail() {
  echo "slurm-local-test: $*" >&2
  for log in "$work"/log/*.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -20 "$log" >&2; }
  done
  exit 1
}

# Every process this test started, also slurmstepd's double-forked children: found by the marker
# in their environment, never by name.
our_processes() {
  local proc
  for proc in /proc/[0-9]*; do
    if { tr '\0' '\n' <"$proc/environ"; } 2>/dev/null | grep -qxF "$marker"; then
      basename "$proc"
    fi
  done
}

cleanup() {
  local status=$? pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do
    [ -z "$(our_processes)" ] && break
    sleep 0.1
  done
  for pid in $(our_processes); do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
ctl_port=$(free_port)
node_port=$(free_port)
while [ "$node_port" = "$ctl_port" ]; do node_port=$(free_port); done
memory=$(awk '/MemTotal/ { print int($2 / 1024 / 2) }' /proc/meminfo)

cat >"$work/slurm.conf" <<CONF
ClusterName=langdu-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctl_port
SlurmdPort=$node_port
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=300
SchedulerParameters=batch_sched_delay=0
MailProg=/bin/true
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf

export LANGDU_SLURM_TEST=$work
mungekey --create --keyfile "$work/key/munge.key" >/dev/null 2>&1
munged --foreground --key-file "$work/key/munge.key" --socket "$work/munge.socket" \
  --pid-file "$work/munged.pid" --log-file "$work/log/munged.log" --seed-file "$work/key/seed" \
  >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge.socket" ] || fail "munged did not start"
slurmctld -D -f "$work/slurm.conf" >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$work/slurm.conf" >"$work/log/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 0.1
done
sinfo -h -o %T 2>/dev/null | grep -q idle || fail "the node did not come up"

# Four texts of different lengths in a small tree, narrated locally and on Slurm.
library=$work/library
mkdir -p "$library/speeches" "$library/notes"
cp samples/district-party-building-speech.txt "$library/speeches/seed.txt"
printf '第一篇\n\n今天天气很好。我们去公园散步。\n' >"$library/speeches/walk.txt"
printf '# 笔记\n\n第二篇笔记：会议定于2026年3月5日召开。\n' >"$library/notes/meeting.md"
printf '第三篇\n\n你好，世界。\n' >"$library/notes/hello.txt"
"$langdu" narrate -q --format opus "$library" -o "$work/local" >/dev/null

export LANGDU=$langdu
# Each wait is bounded, so that a stuck job still ends in the cleanup above.
job=$(timeout 240 sbatch --parsable --wait --array=0-3 --cpus-per-task=1 --chdir="$work" \
  --output="$work/log/task-%a.log" scripts/scale/langdu-array.sbatch "$library" "$work/slurm" \
  --format opus -q) || fail "the array job failed (sbatch exit $?)"
job=${job%%;*}
states=$(scontrol show job "$job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z]*\).*/\1/p' | sort -u)
[ "$states" = COMPLETED ] || fail "array job $job ended as: $states"

if ! diff -r "$work/local" "$work/slurm" >"$work/log/diff.log"; then
  fail "the Slurm outputs differ from a local run: $(head -5 "$work/log/diff.log")"
fi
files=$(find "$work/slurm" -type f | wc -l)
echo "slurm-local-test: array job $job, 4 tasks: $files files, identical to a local run"

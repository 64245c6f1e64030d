#!/usr/bin/env bash
# slurm_local.sh - a one-node Slurm cluster on this machine, for the sweep's
# test and for trying `make dse-slurm` without a cluster (docs/dse.md).
#
#   scripts/slurm_local.sh start DIR   munged + slurmctld + slurmd on localhost,
#                                      state, logs and slurm.conf in DIR; prints
#                                      `export SLURM_CONF=DIR/slurm.conf`
#   scripts/slurm_local.sh stop DIR    stop all three (also after a failed start)
#
# Needs Debian's slurm-wlm and munge and root (slurmd runs jobs as their user).
# Ports: the first free pair from 16817 up. A real cluster needs none of this:
# `make dse-slurm` only calls sbatch.
set -euo pipefail
cmd=${1:-} dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  [ -r "$dir/slurm.conf" ] && SLURM_CONF="$dir/slurm.conf" scontrol shutdown >/dev/null 2>&1 || true
  for p in slurmd slurmctld; do
    [ -r "$dir/$p.pid" ] && kill "$(cat "$dir/$p.pid")" 2>/dev/null || true
  done
  [ -S "$dir/munge/sock" ] && munged -s --socket="$dir/munge/sock" >/dev/null 2>&1 || true
  [ -r "$dir/munge/pid" ] && kill "$(cat "$dir/munge/pid")" 2>/dev/null || true
  return 0
}

wait_for() {  # wait_for SECONDS CMD...: poll until CMD succeeds
  local t=$1; shift
  for _ in $(seq $((t * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

start() {
  for t in munged slurmctld slurmd sbatch; do
    command -v "$t" >/dev/null || { echo "slurm_local: no $t (Debian packages slurm-wlm, munge)" >&2; exit 2; }
  done
  [ "$(id -u)" -eq 0 ] || { echo "slurm_local: needs root (slurmd)" >&2; exit 2; }
  mkdir -p "$dir"/{munge,state,spool,log}
  dir=$(cd "$dir" && pwd)
  chmod 700 "$dir/munge"
  head -c 1024 /dev/urandom >"$dir/munge/munge.key" && chmod 600 "$dir/munge/munge.key"
  munged -f --socket="$dir/munge/sock" --key-file="$dir/munge/munge.key" --log-file="$dir/log/munged.log" \
    --pid-file="$dir/munge/pid" --seed-file="$dir/munge/seed"
  local p=16817
  while ! { port_free $p && port_free $((p + 1)); }; do p=$((p + 2)); done
  cat >"$dir/slurm.conf" <<CONF
ClusterName=sltdse
SlurmctldHost=localhost
SlurmctldPort=$p
SlurmdPort=$((p + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=localhost CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=dse Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -i
  wait_for 20 scontrol ping || { echo "slurm_local: slurmctld did not answer (log $dir/log/slurmctld.log)" >&2; stop; exit 1; }
  slurmd -N localhost
  wait_for 30 sh -c 'sinfo -h -o %t | grep -qx idle' ||
    { echo "slurm_local: node not idle (logs in $dir/log)" >&2; stop; exit 1; }
  echo "export SLURM_CONF=$dir/slurm.conf"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

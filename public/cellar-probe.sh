#!/bin/sh
# cellar-probe.sh: Cellar's shell probe. It reads this machine's Sugar on a Stick the way `cellar bridge`
# does (dmsetup status/table/ls, losetup -a, findmnt -J, /proc/cmdline, uname -r, the LiveOS folder's files
# and the overlay file's first 16 bytes) and prints one cellar-report/v1 JSON report, to paste or load
# into Cellar's Real stick mode. It only reads; it changes nothing.
#
#   sudo sh cellar-probe.sh > report.json          (without sudo, dmsetup and the overlay header are missing)
#   sh cellar-probe.sh /media/me/STICK/LiveOS      (a stick mounted elsewhere: its LiveOS folder)
#
# POSIX sh (dash, busybox ash) with only coreutils/busybox-level tools: awk, dd, od, stat, tr, mktemp.

LC_ALL=C
export LC_ALL
# Debian keeps dmsetup and losetup in the system folders, out of an ordinary user's PATH.
PATH="$PATH:/usr/sbin:/sbin"
export PATH

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

# Standard input as one JSON string literal, byte for byte: backslash, quote and control characters
# escaped, a trailing newline kept (the sentinel x shows where the input really ended), NUL bytes dropped.
json_string() {
  { tr -d '\000'; printf x; } | awk '
    BEGIN {
      for (i = 1; i < 32; i++) esc[sprintf("%c", i)] = sprintf("\\u%04x", i)
      esc["\\"] = "\\\\"; esc["\""] = "\\\""; esc["\t"] = "\\t"; esc["\r"] = "\\r"
      printf "\""
    }
    function put(s,   i, c, r) {
      r = ""
      for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); r = r ((c in esc) ? esc[c] : c) }
      printf "%s", r
    }
    NR > 1 { put(held); printf "\\n" }
    { held = $0 }
    END { put(substr(held, 1, length(held) - 1)); printf "\"" }'
}

json_text() { printf '%s' "$1" | json_string; }

# One command's result as {"ok":true,"stdout":…} or {"ok":false,"problem":…,"message":…}.
command_output() {
  if ! command -v "$1" >/dev/null 2>&1; then
    printf '{"ok":false,"problem":"missing","message":%s}' "$(json_text "$1: not installed")"
    return
  fi
  "$@" >"$work/out" 2>"$work/err"
  rc=$?
  if [ "$rc" -eq 0 ]; then
    printf '{"ok":true,"stdout":'; json_string <"$work/out"; printf '}'
    return
  fi
  message=$(head -n 1 "$work/err")
  [ -n "$message" ] || message="exited with $rc"
  problem=failed
  grep -qiE 'permission denied|operation not permitted|must be (run as )?root' "$work/err" && problem=needs-root
  printf '{"ok":false,"problem":"%s","message":%s}' "$problem" "$(json_text "$message")"
}

outputs() {
  printf '{"dmsetup status":%s' "$(command_output dmsetup status)"
  printf ',"dmsetup table":%s' "$(command_output dmsetup table)"
  printf ',"dmsetup ls":%s' "$(command_output dmsetup ls)"
  printf ',"losetup -a":%s' "$(command_output losetup -a)"
  printf ',"findmnt -J":%s' "$(command_output findmnt -J)"
  printf ',"cat /proc/cmdline":%s' "$(command_output cat /proc/cmdline)"
  printf ',"uname -r":%s}' "$(command_output uname -r)"
}

# The LiveOS folder: the one given, else today's dracut mount, else 2012's.
folder=
for candidate in ${1:+"$1"} /run/initramfs/live/LiveOS /mnt/live/LiveOS; do
  if [ -d "$candidate" ] && [ -r "$candidate" ]; then folder=$candidate; break; fi
  [ -n "$1" ] && break
done

live_os() {
  if [ -z "$folder" ]; then printf 'null'; return; fi
  printf '{"folder":%s,"files":[' "$(json_text "$folder")"
  sep=
  for file in "$folder"/*; do
    [ -f "$file" ] || continue
    set -- $(stat -L -c '%s %b %B' "$file" 2>/dev/null)
    [ $# -eq 3 ] || continue
    printf '%s{"path":%s,"sizeBytes":%s,"allocatedBytes":%s}' "$sep" "$(json_text "$file")" "$1" "$(($2 * $3))"
    sep=,
  done
  printf ']}'
}

overlay_header() {
  for file in "$folder"/overlay-*; do
    [ -n "$folder" ] && [ -f "$file" ] || continue
    if dd if="$file" bs=16 count=1 2>"$work/err" >"$work/header"; then
      printf '{"path":%s,"headerHex":"%s","problem":null}' "$(json_text "$file")" \
        "$(od -An -v -tx1 "$work/header" | tr -d ' \n')"
    elif grep -qiE 'permission denied|operation not permitted' "$work/err"; then
      printf '{"path":%s,"headerHex":null,"problem":"needs-root"}' "$(json_text "$file")"
    else
      printf '{"path":%s,"headerHex":null,"problem":"failed"}' "$(json_text "$file")"
    fi
    return
  done
  printf 'null'
}

root=false
[ "$(id -u)" = 0 ] && root=true

printf '{"format":"cellar-report/v1","source":"probe","takenAt":"%s"' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf ',"outputs":%s' "$(outputs)"
printf ',"liveOs":%s' "$(live_os)"
printf ',"overlayHeader":%s' "$(overlay_header)"
printf ',"root":%s}\n' "$root"

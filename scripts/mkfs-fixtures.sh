#!/bin/sh
# Makes the ext2/3/4 geometry fixtures in test/fixtures/mkfs/ with the real e2fsprogs (mke2fs 1.47.0 and
# Debian's /etc/mke2fs.conf, the versions the kernel lab used). For each case it creates a sparse image file
# with `truncate`, runs the exact mkfs command on it (no mounting, no root needed), and saves the command,
# the full `dumpe2fs` output (header and every group) and `debugfs -R 'stat <N>'` for the journal (8), the
# root directory (2), lost+found (11) and the resize inode (7). Those files are the ground truth for
# test/model/fs/geometry/*.test.ts.
#
# Lines that change on every run (UUIDs, times, checksums, the hash seed) are dropped, so that running the
# script again gives byte-identical fixtures. The resize inode's block list is cut after its first entries
# (its DIND block); the rest only repeats the reserved GDT blocks that dumpe2fs already lists.
#
# Usage: sh scripts/mkfs-fixtures.sh [output-dir]    (default: test/fixtures/mkfs next to this script)

set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/../test/fixtures/mkfs"}
PATH="$PATH:/sbin:/usr/sbin"
export PATH

for tool in mkfs.ext2 mkfs.ext3 mkfs.ext4 dumpe2fs debugfs tune2fs truncate; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "mkfs-fixtures: $tool not found (install e2fsprogs 1.47.0)" >&2
    exit 1
  }
done
version=$(mkfs.ext4 -V 2>&1 | head -n 1)
case "$version" in
  *1.47.0*) ;;
  *) echo "mkfs-fixtures: warning: expected mke2fs 1.47.0, found: $version" >&2 ;;
esac

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
img="$work/fs.img"

# Drops what changes from run to run; keeps everything that describes the layout.
scrub_dumpe2fs() {
  sed -e '/^Filesystem UUID:/d' -e '/^Filesystem created:/d' -e '/^Last mount time:/d' \
    -e '/^Last write time:/d' -e '/^Last checked:/d' -e '/^Directory Hash Seed:/d' \
    -e '/^Checksum:/d' -e '/^Journal checksum:/d' -e 's/ csum 0x[0-9a-f]*//'
}
scrub_stat() {
  sed -e '/^ *[a-z]*time: /d' -e '/^Inode checksum:/d' -e '/^Generation:/d' \
    -e 's/^\(([A-Z]*):[0-9]*, ([A-Z]*):[0-9]*, ([0-9]*):[0-9]*\), .*/\1, … (cut by mkfs-fixtures.sh)/'
}

# make_case NAME SIZE MKFS-COMMAND [TUNE2FS-COMMAND]; commands use IMG for the image path.
make_case() {
  name=$1
  size=$2
  mkfs_cmd=$3
  tune_cmd=${4:-}
  rm -f "$img"
  truncate -s "$size" "$img"
  size_bytes=$(stat -c %s "$img")
  eval "$(echo "$mkfs_cmd" | sed "s|IMG|\"\$img\"|g")" >/dev/null 2>&1
  if [ -n "$tune_cmd" ]; then
    eval "$(echo "$tune_cmd" | sed "s|IMG|\"\$img\"|g")" >/dev/null 2>&1
  fi
  {
    echo "# Cellar mkfs fixture $name, made by scripts/mkfs-fixtures.sh with $version"
    echo "# size_bytes: $size_bytes"
    echo "# command: $mkfs_cmd"
    if [ -n "$tune_cmd" ]; then echo "# command: $tune_cmd"; fi
    echo "=== dumpe2fs IMG"
    dumpe2fs "$img" 2>&1 | scrub_dumpe2fs
    for ino in 8 2 11 7; do
      echo "=== debugfs -R 'stat <$ino>' IMG"
      debugfs -R "stat <$ino>" "$img" 2>&1 | scrub_stat
    done
  } >"$out/$name.txt"
  echo "mkfs-fixtures: $name ($size_bytes bytes) -> $out/$name.txt"
}

LAB='-E lazy_itable_init=0,lazy_journal_init=0'

# The kernel lab's bases (test/fixtures/kernel/a_ext4.json, a_ext3.json, f_liveos_4k.json).
make_case a_ext4_128m 128M "mkfs.ext4 -F $LAB IMG"
make_case a_ext3_128m 128M "mkfs.ext3 -F $LAB IMG"
make_case f_liveos_4k_512m 512M "mkfs.ext4 -F -b 4096 -m 1 $LAB -L SoaS-Live IMG" \
  "tune2fs -c0 -i0 -O dir_index IMG"

# A persistent home.img as livecd-iso-to-disk --home-size-mb makes it.
make_case home_150m 150M "mkfs.ext4 -F -j IMG"
make_case home_200m 200M "mkfs.ext4 -F -j IMG"
make_case home_2047m 2047M "mkfs.ext4 -F -j IMG"

# Fedora kickstart roots: `part / --size 3072`, and the 6.5 GiB one (13635584 sectors) on the Fedora wiki.
make_case root_3g_4k 3G "mkfs.ext4 -F -b 4096 -m 1 IMG"
make_case root_6_5g $((13635584 * 512)) "mkfs.ext4 -F IMG"

# Odd sizes, 1 KiB blocks: a short last group; a last group too small to keep (64 MiB + 4 KiB); the
# default profile with 1 KiB blocks forced (inode ratio 16384).
make_case odd_1k_100m 100M "mkfs.ext4 -F -b 1024 IMG"
make_case odd_1k_64m_plus_4k $((64 * 1048576 + 4096)) "mkfs.ext4 -F -b 1024 IMG"
make_case odd_1k_777m 777M "mkfs.ext4 -F -b 1024 IMG"

# Odd sizes, 4 KiB blocks: the small profile with 4 KiB blocks (inode ratio 4096), a short last group,
# and 4 GiB + 1 block, whose one-block last group is dropped.
make_case odd_4k_100m 100M "mkfs.ext4 -F -b 4096 IMG"
make_case odd_4k_777m 777M "mkfs.ext4 -F -b 4096 IMG"
make_case odd_4k_4g_plus_1 $((4 * 1073741824 + 4096)) "mkfs.ext4 -F -b 4096 IMG"

# Without flex_bg or extents: ext3 with 4 KiB blocks (a block-mapped journal with indirect blocks), ext2
# (no journal), and the floppy profile.
make_case ext3_4k_777m 777M "mkfs.ext3 -F IMG"
make_case ext2_100m 100M "mkfs.ext2 -F IMG"
make_case floppy_2m 2M "mkfs.ext4 -F IMG"

# Options that move blocks in other ways: no flex_bg with small groups and a bigger journal (more than four
# extents, so the journal gets an extent-tree leaf block); flex groups of 4; 2 KiB blocks with 128-byte
# inodes; 32-byte descriptors without reserved GDT; no sparse_super (a superblock copy in every group) and no
# journal; too small for a journal; the largefile usage type; a block-mapped journal past the double-indirect
# range (a triple-indirect block).
make_case opt_1k_noflex_g2048_j8 64M "mkfs.ext4 -F -b 1024 -g 2048 -O ^flex_bg -J size=8 IMG"
make_case opt_1k_flex4_g4096 96M "mkfs.ext4 -F -b 1024 -g 4096 -G 4 IMG"
make_case opt_2k_inode128 300M "mkfs.ext4 -F -b 2048 -I 128 -i 65536 -m 0 IMG"
make_case opt_no64bit_noresize 200M "mkfs.ext4 -F -O ^resize_inode,^64bit IMG"
make_case opt_nosparse_nojournal 50M "mkfs.ext4 -F -O ^has_journal,^sparse_super,^resize_inode IMG"
make_case opt_tiny_1m 1M "mkfs.ext4 -F IMG"
make_case opt_largefile_1g 1G "mke2fs -F -t ext4 -T largefile IMG"
make_case opt_ext3_1k_tind 300M "mkfs.ext3 -F -b 1024 -J size=80 IMG"

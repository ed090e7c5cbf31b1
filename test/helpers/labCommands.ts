// Runs the shell commands a block-level kernel-lab recording (d_full, e_origin_merge) ran, on the model:
// `dd` (each of its `count` blocks is one request, and it stops at the first failure), `dmsetup create` /
// `remove` of snapshot and snapshot-origin devices, and the zeroed COW files the lab made. Other commands
// (losetup, sync, md5sum around a read) need no model.

import { OriginDevice } from '../../src/model/block/BlockDevice';
import { CowDevice } from '../../src/model/block/CowDevice';
import { snapshotStatusLine } from '../../src/model/dm/dmsetupFormat';
import { SnapshotTarget } from '../../src/model/dm/SnapshotTarget';

type Device = { kind: 'snapshot'; target: SnapshotTarget } | { kind: 'origin'; lengthSectors: number };

function ddArgs(cmd: string): Record<string, string> {
  return Object.fromEntries(
    cmd
      .split(/\s+/)
      .filter((w) => w.includes('='))
      .map((w) => w.split('=') as [string, string]),
  );
}

function bytes(size: string): number {
  const m = /^(\d+)([KM]?)$/.exec(size)!;
  return Number(m[1]) * (m[2] === 'M' ? 1 << 20 : m[2] === 'K' ? 1024 : 1);
}

export class LabMachine {
  private readonly devices = new Map<string, Device>();
  private cow: CowDevice | null = null;
  private origin: OriginDevice | null = null;
  /** The snapshot the recording's `status` column follows: the one created last. */
  current: SnapshotTarget | null = null;

  /** Runs one recorded command; returns the exit code the model predicts, or null when it is not modelled. */
  run(cmd: string): number | null {
    const words = cmd.split(/\s+/);
    if (cmd.startsWith('dmsetup create')) return this.create(cmd);
    if (cmd.startsWith('dmsetup remove')) {
      const device = this.devices.get(words[2]!);
      if (device?.kind === 'snapshot') {
        device.target.remove();
        if (this.current === device.target) this.current = null;
      }
      this.devices.delete(words[2]!);
      return 0;
    }
    if (/\bdd\b/.test(cmd)) return this.dd(cmd);
    return null;
  }

  statusLine(): string | null {
    return this.current ? snapshotStatusLine(this.current) : null;
  }

  private create(cmd: string): number {
    const name = /create (?:--readonly )?(\S+)/.exec(cmd)![1]!;
    const table = cmd.slice(cmd.indexOf('--table') + 8).split(/\s+/);
    const lengthSectors = Number(table[1]);
    if (!this.origin || this.origin.sizeSectors !== lengthSectors)
      this.origin = new OriginDevice(lengthSectors);
    if (table[2] === 'snapshot-origin') {
      this.devices.set(name, { kind: 'origin', lengthSectors });
      return 0;
    }
    const made = SnapshotTarget.create({
      origin: this.origin,
      cow: this.cow!,
      store: table[5]!,
      chunkSectors: Number(table[6]),
      readOnly: cmd.includes('--readonly'),
    });
    if (!made.ok) return 1;
    this.devices.set(name, { kind: 'snapshot', target: made.target });
    this.current = made.target;
    return 0;
  }

  private dd(cmd: string): number | null {
    const args = ddArgs(cmd.replace(/^sh -c /, '').split('|')[0]!);
    const blockBytes = bytes(args.bs ?? '512');
    const count = Number(args.count ?? 1);
    if (args.of?.startsWith('/lab/cow')) {
      if (args.oflag?.includes('append')) this.cow!.extend((blockBytes * count) / 512);
      else this.cow = new CowDevice((blockBytes * count) / 512);
      return 0;
    }
    const writing = args.of?.startsWith('/dev/mapper/') ?? false;
    const name = (writing ? args.of : args.if)?.replace('/dev/mapper/', '');
    const device = name === undefined ? undefined : this.devices.get(name);
    if (!device) return null;
    const first = Number((writing ? args.seek : args.skip) ?? 0);
    const sectors = blockBytes / 512;
    for (let i = 0; i < count; i++) {
      const offset = (first + i) * sectors;
      if (device.kind === 'origin') {
        for (const d of this.devices.values())
          if (d.kind === 'snapshot') d.target.writeOrigin(offset, sectors);
        continue;
      }
      const result = writing ? device.target.write(offset, sectors) : device.target.read(offset, sectors);
      if (!result.ok) return 1;
    }
    return 0;
  }
}

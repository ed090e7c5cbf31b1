// The temporary overlay's RAM. dracut makes it as a sparse file, /overlay, in the initramfs (512 MiB in
// 2012, 32 GiB today: dmsquash-live-root.sh `dd if=/dev/null of=/overlay … seek=`). With `root=` on the
// kernel command line the initramfs is ramfs, not tmpfs (init/do_mounts.c init_rootfs), so the file has
// no size limit of its own and its pages can never be swapped out: each chunk the snapshot hands out
// takes 4 KiB of RAM for good. It shares the machine's RAM with the tmpfs folders, whose pages can go to
// swap.img when livesys has turned it on.
//
// What the kernel does when RAM runs out: the loop device's page allocation never fails outright; the
// OOM killer ends programs (the Activity, then Sugar) to get memory back, and with nothing left to end
// the kernel panics ("Out of memory and no killable processes"). Cellar stops at the first step of that:
// the write that needs a new chunk finds no RAM, the loop device's write fails, and dm-snapshot
// invalidates live-rw ("Error reading/writing."), as after any COW write error; the root then fails
// every read, like a machine that no longer answers, until a reboot — which forgets the overlay. The
// programs' own memory is not counted (the OOM killer takes it back first).

import type { CowBacking } from '../block/CowDevice';
import type { Tmpfs } from '../store/Tmpfs';
import { SpaceRefusals } from './loopFile';

export class RamOverlay extends SpaceRefusals implements CowBacking {
  constructor(
    private readonly ramBytes: number,
    private readonly tmpfs: readonly Tmpfs[],
    /** swap.img's size when livesys turned it on (0: no swap). */
    private readonly swapBytes: number,
  ) {
    super();
  }

  /** RAM the tmpfs folders hold that swap cannot take. */
  tmpfsInRamBytes(): number {
    const used = this.tmpfs.reduce((sum, t) => sum + t.usedBytes, 0);
    return Math.max(0, used - this.swapBytes);
  }

  holds(endBytes: number): boolean {
    const fits = endBytes + this.tmpfsInRamBytes() <= this.ramBytes;
    if (!fits) this.refused = true;
    return fits;
  }
}

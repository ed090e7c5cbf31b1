// A realistic stick for looking at the overlay views (screenshots and browser tests): today's Fedora
// SoaS on a 4 GiB stick with a 96 MiB overlay over its 64 MiB root and a 256 MiB home.img, used for an afternoon.

import { OverlayLedger } from '../../../src/model/stick/overlayLedger';
import { Stick } from '../../../src/model/stick/Stick';
import { usageSample, type UsageSample } from '../../../src/model/stick/usageSample';

const MIB = 1024 * 1024;

export interface UsedStick {
  stick: Stick;
  ledger: OverlayLedger;
  samples: UsageSample[];
}

export function usedStick(overlayMib: number | null = 96): UsedStick {
  const made = Stick.create({
    era: 'fedora-today',
    capacityBytes: 4096 * MIB,
    overlayMib,
    homeMib: 256,
    ramBytes: 2048 * MIB,
  });
  if (!made.ok) throw new Error(made.message);
  const stick = made.stick;
  const ledger = OverlayLedger.follow(stick);
  const samples: UsageSample[] = [];
  const record = () => samples.push(usageSample(stick, samples.length));
  stick.boot();
  for (const folder of ['/var/lib/rpm', '/opt/game', '/etc/dnf', '/home/liveuser/Documents']) {
    stick.mkdir(folder, { parents: true });
  }
  record();
  const steps: [number, () => unknown][] = [
    [60_000, () => stick.writeFile('/var/log/messages', 3 * MIB)],
    [120_000, () => stick.writeFile('/home/liveuser/Documents/story.odt', 40 * MIB)],
    [300_000, () => stick.writeFile('/usr/share/fonts/extra.ttf', 12 * MIB)],
    [60_000, () => stick.writeFile('/tmp/scratch.bin', 200 * MIB)],
    [600_000, () => stick.writeFile('/var/lib/rpm/Packages', 9 * MIB)],
    [120_000, () => stick.writeFile('/etc/dnf/dnf.conf', 20_000)],
    [900_000, () => stick.appendFile('/var/log/messages', 2 * MIB)],
    [300_000, () => stick.writeFile('/root/.bash_history', 60_000)],
    [600_000, () => stick.writeFile('/opt/game/data.pak', 16 * MIB)],
    [300_000, () => stick.writeFile('/var/log/audit/audit.log', 4 * MIB)],
  ];
  for (const [ms, run] of steps) {
    stick.advance(ms);
    run();
    record();
  }
  return { stick, ledger, samples };
}

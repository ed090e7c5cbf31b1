// Reading a saved COW device (an overlay file, a temporary overlay in RAM) and a store's usage from a stick
// document: the pages must be whole 4 KiB pages of base64 in offset order, inside the device.

import type { DeviceNumber } from '../block/BlockDevice';
import { CowDevice } from '../block/CowDevice';
import type { StoreUsage } from '../dm/ExceptionStore';
import { SECTOR_BYTES } from '../units';
import { problem, readBase64, readList, readObject, readWhole } from '../docReader';

const PAGE_BYTES = 4096;

export function readCow(value: unknown, path: string, deviceNumber: DeviceNumber): CowDevice {
  const doc = readObject(value, path);
  const sizeSectors = readWhole(doc.sizeSectors, `${path}.sizeSectors`);
  const sizeBytes = sizeSectors * SECTOR_BYTES;
  const pages = readList(doc.pages, `${path}.pages`).map((item, index) => {
    const at = `${path}.pages[${String(index)}]`;
    const page = readList(item, at);
    if (page.length !== 2) throw problem(at, 'is not an [offset, base64] page');
    const offsetBytes = readWhole(page[0], `${at}[0]`);
    const bytes = readBase64(page[1], `${at}[1]`);
    if (offsetBytes % PAGE_BYTES !== 0) throw problem(`${at}[0]`, 'is not at the start of a 4 KiB page');
    if (bytes.length === 0 || bytes.length > PAGE_BYTES)
      throw problem(`${at}[1]`, 'does not decode to one page');
    if (offsetBytes + bytes.length > sizeBytes) throw problem(at, 'lies past the end of the device');
    return { offsetBytes, bytes, at };
  });
  pages.forEach((page, index) => {
    if (index > 0 && page.offsetBytes <= pages[index - 1]!.offsetBytes)
      throw problem(page.at, 'is out of order');
  });
  const cow = new CowDevice(sizeSectors, deviceNumber);
  for (const { offsetBytes, bytes } of pages) cow.write(offsetBytes, bytes);
  return cow;
}

export function readUsage(value: unknown, path: string): StoreUsage {
  const doc = readObject(value, path);
  const usage = {
    totalSectors: readWhole(doc.totalSectors, `${path}.totalSectors`),
    sectorsAllocated: readWhole(doc.sectorsAllocated, `${path}.sectorsAllocated`),
    metadataSectors: readWhole(doc.metadataSectors, `${path}.metadataSectors`),
  };
  if (usage.sectorsAllocated > usage.totalSectors)
    throw problem(path, 'has more sectors allocated than the device has');
  return usage;
}

/** Whether two usages are the same figures. */
export function sameUsage(a: StoreUsage, b: StoreUsage): boolean {
  return (
    a.totalSectors === b.totalSectors &&
    a.sectorsAllocated === b.sectorsAllocated &&
    a.metadataSectors === b.metadataSectors
  );
}

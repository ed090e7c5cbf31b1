
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'sad7e345506f746a3': `Coming soon: a simulator of the storage on a Sugar on a Stick USB stick, to see where the space goes and how to keep it.`,
's52dee58856a17c9c': `Your saved stick could not be opened, so Cellar started a new one. The old save is kept safe.`,
'sdfa813ce50cb2401': `Cellar could not open your saved stick, so it started a new one. It will not save over the old one this time.`,
'sc5683b878d1c56dd': `Cellar could not save your stick just now. It will try again when you change something.`,
'sc4c4de6ef1526277': `ext4 journal`,
's6e98afd56bba4bab': `filesystem metadata`,
's738d79b731f2418d': `the boot (dracut, livesys)`,
's02b8f48677ee859a': `copied before Cellar kept count`,
's92f22fa181c64831': str`COW chunk ${0}: the header (magic, valid flag, version, chunk size)`,
'sdbb37333d019a8dc': str`COW chunk ${0}: metadata area ${1}, recording the ${2} data chunks after it`,
's24e5ecf263ef39ce': str`COW chunk ${0}: place of metadata area ${1}, started when the one before fills`,
's0816d30b87c27460': str`COW chunk ${0}: not handed out yet`,
'sece3b1abe66c1c42': str`COW chunk ${0}: origin chunk ${1}, ${2}`,
's645571ed75fe2131': str`COW chunks ${0}–${1}: ${2} data chunks handed out. ${3}`,
's674669b44e9201dd': str`Copy ${0} of ${1}: origin chunk ${2} → COW chunk ${3} (${4})`,
's504fd0d13f414514': str`Each cell shows ${0} chunks.`,
's6c56f00ac2c3e002': str`Temporary overlay in RAM: ${0} data chunks of ${1} KiB handed out; RAM holds ${2} in all, though the sparse COW file has room for ${3}. A transient store keeps no header or metadata areas, and everything is gone at the next boot.`,
'seb2b8b0741182874': str`COW file: ${0} chunks of ${1} KiB: 1 header, ${2} metadata areas, ${3} data chunks, ${4} free.`,
'sba86e90b940d2fda': `live-rw is Invalid: the kernel marked the header invalid, so every read and write of the root fails. The chunks stay in the file, unreadable.`,
'sfa5f94f052a3f83f': `live-rw overflowed: no chunk is left, so every write to the root fails; reads still work.`,
's69b2e79d0ca4a304': `This stick has no overlay to show.`,
'sc0330aba79846405': `The COW file, chunk by chunk. Arrow keys move from cell to cell.`,
's42d90e925aad3c10': str`Last operation: ${0}${1}, ${2} chunks copied.`,
'sd866ceb9da3547cd': `No operation has copied a chunk yet.`,
'sd9994f251f1280cf': `Step`,
'sd9ad53251f2330a5': `Stop`,
's29e420381528a4f0': `Replay slowly`,
's4b58c01e2578f5e4': `Legend`,
's3a506cb501761960': `header`,
's3f21768b20c8a339': `metadata area`,
's7f625478d788e11b': `free`,
's984a3118d85b20e0': str`${0} s`,
's44add38a493e53a5': str`${0} min`,
's984a4c18d85b4ec1': str`${0} h`,
's9976b5befb314c64': str`${0} days`,
's58669fe84c02fd01': `No chunk of the overlay has been spent yet.`,
's1717bd687abdeb2f': str`${0} data chunks (${1}) copied into the overlay, by who caused them:`,
's605b7aedaa178aea': str`${0} chunks, ${1}, ${2} %`,
's5cb272120b109463': `overlay`,
's688bd99c3268872f': `home.img`,
'sa06cc719ff1503a3': `RAM`,
's3302fcad6c5fbfe7': `stick`,
's065cf7261e8772be': `Nothing measured yet.`,
's859d0b9dfd9c6a27': `Latest figures`,
'scf487eaa5e9c8cda': `simulated time`,
'sb2b44de8a70ae954': str`${0} of ${1}`,
's6f844ea199ac67a0': `none on this stick`,
's0affed4d191fd5e7': str`Usage over simulated time, as a share of each store's size: ${0}.`,
    };
  
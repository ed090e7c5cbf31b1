// The Sugar host: the save is a Journal entry reached through Sugar's API socket; the shell's Stop waits
// for the page to save and call activity.close.
import { newEntryTitle } from './activityIdentity';
import { ApiSocket } from './ApiSocket';
import { DEFAULT_XO_COLOURS, type Host, type XoColours } from './host';
import { createEntry, loadEntry, saveEntry, type SugarMetadata } from './sugarDatastore';
import type { SugarEnvironment } from './sugarEnvironment';

/**
 * How long to wait for the learner's colours. No answer means the shell ignores us (a wrong key gets no reply
 * at all), so the socket is of no use for saving either.
 */
export const XO_COLOUR_TIMEOUT_MS = 3000;

async function askXoColours(socket: ApiSocket): Promise<XoColours> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('Sugar did not answer activity.get_xo_color')),
      XO_COLOUR_TIMEOUT_MS,
    );
  });
  // An error reply still shows a shell that listens: only the colours are unknown then.
  const call = socket.call('activity.get_xo_color').catch((): unknown[] => []);
  const answer = await Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  const pair = answer[0];
  if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
    return { stroke: pair[0], fill: pair[1] };
  }
  return DEFAULT_XO_COLOURS;
}

/**
 * Connects to the shell; rejects when it cannot be reached or does not answer. Asking the colours at once also
 * makes the shell wait for us on Stop (sugar.md §8).
 */
export async function createSugarHost(environment: SugarEnvironment): Promise<Host> {
  const url = `ws://127.0.0.1:${String(environment.apiSocketPort)}`;
  const socket = await ApiSocket.connect(url, environment.activityId, environment.apiSocketKey);
  let colours: XoColours;
  try {
    colours = await askXoColours(socket);
  } catch (error) {
    socket.close();
    throw error;
  }

  let uid: string | null = environment.objectId || null;
  // What the entry's metadata is; saved back whole, as the shell replaces it on each save.
  let metadata: SugarMetadata = {};
  const newEntryMetadata = (): SugarMetadata => ({
    // Sugar's environment names no language; its WebKit follows the desktop's.
    title: newEntryTitle(navigator.language),
    title_set_by_user: '0',
    activity: environment.bundleId,
    activity_id: environment.activityId,
  });

  const close = async () => {
    await socket.call('activity.close');
  };
  const stopHandlers: (() => Promise<boolean>)[] = [];
  socket.onNotification('activity.stop', () => {
    void (async () => {
      let mayClose = true;
      for (const handler of stopHandlers) mayClose = (await handler()) && mayClose;
      // Sugar sends activity.stop again on the next Stop, so staying open is never a trap.
      if (mayClose) await close();
    })().catch(() => {
      // The shell is gone or does not answer: the window goes with it, and there is no one left to tell.
    });
  });
  const pauseHandlers: (() => void)[] = [];
  socket.onNotification('activity.pause', () => pauseHandlers.forEach((handler) => handler()));

  return {
    kind: 'sugar',
    colours,
    language: null, // Sugar's environment does not say (sugar.md §3)
    load: async () => {
      if (uid === null) return null;
      const entry = await loadEntry(socket, uid);
      metadata = entry.metadata;
      // An entry without data (never saved by us) holds nothing to restore.
      return entry.text === '' ? null : entry.text;
    },
    save: async (text) => {
      if (uid === null) {
        metadata = newEntryMetadata();
        uid = await createEntry(socket, metadata);
      }
      await saveEntry(socket, uid, metadata, text);
    },
    // The unreadable entry stays in the Journal as it is; the first save makes a new one.
    keepAside: async () => {
      uid = null;
    },
    onStop: (handler) => stopHandlers.push(handler),
    onPause: (handler) => pauseHandlers.push(handler),
    close,
  };
}

// <cellar-app> resumed from a saved view, as the start-up glue does it (begin, restoreLessons, restoreView):
// the terminal's lines and folder, the Files folder, the lesson column, and the line under the toolbar
// fitting the mode; the view it gives to save comes back the same; a damaged view changes nothing.

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/ui/cellar-app.js';
import type { CellarApp } from '../../src/ui/cellar-app.js';
import type { CellarFiles } from '../../src/ui/files/cellar-files';
import type { CellarTerminal } from '../../src/ui/terminal/cellar-terminal';
import type { ActivityView } from '../../src/sugar/activityView';
import { allInShadow, inShadow, smallSession } from './uiFixtures';

const SAVED: ActivityView = {
  terminal: {
    lines: [
      { kind: 'typed', text: '[root@localhost log]# echo before the Stop' },
      { kind: 'stdout', text: 'before the Stop' },
    ],
    history: ['cd /var/log', 'echo before the Stop'],
    folder: '/var/log',
  },
  filesFolder: '/root',
  lessonColumn: 'teacher',
};

/** An app resumed on a new session in `mode` with `view`, drawn with its terminal and Files. */
async function resumed(mode: 'sandbox' | 'lessons' | 'real', view: unknown): Promise<CellarApp> {
  const el = await fixture<CellarApp>(html`<cellar-app host-managed></cellar-app>`);
  const session = smallSession();
  session.setMode(mode);
  el.begin(session);
  el.restoreLessons(undefined);
  el.restoreView(view);
  await el.updateComplete;
  await terminalOf(el).updateComplete;
  await filesOf(el).updateComplete;
  return el;
}

const terminalOf = (el: CellarApp) => inShadow<CellarTerminal>(el, 'cellar-terminal');
const filesOf = (el: CellarApp) => inShadow<CellarFiles>(el, 'cellar-files');
const terminalLines = (el: CellarApp) =>
  allInShadow(terminalOf(el), '[role="log"] .line').map((p) => p.textContent);
const lineUnderToolbar = (el: CellarApp) =>
  inShadow(inShadow(el, 'cellar-announcer'), '[role="status"]').textContent!.trim();

describe('<cellar-app> resumed from a saved view', () => {
  it('shows the terminal, Files and the lesson column as they were, and gives the same view to save', async () => {
    const el = await resumed('lessons', SAVED);
    expect(terminalLines(el)).to.deep.equal([
      '[root@localhost log]# echo before the Stop',
      'before the Stop',
    ]);
    expect(inShadow(terminalOf(el), '.prompt').textContent).to.equal('[root@localhost log]# ');
    expect(inShadow(filesOf(el), '.path').textContent).to.equal('/root');
    expect(el.shadowRoot!.querySelector('cellar-teacher-summary')).not.to.equal(null);
    expect(el.view).to.deep.equal(SAVED);
  });

  it('says what fits the mode under the toolbar: the lesson column in Lessons, the sandbox hint else', async () => {
    expect(lineUnderToolbar(await resumed('lessons', SAVED))).to.equal(
      'The lesson column says what to do next.',
    );
    expect(lineUnderToolbar(await resumed('sandbox', SAVED))).to.equal(
      'Save a file somewhere and watch which part of the stick grows.',
    );
  });

  it("says the new mode's hint when the mode is switched, as when resumed in it", async () => {
    const el = await resumed('sandbox', undefined);
    el.act({ type: 'write-file', path: '/root/a.txt', sizeBytes: 1000 });
    await el.updateComplete;
    expect(lineUnderToolbar(el)).to.match(/^Saved a.txt/);
    el.act({ type: 'set-mode', mode: 'lessons' });
    await el.updateComplete;
    expect(lineUnderToolbar(el)).to.equal('The lesson column says what to do next.');
    el.act({ type: 'set-mode', mode: 'sandbox' });
    await el.updateComplete;
    expect(lineUnderToolbar(el)).to.equal('Save a file somewhere and watch which part of the stick grows.');
  });

  it('starts as without a view when the view is damaged', async () => {
    for (const damaged of [undefined, 'x', [1], { terminal: 3, filesFolder: 'root', lessonColumn: 9 }]) {
      const el = await resumed('lessons', damaged);
      expect(terminalLines(el)).to.deep.equal([]);
      expect(inShadow(terminalOf(el), '.prompt').textContent).to.equal('[root@localhost ~]# ');
      expect(inShadow(filesOf(el), '.path').textContent).to.equal('/home/liveuser');
      expect(el.shadowRoot!.querySelector('cellar-lesson-list')).not.to.equal(null);
      expect(inShadow(el, 'cellar-announcer').hasAttribute('problem')).to.equal(false);
    }
  });

  it('in real mode, puts the paste back in its box and reads it again, and saves it again', async () => {
    const pasted = 'live-rw: 0 262144 snapshot 10392/32768 56\n';
    const el = await resumed('real', { realPaste: pasted });
    const panel = inShadow(el, 'cellar-real-stick');
    await (panel as CellarApp).updateComplete;
    const box = inShadow(panel, 'cellar-real-paste');
    await (box as CellarApp).updateComplete;
    expect(inShadow<HTMLTextAreaElement>(box, 'textarea').value).to.equal(pasted);
    expect(inShadow(panel, 'cellar-real-reading').shadowRoot!.textContent).to.contain(
      '10392 sectors used out of 32768',
    );
    expect(el.view.realPaste).to.equal(pasted);
  });

  it('keeps a resumed paste to save again while real mode is not shown, and shows it when it is', async () => {
    const pasted = 'live-rw: 0 262144 snapshot Invalid\n';
    const el = await resumed('sandbox', { realPaste: pasted });
    expect(el.shadowRoot!.querySelector('cellar-real-stick') === null).to.equal(true);
    expect(el.view.realPaste).to.equal(pasted);
    el.act({ type: 'set-mode', mode: 'real' });
    await el.updateComplete;
    const box = inShadow(inShadow(el, 'cellar-real-stick'), 'cellar-real-paste');
    await (box as CellarApp).updateComplete;
    expect(inShadow<HTMLTextAreaElement>(box, 'textarea').value).to.equal(pasted);
  });

  it('makes no challenge when resumed in another mode than Lessons (it runs the model)', async () => {
    const el = await resumed('sandbox', { lessonColumn: 'challenges' });
    expect(el.shadowRoot!.querySelector('cellar-challenge') === null).to.equal(true);
    el.act({ type: 'set-mode', mode: 'lessons' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('cellar-lesson-list') !== null).to.equal(true);
  });
});

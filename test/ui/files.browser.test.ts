// <cellar-files> in Chromium: it lists what the model lists, labels each folder with the store it costs,
// and sends the learner's intents (it never changes the session itself).

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CellarIntent } from '../../src/ui/cellarCommand';
import type { CellarFileActions } from '../../src/ui/files/cellar-file-actions';
import type { CellarFiles } from '../../src/ui/files/cellar-files';
import '../../src/ui/files/cellar-files';
import { allInShadow, buttonWithText, inShadow, smallSession } from './uiFixtures';

async function filesAt(folder: string, session = smallSession()) {
  const el = await fixture<CellarFiles>(
    html`<cellar-files .session=${session} .folder=${folder}></cellar-files>`,
  );
  return { el, session };
}

function rowNames(el: CellarFiles): string[] {
  return allInShadow(el, 'li .name').map((n) => n.textContent!.trim());
}

describe('<cellar-files>', () => {
  it('lists the folder as the model does, mount points included', async () => {
    const { el, session } = await filesAt('/');
    const listed = session.stick.list('/');
    if (!listed.ok) throw new Error(listed.error);
    expect(rowNames(el)).to.deep.equal(listed.value.map((e) => (e.kind === 'dir' ? `${e.name}/` : e.name)));
  });

  it('labels each folder with what it costs: /tmp RAM, /home home.img, /root the overlay', async () => {
    const { el } = await filesAt('/');
    const badgeOf = (name: string) =>
      allInShadow(el, 'li')
        .find((li) => li.querySelector('.name')!.textContent!.trim() === `${name}/`)!
        .querySelector('.badge')!.textContent;
    expect(badgeOf('tmp')).to.contain('costs RAM');
    expect(badgeOf('home')).to.contain('costs home.img');
    expect(badgeOf('root')).to.contain('costs overlay');
    expect(inShadow(el, '.where').textContent).to.contain('costs overlay');
  });

  it('a preset button asks for that file, at its size, in the folder shown', async () => {
    const { el } = await filesAt('/home/liveuser');
    const actions = inShadow<CellarFileActions>(el, 'cellar-file-actions');
    setTimeout(() => buttonWithText(actions, 'Video').click());
    const event = (await oneEvent(el, 'cellar-command')) as CustomEvent<CellarIntent>;
    expect(event.detail).to.deep.equal({
      type: 'write-file',
      path: '/home/liveuser/video.ogv',
      sizeBytes: 200_000_000,
    });
  });

  it('a second photo gets a name of its own', async () => {
    const { el, session } = await filesAt('/home/liveuser');
    session.apply({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: 3_000_000 });
    await el.updateComplete;
    const actions = inShadow<CellarFileActions>(el, 'cellar-file-actions');
    await actions.updateComplete;
    setTimeout(() => buttonWithText(actions, 'Photo').click());
    const event = (await oneEvent(el, 'cellar-command')) as CustomEvent<CellarIntent>;
    expect(event.detail).to.include({ path: '/home/liveuser/photo-2.jpg' });
  });

  it('Delete asks to delete that path; the list changes only when the session does', async () => {
    const { el, session } = await filesAt('/home/liveuser');
    session.apply({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: 3_000_000 });
    await el.updateComplete;
    setTimeout(() => buttonWithText(el, 'Delete').click());
    const event = (await oneEvent(el, 'cellar-command')) as CustomEvent<CellarIntent>;
    expect(event.detail).to.deep.equal({ type: 'delete', path: '/home/liveuser/photo.jpg' });
    expect(rowNames(el)).to.deep.equal(['photo.jpg']);
  });

  it('Move offers the places and asks to move the file there', async () => {
    const { el, session } = await filesAt('/root');
    session.apply({ type: 'write-file', path: '/root/photo.jpg', sizeBytes: 3_000_000 });
    await el.updateComplete;
    buttonWithText(el, 'Move').click();
    await el.updateComplete;
    const offered = [...inShadow(el, '.moving').querySelectorAll('button')];
    expect(offered.map((b) => b.textContent!.trim())).to.include.members(['My home', '/tmp', 'Cancel']);
    setTimeout(() => offered.find((b) => b.textContent!.includes('My home'))!.click());
    const event = (await oneEvent(el, 'cellar-command')) as CustomEvent<CellarIntent>;
    expect(event.detail).to.deep.equal({
      type: 'move',
      fromPath: '/root/photo.jpg',
      toPath: '/home/liveuser/photo.jpg',
    });
  });

  it('opening a folder shows its contents and its cost', async () => {
    const { el } = await filesAt('/');
    buttonWithText(el, 'tmp/').click();
    await el.updateComplete;
    expect(inShadow(el, '.path').textContent).to.equal('/tmp');
    expect(inShadow(el, '.where').textContent).to.contain('lost at reboot');
  });

  it('resumes at the saved folder, or stays at home quietly when the stick no longer has it', async () => {
    const session = smallSession();
    const resumed = await fixture<CellarFiles>(
      html`<cellar-files .session=${session} .resumeFolder=${'/var/log'}></cellar-files>`,
    );
    expect(inShadow(resumed, '.path').textContent).to.equal('/var/log');
    const gone = await fixture<CellarFiles>(
      html`<cellar-files .session=${session} .resumeFolder=${'/root/gone'}></cellar-files>`,
    );
    expect(inShadow(gone, '.path').textContent).to.equal('/home/liveuser');
    expect(gone.shadowRoot!.textContent).not.to.contain('cannot be shown');
  });

  it('every button and field is at least 44 px high (a finger)', async () => {
    const { el, session } = await filesAt('/home/liveuser');
    session.apply({ type: 'write-file', path: '/home/liveuser/photo.jpg', sizeBytes: 3_000_000 });
    await el.updateComplete;
    const actions = inShadow<CellarFileActions>(el, 'cellar-file-actions');
    const targets = [...allInShadow(el, 'button'), ...allInShadow(actions, 'button, input')];
    expect(targets.length).to.be.greaterThan(10);
    for (const target of targets) expect(target.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('is accessible', async () => {
    const { el } = await filesAt('/home/liveuser');
    await expect(el).to.be.accessible();
  });
});

import { describe, expect, it } from 'vitest';
import type { RtcClientEvents } from '@/lib/client/engine/rtc';
import { Listeners } from '@/lib/client/engine/listeners';
import { Roster } from '@/lib/client/engine/local/roster';

// What local mode tells the UI about the other people: the SDK's user-* events, in their order,
// held back while a negotiation runs.

function watched() {
  const listeners = new Listeners<RtcClientEvents>();
  const heard: string[] = [];
  listeners.add('user-joined', (user) => heard.push(`joined ${user.uid}`));
  listeners.add('user-left', (user, reason) => heard.push(`left ${user.uid} ${reason}`));
  listeners.add('user-published', (user, kind) => heard.push(`published ${user.uid} ${kind} (video ${user.hasVideo})`));
  listeners.add('user-unpublished', (user, kind) =>
    heard.push(`unpublished ${user.uid} ${kind} (video ${user.hasVideo})`),
  );
  return { roster: new Roster(listeners), heard };
}

describe('Roster', () => {
  it('turns what a participant publishes into one event per change, with the user object up to date', () => {
    const { roster, heard } = watched();
    roster.joined(7);
    roster.published(7, true, true);
    roster.published(7, true, true); // nothing changed
    roster.published(7, true, false);
    roster.left(7, 'Quit');
    roster.left(7, 'Quit'); // gone already: nothing more
    expect(heard).toEqual([
      'joined 7',
      'published 7 audio (video false)',
      'published 7 video (video true)',
      'unpublished 7 video (video false)',
      'left 7 Quit',
    ]);
  });

  it('holds the events while a negotiation runs and then tells them in order', () => {
    // Leaving the channel drops what is held.
    const { roster, heard } = watched();
    const release = roster.hold(1000);
    roster.joined(7);
    roster.published(7, false, true);
    expect(heard).toEqual([]);
    release();
    expect(heard).toEqual(['joined 7', 'published 7 video (video true)']);
    roster.hold(1000);
    roster.joined(8);
    roster.clear();
    expect(heard).toEqual(['joined 7', 'published 7 video (video true)']);
    roster.joined(8); // the clear also ended the hold
    expect(heard.at(-1)).toBe('joined 8');
  });
});

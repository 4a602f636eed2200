// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { PeoplePanel } from '@/components/call/people-panel';
import type { Person } from '@/lib/client/people';

afterEach(cleanup);

const person = (uid: string, name: string, patch: Partial<Person> = {}): Person => ({
  uid,
  name,
  hand: false,
  hasAudio: true,
  hasVideo: true,
  self: false,
  ...patch,
});

const people = [
  person('1', 'Grace Hopper', { self: true, role: 'host' }),
  person('2', 'Ada Lovelace', { role: 'stage' }),
  person('3', 'Alan Turing', { role: 'audience', offStage: true, hand: true }),
  person('4', 'Hedy Lamarr', { role: 'audience', offStage: true, invited: true }),
];

const row = (name: string) => screen.getByRole('listitem', { name: new RegExp(`^${name}`) });

it('a host in a stage room moves people on and off the stage from their row, beside the role it changes', () => {
  const stage = { busy: false, onInvite: vi.fn(), onMoveToAudience: vi.fn() };
  render(<PeoplePanel people={people} stage={stage} />);

  expect(within(row('Grace Hopper')).getByText('Host')).toBeTruthy();
  expect(within(row('Grace Hopper')).queryByRole('button')).toBeNull();

  fireEvent.click(within(row('Ada Lovelace')).getByRole('button', { name: 'Move Ada Lovelace to the audience' }));
  expect(stage.onMoveToAudience).toHaveBeenCalledWith('2');
  fireEvent.click(within(row('Alan Turing')).getByRole('button', { name: 'Invite Alan Turing to the stage' }));
  expect(stage.onInvite).toHaveBeenCalledWith('3');

  // Asked and not answered yet: said in words, and not asked twice.
  expect(within(row('Hedy Lamarr')).getByText('Invitation sent')).toBeTruthy();
  expect(within(row('Hedy Lamarr')).queryByRole('button')).toBeNull();
});

it('without stage controls (not a host) the roles are said and nothing can be pressed', () => {
  render(<PeoplePanel people={people} />);
  expect(within(row('Ada Lovelace')).getByText('On stage')).toBeTruthy();
  expect(within(row('Alan Turing')).getByText('Audience')).toBeTruthy();
  expect(screen.queryAllByRole('button')).toHaveLength(0);
});

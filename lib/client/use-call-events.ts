'use client';
// What happened in the call that a person should hear about: unread chat while the chat is closed,
// short announcements for screen readers (a raised hand, a new message), and who left.
import { useEffect, useRef, useState } from 'react';
import type { Person, Screen } from './people';
import type { ChatMessage } from './presence/presence-session';

/** Messages from others that arrived while the chat was closed. */
export function useUnread(messages: ChatMessage[], chatOpen: boolean): number {
  const [seen, setSeen] = useState(0);
  const latest = messages.length;
  if (chatOpen && seen !== latest) setSeen(latest);
  return chatOpen ? 0 : messages.slice(seen).filter((message) => !message.mine).length;
}

/** The newest thing to announce politely: hands going up, messages arriving while chat is closed. */
export function useAnnouncement(
  people: Person[],
  messages: ChatMessage[],
  chatOpen: boolean,
  nameOf: (uid: string) => string,
): string {
  const [text, setText] = useState('');
  const hands = useRef(new Set<string>());
  const messageCount = useRef(messages.length);
  useEffect(() => {
    const raised = people.filter((person) => person.hand && !person.self && !hands.current.has(person.uid));
    hands.current = new Set(people.filter((person) => person.hand).map((person) => person.uid));
    const fresh = messages.slice(messageCount.current).filter((message) => !message.mine);
    messageCount.current = messages.length;
    const last = fresh.at(-1);
    const news = [
      ...raised.map((person) => `${person.name} raised their hand`),
      ...(last && !chatOpen ? [`New message from ${nameOf(last.from)}: ${last.text.slice(0, 120)}`] : []),
    ];
    if (news.length > 0) setText(news.join('. '));
  }, [people, messages, chatOpen, nameOf]);
  return text;
}

/**
 * Calls `notify("Ada left")` when someone who was in the call is gone. Only while `joined`: when
 * this page itself drops or rejoins, the others are not leaving. A screen share that ends (its uid
 * was a screen) is not a person leaving.
 */
export function useDepartures(people: Person[], screens: Screen[], joined: boolean, notify: (text: string) => void) {
  const present = useRef(new Map<string, string>());
  const screenUids = useRef(new Set<string>());
  useEffect(() => {
    screens.forEach((screen) => screenUids.current.add(screen.uid));
    const now = new Map(people.filter((person) => !person.self).map((person) => [person.uid, person.name]));
    const gone = joined
      ? [...present.current].filter(([uid]) => !now.has(uid) && !screenUids.current.has(uid)).map(([, name]) => name)
      : [];
    present.current = now;
    if (gone.length > 0) notify(`${gone.join(', ')} left`);
  }, [people, screens, joined, notify]);
}

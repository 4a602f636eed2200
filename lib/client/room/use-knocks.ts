'use client';
// For a host: someone new in the waiting room is announced once — a short sound and a line in
// words ("Ada is waiting to join") — however often the room is read while they wait.
import { useEffect, useRef } from 'react';
import type { RoomView } from '../../shared/room-contract';
import { playKnockSound } from '../knock-sound';

export function useKnocks(waiting: RoomView['waiting'], announce: (text: string) => void, sound = playKnockSound) {
  const known = useRef(new Set<number>());
  const say = useRef(announce);
  useEffect(() => {
    say.current = announce;
  });
  useEffect(() => {
    const newcomers = waiting.filter((person) => !known.current.has(person.uid));
    // Someone let in, denied or gone is forgotten: knocking again later is news again.
    known.current = new Set(waiting.map((person) => person.uid));
    if (newcomers.length === 0) return;
    sound();
    const names = newcomers.map((person) => person.name);
    say.current(names.length === 1 ? `${names[0]} is waiting to join` : `${names.length} people are waiting to join`);
  }, [waiting, sound]);
}

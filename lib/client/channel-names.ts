// Channel names the landing page offers: random, readable, shareable ones ("calm-otter-4821"), and
// a usable version of a typed name Agora would refuse.
import { CHANNEL_NAME_MAX_BYTES, isAgoraNameCharacter, isChannelName } from '@/lib/shared/channel-name';

export const ADJECTIVES = [
  'amber',
  'brave',
  'calm',
  'clever',
  'cosmic',
  'gentle',
  'golden',
  'happy',
  'lucky',
  'misty',
  'quiet',
  'rapid',
  'sunny',
  'swift',
  'vivid',
  'witty',
];
export const NOUNS = [
  'badger',
  'comet',
  'falcon',
  'harbor',
  'lagoon',
  'maple',
  'meadow',
  'otter',
  'panda',
  'pixel',
  'river',
  'summit',
  'tiger',
  'willow',
  'zephyr',
  'canyon',
];

export function randomChannelName(random: () => number = Math.random): string {
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${1000 + Math.floor(random() * 9000)}`;
}

// Latin letters that no accent-stripping turns into a-z.
const SPELLED_OUT: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};

/**
 * The closest name Agora accepts: accents dropped ("Café Müller" → "Cafe Muller"), other refused
 * characters turned into "-", cut to the length limit. Null when nothing of the name is left (a name
 * written only in another script), so the caller offers a random name instead.
 */
export function usableChannelName(typed: string): string | null {
  let name = '';
  for (const character of typed.trim().normalize('NFKD')) {
    if (isAgoraNameCharacter(character)) name += character;
    else if (SPELLED_OUT[character]) name += SPELLED_OUT[character];
    else if (!/\p{M}/u.test(character)) name += '-';
  }
  name = name
    .replace(/-+/g, '-')
    .replace(/ {2,}/g, ' ')
    .replace(/^[ -]+|[ -]+$/g, '');
  name = name.slice(0, CHANNEL_NAME_MAX_BYTES).trim();
  return /[a-zA-Z0-9]/.test(name) && isChannelName(name) ? name : null;
}

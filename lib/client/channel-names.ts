// Random, readable, shareable channel names, e.g. "calm-otter-4821".
export const ADJECTIVES = ['amber', 'brave', 'calm', 'clever', 'cosmic', 'gentle', 'golden', 'happy', 'lucky', 'misty', 'quiet', 'rapid', 'sunny', 'swift', 'vivid', 'witty'];
export const NOUNS = ['badger', 'comet', 'falcon', 'harbor', 'lagoon', 'maple', 'meadow', 'otter', 'panda', 'pixel', 'river', 'summit', 'tiger', 'willow', 'zephyr', 'canyon'];

export function randomChannelName(random: () => number = Math.random): string {
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${1000 + Math.floor(random() * 9000)}`;
}

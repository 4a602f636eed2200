// Where this browser keeps a room's host key: one name, read by the call page and written by the
// start page too (which must stay small: this module imports nothing).
export const hostKeyStorageName = (channel: string) => `agora-calls:host-key:${channel}`;

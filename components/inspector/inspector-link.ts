/**
 * The token inspector, opened for this channel and uid (its own module: the inspector's code stays
 * out of the call page).
 */
export const inspectorLink = (channel: string, uid: number | string) =>
  `/inspect?${new URLSearchParams({ channel, uid: String(uid) })}`;

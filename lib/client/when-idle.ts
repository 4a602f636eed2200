// Work that can wait for the tab's next idle moment (after a busy render, a first connection), but
// not forever: it runs within `timeoutMs` even if the tab never idles, and after a pause where the
// browser has no requestIdleCallback (Safari).
export function whenIdle(task: () => void, timeoutMs = 1000) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, timeoutMs / 2);
}

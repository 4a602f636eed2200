// Named moments on the way into a call (performance.mark), so the benchmarks can show where the
// time goes; they cost nothing that matters and are visible in the browser's performance panel.
export function mark(name: string) {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`call:${name}`);
}

import 'server-only';
// Settings are read per request (a deployment's environment can change between requests in
// development, and nothing may be read at module load), but parsing them every time is waste:
// remember the last result for the same raw values.

type Env = Record<string, string | undefined>;

export function memoizeOnEnv<T>(names: readonly string[], compute: (env: Env) => T): (env?: Env) => T {
  let lastKey: string | null = null;
  let last: { value: T } | { error: unknown } | null = null;
  return (env = process.env) => {
    if (env !== process.env) return compute(env); // tests pass their own environments
    const key = names.map((name) => env[name] ?? '').join('\u0000');
    if (key !== lastKey || !last) {
      lastKey = key;
      try {
        last = { value: compute(env) };
      } catch (error) {
        last = { error };
      }
    }
    if ('error' in last) throw last.error;
    return last.value;
  };
}

// npm run trace:call — where a call tab's renderer main thread spends its time: two tabs join one
// local-mode call (production build, headless Chromium, fake devices), then a Chromium trace of
// TRACE_MS (10 s) is read for both tabs' main threads (CrRendererMain). Printed per event type:
// count per second (robust on a busy machine) and self time in ms per second (not), plus what
// invalidated style/layout/paint, which timers fired (by the callback's script position), and which
// DOM events were dispatched. With BASELINE=<folder of another checkout, built>, that build is traced
// in the same run (builds alternate over TRACE_ROUNDS) and the columns sit side by side.
// Run it offline: unshare -n bash -c 'ip link set lo up && npm run trace:call'.
import { launchChromium, newParticipant, openPrejoin, REMOTE_VIDEO, startNextServer } from './lib/bench-support.mjs';
import { portFromEnv } from './lib/free-port.mjs';

const TRACE_MS = Number(process.env.TRACE_MS ?? 10_000);
const ROUNDS = Number(process.env.TRACE_ROUNDS ?? 1);
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'blink',
  'cc',
  'v8.execute',
  'v8',
];

const env = { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '', TOKEN_EXPIRY_SECONDS: '3600' };
const builds = [{ name: 'this build', base: (await startNextServer(await portFromEnv('TRACE_PORT'), env)).base }];
if (process.env.BASELINE) {
  const server = await startNextServer(await portFromEnv('TRACE_BASELINE_PORT'), env, { cwd: process.env.BASELINE });
  builds.unshift({ name: 'baseline', base: server.base });
}
// TRACE_TRY=<script>: a third column, this build with that script run in both tabs once they see each
// other (try an idea, e.g. a style, before building it in).
if (process.env.TRACE_TRY)
  builds.push({ name: 'this build + try', base: builds.at(-1).base, tryScript: process.env.TRACE_TRY });
const browser = await launchChromium();

/** The trace's events of a two-person call, and the renderer process ids of the two tabs. */
async function traceCall({ base, tryScript }) {
  const channel = `trace-${Date.now()}`;
  const tabs = [await newParticipant(browser, base), await newParticipant(browser, base)];
  for (const tab of tabs) await (await openPrejoin(tab, channel)).click();
  await Promise.all(tabs.map((tab) => tab.locator(REMOTE_VIDEO).waitFor({ timeout: 30_000 })));
  if (tryScript) for (const tab of tabs) await tab.evaluate(tryScript);
  await tabs[0].waitForTimeout(2000);
  const frameIds = await Promise.all(
    tabs.map(async (tab) => {
      const session = await tab.context().newCDPSession(tab);
      const { frameTree } = await session.send('Page.getFrameTree');
      await session.detach();
      return frameTree.frame.id;
    }),
  );
  const cdp = await browser.newBrowserCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await tabs[0].waitForTimeout(TRACE_MS);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  for (const tab of tabs) await tab.context().close();
  // A tab's renderer: the process whose main-thread events name the tab's frame.
  const pids = frameIds.map(
    (id) => events.find((event) => (event.args?.data?.frame ?? event.args?.frame) === id && event.pid)?.pid,
  );
  return { events, pids };
}

/** Each complete event of one thread with its self time (its duration less its children's). */
function withSelfTime(events) {
  const spans = events
    .filter((event) => event.ph === 'X' && typeof event.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const span of spans) {
    span.self = span.dur;
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= span.ts) stack.pop();
    if (stack.length) {
      stack.at(-1).self -= span.dur;
      span.parent = stack.at(-1);
      (span.parent.children ??= []).push(span);
    }
    stack.push(span);
  }
  return spans;
}

/** Script sources by URL, fetched once, to quote the code at a call's position. */
const sources = new Map();
async function loadSources(events) {
  const urls = new Set(
    events.map((event) => event.args?.data?.url).filter((url) => /\/_next\/.*\.js$/.test(url ?? '')),
  );
  for (const url of urls) {
    if (!sources.has(url))
      sources.set(
        url,
        await fetch(url).then(
          (response) => response.text(),
          () => '',
        ),
      );
  }
}

/** A called function by its script position, and the start of its code (the build is minified). */
function where(data) {
  if (!data?.url) return '?';
  const line = sources.get(data.url)?.split('\n')[data.lineNumber - 1] ?? '';
  const code = line.slice(data.columnNumber - 1, data.columnNumber + 59).replace(/\s+/g, ' ');
  return `${data.url.replace(/^.*\/_next\/static\/chunks\//, '')}:${data.lineNumber}:${data.columnNumber} ${code}`;
}

/** What a top-level task did, in the words of its first telling descendant: a frame, a timer's callback, an event. */
function taskKind(task) {
  const queue = [task];
  while (queue.length) {
    const span = queue.shift();
    if (span.name === 'ProxyMain::BeginMainFrame') return 'frame (style, layout, paint, commit)';
    if (span.name === 'TimerFire') return `timer: ${where(firstCall(span))}`;
    if (span.name === 'EventDispatch') return `event: ${span.args?.data?.type}`;
    if (span.name === 'FunctionCall') return `call: ${where(span.args?.data)}`;
    if (span.name === 'RunMicrotasks' && firstCall(span)) return `microtask: ${where(firstCall(span))}`;
    queue.push(...(span.children ?? []));
  }
  return `other: ${
    (task.children ?? [])
      .map((child) => child.name)
      .slice(0, 2)
      .join(', ') || task.name
  }`;
}

function firstCall(span) {
  if (span.name === 'FunctionCall') return span.args?.data;
  for (const child of span.children ?? []) {
    const found = firstCall(child);
    if (found) return found;
  }
  return undefined;
}

function* descendants(span) {
  yield span;
  for (const child of span.children ?? []) yield* descendants(child);
}

/** Per tab and second: counts and self ms by event name, and by what caused them. */
function tabulate({ events, pids }) {
  const seconds = TRACE_MS / 1000;
  const table = {
    inside: new Map(),
    tasks: new Map(),
    byName: new Map(),
    causes: new Map(),
    calls: new Map(),
    domEvents: new Map(),
    busy: [],
  };
  const add = (map, key, ms = 0) => {
    const entry = map.get(key) ?? { count: 0, ms: 0 };
    map.set(key, { count: entry.count + 1 / seconds / pids.length, ms: entry.ms + ms / seconds / pids.length });
  };
  const addSelf = (map, span) => {
    const key = span.name === 'FunctionCall' ? `FunctionCall ${where(span.args?.data).slice(0, 70)}` : span.name;
    map.set(key, (map.get(key) ?? 0) + span.self / 1000 / seconds / pids.length);
  };
  for (const pid of pids) {
    const tid = events.find(
      (event) => event.pid === pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
    )?.tid;
    const mine = events.filter((event) => event.pid === pid && event.tid === tid);
    const spans = withSelfTime(mine);
    let busy = 0;
    for (const span of spans) {
      if (!span.parent) {
        busy += span.dur;
        const kind = taskKind(span);
        add(table.tasks, kind, span.dur / 1000);
        const inside = table.inside.get(kind) ?? new Map();
        table.inside.set(kind, inside);
        for (const part of descendants(span)) addSelf(inside, part);
      }
      add(table.byName, span.name, span.self / 1000);
      const data = span.args?.data;
      if (span.name === 'EventDispatch') add(table.domEvents, data?.type ?? '?', span.dur / 1000);
      if (span.name === 'FunctionCall') add(table.calls, where(data), span.dur / 1000);
    }
    table.busy.push(Math.round(busy / 1000 / seconds));
    for (const event of mine) {
      if (!/InvalidationTracking$/.test(event.name)) continue;
      const data = event.args?.data ?? {};
      const cause = [
        event.name.replace('InvalidationTracking', ''),
        data.reason,
        data.nodeName,
        data.changedAttribute,
        data.changedClass,
      ]
        .filter(Boolean)
        .join(' · ');
      add(table.causes, cause);
    }
  }
  return table;
}

const results = new Map(builds.map(({ name }) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const build of builds) {
    const trace = await traceCall(build);
    await loadSources(trace.events);
    results.get(build.name).push(tabulate(trace));
  }
}

/** Averages over rounds: key → { count, ms } per second per tab. */
function merged(name, part) {
  const out = new Map();
  for (const table of results.get(name)) {
    for (const [key, { count, ms }] of table[part]) {
      const entry = out.get(key) ?? { count: 0, ms: 0 };
      out.set(key, { count: entry.count + count / ROUNDS, ms: entry.ms + ms / ROUNDS });
    }
  }
  return out;
}

const names = builds.map(({ name }) => name);
function print(title, part, { limit = 40, minCount = 0.05 } = {}) {
  const columns = names.map((name) => merged(name, part));
  const keys = [...new Set(columns.flatMap((column) => [...column.keys()]))]
    .filter((key) => columns.some((column) => (column.get(key)?.count ?? 0) >= minCount))
    .sort(
      (a, b) => Math.max(...columns.map((c) => c.get(b)?.ms ?? 0)) - Math.max(...columns.map((c) => c.get(a)?.ms ?? 0)),
    )
    .slice(0, limit);
  console.log(`\n${title} (per tab per second: count / ms)`);
  console.log(`  ${names.map((name) => name.slice(0, 15).padStart(15)).join(' ')}   what`);
  for (const key of keys) {
    const cells = columns.map((column) => {
      const { count = 0, ms = 0 } = column.get(key) ?? {};
      return `${count.toFixed(1).padStart(7)} / ${ms.toFixed(1).padStart(5)}`;
    });
    console.log(`  ${cells.join(' ')}   ${key}`);
  }
}

const traced = `${TRACE_MS / 1000} s traced, ${ROUNDS} round(s), 2 tabs each`;
console.log(`Renderer main thread of each tab of a two-person local call, ${traced}.`);
for (const name of names) {
  console.log(
    `  ${name}: busy (top-level tasks) ms per second per tab: ${results
      .get(name)
      .flatMap((t) => t.busy)
      .join(', ')}`,
  );
}
print('Top-level tasks by what they did, total time', 'tasks', { limit: 30 });
/** Inside the costliest kinds of task: self time per second per tab by event (a build's first round). */
for (const name of names) {
  const { tasks, inside } = results.get(name)[0];
  const costliest = [...tasks].sort((a, b) => b[1].ms - a[1].ms).slice(0, 4);
  console.log(`\nInside the costliest tasks, ${name} (self ms per second per tab, first round)`);
  for (const [kind, { ms }] of costliest) {
    console.log(`  ${ms.toFixed(1).padStart(5)}  ${kind}`);
    const parts = [...inside.get(kind)].sort((a, b) => b[1] - a[1]).slice(0, 8);
    for (const [part, partMs] of parts) console.log(`         ${partMs.toFixed(1).padStart(5)}  ${part}`);
  }
}
print('Events by name, self time', 'byName', { limit: 45 });
print('What invalidated style, layout or paint', 'causes', { limit: 30, minCount: 0 });
print('Functions called from the browser (timers, events, promises), with what they called', 'calls', { limit: 25 });
print('DOM events dispatched', 'domEvents', { limit: 20 });
await browser.close();
process.exit(0);

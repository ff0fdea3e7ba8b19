// Main-thread cost of the page's own scripts, read from a Chromium trace.
//
// Why a trace: the bench runs on a shared 2-core machine. A stopwatch inside the page measures
// wall time, which grows whenever another process takes the core; the trace gives each event its
// thread time (`tdur`, CPU actually spent by the renderer's main thread), which a loaded machine
// barely moves. Wall time (`dur`) is kept too: under CPU throttling (a slow phone emulated by
// suspending the thread) only wall time grows, so the throttled figures are wall times.

/** The trace categories that carry script evaluation, calls into JS, microtasks and compiles. */
const CATEGORIES = ['devtools.timeline', 'v8.execute'];

/** Events that enter JavaScript from the browser: their time is the scripts' time. */
const JS = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'v8.compile', 'v8.produceCache']);

/** Starts tracing on a CDP session; returns stop(), which resolves to the trace events. */
export async function startTrace(cdp) {
  const events = [];
  const onData = (e) => { for (const x of e.value) events.push(x); };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

const ms = (us) => (us || 0) / 1000;

/**
 * The page's script cost in a trace. `origin` picks the renderer main thread that ran the page's
 * scripts (headless Chromium has its own WebUI renderers in the same trace). Returns the
 * top-level JS events of that thread (nested ones are inside their parent's time) with:
 * `cpu`/`wall` (ms), `kind` (eval: a script's evaluation; call: a callback — timer, event,
 * observer, microtask), `url`; and `load`, the timestamp of the load event (µs), when seen.
 */
export function scriptEvents(events, origin) {
  const main = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(origin));
  if (!main) return { list: [], load: undefined };
  const same = (e) => e.pid === main.pid && e.tid === main.tid;
  const load = events.find((e) => e.name === 'MarkLoad' && e.pid === main.pid && e.args?.data?.isMainFrame)?.ts;
  const js = events
    .filter((e) => e.ph === 'X' && JS.has(e.name) && same(e))
    .filter((e) => !e.args?.data?.url || e.args.data.url.startsWith(origin))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const list = [];
  let end = -1;
  for (const e of js) {
    if (e.ts < end) continue; // nested in the previous top-level event
    end = e.ts + e.dur;
    list.push({ name: e.name, ts: e.ts, end, cpu: ms(e.tdur ?? e.dur), wall: ms(e.dur), url: e.args?.data?.url || '', kind: e.name === 'EvaluateScript' || e.name === 'v8.compile' ? 'eval' : 'call' });
  }
  return { list, load };
}

/** The median of `xs` (the lower middle of an even count; NaN for none): every bench script's. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : NaN;
};

/** Sums cpu and wall of a list of script events; `longest` is the longest single one. */
export function sum(list) {
  let cpu = 0;
  let wall = 0;
  let longestCpu = 0;
  let longestWall = 0;
  for (const e of list) {
    cpu += e.cpu;
    wall += e.wall;
    longestCpu = Math.max(longestCpu, e.cpu);
    longestWall = Math.max(longestWall, e.wall);
  }
  return { cpu, wall, longestCpu, longestWall, count: list.length };
}

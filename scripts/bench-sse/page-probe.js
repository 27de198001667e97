// Installed into the run page before the app's own scripts (page.addInitScript): records, on the page's clock
// (performance.timeOrigin + performance.now(), Unix epoch milliseconds), when the watched answer text grows in the
// DOM, every long task, and every animation frame. Plain JavaScript: the source is handed to the browser as is.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const probe = {
    /** CSS selector of the element whose text is watched; set by the bench once it knows the stage. */
    selector: null,
    /** [time, textLength] each time the watched text's length changed. */
    growth: [],
    longTasks: [],
    longFrames: [],
    frames: [],
    /** Performance entry types this browser does not report. */
    unsupported: [],
    element: null,
    text() {
      return probe.element ? probe.element.textContent : null;
    },
  };
  window.__sseProbe = probe;

  // Mutation callbacks run as a microtask right after React's commit, before the next task: the moment the text
  // is in the DOM (the frame that paints it follows).
  const check = () => {
    if (!probe.selector) return;
    const element = document.querySelector(probe.selector);
    if (!element) return;
    probe.element = element;
    const length = element.textContent.length;
    const last = probe.growth[probe.growth.length - 1];
    if (!last || last[1] !== length) probe.growth.push([now(), length]);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });

  const observe = (type, into, pick) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) into.push(pick(entry));
      }).observe({ type, buffered: true });
    } catch {
      probe.unsupported.push(type);
    }
  };
  observe("longtask", probe.longTasks, (e) => [performance.timeOrigin + e.startTime, e.duration]);
  observe("long-animation-frame", probe.longFrames, (e) => [performance.timeOrigin + e.startTime, e.duration, e.blockingDuration]);

  const frame = (t) => {
    probe.frames.push(performance.timeOrigin + t);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();

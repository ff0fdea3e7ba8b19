/*! mgt 0.1.0 | consent-aware call tracking | MIT */
function createMgt(_w) {
    const mgt = (() => undefined);
    mgt.v = '0';
    return mgt;
}

/**
 * Takes over `window.mgt` once per page: replaces the snippet's queueing stub with the real
 * command function and replays the queued calls in order. A second copy of the script (or the
 * ES module next to the script tag) finds the real function, marked by its version `v`, and
 * leaves it alone, so exactly one instance runs.
 */
function install(w) {
    const current = w.mgt;
    if (current && current.v)
        return current;
    const mgt = createMgt();
    w.mgt = mgt;
    const queue = current && current.q;
    if (queue)
        for (let i = 0; i < queue.length; i++)
            mgt.apply(null, Array.prototype.slice.call(queue[i]));
    return mgt;
}

// TEMPORARY — being written by the lead.
function validate(_config) {
    return '';
}

// Entry of dist/mgt.esm.js: the same command function as window.mgt (one instance per page,
// shared with a script tag if the site also has one), and the config validator the
// configurator uses. Importing it on a server (no window) yields a function that does nothing.
const mgt = typeof window === 'object' ? install(window) : (() => undefined);

export { mgt, validate };

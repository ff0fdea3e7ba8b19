// The one fetch of the module: both event batches and pool leases POST a string without
// credentials, and neither may throw into the page nor leave a rejection unhandled.

/**
 * POSTs `body` to `url` with `init` added. A string body is sent as text/plain: a CORS-simple
 * request, no preflight. Resolves to the response, or undefined when fetch is missing, throws at
 * once (replaced by the page) or fails; never rejects.
 */
export const post = (url: string, body: string, init?: RequestInit): Promise<Response | void> =>
  new Promise<Response>((resolve) => resolve(fetch(url, { method: 'POST', body, credentials: 'omit', ...init }))).catch(() => {});

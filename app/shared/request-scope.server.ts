import { AsyncLocalStorage } from "node:async_hooks";

// Work done once per HTTP request and shared by every loader React Router runs for it. React
// Router hands each loader its own copy of the Request (without its internal `_routes` and
// `index` parameters), so a WeakMap keyed by the Request is per loader: the root loader and the
// page's loader each validated the session (4 SQL statements each). The start script runs every
// request in a scope; without one (tests that call a loader, the Vite dev server) the Request
// itself is the key. Kept on globalThis: the start script and the server bundle each have their
// own copy of this module.

type Memo = Map<symbol, unknown>;
const KEY = Symbol.for("buurtagenda.request-scope");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<Memo> };
const scopes = (holder[KEY] ??= new AsyncLocalStorage<Memo>());
const perRequestObject = new WeakMap<Request, Memo>();

/** Runs `work` (the handling of one HTTP request) with its own memo. */
export function withRequestScope<T>(work: () => T): T {
  return scopes.run(new Map(), work);
}

/**
 * `make()` once per HTTP request for `key`. Shared across loaders only for GET and HEAD: after
 * an action in the same request (a form sent without JavaScript) the loaders must see what the
 * action changed, so they get their own.
 */
export function oncePerRequest<T>(request: Request, key: symbol, make: () => T): T {
  const shared = request.method === "GET" || request.method === "HEAD";
  let memo = shared ? scopes.getStore() : undefined;
  if (!memo) {
    memo = perRequestObject.get(request);
    if (!memo) perRequestObject.set(request, (memo = new Map()));
  }
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  memo.set(key, value);
  return value;
}

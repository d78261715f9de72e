// What the HTTP server passes to every loader and action (scripts/start.ts).
declare module "react-router" {
  interface AppLoadContext {
    /** The client's address as seen by the server (behind a proxy: from X-Forwarded-For). */
    clientIp?: string;
  }
}

export {};

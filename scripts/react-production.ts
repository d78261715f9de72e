// Imported first by scripts/start.ts, before anything loads React.
// The built app always runs React's production build: NODE_ENV=development makes React's
// server rendering about a third slower and is meant for `npm run dev` only. Whether this is a
// production deployment (no demo accounts, real SMTP required) is APP_ENV, which keeps what
// NODE_ENV said when it was not given (decision 0017).
process.env.APP_ENV ??= process.env.NODE_ENV === "production" ? "production" : "development";
process.env.NODE_ENV = "production";

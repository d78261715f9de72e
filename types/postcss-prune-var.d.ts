// postcss-prune-var ships no types; its one export is a PostCSS plugin factory.
declare module "postcss-prune-var" {
  import type { Plugin } from "postcss";
  export default function pruneVar(options?: { skip?: string[] }): Plugin;
}

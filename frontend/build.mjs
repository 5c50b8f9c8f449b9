// Builds src/index.ts into ONE ES module, ../tbviz_plugin/static/index.js.
//
// Deterministic: no timestamps, no source maps, no absolute paths, legal
// comments dropped (the licences are in package-lock.json's packages), fixed
// target. `npm ci && npm run build` on any machine gives the same bytes;
// check_bundle.sh verifies that against the committed bundle.
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
process.chdir(here);

await esbuild.build({
  entryPoints: ["src/index.ts"],
  outfile: "../tbviz_plugin/static/index.js",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  charset: "utf8",
  treeShaking: true,
  loader: { ".css": "text" },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});

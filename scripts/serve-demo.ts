/**
 * Serves dist/ (built by webpack, with the demo's workbook snapshot beside it) for the browser
 * demo: `npm run demo`, then open the printed address. PORT=… picks the port (default 8080).
 */
import path from "node:path";
import { env, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import { startStaticServer } from "./static-server";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const port = Number(env["PORT"] ?? 8080);
const server = await startStaticServer(dist, port);
stdout.write(`Demo: ${server.url}/demo.html  (Chinese: ?lang=zh-CN, English: ?lang=en-US)\n`);
stdout.write("Press Ctrl+C to stop.\n");

/**
 * A tiny static file server for dist/: the browser demo and the end-to-end tests use it.
 * Listens on 127.0.0.1 only; port 0 picks a free port.
 */
import { Buffer } from "node:buffer";
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Resolves a request path inside `root`, or null when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  const relative = decoded.endsWith("/") ? `${decoded}index.html` : decoded;
  const full = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  const base = path.resolve(root);
  return full === base || full.startsWith(base + path.sep) ? full : null;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const file = resolveInside(root, req.url ?? "/");
    if (file === null) {
      res.writeHead(403).end("forbidden");
      return;
    }
    serveFile(file).then(
      ({ body, type }) => {
        res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
      },
      (error: unknown) => {
        const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
        res.writeHead(missing ? 404 : 500).end(missing ? "not found" : String(error));
      }
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

async function serveFile(file: string): Promise<{ body: Buffer; type: string }> {
  const info = await stat(file);
  const target = info.isDirectory() ? path.join(file, "index.html") : file;
  const body = await readFile(target);
  return { body, type: TYPES[path.extname(target)] ?? "application/octet-stream" };
}

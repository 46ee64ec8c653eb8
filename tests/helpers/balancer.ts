/**
 * A small round-robin HTTP load balancer in front of API replicas, as a deployment puts one:
 * each request goes to the next replica still in rotation. A replica that refuses a connection
 * is taken out of rotation and the request, which it never received, goes to the next one; a
 * replica that drops a request it had (the process died holding it) is taken out too, and that
 * request is answered 502, since it may have run. Every request is recorded, so a test can say
 * which ones failed and where they were sent.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Routed {
  /** The replica the request was last sent to (its base URL). */
  backend: string;
  /** performance.now() when the balancer received it and when it answered. */
  receivedAt: number;
  answeredAt: number;
  status: number;
  /** Replicas that refused the connection before this one took it. */
  refusedBy: string[];
  /** Why it failed, when the balancer answered 502. */
  error?: string;
}

export interface Balancer {
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** Replicas in rotation. */
  inRotation(): string[];
  /** Every request answered so far, in the order answered. */
  routed: Routed[];
  close(): Promise<void>;
}

/** Hop-by-hop headers, which a proxy does not pass on. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "host",
]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
  );
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request to one replica. No keep-alive: every request opens its own connection, so a
 * dead replica's refusal is always seen as such, never as a pooled socket reset.
 */
function send(
  backend: string,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      new URL(path, backend),
      { method, headers: { ...forwardable(headers), "content-length": body.length }, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Starts a balancer over `backends` (base URLs) on a free port of 127.0.0.1. */
export async function startBalancer(backends: readonly string[]): Promise<Balancer> {
  const rotation = [...backends];
  const routed: Routed[] = [];
  let next = 0;

  const server = createServer((incoming, outgoing) => {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const refusedBy: string[] = [];
        for (;;) {
          const backend = rotation[next++ % Math.max(1, rotation.length)];
          if (backend === undefined) {
            answer(502, {}, Buffer.from("no replica in rotation"), "", refusedBy, "none left");
            return;
          }
          try {
            const reply = await send(
              backend,
              incoming.method!,
              incoming.url!,
              incoming.headers,
              body,
            );
            answer(reply.status, reply.headers, reply.body, backend, refusedBy);
            return;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            const at = rotation.indexOf(backend);
            if (at >= 0) rotation.splice(at, 1);
            if (code === "ECONNREFUSED") {
              refusedBy.push(backend);
              continue;
            }
            const reason = code ?? (error as Error).message;
            answer(502, {}, Buffer.from(`replica failed: ${reason}`), backend, refusedBy, reason);
            return;
          }
        }
      })();
    });

    function answer(
      status: number,
      headers: IncomingHttpHeaders,
      body: Buffer,
      backend: string,
      refusedBy: string[],
      error?: string,
    ): void {
      routed.push({
        backend,
        receivedAt,
        answeredAt: performance.now(),
        status,
        refusedBy,
        ...(error === undefined ? {} : { error }),
      });
      outgoing.writeHead(status, { ...forwardable(headers), "content-length": body.length });
      outgoing.end(body);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    inRotation: () => [...rotation],
    routed,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

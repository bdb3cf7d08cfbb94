import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the test server saw it. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

/** A local HTTP server for web tests (never the internet). */
export interface TestWebServer {
  /** `http://<host>:<port>` */
  origin: string;
  host: string;
  port: number;
  requests: SeenRequest[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** Distinct TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse, server: TestWebServer) => void | Promise<void>;

/**
 * Start a server on `host` (127.0.0.1, or 127.0.0.2 for the "internal" one)
 * answering every path with `routes[path]`, else 404.
 */
export async function startWebServer(routes: Record<string, Route>, host = '127.0.0.1'): Promise<TestWebServer> {
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const state: TestWebServer = { origin: '', host, port: 0, requests: [], maxInFlight: 0, connections: 0, close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    state.requests.push({ path, headers: req.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const route = routes[path.split('?')[0]!];
    try {
      if (route) await route(req, res, state);
      else res.writeHead(404).end('not found');
    } catch {
      res.destroy();
    }
  });
  server.on('connection', (socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  state.port = port;
  state.origin = `http://${host}:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** A route answering `body` with `status` and headers. */
export function send(body: string | Uint8Array, headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' }, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
}

/** A route redirecting to `location`. */
export function redirect(location: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

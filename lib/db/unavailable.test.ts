import { createServer, type Server, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfig } from "./config";
import { isDatabaseUnavailable } from "./unavailable";

// Real errors from Prisma + @prisma/adapter-pg, not hand-made look-alikes: a
// port nobody listens on, servers that hang up or refuse in Postgres's own
// words, a backend terminated by the administrator. (A stopped and restarted
// cluster is tests/reliability/postgres-restart.test.ts.)
const clients: PrismaClient[] = [];
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  for (const server of servers) server.close();
});

function clientFor(url: string, options: { max?: number; connectionTimeoutMillis?: number } = {}): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, ...options }) });
  clients.push(client);
  return client;
}

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

async function listen(onSocket: (socket: Socket) => void): Promise<string> {
  const server = createServer(onSocket);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `postgresql://postgres@127.0.0.1:${(server.address() as { port: number }).port}/app`;
}

// A Postgres ErrorResponse message, as a server that cannot take connections sends it.
function fatal(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

async function closedPortUrl(): Promise<string> {
  const url = await listen(() => {});
  servers.pop()!.close();
  await new Promise((resolve) => setTimeout(resolve, 10));
  return url;
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, for model queries, raw SQL and transactions", async () => {
    const db = clientFor(await closedPortUrl());
    const errors = [
      await caught(() => db.user.count()),
      await caught(() => db.$queryRaw`SELECT 1`),
      await caught(() => db.$transaction(async (tx) => tx.user.count())),
    ];
    expect(errors.map((error) => (error as { code?: string }).code)).toEqual(["P1001", "P2010", "P1001"]);
    for (const error of errors) expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a server that hangs up (pg's plain 'Connection terminated unexpectedly')", async () => {
    const db = clientFor(await listen((socket) => socket.destroy()));
    const error = await caught(() => db.user.count());
    expect((error as Error).message).toBe("Connection terminated unexpectedly");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a connection timeout", async () => {
    const db = clientFor(await listen(() => {}), { connectionTimeoutMillis: 200 });
    const error = await caught(() => db.user.count());
    expect((error as Error).message).toBe("Connection terminated due to connection timeout");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises 57P03 (starting up, shutting down, in recovery) and 53300 too many connections", async () => {
    for (const [code, message] of [["57P03", "the database system is starting up"], ["57P03", "the database system is shutting down"], ["53300", "sorry, too many clients already"]]) {
      const db = clientFor(await listen((socket) => socket.once("data", () => socket.end(fatal(code, message)))));
      const error = await caught(() => db.user.count());
      expect(JSON.stringify(error)).toContain(code);
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
  });

  it("does not take a missing database, a plain bug or a domain error for an outage", async () => {
    const refusing = clientFor(await listen((socket) => socket.once("data", () => socket.end(fatal("3D000", 'database "app" does not exist')))));
    const missing = await caught(() => refusing.user.count());
    expect((missing as { code?: string }).code).toBe("P1003");
    expect(isDatabaseUnavailable(missing)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
  });

  const config = databaseConfig();
  describe.skipIf(config.kind !== "postgres")("on the test run's Postgres", () => {
    const url = config.kind === "postgres" ? config.url : "";

    it("recognises 57P01, a backend terminated by the administrator (as in a fast shutdown), in a query and in a transaction", async () => {
      const db = clientFor(url, { max: 1 });
      const query = await caught(() => db.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`);
      expect(JSON.stringify(query)).toContain("57P01");
      expect(isDatabaseUnavailable(query)).toBe(true);
      const transaction = await caught(() => db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`));
      expect(isDatabaseUnavailable(transaction)).toBe(true);
    });

    it("does not take a bad query or a constraint violation for an outage", async () => {
      const db = clientFor(url, { max: 1 });
      const syntax = await caught(() => db.$queryRawUnsafe("SELEC 1"));
      expect(isDatabaseUnavailable(syntax)).toBe(false);
      const division = await caught(() => db.$queryRaw`SELECT 1 / 0`);
      expect(isDatabaseUnavailable(division)).toBe(false);
      const email = `unavailable-test-${Date.now()}@example.invalid`;
      await db.user.create({ data: { email, name: "x" } });
      const duplicate = await caught(() => db.user.create({ data: { email, name: "x" } }));
      expect((duplicate as { code?: string }).code).toBe("P2002");
      expect(isDatabaseUnavailable(duplicate)).toBe(false);
      await db.user.delete({ where: { email } });
    });
  });
});

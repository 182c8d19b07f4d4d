import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, UnprocessableError } from "@/lib/errors";
import { insertNotes } from "@/tests/fixtures/bulk-notes";
import { notesWorld } from "@/tests/fixtures/notes-world";
import { useTestDatabase } from "@/tests/setup/database";
import { llmConfigured, nameGroupWithLlm } from "./name-with-llm";

useTestDatabase();

// A fake OpenAI-compatible endpoint: records each request, answers with `reply`.
type Seen = { method: string; url: string; authorization: string | undefined; body: Record<string, unknown> };
let reply: (res: ServerResponse) => void = () => {};
const seen: Seen[] = [];
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body: JSON.parse(raw) });
    reply(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  seen.length = 0;
  server.closeAllConnections();
});

function configure() {
  process.env.LLM_BASE_URL = baseUrl;
  process.env.LLM_API_KEY = "sk-test-123";
  process.env.LLM_MODEL = "tiny-namer";
}

const answer = (status: number, body: unknown) => (res: ServerResponse) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

async function groupOfNotes() {
  const world = await notesWorld(1);
  const ids = await insertNotes(world.project.id, world.traces[0].id, world.reviewer.userId, [
    "Bot invented a refund policy of 90 days.",
    "Hallucinated refund policy: no-questions-asked refunds.",
    "Made-up policy on refunds for digital goods.",
  ]);
  return { ...world, ids };
}

describe("nameGroupWithLlm", () => {
  it("is configured only with the base URL, the key and the model all set", () => {
    delete process.env.LLM_BASE_URL;
    delete process.env.LLM_API_KEY;
    delete process.env.LLM_MODEL;
    expect(llmConfigured()).toBe(false);
    process.env.LLM_BASE_URL = baseUrl;
    process.env.LLM_API_KEY = "k";
    expect(llmConfigured()).toBe(false);
    process.env.LLM_MODEL = "m";
    expect(llmConfigured()).toBe(true);
  });

  it("asks the endpoint with the model, the key and the group's notes, and returns its name and definition", async () => {
    const { project, lead, ids } = await groupOfNotes();
    configure();
    reply = answer(200, {
      choices: [{ message: { role: "assistant", content: '{"name": "Invented refund policy", "definition": "The bot states refund terms the policy does not have."}' } }],
    });
    const named = await nameGroupWithLlm(lead, project.id, ids);
    expect(named).toEqual({ name: "Invented refund policy", definition: "The bot states refund terms the policy does not have." });

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ method: "POST", url: "/v1/chat/completions", authorization: "Bearer sk-test-123" });
    expect(request.body).toMatchObject({ model: "tiny-namer", response_format: { type: "json_object" } });
    const prompt = JSON.stringify(request.body.messages);
    for (const text of ["refund policy of 90 days", "no-questions-asked refunds", "digital goods"]) expect(prompt).toContain(text);
  });

  it("says clearly when the endpoint fails, answers nonsense or is too slow", async () => {
    const { project, lead, ids } = await groupOfNotes();
    configure();
    reply = answer(500, { error: { message: "model overloaded" } });
    await expect(nameGroupWithLlm(lead, project.id, ids)).rejects.toThrow(/LLM endpoint failed: HTTP 500.*model overloaded/);

    reply = answer(200, { choices: [{ message: { content: "Sure! Here is a name: Refunds" } }] });
    await expect(nameGroupWithLlm(lead, project.id, ids)).rejects.toThrow(/answer had no name and definition/);

    reply = () => {}; // never answers
    const slow = await nameGroupWithLlm(lead, project.id, ids, { timeoutMs: 300 }).catch((error) => error);
    expect(slow).toBeInstanceOf(UnprocessableError);
    expect(slow.message).toMatch(/no answer within 0.3 s/);

    process.env.LLM_BASE_URL = "http://127.0.0.1:1/v1"; // nothing listens there
    await expect(nameGroupWithLlm(lead, project.id, ids)).rejects.toThrow(/could not be reached/);
  });

  it("is for leads, and refuses without a configured endpoint", async () => {
    const { project, lead, reviewer, ids } = await groupOfNotes();
    configure();
    await expect(nameGroupWithLlm(reviewer, project.id, ids)).rejects.toBeInstanceOf(ForbiddenError);
    delete process.env.LLM_MODEL;
    await expect(nameGroupWithLlm(lead, project.id, ids)).rejects.toThrow(/No LLM is configured/);
    expect(seen).toHaveLength(0);
  });
});

import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, normalizeAddress, UNKNOWN_ADDRESS } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);
const env = (values: Record<string, string> = {}) => values as NodeJS.ProcessEnv;

describe("client address", () => {
  it("is the socket peer scripts/serve.ts recorded; a client's X-Forwarded-For counts for nothing by default", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.9", "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" });
    expect(clientAddress(h, env())).toBe("198.51.100.9");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), env())).toBe(UNKNOWN_ADDRESS);
  });

  it("behind TRUST_PROXY=n proxies is the entry the outermost trusted proxy appended", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" });
    expect(clientAddress(h, env({ TRUST_PROXY: "1" }))).toBe("10.0.0.2");
    expect(clientAddress(h, env({ TRUST_PROXY: "2" }))).toBe("203.0.113.5");
    expect(clientAddress(h, env({ TRUST_PROXY: "9" }))).toBe("6.6.6.6");
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" }), env({ TRUST_PROXY: "1" }))).toBe("127.0.0.1");
    expect(clientAddress(h, env({ TRUST_PROXY: "0" }))).toBe("127.0.0.1");
  });

  it("groups IPv6 by /64 and unwraps IPv4-mapped addresses", () => {
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("2001:db8:0:1::5")).toBe(normalizeAddress("2001:0db8:0000:0001:ffff:1:2:3"));
    expect(normalizeAddress("2001:db8:0:1::5")).toBe("2001:db8:0:1::/64");
    expect(normalizeAddress("2001:db8:0:2::5")).not.toBe(normalizeAddress("2001:db8:0:1::5"));
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
  });
});

import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect-path";

describe("safeRedirectPath", () => {
  it.each([
    "/",
    "/projects",
    "/projects/support-bot/traces?span=abc&status=error",
    "/projects/support%20bot/sessions/s%2F1",
    "/settings/api-keys#new",
    "/login?next=%2Fprojects",
  ])("keeps the same-site path %s as it is", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    ["protocol-relative", "//evil.example/x"],
    ["slash backslash", "/\\evil.example/x"],
    ["two backslashes", "\\\\evil.example/x"],
    ["backslash slash", "\\/evil.example/x"],
    ["triple slash", "///evil.example/x"],
    ["encoded slash", "/%2F%2Fevil.example/x"],
    ["encoded slash, lower case", "/%2f/evil.example"],
    ["encoded backslash", "/%5Cevil.example/x"],
    ["encoded backslash later", "/a/%5c/evil"],
    ["double-encoded slash", "/%252F%252Fevil.example"],
    ["tab inside", "/\t/evil.example/x"],
    ["newline inside", "/\n/evil.example/x"],
    ["carriage return", "/\r/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["leading space", " /projects"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: after a slash", "/javascript:alert(1)//%0a"],
    ["absolute http", "https://evil.example/x"],
    ["absolute same-looking", "http://127.0.0.1:6006/projects"],
    ["relative without slash", "projects"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["malformed escape", "/%E0%A4%A"],
    ["empty", ""],
  ])("refuses %s", (_, next) => {
    expect(safeRedirectPath(next)).toBe("/");
  });

  it("refuses what is not one string (a repeated ?next=, nothing)", () => {
    expect(safeRedirectPath(["/a", "//evil.example"])).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(null, "/projects")).toBe("/projects");
  });
});

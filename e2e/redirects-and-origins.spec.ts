import { expect, test, type Page } from "@playwright/test";

// After sign-in, `next` may only lead to a page of this site; and another
// site's page posting to a server action gets a plain 403.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, next: string) {
  // Anything leaving the site is cut off (the machine has no network anyway).
  await page.route((url) => !["127.0.0.1", "localhost"].includes(url.hostname), (route) => route.abort());
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill("viewer@example.com");
  await page.getByLabel("Password").fill("marginalia-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
}

for (const next of ["//evil.example/x", "/\\evil.example/x", "\\\\evil.example/x", "/%2F%2Fevil.example/x", "/%5Cevil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)"]) {
  test(`sign-in with next=${JSON.stringify(next)} stays on this site`, async ({ page, baseURL }) => {
    await signIn(page, next);
    await expect(page).toHaveURL(new URL("/", baseURL).toString());
    await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
    // Signed in now, the login page itself must not bounce there either.
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(new URL("/", baseURL).toString());
  });
}

test("a same-site next, query string and all, is where sign-in leads", async ({ page, baseURL }) => {
  await signIn(page, "/projects/support-bot/traces?sort=latency&dir=desc");
  await expect(page).toHaveURL(new URL("/projects/support-bot/traces?sort=latency&dir=desc", baseURL).toString());
});

test("a server action posted from another site is refused with 403, not 500", async ({ request, baseURL }) => {
  const host = new URL(baseURL!).host;
  const post = (headers: Record<string, string>) =>
    request.post("/login", { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", ...headers }, data: "[]", maxRedirects: 0 });
  for (const origin of ["http://evil.example", `http://${host}.evil.example`, "null"]) {
    const response = await post({ origin });
    expect(response.status(), origin).toBe(403);
    expect(await response.text()).toMatch(/only be called from this site/);
  }
  const byReferer = await post({ referer: "http://evil.example/page" });
  expect(byReferer.status()).toBe(403);
  // The same request from our own origin reaches Next (which knows no such action): not our 403.
  const own = await post({ origin: `http://${host}` });
  expect(own.status()).not.toBe(403);
});

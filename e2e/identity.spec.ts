import { expect, test, type Browser, type Page } from "@playwright/test";

// Issue 3: who is acting, in the browser. Specs run as the demo admin unless they say otherwise.
const password = "reviewer-password-1";
// The sign-in form's message (Next's route announcer is an alert too).
const formAlert = (page: Page) => page.locator("form").getByRole("alert");

async function signIn(browser: Browser, email: string, secret: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(secret);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("an admin creates a reviewer, who signs in, is refused user settings and makes an API key shown once", async ({ page, browser }) => {
  const email = `new-reviewer-${Date.now()}@example.com`;
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Name").fill("Nia New");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill(password);
  await form.getByLabel("Role").selectOption("REVIEWER");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toContainText("Created Nia New (reviewer)");
  await expect(page.getByRole("cell", { name: new RegExp(email) })).toBeVisible();
  await page.screenshot({ path: "screenshots/settings-users.png", fullPage: true });

  const reviewer = await signIn(browser, email, password);
  await expect(reviewer.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: /Nia New/ })).toBeVisible();
  const forbidden = await reviewer.goto("/settings/users");
  expect(forbidden?.status()).toBe(403);
  await expect(reviewer.getByRole("heading", { name: "Forbidden" })).toBeVisible();

  await reviewer.goto("/settings/api-keys");
  await reviewer.getByLabel("Key name").fill("eval script");
  await reviewer.getByRole("button", { name: "Create key" }).click();
  const secret = reviewer.getByLabel("Your new API key (shown once)");
  await expect(secret).toHaveValue(/^mg_[A-Za-z0-9_-]{40,}$/);
  const key = await secret.inputValue();
  await expect(reviewer.getByRole("cell", { name: "eval script", exact: true })).toBeVisible();
  await reviewer.screenshot({ path: "screenshots/settings-api-keys.png", fullPage: true });
  await reviewer.reload();
  await expect(reviewer.getByLabel("Your new API key (shown once)")).toHaveCount(0);
  expect(await reviewer.content()).not.toContain(key);

  // The key works as the reviewer over the REST API, and stops working once revoked.
  const asKey = { headers: { Authorization: `Bearer ${key}` } };
  expect((await reviewer.request.get("/v1/projects", asKey)).status()).toBe(200);
  await reviewer.getByRole("button", { name: "Revoke eval script" }).click();
  await expect(reviewer.getByRole("cell", { name: "revoked" })).toBeVisible();
  expect((await reviewer.request.get("/v1/projects", asKey)).status()).toBe(401);
  await reviewer.context().close();
});

test("a wrong password and an unknown email get the same message, and repeated failures are limited", async ({ browser }) => {
  const wrong = await signIn(browser, "reviewer2@example.com", "not the password");
  await expect(formAlert(wrong)).toHaveText("Email or password is incorrect.");
  const unknown = await signIn(browser, "nobody@example.com", "whatever-password");
  await expect(formAlert(unknown)).toHaveText("Email or password is incorrect.");
  for (let i = 0; i < 5; i++) {
    await unknown.getByLabel("Email").fill("nobody@example.com");
    await unknown.getByLabel("Password").fill(`guess ${i}`);
    const answered = unknown.waitForResponse((r) => r.request().method() === "POST");
    await unknown.getByRole("button", { name: "Sign in" }).click();
    await answered;
  }
  await expect(formAlert(unknown)).toContainText("Too many failed attempts");
  await wrong.context().close();
  await unknown.context().close();
});

test.describe("a viewer", () => {
  test.use({ storageState: "e2e/.auth/viewer.json" });

  test("sees no write controls, and a forged annotation call from their session is refused", async ({ page, browser }) => {
    await page.goto("/projects/support-bot/traces?q=password");
    await page.getByRole("table").getByRole("link", { name: "support_turn" }).first().click();
    await expect(page.getByRole("complementary", { name: "Review" })).toBeVisible();
    await expect(page.getByRole("radiogroup")).toHaveCount(0);
    await expect(page.getByLabel("New note")).toHaveCount(0);
    await page.screenshot({ path: "screenshots/trace-viewer.png" });

    // Record a real save-annotation call made by a reviewer on the same trace...
    const reviewer = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
    await reviewer.goto(page.url());
    // Its answer, not just the request: the label shows before the save lands (optimistic), and the
    // count below must include it.
    const saved = reviewer.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await reviewer.getByRole("radiogroup", { name: "correctness" }).getByRole("radio", { name: /incorrect/ }).click();
    const request = (await saved).request();
    await expect(reviewer.getByRole("region", { name: "Annotations on this trace" })).toContainText("incorrect");
    await reviewer.close();
    await page.reload();
    // The panel streams in behind a skeleton (React reveals it a moment after load), so
    // count once it shows the reviewer's label, not at load.
    const region = page.getByRole("region", { name: "Annotations on this trace" });
    await expect(region).toContainText("incorrect");
    const annotations = region.getByRole("listitem");
    const before = await annotations.count();
    expect(before).toBeGreaterThan(0);

    // ...and replay it with the viewer's cookies: refused, and nothing else is written.
    const forged = await page.request.post(request.url(), {
      headers: { "next-action": request.headers()["next-action"], "content-type": request.headers()["content-type"], accept: "text/x-component" },
      data: request.postData() ?? "",
    });
    expect(await forged.text()).toContain("may not annotate");
    await page.reload();
    await expect(region).toContainText("incorrect");
    await expect(annotations).toHaveCount(before);
  });
});

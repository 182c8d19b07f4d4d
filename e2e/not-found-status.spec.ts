import { expect, test } from "@playwright/test";

// Issue 13, item 5: an address that names nothing answers HTTP 404 (with the
// 404 page), not 200 with the 404 page streamed into it.
const unknownTrace = "0".repeat(32);

async function knownTracePath(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/projects/support-bot/traces");
  const href = await page.getByRole("table").getByRole("link", { name: "support_turn" }).first().getAttribute("href");
  return href!;
}

test("a known trace answers 200 and an unknown one 404 with the trace's 404 page", async ({ page }) => {
  const known = await knownTracePath(page);
  expect((await page.goto(known))?.status()).toBe(200);
  await expect(page.getByRole("navigation", { name: "Span tree" })).toBeVisible();

  const response = await page.goto(`/projects/support-bot/traces/${unknownTrace}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Trace not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to traces" }).click();
  await expect(page).toHaveURL(/\/projects\/support-bot\/traces$/);
});

test("an unknown span of a known trace answers 404 and offers the trace", async ({ page }) => {
  const known = await knownTracePath(page);
  const response = await page.goto(`${known}?span=${"f".repeat(16)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Span not found" })).toBeVisible();
  await page.screenshot({ path: "screenshots/not-found-span.png" });
  await page.getByRole("link", { name: "Open the trace" }).click();
  await expect(page.getByRole("navigation", { name: "Span tree" })).toBeVisible();
  expect(new URL(page.url()).search).toBe("");
});

const unknownAddresses = [
  `/projects/support-bot/traces/not-a-trace-id`,
  `/projects/support-bot/traces/%E0`,
  `/projects/no-such-project/traces`,
  `/projects/no-such-project/traces/${unknownTrace}`,
  `/projects/no-such-project/spans`,
  `/projects/no-such-project/sessions`,
  `/projects/no-such-project/settings`,
  `/projects/no-such-project/review`,
  `/projects/support-bot/sessions/no-such-session`,
  `/rubrics/999999`,
  `/rubrics/not-a-number`,
];

for (const address of unknownAddresses) {
  test(`${address} answers 404`, async ({ page }) => {
    const response = await page.goto(address);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  });
}

import { expect, test, type Page } from "@playwright/test";

// Issue 13 item 8: a reviewer pastes what a customer quoted (an order number,
// the bare number, a ticket id, an email) and finds the trace it appears in.
// The identifiers are read from the demo traces themselves (lib/demo/customer-profile.ts).
test.use({ storageState: "e2e/.auth/viewer.json" });

async function search(page: Page, q: string) {
  const box = page.getByLabel("Search input and output");
  await box.fill(q);
  await box.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(q);
}

/** The first row of the current list whose text matches, with its trace link and the matched text. */
async function pick(page: Page, pattern: RegExp) {
  const row = page.getByRole("table").getByRole("row").filter({ hasText: pattern }).first();
  await expect(row).toBeVisible();
  const found = (await row.textContent())!.match(pattern)![0];
  const href = (await row.getByRole("link", { name: "support_turn" }).getAttribute("href"))!;
  return { found, href };
}

async function expectFound(page: Page, q: string, href: string) {
  await search(page, q);
  const table = page.getByRole("table");
  await expect(table.locator(`a[href="${href}"]`)).toBeVisible();
  // Every row shown holds the text (case aside) in its input or output.
  const rows = table.getByRole("row").filter({ has: page.getByRole("link", { name: "support_turn" }) });
  const count = await rows.count();
  for (let i = 0; i < Math.min(count, 5); i++) {
    const title = await rows.nth(i).locator("td[title]").evaluateAll((cells) => cells.map((c) => c.getAttribute("title")).join("\n"));
    expect(title.toLowerCase()).toContain(q.toLowerCase());
  }
}

test("an order number, the bare number, a ticket id and an email find the trace they appear in", async ({ page }) => {
  await page.goto("/projects/support-bot/traces");
  await search(page, "order number");
  const order = await pick(page, /ORD-\d{6}/);
  await expectFound(page, order.found, order.href);
  await page.screenshot({ path: "screenshots/search-order-number.png" });
  await expectFound(page, order.found.slice("ORD-".length), order.href);
  await expectFound(page, order.found.toLowerCase(), order.href);

  await search(page, "confirm by email");
  const email = await pick(page, /[a-z]+\.[a-z]+@[a-z0-9.-]+\.[a-z]+/);
  await expectFound(page, email.found, email.href);
  await page.screenshot({ path: "screenshots/search-email.png" });

  await search(page, "opened ticket");
  const ticket = await pick(page, /TCK-\d{5}/);
  await expectFound(page, ticket.found, ticket.href);
});

import { expect, test as setup } from "@playwright/test";

// Signs in once as each demo role (see lib/auth/demo-users.ts) and saves the
// cookies: specs run as admin, or pick a role with
// `test.use({ storageState: "e2e/.auth/reviewer.json" })`.
for (const role of ["admin", "lead", "reviewer", "reviewer2", "viewer"] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(`${role}@example.com`);
    await page.getByLabel("Password").fill("marginalia-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.context().storageState({ path: `e2e/.auth/${role}.json` });
  });
}

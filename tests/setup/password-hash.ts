import { vi } from "vitest";

// Test fixtures create about a thousand users per run, nearly all with one
// password, and a scrypt hash (N = 16384) costs ~45 ms of CPU: within a test
// file, the same password is hashed once and the hash reused. It is still the
// real scrypt hash with the production parameters (verifyPassword checks it as
// ever); only its salt repeats across that file's users, which no test needs
// to differ. Production code is untouched.
vi.mock("@/lib/auth/secrets", async (importOriginal) => {
  const secrets = await importOriginal<typeof import("@/lib/auth/secrets")>();
  const hashes = new Map<string, Promise<string>>();
  const hashPassword = (password: string) => {
    let hash = hashes.get(password);
    if (!hash) {
      hash = secrets.hashPassword(password);
      hashes.set(password, hash);
      hash.catch(() => hashes.delete(password));
    }
    return hash;
  };
  return { ...secrets, hashPassword };
});

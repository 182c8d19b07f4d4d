import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// Passwords: scrypt (memory-hard, in node:crypto, no native addon to build).
// Session tokens and API keys are 256-bit random secrets, so a SHA-256 lookup hash suffices.
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 };

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const key = await scryptAsync(password, salt, keyLength, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Without a stored hash, still spend the same time so timing tells nothing.
  const [scheme, n, r, p, salt, expected] = (stored ?? `scrypt$16384$8$1$${"A".repeat(22)}$${"A".repeat(86)}`).split("$");
  if (scheme !== "scrypt") return false;
  const want = Buffer.from(expected, "base64url");
  const got = await scryptAsync(password, Buffer.from(salt, "base64url"), want.length, { N: +n, r: +r, p: +p });
  return stored !== null && timingSafeEqual(want, got);
}

export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString("base64url")}`;

export const sha256 = (secret: string) => createHash("sha256").update(secret).digest("hex");

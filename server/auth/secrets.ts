import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { masterSecret } from "../env";

/** A key per purpose, so the session secret and the encryption key never coincide. */
export function deriveKey(purpose: "auth" | "provider-keys"): Buffer {
  return Buffer.from(hkdfSync("sha256", masterSecret(), "ensemble", purpose, 32));
}

/** AES-256-GCM; the result is `iv.tag.ciphertext` in base64url. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey("provider-keys"), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url")).join(".");
}

export function decryptSecret(sealed: string): string {
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !data) throw new Error("encrypted secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey("provider-keys"), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

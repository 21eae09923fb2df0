/**
 * Password hashing with scrypt (node:crypto; memory-hard). The stored form
 * carries its parameters and per-user salt, so they can be raised later
 * without invalidating existing hashes: scrypt$N$r$p$salt$hash (base64).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { ServiceError } from "./errors.ts";

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** 2^15 × 8 × 128 bytes = 32 MiB per hash (OWASP's scrypt recommendation is N=2^17 at 128 MiB; 2^15 keeps sign-in near 0.1 s on a small server). */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

export const MIN_PASSWORD_LENGTH = 10;

export function assertStrongPassword(password: string, username?: string): void {
  if (typeof password !== "string" || [...password].length < MIN_PASSWORD_LENGTH) {
    throw new ServiceError(
      "WEAK_PASSWORD",
      `密码至少 ${MIN_PASSWORD_LENGTH} 个字符（password too short）`,
    );
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    throw new ServiceError("WEAK_PASSWORD", "密码不能包含用户名（password contains the username）");
  }
  if (new Set(password).size < 4) {
    throw new ServiceError("WEAK_PASSWORD", "密码过于简单（password too simple）");
  }
}

export async function hashPassword(password: string, params = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keylen } = params;
  const key = await scrypt(password, salt, keylen, { N, r, p, maxmem: 256 * N * r });
  return ["scrypt", N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  const key = await scrypt(password, salt, expected.length, { N, r, p, maxmem: 256 * N * r });
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: verified against when the user does not exist, so timing does not tell. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> =>
  (decoy ??= hashPassword(randomBytes(16).toString("hex")));

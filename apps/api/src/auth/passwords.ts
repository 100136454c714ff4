import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum). */
export const hashPassword = (password: string) => hash(password);

// Verifying against this when no account matches keeps the answer as slow as for a wrong password.
const NOBODY = hash('no account has this password');

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  return verify(passwordHash ?? (await NOBODY), password);
}

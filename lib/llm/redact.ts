const REDACTED = "[redacted]";

/** Key shapes providers use, scrubbed even when the exact secret is not known to this process. */
const KEY_PATTERNS = [/\bsk-[A-Za-z0-9_\-]{8,}/g, /\bBearer\s+[A-Za-z0-9._\-]{8,}/gi];

/** Removes API keys from any text that may reach logs, events, errors or stored rows. */
export function redactSecrets(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would scrub ordinary words; real keys are long.
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

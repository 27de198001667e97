import type { LanguageId } from "../schema";
import { cpp } from "./cpp";
import type { Language } from "./language";
import { python3 } from "./python3";

const LANGUAGES: Record<LanguageId, Language> = { python3, cpp };

export function languageFor(id: LanguageId): Language {
  return LANGUAGES[id];
}

export function languages(): Language[] {
  return Object.values(LANGUAGES);
}

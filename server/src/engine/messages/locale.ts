/** Which language the user reads: from a flag, a setting, a client or the POSIX environment. */
import type { Locale } from './types';

/** `ja`, `ja_JP.UTF-8`, `ja-JP` → ja; anything else (`C`, `POSIX`, `en_US.UTF-8`, `fr`) → en. */
export function localeFromName(name: string): Locale {
  return /^ja(?:$|[-_.@])/i.test(name.trim()) ? 'ja' : 'en';
}

/**
 * The locale of a POSIX environment: the first of LC_ALL, LC_MESSAGES and
 * LANG that is set and not empty decides, as for any program's messages
 * (LC_ALL=C wins over LANG=ja_JP.UTF-8).
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[variable];
    if (value) return localeFromName(value);
  }
  return 'en';
}

import { AstroError } from 'astro/errors';

/**
 * An error in the user's own files or settings, for Astro to print: its message names each file and
 * line, or the setting, so it carries no stack trace into this integration, which would bury them.
 */
export function userError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

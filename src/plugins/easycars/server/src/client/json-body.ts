/** What was read of an answer's body, whether it came as text or as a stream. */
export type BodyRead =
  | { parsed: true; json: unknown }
  /** `startsLikeJson`: the first non-blank character is `{` or `[`. */
  | { parsed: false; empty: boolean; startsLikeJson: boolean };

export const NO_BODY: BodyRead = { parsed: false, empty: true, startsLikeJson: false };

export function readJsonText(text: string): BodyRead {
  if (text.trim() === '') return NO_BODY;
  try {
    return { parsed: true, json: JSON.parse(text) };
  } catch {
    return { parsed: false, empty: false, startsLikeJson: /^\s*[[{]/.test(text) };
  }
}

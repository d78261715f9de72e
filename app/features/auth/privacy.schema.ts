import { z } from "zod";
import { PASSWORD_MAX } from "./auth.schema";

// Error messages are keys into privacy.messages.ts.

/** What happens to the person's published stories when they delete their account. */
export const PUBLISHED_STORY_CHOICES = ["delete", "keep"] as const;

/**
 * Deleting an account: the choice for published stories is always required (nothing is
 * pre-selected); an account with a password confirms with it, a code-only account with a tick.
 */
export function deleteAccountSchema(hasPassword: boolean) {
  return z.object({
    stories: z.enum(PUBLISHED_STORY_CHOICES, { error: "storiesChoiceRequired" }),
    password: hasPassword
      ? z
          .string({ error: "passwordRequired" })
          .min(1, { error: "passwordRequired" })
          .max(PASSWORD_MAX, { error: "passwordWrong" })
      : z.string().optional(),
    confirm: hasPassword ? z.string().optional() : z.literal("on", { error: "confirmRequired" }),
  });
}

/** The fields of the form, for `useForm`. */
export interface DeleteAccountFields {
  stories?: string;
  password?: string;
  confirm?: string;
}

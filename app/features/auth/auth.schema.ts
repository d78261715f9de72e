import { z } from "zod";

// Error messages are keys into auth.messages.ts, so the form shows them in the reader's language.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 255;

export const emailField = z
  .string({ error: "emailRequired" })
  .trim()
  .toLowerCase()
  .max(254, { error: "emailInvalid" })
  .pipe(z.email({ error: "emailInvalid" }));

export const newPasswordField = z
  .string({ error: "passwordRequired" })
  .min(PASSWORD_MIN, { error: "passwordTooShort" })
  .max(PASSWORD_MAX, { error: "passwordTooLong" });

export const codeField = z
  .string({ error: "codeRequired" })
  .trim()
  .regex(/^\d{6}$/, { error: "codeFormat" });

export const signUpSchema = z.object({ email: emailField, password: newPasswordField });
export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: "passwordRequired" }).max(PASSWORD_MAX, { error: "passwordTooLong" }),
  redirectTo: z.string().optional(),
});
export const verifyCodeSchema = z.object({
  email: emailField,
  code: codeField,
  redirectTo: z.string().optional(),
});
export const requestCodeSchema = z.object({ email: emailField, redirectTo: z.string().optional() });
export const requestResetSchema = z.object({ email: emailField });
export const resetPasswordSchema = z
  .object({ password: newPasswordField, confirm: z.string({ error: "confirmRequired" }) })
  .refine((value) => value.password === value.confirm, {
    error: "confirmMismatch",
    path: ["confirm"],
  });

/** Residents who signed up with a code have no password yet: then `current` may stay empty. */
export const changePasswordSchema = z
  .object({
    current: z.string().max(PASSWORD_MAX, { error: "passwordTooLong" }).optional(),
    password: newPasswordField,
    confirm: z.string({ error: "confirmRequired" }),
  })
  .refine((value) => value.password === value.confirm, {
    error: "confirmMismatch",
    path: ["confirm"],
  });

export const totpCodeSchema = z.object({
  code: z
    .string({ error: "totpRequired" })
    .trim()
    .regex(/^\d{3}[\s-]?\d{3}$/, { error: "totpFormat" }),
  redirectTo: z.string().optional(),
});
export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string({ error: "recoveryRequired" })
    .trim()
    .regex(/^[A-Za-z2-7]{5}[\s-]?[A-Za-z2-7]{5}$/, { error: "recoveryFormat" }),
  redirectTo: z.string().optional(),
});

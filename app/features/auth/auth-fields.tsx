import type { FieldMetadata } from "@conform-to/react";
import { TextField } from "../../shared/ui/form";

type Field = FieldMetadata<string | undefined>;
type Text = (key: string) => string;

/** The email field of every sign-in form, with its error keys translated. */
export function EmailField({ field, t }: { field: Field; t: Text }) {
  return (
    <TextField
      field={field}
      label={t("email")}
      type="email"
      autoComplete="email"
      inputMode="email"
      errors={field.errors?.map(t)}
    />
  );
}

/** New password and its repetition, as in the reset and change-password forms. */
export function NewPasswordFields({
  password,
  confirm,
  t,
}: {
  password: Field;
  confirm: Field;
  t: Text;
}) {
  return (
    <>
      <TextField
        field={password}
        label={t("newPassword")}
        description={t("passwordHint")}
        type="password"
        autoComplete="new-password"
        errors={password.errors?.map(t)}
      />
      <TextField
        field={confirm}
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        errors={confirm.errors?.map(t)}
      />
    </>
  );
}

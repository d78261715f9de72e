import type { FieldMetadata } from "@conform-to/react";
import { TextField } from "../../shared/ui/form";

/** The 6-digit code from the authenticator app, as the sign-in step and enrolment ask for it. */
export function TotpCodeField({
  field,
  t,
}: {
  field: FieldMetadata<string | undefined>;
  t: (key: string) => string;
}) {
  return (
    <TextField
      field={field}
      label={t("totpCode")}
      description={t("totpHint")}
      errors={field.errors?.map(t)}
      autoComplete="one-time-code"
      inputMode="numeric"
    />
  );
}

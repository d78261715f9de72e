import type { FieldMetadata } from "@conform-to/react";

interface TextFieldProps {
  field: FieldMetadata<string | undefined>;
  label: string;
  description?: string;
  /** Error keys of the field, already translated. */
  errors?: string[];
  type?: "text" | "email" | "password";
  autoComplete?: string;
  inputMode?: "numeric" | "email" | "text";
  required?: boolean;
}

/**
 * A labelled NL Design System text box with its description and error next to it, wired for
 * screen readers, keeping what the person typed after a failed submit.
 */
export function TextField({
  field,
  label,
  description,
  errors,
  type = "text",
  autoComplete,
  inputMode,
  required = true,
}: TextFieldProps) {
  const invalid = Boolean(errors?.length);
  const describedBy = [description ? field.descriptionId : null, invalid ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`form-field${invalid ? " form-field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {description ? (
        <p id={field.descriptionId} className="form-field__description">
          {description}
        </p>
      ) : null}
      {invalid ? (
        <p id={field.errorId} className="form-field__error">
          {errors!.join(" ")}
        </p>
      ) : null}
      <input
        id={field.id}
        name={field.name}
        type={type}
        className="utrecht-textbox utrecht-textbox--html-input"
        defaultValue={type === "password" ? undefined : (field.initialValue ?? "")}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
      />
    </div>
  );
}

export function FormAlert({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <div className="utrecht-alert utrecht-alert--error" role="alert">
      <div className="utrecht-alert__content">
        {messages.map((message) => (
          <p key={message} className="utrecht-paragraph">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}

export function SubmitButton({ children }: { children: React.ReactNode }) {
  return (
    <button type="submit" className="utrecht-button utrecht-button--primary-action">
      {children}
    </button>
  );
}

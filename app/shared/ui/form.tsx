import type { FieldMetadata } from "@conform-to/react";

type AnyField = FieldMetadata<unknown>;

interface ShellProps {
  field: { id: string; descriptionId: string; errorId: string };
  label: string;
  description?: string;
  /** Error keys of the field, already translated. */
  errors?: string[];
  children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}

/**
 * Label, description and error of one form field, wired for screen readers; the control comes
 * from the caller. NL Design System classes throughout.
 */
/** A field's description and error, with the ids its control points at (aria-describedby). */
function FieldHelp({
  field,
  description,
  errors,
}: {
  field: { descriptionId: string; errorId: string };
  description?: string;
  errors?: string[];
}) {
  return (
    <>
      {description ? (
        <p id={field.descriptionId} className="form-field__description">
          {description}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={field.errorId} className="form-field__error">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

function FieldShell({ field, label, description, errors, children }: ShellProps) {
  const invalid = Boolean(errors?.length);
  const describedBy = [description ? field.descriptionId : null, invalid ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`form-field${invalid ? " form-field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <FieldHelp field={field} description={description} errors={errors} />
      {children({
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy || undefined,
      })}
    </div>
  );
}

function initial(field: AnyField, fallback?: string | number | null): string {
  const value = field.initialValue;
  if (typeof value === "string") return value;
  return fallback === null || fallback === undefined ? "" : String(fallback);
}

interface TextFieldProps {
  field: FieldMetadata<string | undefined>;
  label: string;
  description?: string;
  errors?: string[];
  type?: "text" | "email" | "password" | "date" | "month" | "url";
  autoComplete?: string;
  inputMode?: "numeric" | "email" | "text" | "decimal";
  required?: boolean;
  /** Shown when the form has not been submitted yet (e.g. the stored value). */
  defaultValue?: string | number | null;
}

/** A labelled text box that keeps what the person typed after a failed submit. */
export function TextField({
  field,
  label,
  description,
  errors,
  type = "text",
  autoComplete,
  inputMode,
  required = true,
  defaultValue,
}: TextFieldProps) {
  return (
    <FieldShell field={field} label={label} description={description} errors={errors}>
      {(aria) => (
        <input
          id={field.id}
          name={field.name}
          type={type}
          className="utrecht-textbox utrecht-textbox--html-input"
          defaultValue={type === "password" ? undefined : initial(field as AnyField, defaultValue)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          aria-required={required || undefined}
          {...aria}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  field,
  label,
  description,
  errors,
  required = false,
  defaultValue,
  rows = 4,
}: Omit<TextFieldProps, "type" | "autoComplete" | "inputMode"> & { rows?: number }) {
  return (
    <FieldShell field={field} label={label} description={description} errors={errors}>
      {(aria) => (
        <textarea
          id={field.id}
          name={field.name}
          className="utrecht-textarea"
          rows={rows}
          defaultValue={initial(field as AnyField, defaultValue)}
          aria-required={required || undefined}
          {...aria}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  field,
  label,
  description,
  errors,
  options,
  required = true,
  defaultValue,
  placeholder,
}: Omit<TextFieldProps, "type" | "autoComplete" | "inputMode"> & {
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <FieldShell field={field} label={label} description={description} errors={errors}>
      {(aria) => (
        <select
          id={field.id}
          name={field.name}
          className="utrecht-select utrecht-select--html-select"
          defaultValue={initial(field as AnyField, defaultValue)}
          aria-required={required || undefined}
          {...aria}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
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

export function StatusMessage({ children }: { children: React.ReactNode }) {
  return (
    <div className="utrecht-alert utrecht-alert--ok" role="status">
      <p className="utrecht-paragraph">{children}</p>
    </div>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  variant = "primary",
}: {
  children: React.ReactNode;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary";
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={`utrecht-button utrecht-button--${variant}-action`}
    >
      {children}
    </button>
  );
}

/**
 * Several choices under one legend (e.g. the indicators of a buurtscan). Keeps what was ticked
 * after a failed submit; `defaultValues` applies before the first submit.
 */
export function CheckboxGroup({
  field,
  legend,
  description,
  errors,
  options,
  defaultValues = [],
}: {
  field: FieldMetadata<string[] | undefined>;
  legend: string;
  description?: string;
  errors?: string[];
  options: { value: string; label: string }[];
  defaultValues?: string[];
}) {
  const submitted = field.initialValue;
  const checked = new Set(
    Array.isArray(submitted)
      ? submitted.map(String)
      : typeof submitted === "string"
        ? [submitted]
        : defaultValues,
  );
  return (
    <ChoiceFieldset
      field={field}
      legend={legend}
      description={description}
      errors={errors}
      className="checkbox-group"
    >
      <div className="checkbox-group__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              name={field.name}
              value={option.value}
              defaultChecked={checked.has(option.value)}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

/**
 * A labelled text box outside a conform form (a GET form, a file upload): ids follow the name,
 * the value shown is the one the caller kept.
 */
export function PlainTextField({
  name,
  label,
  description,
  error,
  defaultValue,
  inputMode,
  size,
  type = "text",
}: {
  name: string;
  label: string;
  description?: string;
  error?: string;
  defaultValue: string;
  inputMode?: "numeric" | "text";
  size?: number;
  type?: "text" | "date";
}) {
  return (
    <FieldShell
      field={{ id: name, descriptionId: `${name}-uitleg`, errorId: `${name}-fout` }}
      label={label}
      description={description}
      errors={error ? [error] : undefined}
    >
      {(aria) => (
        <input
          id={name}
          name={name}
          type={type}
          inputMode={inputMode}
          size={size}
          defaultValue={defaultValue}
          className="utrecht-textbox utrecht-textbox--html-input"
          {...aria}
        />
      )}
    </FieldShell>
  );
}

/**
 * One choice out of a few, under one legend. Nothing is selected until the person chooses (or
 * `defaultValue` says so); keeps the choice after a failed submit.
 */
export function RadioGroup({
  field,
  legend,
  description,
  errors,
  options,
  defaultValue,
}: {
  field: FieldMetadata<string | undefined>;
  legend: string;
  description?: string;
  errors?: string[];
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const chosen = typeof field.initialValue === "string" ? field.initialValue : defaultValue;
  return (
    <ChoiceFieldset field={field} legend={legend} description={description} errors={errors}>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="radio"
            name={field.name}
            value={option.value}
            defaultChecked={chosen === option.value}
          />{" "}
          {option.label}
        </label>
      ))}
    </ChoiceFieldset>
  );
}

/** The fieldset of a group of choices: legend, description and error tied to it for screen readers. */
function ChoiceFieldset({
  field,
  legend,
  description,
  errors,
  className = "",
  children,
}: {
  field: { id: string; descriptionId: string; errorId: string };
  legend: string;
  description?: string;
  errors?: string[];
  className?: string;
  children: React.ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  const describedBy = [description ? field.descriptionId : null, invalid ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      className={["form-field", className, invalid ? "form-field--invalid" : ""]
        .filter(Boolean)
        .join(" ")}
      id={field.id}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      <FieldHelp field={field} description={description} errors={errors} />
      {children}
    </fieldset>
  );
}

/** A single labelled checkbox (e.g. "yes, I am sure"), with its error above it. */
export function CheckboxField({
  field,
  label,
  errors,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  errors?: string[];
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={`form-field${invalid ? " form-field--invalid" : ""}`}>
      {invalid ? (
        <p id={field.errorId} className="form-field__error">
          {errors!.join(" ")}
        </p>
      ) : null}
      <label className="checkbox" htmlFor={field.id}>
        <input
          id={field.id}
          type="checkbox"
          name={field.name}
          defaultChecked={field.initialValue === "on"}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? field.errorId : undefined}
        />{" "}
        {label}
      </label>
    </div>
  );
}

/**
 * A labelled select outside a conform form (GET filters, the recording form): the first option is
 * the empty choice when `emptyLabel` is given; the value shown is the one the caller kept.
 */
export function PlainSelect({
  id,
  name,
  label,
  options,
  defaultValue,
  emptyLabel,
  required,
}: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue: string;
  emptyLabel?: string;
  required?: boolean;
}) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue}
        className="utrecht-select utrecht-select--html-select"
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

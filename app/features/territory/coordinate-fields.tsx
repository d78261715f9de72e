import type { FieldMetadata } from "@conform-to/react";

/**
 * Longitude and latitude boxes beside a map picker: the way to give a point without the map
 * (no WebGL, keyboard, screen reader). The map writes into these same inputs by their ids.
 */
export function CoordinateFields({
  idPrefix,
  lon,
  lat,
  labels,
  errors,
}: {
  idPrefix: string;
  lon: FieldMetadata<string | undefined>;
  lat: FieldMetadata<string | undefined>;
  labels: { lon: string; lat: string };
  /** Already translated. */
  errors: string[];
}) {
  const errorId = `${idPrefix}-plaats-fout`;
  const invalid = errors.length > 0;
  const box = (field: FieldMetadata<string | undefined>, id: string, label: string) => (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={field.name}
        inputMode="decimal"
        className="utrecht-textbox utrecht-textbox--html-input"
        defaultValue={(field.initialValue as string | undefined) ?? ""}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
    </div>
  );
  return (
    <>
      {invalid ? (
        <p id={errorId} className="form-field__error">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="inline-fields">
        {box(lon, `${idPrefix}-lon`, labels.lon)}
        {box(lat, `${idPrefix}-lat`, labels.lat)}
      </div>
    </>
  );
}

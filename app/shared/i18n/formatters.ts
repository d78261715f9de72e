// Building an Intl formatter costs far more than using one (ICU loads locale data for each): the
// moderation queue spent a fifth of its server time constructing DateTimeFormats, one per date it
// showed. Formatters are immutable, so one per locale and set of options serves every request.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateTimeFormat(
  languageTag: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = languageTag + JSON.stringify(options);
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(languageTag, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

export function numberFormat(
  languageTag: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = languageTag + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(languageTag, options);
    numberFormats.set(key, format);
  }
  return format;
}

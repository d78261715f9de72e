// Ids from URLs and forms are checked before they reach a query: PostgreSQL refuses a malformed
// uuid with an error (a 500), where the page should simply not find it (a 404).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is written as a UUID (any version), as the database's ids are. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

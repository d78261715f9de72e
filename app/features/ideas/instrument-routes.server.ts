import { data } from "react-router";
import { gemeenteCodeParam } from "../territory/territory.schema";
import { gemeenteName } from "../territory/territory.server";

/** The gemeente of a register URL (404 when the code is malformed or unknown). */
export async function gemeenteOfParam(code: string) {
  const parsed = gemeenteCodeParam.safeParse(code);
  const gemeente = parsed.success ? await gemeenteName(parsed.data) : null;
  if (!gemeente) throw data(null, { status: 404 });
  return gemeente;
}

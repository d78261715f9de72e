import { data, href } from "react-router";
import { localeFromCookieHeader } from "../../shared/i18n/i18n";
import { agendaFor } from "../agenda/agenda-routes.server";
import { getAgendaDetails } from "../agenda/agenda.server";
import { versionOf } from "./document.server";
import { versionDocx, versionPdf } from "./export.server";

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** A published version as a file download; 404 for a draft or an unknown number. */
export async function exportResponse(
  request: Request,
  agendaId: string,
  numberParam: string,
  format: keyof typeof TYPES,
): Promise<Response> {
  const { resource } = await agendaFor(request, agendaId, "published.view");
  const number = Number(numberParam);
  const [version, details] = await Promise.all([
    versionOf(resource.agendaId, number),
    getAgendaDetails(resource.agendaId),
  ]);
  if (!version) throw data(null, { status: 404 });
  const origin = (process.env.APP_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
  const input = {
    agendaTitle: details.title,
    number: version.number,
    publishedAt: version.publishedAt,
    content: version.content,
    records: version.records,
    publicUrl: `${origin}${href("/buurtagenda/:id/versie/:number", { id: resource.agendaId, number: String(version.number) })}`,
    locale: localeFromCookieHeader(request.headers.get("Cookie")),
  };
  const file = format === "pdf" ? await versionPdf(input) : await versionDocx(input);
  const name = `buurtagenda-versie-${version.number}.${format}`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      // A published version never changes, but the file's language follows the reader's cookie.
      "Cache-Control": "private, max-age=3600",
    },
  });
}

import { useEffect } from "react";
import { Form, useNavigation, useRevalidator } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/beheer-import";
import { authorize } from "../features/auth/auth-routes.server";
import { importMessages } from "../features/scan/import.messages";
import { enqueueImport, listImportJobs } from "../features/scan/import-jobs.server";
import { discardUpload, receiveUpload } from "../features/scan/import-upload.server";
import { formatDateTime, useLocale, useText } from "../shared/i18n/i18n";
import { FormAlert, PlainTextField, StatusMessage, SubmitButton } from "../shared/ui/form";
import { numberFormat } from "../shared/i18n/formatters";

// The administrator's upload (issue 4): the file is streamed to disk (never held in memory),
// queued, and imported by the background worker; this page follows the progress.

export const meta: Route.MetaFunction = () => [
  { title: "Cijfers inlezen | Buurtagenda" },
  { name: "robots", content: "noindex" },
];

const MAX_UPLOAD_MB = 500;
const INSTALLATION = { kind: "installation" } as const;

const optionsSchema = z.object({
  bron: z.string().trim().max(200, { error: "tooLong" }).optional(),
  jaar: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{4}$/.test(v) && Number(v) >= 1990 && Number(v) <= 2100), {
      error: "yearInvalid",
    })
    .optional(),
});

export async function loader({ request }: Route.LoaderArgs) {
  await authorize(request, "data.import", INSTALLATION);
  return { jobs: await listImportJobs(), maxMb: MAX_UPLOAD_MB };
}

type Fields = { bron: string; jaar: string };
type ActionResult =
  | { queued: true }
  | { queued: false; errors: Partial<Record<keyof Fields | "bestand", string>>; fields: Fields };

export async function action({ request }: Route.ActionArgs): Promise<ActionResult> {
  // Permission first: nothing of an unauthorised request is written to disk.
  const user = await authorize(request, "data.import", INSTALLATION);
  const upload = await receiveUpload(request, "bestand", MAX_UPLOAD_MB * 1024 * 1024);
  if (upload.tooLarge) {
    return { queued: false, errors: { bestand: "fileTooLarge" }, fields: { bron: "", jaar: "" } };
  }
  const fields = {
    bron: String(upload.fields?.get("bron") ?? ""),
    jaar: String(upload.fields?.get("jaar") ?? ""),
  };
  const parsed = optionsSchema.safeParse(fields);
  const errors: Partial<Record<keyof Fields | "bestand", string>> = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  if (!upload.file) errors.bestand = "fileRequired";
  else if (upload.file.size === 0) errors.bestand = "fileEmpty";
  if (Object.keys(errors).length > 0 || !upload.file) {
    await discardUpload(upload);
    return { queued: false, errors, fields };
  }
  await enqueueImport({
    actorId: user!.id,
    fileName: upload.file.name,
    storedPath: upload.file.path,
    sizeBytes: upload.file.size,
    defaultSource: fields.bron.trim() || undefined,
    year: fields.jaar.trim() ? Number(fields.jaar) : undefined,
  });
  return { queued: true };
}

const MB = 1024 * 1024;

export default function ImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(importMessages);
  const locale = useLocale();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const active = loaderData.jobs.some((j) => j.status === "queued" || j.status === "running");
  // While a job waits or runs, fetch its progress every two seconds.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  const errors = actionData && !actionData.queued ? actionData.errors : {};
  const fields = actionData && !actionData.queued ? actionData.fields : { bron: "", jaar: "" };
  const mb = (bytes: number) =>
    numberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 }).format(
      bytes / MB,
    );
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <p className="utrecht-paragraph">{t("kinds")}</p>
      {actionData?.queued ? <StatusMessage>{t("queued")}</StatusMessage> : null}
      {errors.bestand ? (
        <FormAlert messages={[t(errors.bestand, { max: loaderData.maxMb })]} />
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form">
        <div className={`form-field${errors.bestand ? " form-field--invalid" : ""}`}>
          <label htmlFor="bestand">{t("file")}</label>
          <p id="bestand-uitleg" className="form-field__description">
            {t("fileHelp", { max: loaderData.maxMb })}
          </p>
          {errors.bestand ? (
            <p id="bestand-fout" className="form-field__error">
              {t(errors.bestand, { max: loaderData.maxMb })} {actionData ? t("fileAgain") : null}
            </p>
          ) : null}
          <input
            id="bestand"
            name="bestand"
            type="file"
            accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
            aria-required
            aria-invalid={errors.bestand ? true : undefined}
            aria-describedby={errors.bestand ? "bestand-uitleg bestand-fout" : "bestand-uitleg"}
          />
        </div>
        <PlainTextField
          name="bron"
          label={t("source")}
          description={t("sourceHelp")}
          defaultValue={fields.bron}
          error={errors.bron && t(errors.bron)}
        />
        <PlainTextField
          name="jaar"
          label={t("year")}
          defaultValue={fields.jaar}
          error={errors.jaar && t(errors.jaar)}
          inputMode="numeric"
        />
        <SubmitButton>
          {navigation.state === "submitting" ? `${t("upload")}…` : t("upload")}
        </SubmitButton>
      </Form>

      <section className="section" aria-labelledby="bestanden">
        <h2 className="utrecht-heading-2" id="bestanden">
          {t("jobsTitle")}
        </h2>
        {loaderData.jobs.length === 0 ? (
          <p className="utrecht-paragraph">{t("jobsNone")}</p>
        ) : (
          <ul className="initiative-list" aria-live="polite">
            {loaderData.jobs.map((job) => (
              <li key={job.id} data-testid="import-job">
                <p className="utrecht-paragraph">
                  <strong>{job.fileName}</strong> ({mb(job.sizeBytes)} MB,{" "}
                  {formatDateTime(job.createdAt, locale)}):{" "}
                  <span className="status-badge">{t(`status_${job.status}`)}</span>
                </p>
                {job.status === "queued" || job.status === "running" ? (
                  <p className="utrecht-paragraph">
                    <progress
                      max={Math.max(1, job.sizeBytes)}
                      value={job.bytesRead}
                      aria-label={t("progress", { file: job.fileName })}
                    />{" "}
                    {t("progressText", {
                      read: mb(job.bytesRead),
                      size: mb(job.sizeBytes),
                      rows: job.rowsRead,
                    })}
                  </p>
                ) : null}
                {job.report ? <ImportReportView report={job.report} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

type Report = NonNullable<Route.ComponentProps["loaderData"]["jobs"][number]["report"]>;

function ImportReportView({ report }: { report: Report }) {
  const t = useText(importMessages);
  return (
    <div className="stack">
      {report.kind ? <p className="utrecht-paragraph">{t(`reportKind_${report.kind}`)}</p> : null}
      {report.status === "failed" ? (
        <div className="utrecht-alert utrecht-alert--error">
          <p className="utrecht-paragraph">{report.error}</p>
          <p className="utrecht-paragraph">{t("reportNothing")}</p>
        </div>
      ) : (
        <p className="utrecht-paragraph">
          {t("reportRows", {
            rows: report.rowsRead,
            inserted: report.inserted,
            updated: report.updated,
            unchanged: report.unchanged,
            missing: report.missing,
            rejected: report.rejectedCount,
          })}
        </p>
      )}
      {report.skippedColumns?.length ? (
        <p className="utrecht-paragraph">
          {t("reportSkipped", { columns: report.skippedColumns.join(", ") })}
        </p>
      ) : null}
      {report.rejected.length ? (
        <details>
          <summary>{t("reportRejected")}</summary>
          <ul>
            {report.rejected.slice(0, 100).map((r) => (
              <li key={r.line}>
                {t(report.kind === "boundaries" ? "reportFeature" : "reportLine", {
                  line: r.line,
                  reason: r.reason,
                })}
              </li>
            ))}
          </ul>
          {report.rejectedCount > 100 ? (
            <p className="utrecht-paragraph">
              {t("reportMore", { count: report.rejectedCount - 100 })}
            </p>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}

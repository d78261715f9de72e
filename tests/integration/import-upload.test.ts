import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as importAction, loader as importLoader } from "../../app/routes/beheer-import";
import {
  enqueueImport,
  failInterruptedImports,
  newUploadPath,
  runNextImportJob,
} from "../../app/features/scan/import-jobs.server";
import { receiveUpload } from "../../app/features/scan/import-upload.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { get, routeArgs } from "../support/requests";
import { writeFile } from "node:fs/promises";

setupFreshDatabase();

const cookies: Record<string, string> = {};
let dataDir = "";

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "buurtagenda-upload-"));
  process.env.DATA_DIR = dataDir;
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase();
  for (const role of ["beheerder", "gemeente"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    cookies[role] = await signedInCookie(user.id);
  }
});
afterAll(async () => {
  delete process.env.DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

function upload(
  fields: Record<string, string>,
  file: { name: string; content: string } | null,
  cookie?: string,
) {
  const form = new FormData();
  if (file) form.append("bestand", new File([file.content], file.name, { type: "text/csv" }));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request("http://localhost/beheer/import", {
    method: "POST",
    body: form,
    headers: cookie ? { Cookie: cookie } : {},
  });
  return importAction(routeArgs(request));
}
const uploads = async () => readdir(path.join(dataDir, "uploads")).catch(() => [] as string[]);

const LOCAL_FIGURES = [
  "area_code,indicator_key,value,year",
  "BU03970101,lokaal_wmo_clienten,120,2025",
  "BU03970100,lokaal_wmo_clienten,35,2025",
  "BU03970100,lokaal_wmo_clienten,x,2025",
  "BU09999999,lokaal_wmo_clienten,5,2025",
].join("\n");

describe("upload and background import", () => {
  it("is for administrators only, and writes nothing for anyone else", async () => {
    await expect(
      upload({}, { name: "wmo.csv", content: LOCAL_FIGURES }, cookies.gemeente),
    ).rejects.toMatchObject({ init: { status: 403 } });
    await expect(
      importLoader(routeArgs(get("/beheer/import", cookies.gemeente))),
    ).rejects.toMatchObject({ init: { status: 403 } });
    expect(await uploads()).toEqual([]);
    expect(await db().importJob.count()).toBe(0);
  });

  it("answers a missing file, a bad year and a long source next to the fields, keeping them", async () => {
    const longSource = "x".repeat(201);
    const result = await upload({ bron: longSource, jaar: "twintig" }, null, cookies.beheerder);
    expect(result).toEqual({
      queued: false,
      errors: { bestand: "fileRequired", jaar: "yearInvalid", bron: "tooLong" },
      fields: { bron: longSource, jaar: "twintig" },
    });
    const empty = await upload({}, { name: "leeg.csv", content: "" }, cookies.beheerder);
    expect(empty).toMatchObject({ queued: false, errors: { bestand: "fileEmpty" } });
    expect(await uploads()).toEqual([]);
    expect(await db().importJob.count()).toBe(0);
  });

  it("stores the file, imports it in the background and keeps the report", async () => {
    const result = await upload(
      { bron: "Wmo-registratie Heemstede 2025" },
      { name: "wmo.csv", content: LOCAL_FIGURES },
      cookies.beheerder,
    );
    expect(result).toEqual({ queued: true });
    expect(await uploads()).toHaveLength(1);
    const queued = (await importLoader(routeArgs(get("/beheer/import", cookies.beheerder)))).jobs;
    expect(queued).toMatchObject([{ fileName: "wmo.csv", status: "queued", report: null }]);

    expect(await runNextImportJob()).toBe(true);
    expect(await runNextImportJob()).toBe(false);
    const [job] = (await importLoader(routeArgs(get("/beheer/import", cookies.beheerder)))).jobs;
    expect(job).toMatchObject({
      status: "done",
      rowsRead: 4,
      bytesRead: Buffer.byteLength(LOCAL_FIGURES),
      report: { status: "done", inserted: 2, missing: 1, rejectedCount: 1 },
    });
    expect(job!.report!.rejected).toEqual([
      { line: 5, reason: expect.stringContaining("BU09999999") },
    ]);
    const stored = await db().indicatorValue.findMany({
      where: { indicatorKey: "lokaal_wmo_clienten" },
      orderBy: { areaCode: "asc" },
    });
    expect(stored.map((v) => [v.areaCode, v.value, v.source])).toEqual([
      ["BU03970100", 35, "Wmo-registratie Heemstede 2025"],
      ["BU03970101", 120, "Wmo-registratie Heemstede 2025"],
    ]);
    // The upload is removed once imported.
    expect(await uploads()).toEqual([]);
  });

  it("records a refused file as failed, with its reason, and leaves the data as it was", async () => {
    const before = await db().indicatorValue.count();
    await upload(
      {},
      {
        name: "verkeerd.csv",
        content: "area_code\tindicator_key\tvalue\tyear\nBU03970101\tlokaal_wmo_clienten\t1\t2025",
      },
      cookies.beheerder,
    );
    await runNextImportJob();
    const job = await db().importJob.findFirstOrThrow({ where: { fileName: "verkeerd.csv" } });
    expect(job.status).toBe("failed");
    expect((job.report as { error: string }).error).toMatch(/scheidingsteken|kolommen/i);
    expect(await db().indicatorValue.count()).toBe(before);
  });

  it("marks a job that a stopped server left running as failed", async () => {
    const admin = await db().user.findUniqueOrThrow({
      where: { email: "beheerder@demo.buurtagenda.nl" },
    });
    const storedPath = await newUploadPath();
    await writeFile(storedPath, LOCAL_FIGURES);
    const id = await enqueueImport({
      actorId: admin.id,
      fileName: "onderbroken.csv",
      storedPath,
      sizeBytes: 10,
    });
    await db().importJob.update({ where: { id }, data: { status: "running" } });
    expect(await failInterruptedImports()).toBe(1);
    const job = await db().importJob.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe("failed");
    expect((job.report as { error: string }).error).toMatch(/onderbroken/);
    expect(await runNextImportJob()).toBe(false);
    expect(await uploads()).toEqual([]);
  });

  it("refuses a file over the size limit while it streams, keeping nothing", async () => {
    const form = new FormData();
    form.append("bestand", new File(["a".repeat(5000)], "groot.csv"));
    const received = await receiveUpload(
      new Request("http://localhost/beheer/import", { method: "POST", body: form }),
      "bestand",
      1000,
    );
    expect(received).toMatchObject({ tooLarge: true, file: null });
    expect(await uploads()).toEqual([]);
  });
});

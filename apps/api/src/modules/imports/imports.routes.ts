import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ApplyImportInputSchema,
  CsvTemplateQuerySchema,
  CustomerParamsSchema,
  ImportBehaviourSchema,
  ImportParamsSchema,
  ImportPreviewSchema,
  ImportRowResultSchema,
  ImportSummarySchema,
  ListImportRowsQuerySchema,
  ListImportsQuerySchema,
  pageOf,
  type ProblemError,
} from "@partner-hub/shared";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { RawSql } from "../../db/connect.ts";
import { AppError } from "../../http/app-error.ts";
import { attachment } from "../../http/attachment.ts";
import { requireIdentity } from "../auth/authenticate.ts";
import { exportUsersCsv } from "../users/export-users.ts";
import { applyImport } from "./apply-import.ts";
import { exportImportErrors } from "./export-errors.ts";
import { discardImport } from "./discard-import.ts";
import { previewImport } from "./preview-import.ts";
import { customerTemplateCsv } from "./template-csv.ts";
import { getImport, listImportRows, listImports } from "./read-imports.ts";

const BEHAVIOUR_HINT = "Choose add_services_only or add_and_remove_services.";

/** The upload's form fields as the OpenAPI document describes them; the route reads the parts. */
const UploadFormSchema = z.object({
  file: z.string().meta({ format: "binary", description: "The CSV file (at most 10 MB)" }),
  behaviour: ImportBehaviourSchema,
  ifPreviewOpen: z.enum(["new", "refuse"]).optional().meta({
    description:
      "When a preview of an identical file (same bytes, same behaviour) is still open for the customer: `new` (the default) makes another preview; `refuse` answers 409 `import_preview_exists` with that preview's `importId`, so the client can offer to open it instead.",
  }),
});

export const importsRoutes: FastifyPluginAsyncZod<{
  prisma: PrismaClient;
  raw: RawSql;
  kickWorker: () => void;
}> = async (app, { prisma, raw, kickWorker }) => {
  app.get(
    "/csv-template",
    {
      config: { public: true, problems: ["not_found"] },
      schema: {
        tags: ["csv"],
        summary: "The CSV template: headers and one example row",
        description:
          "Needs no session. With customerId (a customer the signed-in caller may see; else 404), or for a signed-in customer administrator without it, the example row names one of that customer's locations and its default Webex site.",
        querystring: CsvTemplateQuerySchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) =>
      attachment(reply, "partner-hub-users-template.csv").send(
        await customerTemplateCsv(prisma, request.identity?.scope ?? null, request.query),
      ),
  );

  app.get(
    "/customers/:customerId/users.csv",
    {
      schema: {
        tags: ["csv"],
        summary: "Export all users of the customer as CSV (streamed)",
        params: CustomerParamsSchema,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportUsersCsv(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
      );
      return attachment(reply, fileName).send(stream);
    },
  );

  app.post(
    "/customers/:customerId/imports",
    {
      config: { problems: ["import_running", "import_preview_exists"] },
      schema: {
        tags: ["csv"],
        summary:
          "Upload a CSV (multipart: file, behaviour) and get the preview; nothing changes yet",
        description:
          "Stores the plan: every row with its outcome, readable at `GET …/imports/:importId/rows`. " +
          "With `ifPreviewOpen=refuse`, 409 `import_preview_exists` (with `importId`) when an identical file's " +
          "preview is still open for the customer; 409 `import_running` (with `importId`) while an import runs.",
        params: CustomerParamsSchema,
        consumes: ["multipart/form-data"],
        multipartBody: UploadFormSchema,
        response: { 201: ImportPreviewSchema },
      },
    },
    async (request, reply) => {
      const { scope } = requireIdentity(request);
      if (!request.isMultipart()) {
        throw new AppError(
          "unsupported_media_type",
          "Send the file as multipart/form-data with the fields file and behaviour.",
        );
      }
      let file: { fileName: string; bytes: Uint8Array } | undefined;
      let behaviourText: string | undefined;
      let refuseIfOpen = false;
      try {
        for await (const part of request.parts()) {
          if (part.type === "file") {
            if (part.fieldname !== "file" || file) {
              await part.toBuffer();
              continue;
            }
            file = { fileName: part.filename, bytes: new Uint8Array(await part.toBuffer()) };
          } else if (part.fieldname === "behaviour") {
            behaviourText = String(part.value);
          } else if (part.fieldname === "ifPreviewOpen") {
            refuseIfOpen = String(part.value) === "refuse";
          }
        }
      } catch (error) {
        // The multipart parser's own errors about a broken body ("Unexpected end of form") carry
        // no HTTP status; they are the client's, not ours. Limits (413) keep theirs.
        if ((error as { statusCode?: number }).statusCode) throw error;
        throw new AppError(
          "malformed_request",
          `The multipart body could not be read (${(error as Error).message}). Send the file as multipart/form-data with the fields file and behaviour.`,
        );
      }
      const errors: ProblemError[] = [];
      if (!file)
        errors.push({ code: "required", field: "file", message: "Choose a CSV file to upload." });
      const behaviour = ImportBehaviourSchema.safeParse(behaviourText);
      if (!behaviour.success) {
        errors.push({
          code: "invalid_value",
          field: "behaviour",
          message: behaviourText
            ? `Unknown import behaviour "${behaviourText}". ${BEHAVIOUR_HINT}`
            : `Choose an import behaviour. ${BEHAVIOUR_HINT}`,
        });
      }
      if (errors.length || !file || !behaviour.success)
        throw new AppError("validation_failed", "The upload is incomplete.", { errors });
      const preview = await previewImport({ prisma, raw }, scope, request.params.customerId, {
        ...file,
        behaviour: behaviour.data,
        refuseIfOpen,
      });
      return reply
        .status(201)
        .header("location", `/api/v1/customers/${request.params.customerId}/imports/${preview.id}`)
        .send(preview);
    },
  );

  app.post(
    "/customers/:customerId/imports/:importId/apply",
    {
      schema: {
        tags: ["csv"],
        summary:
          "Confirm a previewed import: it runs as a background task; the answer's counts are the plan applied",
        params: ImportParamsSchema,
        body: ApplyImportInputSchema.optional(),
        response: { 202: ImportSummarySchema },
      },
      // `{ applyValidRowsOnly? }` may be left out altogether: http/empty-json-body.ts reads a
      // request that sent no body as `{}` for every route with a body schema.
    },
    async (request, reply) => {
      const summary = await applyImport(
        { prisma, raw },
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.importId,
        request.body ?? {},
      );
      kickWorker();
      return reply.status(202).send(summary);
    },
  );

  app.get(
    "/customers/:customerId/imports",
    {
      schema: {
        tags: ["csv"],
        summary: "The customer's CSV imports (tasks), newest first",
        params: CustomerParamsSchema,
        querystring: ListImportsQuerySchema,
        response: { 200: pageOf(ImportSummarySchema) },
      },
    },
    async (request) =>
      listImports(prisma, requireIdentity(request).scope, request.params.customerId, request.query),
  );

  app.get(
    "/customers/:customerId/imports/:importId",
    {
      schema: {
        tags: ["csv"],
        summary: "One import: progress, counts and problem rows",
        params: ImportParamsSchema,
        response: { 200: ImportPreviewSchema },
      },
    },
    async (request) =>
      getImport(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.importId,
      ),
  );

  app.get(
    "/customers/:customerId/imports/:importId/rows",
    {
      schema: {
        tags: ["csv"],
        summary:
          "Every row of an import: the plan of a preview (outcome, who, changes before → after, why skipped), then each row's result",
        params: ImportParamsSchema,
        querystring: ListImportRowsQuerySchema,
        response: { 200: pageOf(ImportRowResultSchema) },
      },
    },
    async (request) =>
      listImportRows(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.importId,
        request.query,
      ),
  );

  app.delete(
    "/customers/:customerId/imports/:importId",
    {
      config: { problems: ["import_not_discardable"] },
      schema: {
        tags: ["csv"],
        summary:
          "Discard a preview (Cancel): it is no longer listed and its file and rows are removed; an applied import cannot be",
        params: ImportParamsSchema,
        response: { 204: z.null().describe("No content") },
      },
    },
    async (request, reply) => {
      await discardImport(
        { prisma, raw },
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.importId,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/customers/:customerId/imports/:importId/errors.csv",
    {
      schema: {
        tags: ["csv"],
        summary: "The failed rows as uploaded plus an Errors column",
        params: ImportParamsSchema,
        produces: ["text/csv"],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const { fileName, body } = await exportImportErrors(
        prisma,
        requireIdentity(request).scope,
        request.params.customerId,
        request.params.importId,
      );
      return attachment(reply, fileName)
        .serializer((s) => s as string)
        .send(body);
    },
  );
};

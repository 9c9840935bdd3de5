import { ImportPreviewSchema, type ImportBehaviour } from "@partner-hub/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { getImportQueryOptions } from "./get-import.ts";

export interface UploadImportVariables {
  file: File;
  behaviour: ImportBehaviour;
  /** Make a new preview even when this file's preview is still open (else 409 naming it). */
  allowDuplicate?: boolean;
}

/**
 * Sends the file for a preview (spec §6): the server validates every row and applies nothing.
 * File-level refusals: 422 `csv_invalid`, 413 `file_too_large`, 409 `import_running` (with
 * `importId` of the running task), 409 `import_preview_exists` (with `importId` of the open
 * preview of the same file).
 */
export function uploadImport(
  customerId: string,
  { file, behaviour, allowDuplicate }: UploadImportVariables,
) {
  const body = new FormData();
  // Fields before the file: the server reads the multipart stream in order.
  body.append("behaviour", behaviour);
  // The web asks to be told about an open preview of the same file, to offer it (spec §6).
  if (!allowDuplicate) body.append("ifPreviewOpen", "refuse");
  body.append("file", file, file.name);
  return apiRequest(`/customers/${encodeURIComponent(customerId)}/imports`, ImportPreviewSchema, {
    method: "POST",
    body,
  });
}

export function useUploadImport(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UploadImportVariables) => uploadImport(customerId, variables),
    onSuccess: (preview) => {
      queryClient.setQueryData(getImportQueryOptions(customerId, preview.id).queryKey, preview);
      void queryClient.invalidateQueries({
        queryKey: ["customers", "detail", customerId, "imports", "list"],
      });
    },
  });
}

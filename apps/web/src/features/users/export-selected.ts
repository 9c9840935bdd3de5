import { CSV_BOM, serialiseCsvHeader, serialiseUserRow, type User } from "@partner-hub/shared";

/** Export selected (spec §13): the CSV format of §6, written by the shared serialiser. */
export function selectedUsersCsv(users: Iterable<User>): string {
  let text = CSV_BOM + serialiseCsvHeader();
  for (const user of users) text += serialiseUserRow(user);
  return text;
}

export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

import { z } from "zod";
import type { DatasetReport } from "../report-schema";
import { reportToAlphaCodium } from "./alphacodium";
import { reportToCsv } from "./csv";

export const exportFormatSchema = z.enum(["json", "csv", "alphacodium"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export type RenderedExport = { body: string; contentType: string; fileName: string };

export function renderExport(report: DatasetReport, format: ExportFormat): RenderedExport {
  const base = `dataset-${report.context.datasetRunId}`;
  switch (format) {
    case "json":
      return { body: `${JSON.stringify(report, null, 2)}\n`, contentType: "application/json", fileName: `${base}.json` };
    case "csv":
      return { body: reportToCsv(report), contentType: "text/csv; charset=utf-8", fileName: `${base}.csv` };
    case "alphacodium":
      return {
        body: `${JSON.stringify(reportToAlphaCodium(report), null, 2)}\n`,
        contentType: "application/json",
        fileName: `${base}_solution_database.json`,
      };
  }
}

import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends an Excel file as a download named `fileName` (UTF-8 names need RFC 5987's filename*). */
export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer): Buffer {
  void reply
    .header('Content-Type', XLSX_TYPE)
    .header(
      'Content-Disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
  return body;
}

import type { FastifyRequest } from 'fastify';
import { tooLarge, uploadMissing } from '../uploads.service';

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

/**
 * Reads the one file of a multipart/form-data request into memory (at most UPLOAD_MAX_BYTES, enforced
 * by @fastify/multipart while streaming, so an oversized body is never buffered whole).
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw uploadMissing();
  try {
    const part = await request.file();
    if (!part || part.fieldname !== UPLOAD_FIELD) throw uploadMissing();
    return await part.toBuffer();
  } catch (error) {
    // FST_REQ_FILE_TOO_LARGE, FST_FILES_LIMIT, FST_PARTS_LIMIT…: all 413 from the multipart plugin.
    if (statusOf(error) === 413) throw tooLarge(maxBytes);
    throw error;
  }
}

function statusOf(error: unknown): number | null {
  if (error && typeof error === 'object' && 'statusCode' in error) {
    const status = (error as { statusCode: unknown }).statusCode;
    return typeof status === 'number' ? status : null;
  }
  return null;
}

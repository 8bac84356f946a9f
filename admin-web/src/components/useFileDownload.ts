import { useMutation } from '@tanstack/react-query';
import type { DownloadedFile } from '../api';
import { saveBlob } from '../utils/save-file';
import { useApiFeedback } from './useApiFeedback';

interface DownloadRequest {
  fetch: () => Promise<DownloadedFile>;
  /** Used when the server names no file. */
  fallbackName: string;
}

/**
 * Fetches a file through the API client (so the token goes in a header, never in a URL) and saves it;
 * a refusal shows the server's message like any other call.
 */
export function useFileDownload() {
  const { showError } = useApiFeedback();
  return useMutation({
    mutationFn: async ({ fetch, fallbackName }: DownloadRequest) => {
      const file = await fetch();
      saveBlob(file.blob, file.fileName ?? fallbackName);
      return file;
    },
    onError: showError,
  });
}

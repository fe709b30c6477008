import { documentUrl } from '../shared/api/client';

/**
 * Saves a document of the API under `filename`: fetched with the bearer token as a blob (a plain link would go
 * without it), as the report form's PDF is (cases/ReportFormButtons.tsx).
 */
export async function saveDocument(path: string, filename: string): Promise<void> {
  const url = await documentUrl(path);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

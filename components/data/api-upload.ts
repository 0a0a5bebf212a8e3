import { uploadWithProgress } from "@/components/ui/upload-with-progress";
import { ApiError, readProblem } from "./api-fetch";

/**
 * A file sent as the raw body of an /api/v1 upload route, with progress, answering like `apiFetch`:
 * the JSON body on success, an `ApiError` (the problem's sentence and field errors) otherwise, so a
 * `useMutation` treats an upload as any other write.
 */
export async function apiUpload<T>(args: {
  url: string;
  file: Blob;
  contentType: string;
  onProgress?: (sent: number, total: number) => void;
}): Promise<T> {
  let answer: Awaited<ReturnType<typeof uploadWithProgress>>;
  try {
    answer = await uploadWithProgress(args);
  } catch (e) {
    throw new ApiError(0, e instanceof Error ? e.message : "The upload was interrupted");
  }
  if (answer.status < 200 || answer.status >= 300) throw readProblem(answer.status, answer.body);
  return answer.body as T;
}

/** The HTTP status and the parsed JSON body (null when the answer was not JSON). */
export type TUploadAnswer = { status: number; body: unknown };

/**
 * POSTs a file as the raw request body, reporting bytes sent. XMLHttpRequest rather than fetch:
 * fetch has no upload progress. The session cookie goes along (same origin), and so does Origin,
 * which /api/v1 checks on cookie-authenticated writes. Rejects only when no answer arrived.
 */
export function uploadWithProgress(args: {
  url: string;
  file: Blob;
  contentType: string;
  onProgress?: (sent: number, total: number) => void;
  /** The whole body has been sent; the server is working on it. */
  onSent?: () => void;
}): Promise<TUploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", args.url);
    xhr.setRequestHeader("content-type", args.contentType);
    xhr.setRequestHeader("accept", "application/json, application/problem+json");
    xhr.upload.onprogress = (e) => args.onProgress?.(e.loaded, e.lengthComputable ? e.total : args.file.size);
    xhr.upload.onload = () => args.onSent?.();
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted: check the connection and try again"));
    xhr.onabort = () => reject(new Error("The upload was cancelled"));
    xhr.send(args.file);
  });
}

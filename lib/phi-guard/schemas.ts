import { z } from "zod";

export const CONFIRMATIONS_PAGE_SIZE = 25;

export const ZConfirmationId = z.object({ id: z.uuid({ message: "Unknown confirmation" }) });

/** ?page=1… (1-based, default 1); anything else is refused as a 400, never a 500. */
export const ZConfirmationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type TConfirmationListQuery = z.infer<typeof ZConfirmationListQuery>;

import { listConfirmationsRoute } from "@/lib/phi-guard/routes";

export const GET = listConfirmationsRoute.handle;

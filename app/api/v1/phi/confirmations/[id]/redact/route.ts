import { redactConfirmationRoute } from "@/lib/phi-guard/routes";

export const POST = redactConfirmationRoute.handle;

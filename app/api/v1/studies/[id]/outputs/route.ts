import { importOutputsRoute } from "@/lib/studies/outputs-route";

export const POST = importOutputsRoute.handle;

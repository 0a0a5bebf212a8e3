import { submitSeedRoute } from "@/lib/seeds/submit-route";

export const POST = submitSeedRoute.handle;

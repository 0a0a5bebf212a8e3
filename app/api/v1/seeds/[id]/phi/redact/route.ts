import { phiRedactRoute } from "@/lib/seeds/phi-routes";

export const POST = phiRedactRoute.handle;

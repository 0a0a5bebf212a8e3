import { phiFalsePositiveRoute } from "@/lib/seeds/phi-routes";

export const POST = phiFalsePositiveRoute.handle;

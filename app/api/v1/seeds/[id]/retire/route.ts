import { retireSeedRoute } from "@/lib/seeds/retire-route";

export const POST = retireSeedRoute.handle;

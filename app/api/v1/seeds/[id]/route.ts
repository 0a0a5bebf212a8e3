import { getSeedRoute } from "@/lib/seeds/get-route";
import { saveSeedRoute } from "@/lib/seeds/save-route";

export const GET = getSeedRoute.handle;
export const PUT = saveSeedRoute.handle;

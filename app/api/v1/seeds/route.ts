import { createSeedRoute } from "@/lib/seeds/create-route";
import { listSeedsRoute } from "@/lib/seeds/list-route";

export const GET = listSeedsRoute.handle;
export const POST = createSeedRoute.handle;

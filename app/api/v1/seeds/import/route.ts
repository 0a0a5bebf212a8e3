import { importSeedsRoute } from "@/lib/seeds/import-route";

export const POST = importSeedsRoute.handle;

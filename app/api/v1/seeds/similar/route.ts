import { similarSeedsRoute } from "@/lib/seeds/similar-route";

export const GET = similarSeedsRoute.handle;

import { reviewSeedRoute } from "@/lib/seeds/review-route";

export const POST = reviewSeedRoute.handle;

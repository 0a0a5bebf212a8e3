import { allocationLogRoute } from "@/lib/studies/allocation-log-route";

export const GET = allocationLogRoute.handle;

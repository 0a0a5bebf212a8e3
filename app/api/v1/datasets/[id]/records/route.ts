import { browseRecordsRoute } from "@/lib/datasets/dataset-routes";

export const GET = browseRecordsRoute.handle;

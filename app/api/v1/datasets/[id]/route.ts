import { getDatasetRoute } from "@/lib/datasets/dataset-routes";

export const GET = getDatasetRoute.handle;

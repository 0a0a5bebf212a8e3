import { importDatasetRoute, listDatasetsRoute } from "@/lib/datasets/dataset-routes";

export const GET = listDatasetsRoute.handle;
export const POST = importDatasetRoute.handle;

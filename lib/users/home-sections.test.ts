import { expect, it } from "vitest";
import { homeSections } from "./home-sections";

it("gives each role its own home sections", () => {
  expect(homeSections("CLINICIAN")).toEqual(["seedWork", "auditWork", "ratingWork"]);
  expect(homeSections("ADMIN")).toEqual(["adminOverview"]);
  expect(homeSections("RESEARCHER")).toEqual(["results"]);
});

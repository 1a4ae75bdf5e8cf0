/** The map view as a bounding box: wrapped longitudes, the antimeridian, the whole world. */
import { describe, expect, it } from "vitest";
import { boundsOf } from "@/components/surface/bounds";

const view = (west: number, south: number, east: number, north: number) => ({ getBounds: () => ({ getWest: () => west, getEast: () => east, getSouth: () => south, getNorth: () => north }) });

describe("boundsOf", () => {
  it("passes an ordinary view through", () => {
    expect(boundsOf(view(-10, 35, 30, 60))).toEqual({ west: -10, south: 35, east: 30, north: 60 });
  });
  it("wraps a view across the antimeridian to west > east", () => {
    expect(boundsOf(view(170, -50, 190, 10))).toEqual({ west: 170, south: -50, east: -170, north: 10 });
    expect(boundsOf(view(-190, -50, -170, 10))).toEqual({ west: 170, south: -50, east: -170, north: 10 });
  });
  it("is the whole world when the view is 360° wide or more, and clamps latitude", () => {
    expect(boundsOf(view(-300, -95, 400, 95))).toEqual({ west: -180, south: -90, east: 180, north: 90 });
    expect(boundsOf(view(0, 0, 180, 10))).toEqual({ west: 0, south: 0, east: 180, north: 10 });
  });
});

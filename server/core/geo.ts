/** Distances on the Earth's surface, the one formula every module uses (solvers, triggers' twins, searches). */

export type GeoPoint = { lat: number; lon: number };

/** The mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km by the haversine formula on a sphere of radius {@link EARTH_RADIUS_KM}. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Travel minutes = great-circle km / speed × 60 (the matching solver's and the double-booking trigger's rule). */
export function travelMinutes(a: GeoPoint, b: GeoPoint, speedKmh: number): number {
  return (greatCircleKm(a, b) / speedKmh) * 60;
}

// The placement core's distance is the platform's one (server/core/geo.ts); re-exported for its public interface.
export { EARTH_RADIUS_KM, greatCircleKm } from '../../../core/geo.ts';

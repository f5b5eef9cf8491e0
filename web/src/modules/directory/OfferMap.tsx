import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { directionOf } from '../../app/i18n';
import type { OfferSummary } from './directory.api';
import type { City } from '../../app/city';
import { fromSearch } from './searchReturn';

export interface MapEntry {
  offer: OfferSummary;
  number: number;
}

/** A popup's content, built as DOM (no HTML strings from data): the offer's name as a link, and its address. */
function popupContent(entry: MapEntry, openLabel: string, go: (path: string) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'app-directory-popup';
  const link = document.createElement('a');
  link.href = `/angebote/${entry.offer.slug}`;
  link.className = 'kern-link';
  link.textContent = entry.offer.name?.value ?? entry.offer.slug;
  link.dir = 'auto';
  if (entry.offer.name?.lang) link.lang = entry.offer.name.lang;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    go(link.pathname);
  });
  const address = document.createElement('p');
  address.dir = 'auto';
  address.textContent = entry.offer.location
    ? `${entry.offer.location.address}, ${entry.offer.location.postcode} ${entry.offer.location.city}`
    : '';
  const open = document.createElement('span');
  open.className = 'kern-sr-only';
  open.textContent = ` (${openLabel})`;
  link.append(open);
  box.append(link, address);
  return box;
}

/** A place name on a map without base map: text only, not interactive, beneath the markers. */
function placeLabel(name: string, at: { lat: number; lon: number }, kind: 'district' | 'ortsteil'): L.Marker {
  const label = document.createElement('span');
  label.textContent = name;
  label.setAttribute('aria-hidden', 'true');
  return L.marker([at.lat, at.lon], {
    icon: L.divIcon({
      className: `app-directory-place app-directory-place--${kind}`,
      html: label,
      iconSize: undefined,
    }),
    interactive: false,
    keyboard: false,
    zIndexOffset: -1000,
  });
}

/** Shows all results (or the whole city when none has a place). */
function fitResults(map: L.Map, bounds: L.LatLngBounds | null, city: City): void {
  const size = map.getSize();
  if (size.x === 0 || size.y === 0) return;
  if (bounds) map.fitBounds(bounds, { padding: [36, 36], maxZoom: 15, animate: false });
  else map.setView([city.centre.lat, city.centre.lon], 11, { animate: false });
}

/**
 * The results on a Leaflet map: numbered markers (as in the list) that are reachable by Tab and open a popup
 * with Enter, whose link leads to the offer. The base map comes from the city's tile URL; without one the
 * markers stand on a plain background with the Stadtbezirke named, and nothing is fetched from elsewhere.
 */
export function OfferMap({
  entries,
  city,
  highlighted,
}: {
  entries: readonly MapEntry[];
  city: City;
  highlighted: string | null;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markersRef = useRef<L.LayerGroup | null>(null);
  const markerById = useRef(new Map<string, L.Marker>());
  const boundsRef = useRef<L.LatLngBounds | null>(null);
  const rtl = directionOf(i18n.language) === 'rtl';

  // The map itself: made once per city and writing direction (the zoom buttons sit at the reading start).
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = L.map(element, {
      center: [city.centre.lat, city.centre.lon],
      zoom: 11,
      zoomControl: false,
      attributionControl: Boolean(city.tileUrl),
      scrollWheelZoom: false,
    });
    L.control
      .zoom({
        position: rtl ? 'topright' : 'topleft',
        zoomInTitle: t('directory:map.zoomIn'),
        zoomOutTitle: t('directory:map.zoomOut'),
      })
      .addTo(map);
    if (city.tileUrl) {
      map.attributionControl.setPrefix(false);
      L.tileLayer(city.tileUrl, { maxZoom: 19, attribution: t('directory:map.attribution') }).addTo(map);
    } else {
      // Without a base map, place names give a sense of where things are: the Stadtbezirke when the whole
      // city is in view, their Ortsteile closer in.
      const districts = L.layerGroup(
        city.districts.map((district) => placeLabel(district.name, district.centre, 'district')),
      );
      const ortsteile = L.layerGroup(
        city.districts.flatMap((district) =>
          district.ortsteile.map((ortsteil) => placeLabel(ortsteil.name, ortsteil.centre, 'ortsteil')),
        ),
      );
      const showLabels = () => {
        const close = map.getZoom() >= 13;
        if (close) {
          districts.remove();
          ortsteile.addTo(map);
        } else {
          ortsteile.remove();
          districts.addTo(map);
        }
      };
      map.on('zoomend', showLabels);
      map.whenReady(showLabels);
    }
    markersRef.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    map.on('popupopen', (event) => {
      const popup = event.popup.getElement();
      popup
        ?.querySelector('.leaflet-popup-close-button')
        ?.setAttribute('aria-label', t('directory:map.close'));
      popup?.querySelector<HTMLAnchorElement>('.app-directory-popup a')?.focus();
    });
    // Shown after being hidden (the list/map switch on a phone) or resized: measure again and fit the results.
    const observer = new ResizeObserver(() => {
      map.invalidateSize({ pan: false });
      fitResults(map, boundsRef.current, city);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      markersRef.current = null;
    };
  }, [city, rtl, t]);

  // The markers of the current results.
  useEffect(() => {
    const map = mapRef.current;
    const layer = markersRef.current;
    if (!map || !layer) return;
    layer.clearLayers();
    markerById.current.clear();
    const points: L.LatLngExpression[] = [];
    for (const entry of entries) {
      const location = entry.offer.location;
      if (!location) continue;
      const name = entry.offer.name?.value ?? entry.offer.slug;
      const marker = L.marker([location.lat, location.lon], {
        icon: L.divIcon({
          className: 'app-directory-marker',
          html: `<span>${entry.number}</span>`,
          iconSize: [32, 32],
          iconAnchor: [16, 16],
          popupAnchor: [0, -14],
        }),
        keyboard: true,
        riseOnHover: true,
      });
      const open = (path: string) => navigate(path, { state: fromSearch(search) });
      marker.bindPopup(popupContent(entry, t('directory:map.open'), open), { maxWidth: 260 });
      marker.addTo(layer);
      const icon = marker.getElement();
      icon?.setAttribute('aria-label', t('directory:map.marker', { number: entry.number, name }));
      icon?.setAttribute('title', name);
      markerById.current.set(entry.offer.id, marker);
      points.push([location.lat, location.lon]);
    }
    boundsRef.current = points.length > 0 ? L.latLngBounds(points) : null;
    map.invalidateSize({ pan: false });
    fitResults(map, boundsRef.current, city);
  }, [entries, city, navigate, search, t]);

  // The list's hovered or focused result stands out on the map.
  useEffect(() => {
    for (const [id, marker] of markerById.current) {
      marker.getElement()?.classList.toggle('app-directory-marker--active', id === highlighted);
      marker.setZIndexOffset(id === highlighted ? 1000 : 0);
    }
  }, [highlighted]);

  return (
    <section
      ref={container}
      className="app-directory-map__canvas"
      dir="ltr"
      aria-label={t('directory:map.label')}
      data-tiles={city.tileUrl ? 'true' : 'false'}
    />
  );
}

// The stations on a Leaflet map, one circle marker per station coloured by its state (and drawn
// differently, so that colour is never the only sign): no tile server by default (the console
// works offline), so the map then shows the markers alone, fitted to their bounds.
import { h, v } from '../dom.js';
import { t } from '../i18n.js';

export const strings = {
  vi: {
    'stations.map.label': 'Bản đồ các trạm',
    'stations.map.legend': 'Chú giải',
    'stations.map.zoomIn': 'Phóng to',
    'stations.map.zoomOut': 'Thu nhỏ',
    'stations.map.noTiles': 'Chưa cài máy chủ bản đồ nền: chỉ hiện vị trí các trạm.',
    'stations.map.noPlace': 'Trạm chưa có toạ độ:',
    'stations.map.nothing': 'Chưa trạm nào có toạ độ để hiện trên bản đồ.',
  },
  en: {
    'stations.map.label': 'Map of the stations',
    'stations.map.legend': 'Legend',
    'stations.map.zoomIn': 'Zoom in',
    'stations.map.zoomOut': 'Zoom out',
    'stations.map.noTiles': 'No base map server is set up: the map shows the stations\' positions only.',
    'stations.map.noPlace': 'Stations without coordinates:',
    'stations.map.nothing': 'No station has coordinates to show on the map yet.',
  },
};

const STYLES = {
  online: { color: '#116b2b', fillColor: '#1e8e3e', fillOpacity: 0.9, weight: 2, dashArray: null, radius: 9 },
  playing: { color: '#0b57d0', fillColor: '#4285f4', fillOpacity: 0.9, weight: 4, dashArray: null, radius: 11 },
  faulty: { color: '#a64b00', fillColor: '#f29900', fillOpacity: 0.9, weight: 4, dashArray: '3 3', radius: 10 },
  offline: { color: '#5f6368', fillColor: '#ffffff', fillOpacity: 1, weight: 3, dashArray: '4 3', radius: 9 },
};

/**
 * Up to this many stations, each carries its name and state beside it and is a link reached with
 * the keyboard; more, the name shows on hover only and the stations table is the keyboard route
 * (a thousand tab stops would help no one).
 */
const LABELLED = 40;

/**
 * The marker as a link for the keyboard and screen readers (its SVG path, named by its label
 * beside it), or plain again.
 */
function linkable(path, labelId, on, href) {
  if (!on) {
    ['tabindex', 'role', 'aria-labelledby'].forEach((name) => path.removeAttribute(name));
    return;
  }
  path.setAttribute('tabindex', '0');
  path.setAttribute('role', 'link');
  path.setAttribute('aria-labelledby', labelId);
  path.removeAttribute('aria-describedby'); // Leaflet points it at the same tooltip: it would be read twice
  if (!path.dataset.keys) {
    path.dataset.keys = 'on';
    path.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        location.hash = href(path.dataset.station);
      }
    });
  }
}

/** Text made safe to hand to an API that takes markup. */
function asText(text) {
  const box = document.createElement('span');
  box.textContent = text;
  return box.innerHTML;
}

function placed(station) {
  return typeof station.latitude === 'number' && typeof station.longitude === 'number';
}

/** The legend: each state's marker drawn as on the map, with its word. */
function legend() {
  return h('ul', { class: 'map-legend', 'aria-label': t('stations.map.legend') },
    ['online', 'playing', 'faulty', 'offline'].map((kind) => h('li', {},
      h('span', { class: `map-dot map-dot-${kind}`, 'aria-hidden': 'true' }), t(`stations.state.${kind}`))));
}

/**
 * Builds the map section in `parent`. Returns {update(board), destroy()}; update redraws the
 * markers (a new station, a changed state) and fits the view the first time there are markers.
 */
export function stationMap(parent, settings, href) {
  const box = h('div', { class: 'map', role: 'region', 'aria-label': t('stations.map.label') });
  const unplaced = h('p', { class: 'map-unplaced' });
  const note = settings.tileUrl ? null : h('p', { class: 'map-note' }, h('small', {}, t('stations.map.noTiles')));
  const shown = h('div', { class: 'map-wrap' }, legend(), box, note);
  parent.append(shown, unplaced);
  const map = L.map(box, { zoomControl: false, attributionControl: Boolean(settings.tileUrl), minZoom: 3,
    maxZoom: 18 }).setView([16, 106], 5);
  L.control.zoom({ zoomInTitle: t('stations.map.zoomIn'), zoomOutTitle: t('stations.map.zoomOut') }).addTo(map);
  if (settings.tileUrl) {
    // Leaflet writes the attribution as markup: the config's text is shown as text, never as markup
    L.tileLayer(settings.tileUrl, { attribution: asText(settings.tileAttribution || ''), maxZoom: 18 }).addTo(map);
  }
  const markers = new Map();
  let fitted = false;

  function update(board) {
    const seen = new Set();
    const labelled = board.list().filter(placed).length <= LABELLED;
    for (const station of board.list().filter(placed)) {
      seen.add(station.id);
      const kind = board.kind(station);
      let marker = markers.get(station.id);
      if (!marker) {
        marker = L.circleMarker([station.latitude, station.longitude], { className: `station-marker` })
          .addTo(map).on('click', () => { location.hash = href(station.id); });
        markers.set(station.id, marker);
      }
      marker.setLatLng([station.latitude, station.longitude]).setStyle(STYLES[kind]).setRadius(STYLES[kind].radius);
      const labelId = `map-label-${station.id}`;
      const label = h('span', { id: labelId }, v(station.name), ': ', t(`stations.state.${kind}`));
      const tooltip = marker.getTooltip();
      if (tooltip && tooltip.options.permanent === labelled) {
        // the same tooltip takes the new words: rebinding would fade the old one out beside the new
        tooltip.options.className = `station-label label-${kind}`;
        tooltip.setContent(label);
        const box = tooltip.getElement();
        Object.keys(STYLES).forEach((state) => box?.classList.toggle(`label-${state}`, state === kind));
      } else {
        marker.unbindTooltip().bindTooltip(label, { permanent: labelled, direction: 'right', offset: [10, 0],
          className: `station-label label-${kind}` });
      }
      const path = marker.getElement();
      if (path) {
        path.dataset.station = station.id;
        path.dataset.kind = kind;
        linkable(path, labelId, labelled, href);
      }
    }
    for (const [id, marker] of markers) {
      if (!seen.has(id)) {
        marker.remove();
        markers.delete(id);
      }
    }
    const missing = board.list().filter((s) => !placed(s));
    unplaced.replaceChildren(h('span', {}, markers.size === 0 ? [t('stations.map.nothing'), ' '] : null,
      missing.length === 0 ? null : [t('stations.map.noPlace'), ' ',
        missing.map((s, i) => [i > 0 ? ', ' : '', h('a', { href: href(s.id) }, v(s.name))])]));
    if (shown.hidden !== (markers.size === 0)) {
      shown.hidden = markers.size === 0;
      map.invalidateSize();
    }
    if (!fitted && markers.size > 0) {
      fitted = true;
      map.fitBounds(L.featureGroup([...markers.values()]).getBounds(), { padding: [30, 30], maxZoom: 14, animate: false });
    }
  }

  return {
    update,
    // stop any pan or zoom under way first: removing a map mid-animation throws from Leaflet's frame callback
    destroy: () => {
      map.stop();
      map.remove();
    },
  };
}

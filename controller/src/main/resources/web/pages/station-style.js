// The stations pages' own styles (pages/stations.css), linked once when one of them first shows.
export function stylesheet() {
  if (!document.querySelector('link[data-styles="stations"]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/console/pages/stations.css';
    link.dataset.styles = 'stations';
    document.head.append(link);
  }
}

/**
 * Marks a table (as dom.js table() builds it) to stack on a phone: each cell carries its column's
 * label (data-label), shown before the cell's value when the rows become cards (stations.css).
 */
export function stacked(wrap) {
  const table = wrap.querySelector('table');
  const labels = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  table.classList.add('stack');
  for (const row of table.querySelectorAll('tbody tr')) {
    const cells = row.querySelectorAll('td');
    if (cells.length === labels.length) {
      cells.forEach((cell, i) => cell.setAttribute('data-label', labels[i]));
    }
  }
  return wrap;
}

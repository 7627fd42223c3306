// Draws the partners per country on a world map (jsvectormap). The tables below stay the
// authoritative figures; the map only appears when scripts run.
(function () {
    const element = document.getElementById('partner-map');
    if (!element || typeof jsVectorMap === 'undefined') {
        return;
    }
    const counts = JSON.parse(element.dataset.values || '{}');
    const names = JSON.parse(element.dataset.names || '{}');
    const label = element.dataset.label || '';
    // The map draws Taiwan apart and has no Hong Kong or Macao: China is shown as one, with the
    // partners of the mainland and of the three regions together.
    const values = Object.assign({}, counts);
    const china = ['CN', 'HK', 'MO', 'TW'].reduce(function (sum, code) { return sum + (counts[code] || 0); }, 0);
    delete values.TW;
    if (china > 0) {
        values.CN = china;
    }
    element.classList.remove('d-none');
    const map = new jsVectorMap({
        selector: '#partner-map',
        map: 'world',
        zoomButtons: true,
        regionStyle: { initial: { fill: '#e9ecef' } },
        visualizeData: Object.keys(values).length > 0 ? { scale: ['#c6dbef', '#08519c'], values: values } : undefined,
        onRegionTooltipShow: function (event, tooltip, code) {
            const key = code === 'TW' ? 'CN' : code;
            tooltip.text((names[key] || tooltip.text()) + ': ' + (values[key] || 0) + ' ' + label);
        },
    });
    // Taiwan takes China's colour.
    const mainland = element.querySelector('path[data-code="CN"]');
    const taiwan = element.querySelector('path[data-code="TW"]');
    if (map && mainland && taiwan) {
        taiwan.setAttribute('fill', mainland.getAttribute('fill'));
    }
})();

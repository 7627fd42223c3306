// Draws the partners per country on a world map (jsvectormap). The tables below stay the
// authoritative figures; the map only appears when scripts run.
(function () {
    const element = document.getElementById('partner-map');
    if (!element || typeof jsVectorMap === 'undefined') {
        return;
    }
    const values = JSON.parse(element.dataset.values || '{}');
    const label = element.dataset.label || '';
    element.classList.remove('d-none');
    new jsVectorMap({
        selector: '#partner-map',
        map: 'world',
        zoomButtons: true,
        regionStyle: { initial: { fill: '#e9ecef' } },
        visualizeData: Object.keys(values).length > 0 ? { scale: ['#c6dbef', '#08519c'], values: values } : undefined,
        onRegionTooltipShow: function (event, tooltip, code) {
            tooltip.text(tooltip.text() + ': ' + (values[code] || 0) + ' ' + label);
        },
    });
})();

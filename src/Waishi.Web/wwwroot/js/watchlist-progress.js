// Follows a background watchlist import: polls its status every second and reloads the page when it ends.
(function () {
    var box = document.getElementById('import-progress');
    if (!box) { return; }
    var url = box.getAttribute('data-status-url');
    var bar = document.getElementById('import-bar');
    var meter = box.querySelector('[role=progressbar]');
    var text = box.querySelector('[role=status]');
    var template = text.textContent;
    // Inline styles are refused by the content security policy; the width is set from here.
    bar.style.width = (bar.getAttribute('data-percent') || '0') + '%';
    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { setTimeout(poll, 3000); return; }
                if (s.finished) { window.location.reload(); return; }
                var percent = s.total > 0 ? Math.min(100, Math.floor(s.saved * 100 / s.total)) : 0;
                bar.style.width = percent + '%';
                meter.setAttribute('aria-valuenow', s.saved);
                text.textContent = template.replace(/\d[\d,]*(?=\D+\d)/, s.saved.toLocaleString());
                setTimeout(poll, 1000);
            })
            .catch(function () { setTimeout(poll, 3000); });
    }
    setTimeout(poll, 1000);
})();

// Shows "importing…" while a large watchlist file uploads and imports.
(function () {
    var form = document.getElementById('import-form');
    if (!form) { return; }
    form.addEventListener('submit', function (e) {
        if (e.submitter && e.submitter.value === 'import') {
            document.getElementById('progress').classList.remove('d-none');
        }
    });
})();

// Polls the ROR import status while an import runs and updates the progress bar and the counts.
(function () {
    const section = document.getElementById('ror-import-status');
    if (!section) {
        return;
    }
    const url = section.dataset.statusUrl;
    const field = name => section.querySelector('[data-field="' + name + '"]');

    function show(s) {
        document.getElementById('ror-progress').value = s.percent;
        for (const name of ['read', 'added', 'updated', 'unchanged', 'skipped', 'failed']) {
            field(name).textContent = s[name];
        }
        field('error').textContent = s.error || '';
        const body = field('errors');
        body.replaceChildren(...s.errors.map(e => {
            const row = document.createElement('tr');
            for (const value of [e.index, e.rorId || '', e.message]) {
                const cell = document.createElement('td');
                cell.textContent = value;
                row.appendChild(cell);
            }
            return row;
        }));
    }

    async function poll() {
        try {
            const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
            if (response.ok) {
                const s = await response.json();
                show(s);
                if (!s.running) {
                    return;
                }
            }
        } catch (e) {
            // Try again on the next tick.
        }
        setTimeout(poll, 1000);
    }

    if (section.dataset.running === 'true') {
        poll();
    }
})();

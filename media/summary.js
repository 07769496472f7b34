// The decision-summary webview's script: posts row clicks, filter changes and export requests, applies updates.
// Loaded with the page's nonce; everything it inserts was escaped by the extension.
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('summary');

  function remember(uri) {
    vscode.setState({ uri: uri });
  }
  remember(document.body.dataset.uri);

  function activate(row) {
    if (row.dataset.index !== undefined) vscode.postMessage({ type: 'reveal', index: Number(row.dataset.index) });
    else if (row.dataset.row !== undefined) vscode.postMessage({ type: 'reveal', row: Number(row.dataset.row) });
    else if (row.dataset.groupBy !== undefined) vscode.postMessage({ type: 'filter', group: { by: row.dataset.groupBy, key: row.dataset.groupKey } });
  }

  const rowSelector = 'tr[data-index], tr[data-row], tr[data-group-by]';

  /** The button in a row's header: what the keyboard reaches the row by. */
  function rowButton(row) {
    return row ? row.querySelector('button.row-action') : null;
  }

  /** A selector that finds the focused control again in the page's next content, or null for none to keep. */
  function focusedControl() {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || !main.contains(el)) return null;
    const attr = function (name, value) {
      return '[' + name + (value === undefined ? '' : '="' + CSS.escape(value) + '"') + ']';
    };
    if (el.id) return '#' + CSS.escape(el.id);
    const row = el.matches('button.row-action') ? el.closest(rowSelector) : null;
    if (row) {
      const r = row.dataset;
      const key =
        r.groupBy !== undefined ? attr('data-group-by', r.groupBy) + attr('data-group-key', r.groupKey) : r.row !== undefined ? attr('data-row', r.row) : attr('data-index', r.index);
      return 'tr' + key + ' button.row-action';
    }
    const d = el.dataset;
    if (el.tagName === 'BUTTON') {
      for (const name of ['sort', 'clearGroup', 'export', 'refresh', 'clearFilter', 'more', 'jump']) {
        if (d[name] === undefined) continue;
        const data = 'data-' + name.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
        return 'button' + attr(data, name === 'sort' || name === 'clearGroup' ? d[name] : undefined);
      }
    }
    return null;
  }

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    // A row's button (Enter and Space click it too), or anywhere else on the row with the mouse.
    const row = target.closest(rowSelector);
    if (row) {
      activate(row);
      return;
    }
    const button = target.closest('button');
    if (button && button.getAttribute('aria-disabled') !== 'true') {
      if (button.dataset.export !== undefined) vscode.postMessage({ type: 'export', format: button.dataset.export });
      else if (button.dataset.more !== undefined) vscode.postMessage({ type: 'more' });
      else if (button.dataset.refresh !== undefined) vscode.postMessage({ type: 'refresh' });
      else if (button.dataset.sort !== undefined) vscode.postMessage({ type: 'sort', column: button.dataset.sort });
      else if (button.dataset.clearFilter !== undefined) vscode.postMessage({ type: 'clearFilter' });
      else if (button.dataset.clearGroup !== undefined) vscode.postMessage({ type: 'filter', group: { by: button.dataset.clearGroup, key: null } });
      else if (button.dataset.jump !== undefined) {
        // Within the page: the items table, below the breakdowns; the keyboard goes on from its first row.
        const to = document.getElementById(button.dataset.jump);
        if (to) to.scrollIntoView({ block: 'start' });
        const first = to && rowButton(to.querySelector(rowSelector));
        if (first) first.focus({ preventScroll: true });
      }
    }
  });

  // The filter box: sent a moment after typing stops, so that a folder of thousands of items is filtered once.
  let typing;
  document.addEventListener('input', function (event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.id !== 'filter') return;
    clearTimeout(typing);
    typing = setTimeout(function () {
      vscode.postMessage({ type: 'filter', text: target.value });
    }, 150);
  });
  document.addEventListener('change', function (event) {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.id === 'decision') vscode.postMessage({ type: 'filter', decision: target.value });
    if (target instanceof HTMLSelectElement && target.id === 'sort') {
      const parts = target.value.split(':');
      vscode.postMessage(parts[0] ? { type: 'sort', column: parts[0], descending: parts[1] === 'desc' } : { type: 'sort', column: null });
    }
  });

  // The status line (role="status", outside <main>, so that it lives on across updates): screen readers say what is
  // written there. Written a moment after the updates stop, and only when it says something new, so that typing in
  // the filter box is not talked over by each count on the way.
  const status = document.getElementById('announce');
  let announcing;
  function announce(text) {
    clearTimeout(announcing);
    announcing = setTimeout(function () {
      if (status && status.textContent !== text) status.textContent = text;
    }, 500);
  }

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (message && message.type === 'progress' && typeof message.text === 'string') {
      const reading = document.getElementById('reading');
      if (reading) reading.textContent = 'Reading the letters… ' + message.text;
      return;
    }
    if (!message || message.type !== 'update' || typeof message.html !== 'string' || typeof message.uri !== 'string') return;
    // The new content replaces the filter box too: what is typed in it now (maybe more than the update was made
    // for), and the caret, stay as they are.
    const box = document.getElementById('filter');
    const typed = box && document.activeElement === box ? { value: box.value, start: box.selectionStart, end: box.selectionEnd } : null;
    const focused = focusedControl();
    const shownRows = main.querySelectorAll('tr[data-row]').length;
    main.innerHTML = message.html;
    const again = document.getElementById('filter');
    if (typed && again instanceof HTMLInputElement) {
      again.value = typed.value;
      again.focus();
      again.setSelectionRange(typed.start, typed.end);
    } else if (focused) {
      // The keyboard stays where it was: on the row, list or button just used (a sort, a breakdown's filter); after
      // "Show more", on the first row it showed.
      // A button the update took away (a filter's clear) leaves the keyboard in the filter box.
      const target =
        (focused === 'button[data-more]' ? rowButton(main.querySelectorAll('tr[data-row]')[shownRows]) : null) ||
        main.querySelector(focused) ||
        document.getElementById('filter');
      if (target instanceof HTMLElement) target.focus({ preventScroll: true });
    }
    if (typeof message.announce === 'string') announce(message.announce);
    document.body.dataset.uri = message.uri;
    if (typeof message.title === 'string') document.title = message.title;
    remember(message.uri);
  });

  vscode.postMessage({ type: 'ready' });
})();

// The decision-summary webview's script: posts row clicks and export requests, applies updates.
// Loaded with the page's nonce; everything it inserts was escaped by the extension.
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('summary');

  function remember(uri) {
    vscode.setState({ uri: uri });
  }
  remember(document.body.dataset.uri);

  function reveal(row) {
    if (row.dataset.index !== undefined) vscode.postMessage({ type: 'reveal', index: Number(row.dataset.index) });
    else if (row.dataset.row !== undefined) vscode.postMessage({ type: 'reveal', row: Number(row.dataset.row) });
  }

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const button = target.closest('button[data-export]');
    if (button) {
      vscode.postMessage({ type: 'export', format: button.dataset.export });
      return;
    }
    const row = target.closest('tr[data-index], tr[data-row]');
    if (row) reveal(row);
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target instanceof Element ? event.target : null;
    const row = target && target.closest('tr[data-index], tr[data-row]');
    if (row) {
      event.preventDefault();
      reveal(row);
    }
  });

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string' || typeof message.uri !== 'string') return;
    main.innerHTML = message.html;
    document.body.dataset.uri = message.uri;
    if (typeof message.title === 'string') document.title = message.title;
    remember(message.uri);
  });

  vscode.postMessage({ type: 'ready' });
})();

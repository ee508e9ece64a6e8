// Registers the service worker of the page's language (data-service-worker), which keeps that
// language's pages, assets and search files for reading offline. Nothing to do where browsers
// have no service workers; a failed registration only means no offline copy.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  var url = script.getAttribute('data-service-worker');
  if (!url) return;
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(url).catch(function () {});
  });
})();

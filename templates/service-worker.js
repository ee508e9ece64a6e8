// The handbook's service worker for one language (written by the build's offline stage from
// templates/service-worker.js; do not edit the built file). It keeps the language's pages, assets
// and search files so the handbook can be read and searched offline. LIST and VERSION change
// with every build whose files change: the browser then installs the new worker, which replaces
// the cache of the previous build. The list is a file of its own so that this worker stays small
// however large the handbook grows.
'use strict';
var PREFIX = 'handbook-' + "__LANG__" + '-';
var CACHE = PREFIX + "__VERSION__";
// The list of files to keep (a JSON array of paths), content-hashed like the rest of the build.
var LIST = "__LIST__";
// A page is asked for on the network first (so a reader sees the latest build) but not for long
// on a poor connection: after this many milliseconds the kept copy is shown.
var NETWORK_WAIT = 3000;

self.addEventListener('install', function (event) {
  event.waitUntil(Promise.all([caches.open(CACHE), fetch(LIST).then(function (response) {
    if (!response.ok) throw new Error(LIST + ': ' + response.status);
    return response.json();
  })]).then(function (opened) {
    return opened[0].addAll(opened[1]);
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf(PREFIX) === 0 && key !== CACHE;
    }).map(function (key) {
      return caches.delete(key);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function kept(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true });
  });
}

function fromNetworkOrKept(request) {
  return new Promise(function (resolve, reject) {
    var done = false;
    var timer = setTimeout(function () {
      kept(request).then(function (copy) {
        if (copy && !done) {
          done = true;
          resolve(copy);
        }
      });
    }, NETWORK_WAIT);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      if (!done) {
        done = true;
        resolve(response);
      }
    }, function (error) {
      clearTimeout(timer);
      kept(request).then(function (copy) {
        if (done) return;
        done = true;
        if (copy) resolve(copy);
        else reject(error);
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fromNetworkOrKept(request));
    return;
  }
  // Assets and search files have content-hashed names: a kept copy is always the right one.
  event.respondWith(kept(request).then(function (copy) {
    return copy || fetch(request);
  }));
});

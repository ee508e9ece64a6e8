// A preview build is never kept offline: this worker (written instead of the handbook's) removes
// any cache and registration a browser may have for this address.
'use strict';
self.addEventListener('install', function () {
  self.skipWaiting();
});
self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.map(function (key) {
      return caches.delete(key);
    }));
  }).then(function () {
    return self.registration.unregister();
  }));
});

// A static file server for the benchmark that compresses text like a CDN does (gzip) and counts
// the bytes it sends. GET /__bytes returns {bytes, requests, files} since the last call.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.css': 'text/css', '.wasm': 'application/wasm' };
const TEXT = new Set(['.html', '.js', '.json', '.txt', '.css']);

function serve(roots) {
  let bytes = 0, files = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/__bytes') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ bytes, requests: files.length, files }));
      bytes = 0; files = [];
      return;
    }
    let file = null;
    for (const root of roots) {
      let p = path.join(root, decodeURIComponent(url.pathname));
      if (p.endsWith('/')) p = path.join(p, 'index.html');
      if (p.startsWith(root) && fs.existsSync(p) && fs.statSync(p).isFile()) { file = p; break; }
    }
    if (!file) { res.writeHead(404); res.end(); return; }
    const ext = path.extname(file);
    let body = fs.readFileSync(file);
    const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-cache' };
    if (TEXT.has(ext) && /gzip/.test(req.headers['accept-encoding'] || '')) {
      body = zlib.gzipSync(body, { level: 6 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
    if (!url.pathname.startsWith('/browser/')) { bytes += body.length; files.push(url.pathname + ' ' + body.length); }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
module.exports = { serve };

'use strict';

const fs = require('node:fs/promises');
const path = require('node:path');
const { errors } = require('@strapi/utils');

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(png|jpe?g|gif|webp)$/i;
const MAX_BYTES = 5 * 1024 * 1024;
const MIME = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/** The raster type the bytes begin with, or null: the name's extension alone proves nothing. */
function rasterType(b) {
  if (b.length >= 8 && b[0] === 0x89 && b.toString('latin1', 1, 4) === 'PNG') return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && b.toString('latin1', 0, 4) === 'GIF8') return 'gif';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

module.exports = {
  async import(ctx) {
    const name = ctx.request.body && ctx.request.body.name;
    const upload = ctx.request.files && ctx.request.files.file;
    if (typeof name !== 'string' || !NAME.test(name) || name.includes('..')) {
      throw new errors.ValidationError(
        `'${String(name).slice(0, 80)}' is not the name of a PNG, JPEG, GIF or WebP image (letters, digits, '-', '_' and '.').`,
      );
    }
    if (!upload || Array.isArray(upload)) throw new errors.ValidationError('Send exactly one file, in the field "file".');
    const bytes = await fs.readFile(upload.filepath);
    if (bytes.length > MAX_BYTES) throw new errors.ValidationError(`${name} is larger than 5 MB.`);
    const type = rasterType(bytes);
    if (!type) throw new errors.ValidationError(`${name} is not a PNG, JPEG, GIF or WebP image.`);

    const url = `/uploads/${name}`;
    const files = strapi.db.query('plugin::upload.file');
    const existing = await files.findOne({ where: { url } });
    if (existing) {
      ctx.body = { data: { id: existing.id, url, created: false } };
      return;
    }
    const folder = path.join(strapi.dirs.static.public, 'uploads');
    await fs.mkdir(folder, { recursive: true });
    const target = path.join(folder, name);
    const onDisk = await fs.readFile(target).catch(() => null);
    if (onDisk && !onDisk.equals(bytes)) {
      throw new errors.ValidationError(`A different file named ${name} is in the uploads folder already; rename the image.`);
    }
    if (!onDisk) await fs.writeFile(target, bytes, { flag: 'wx' });
    const ext = path.extname(name);
    const created = await files.create({
      data: {
        name,
        hash: path.basename(name, ext),
        ext: ext.toLowerCase(),
        mime: MIME[type],
        size: Math.round((bytes.length / 1024) * 100) / 100,
        url,
        provider: 'local',
        folderPath: '/',
      },
    });
    ctx.body = { data: { id: created.id, url, created: true } };
  },
};

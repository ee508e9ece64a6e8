'use strict';

// POST /api/upload-import: cms-push puts content/uploads/FILE into the Media Library under the
// same name, so the pages' image references stay as they are. Only a seed token may call it.
module.exports = {
  routes: [
    {
      method: 'POST',
      path: '/upload-import',
      handler: 'upload-import.import',
    },
  ],
};

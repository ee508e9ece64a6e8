module.exports = ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Nobody signs up through the API: editors use the admin panel, the build uses a token.
      register: { allowedFields: [] },
    },
  },
});

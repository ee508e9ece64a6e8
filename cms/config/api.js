module.exports = {
  rest: {
    defaultLimit: 25,
    // The sync asks for pages of 100 and checks the returned pageSize against this.
    maxLimit: 100,
    withCount: true,
  },
};

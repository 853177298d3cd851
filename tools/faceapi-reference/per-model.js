module.exports = { write: async () => {} };

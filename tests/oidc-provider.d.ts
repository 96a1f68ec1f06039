// oidc-provider ships no types; tests use it through a small surface (tests/oidc-test-provider.ts)
declare module 'oidc-provider';

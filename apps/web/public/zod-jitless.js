// zod compiles object parsers with `new Function` when it may, and probes whether it may by
// trying: under our Content-Security-Policy (no 'unsafe-eval') that probe is reported as a
// violation even though zod catches it. Jitless parsing never probes. zod reads this global
// config when its schemas are built, which happens as soon as the bundle's shared chunk is
// evaluated, before any code of ours in the entry could run; so this is a classic script that
// index.html loads before the bundle.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});

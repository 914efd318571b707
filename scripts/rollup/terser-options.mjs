// terser's options for the CDN builds, and the naming convention they rely on.
//
// Private names, by convention rather than inference:
// - `#private` for internal state and methods: terser shortens them in every chunk by default.
// - a `_` prefix, then a letter, only where a real property is needed: Lit reactive state declared
//   with `state: true`, or a member another class reaches. terser renames those too
//   (`mangle.properties.regex`, as Lit's own build does for its private names).
// Nothing of Lit's matches: its cross-copy names are `_$…` and its internals `__…`; the DOM's
// properties are reserved by terser whatever the regex; a quoted name is never renamed. A `_` name
// must never be spelled as a string (`changed.has('_x')`), since strings keep their spelling.

/** The `mangle.properties` option: which property names terser may rename. */
export const mangleProperties = { regex: /^_[a-zA-Z]/, keep_quoted: true };

/**
 * Options for @rollup/plugin-terser. Pass the same `nameCache` object to every terser run of every
 * build: terser then renames each `_` name to the same short name in every chunk and entry (the
 * plugin minifies chunks one after another when given a cache, and merges what each learnt).
 * `mangle.cache: false` keeps that cache to property names: sharing top-level variable names too
 * would only make later chunks avoid names earlier chunks used (≈ 50 bytes gzip).
 */
export const terserOptions = (nameCache) => ({
  ecma: 2022,
  module: true,
  compress: { passes: 2 },
  format: { comments: false },
  mangle: { properties: mangleProperties, cache: false },
  nameCache,
});

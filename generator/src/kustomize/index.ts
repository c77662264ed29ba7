export { buildPaths, chunk, defaultCacheDir, DEFAULT_CHUNK_SIZE } from './build.js';
export type { BuildOptions, BuildResult, BuildTarget, OwnerFn } from './build.js';
export type { BuildCache } from './cache.js';
export { detectKustomize, versionOf } from './detect.js';
export type { DetectOptions, Kustomize } from './detect.js';
export { DependencyHasher, diskReader } from './deps.js';
export type { FileReader } from './deps.js';
export { buildPathsSequentialNaive } from './naive.js';

export { buildPaths } from './build.js';
export { detectKustomize } from './detect.js';
export { DependencyHasher, diskReader } from './deps.js';
export { buildPathsSequentialNaive } from './naive.js';

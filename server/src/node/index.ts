/**
 * The Node adapters the engine is given through its ports: the file system,
 * the worker-thread parser pool and the check cache's files. The CLI, the
 * language server and the tests import them from here; the engine itself
 * never does (test/engine/purity.test.ts).
 */
export * from './cacheFile';
export * from './nodeFileSystem';
export * from './parserPool';

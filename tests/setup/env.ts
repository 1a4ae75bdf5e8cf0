/**
 * Per-test-file environment: a fresh DATA_DIR (embedded database, caches) so test files never share
 * or leave behind state; the model-grid cache is shared read-mostly under .data/cache.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

if (!process.env.DATA_DIR) process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "siting-test-data-"));
if (!process.env.CACHE_DIR) process.env.CACHE_DIR = path.resolve(__dirname, "../../.data/cache");

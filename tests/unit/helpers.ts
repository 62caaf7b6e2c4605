import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset } from '../../src/model/types';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const loadDataset = (file: 'profile-full.json' | 'profile-shown.json'): Dataset =>
  JSON.parse(readFileSync(resolve(repoRoot, 'data', file), 'utf8')) as Dataset;

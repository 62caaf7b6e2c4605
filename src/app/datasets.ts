import type { Dataset } from '../model/types';
import full from '../../data/profile-full.json';
import shown from '../../data/profile-shown.json';
import type { DatasetChoice } from './selection';

export const EMBEDDED: Record<DatasetChoice, Dataset> = {
  full: full as Dataset,
  shown: shown as Dataset,
};

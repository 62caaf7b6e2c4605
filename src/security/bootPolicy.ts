// Imported first by src/main.tsx, so that the narrowing policy is in force before any module fetches anything.
import { installConnectPolicy } from './connectPolicy';

installConnectPolicy();

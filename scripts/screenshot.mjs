// Screenshot of a running app (npm start): node scripts/screenshot.mjs "?author=yuchen%20hao" out.png
import { launch, openApp } from '../tests/e2e/browser.mjs';
const b = await launch();
const { page, errors } = await openApp(b, process.argv[2] ?? '');
await page.screenshot({ path: process.argv[3] ?? '/tmp/shot.png' });
console.log('errors', errors.map(String));
await b.close();

import { launch, openApp } from '/work/main/tests/e2e/browser.mjs';
const b = await launch();
const { page, errors } = await openApp(b, process.argv[2] ?? '');
await page.screenshot({ path: process.argv[3] ?? '/tmp/shot.png' });
console.log('errors', errors.map(String));
await b.close();
